//! The editor's Markdown colours: the spans `journal::highlight` finds in a line, painted
//! as an egui layout job (with an input method's composition underlined in place).

use std::ops::Range;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontFamily, FontId, Stroke};

pub use crate::journal::highlight::{Kind, LineState, line, spans, state_after};

/// The format of a kind of span in `style`.
fn format(kind: Kind, style: &egui::Style) -> TextFormat {
    let body = style
        .text_styles
        .get(&egui::TextStyle::Body)
        .cloned()
        .unwrap_or_default();
    let mono = FontId::new(body.size * 0.95, FontFamily::Monospace);
    let v = &style.visuals;
    let mut f = TextFormat::simple(body.clone(), v.text_color());
    match kind {
        Kind::Plain => {}
        Kind::Heading => {
            f.color = v.strong_text_color();
            f.font_id = FontId::new(body.size * 1.15, FontFamily::Proportional);
        }
        Kind::Strong => f.color = v.strong_text_color(),
        Kind::Emphasis => f.italics = true,
        Kind::Link => {
            f.color = v.hyperlink_color;
            f.underline = Stroke::new(1.0, v.hyperlink_color);
        }
        Kind::Image => {
            f.color = if v.dark_mode {
                Color32::from_rgb(110, 200, 160)
            } else {
                Color32::from_rgb(20, 120, 90)
            }
        }
        Kind::Code => {
            f.font_id = mono;
            f.background = v.code_bg_color;
        }
        Kind::FrontMatter | Kind::Quote | Kind::ListMarker => f.color = v.weak_text_color(),
        Kind::Liquid => {
            f.color = if v.dark_mode {
                Color32::from_rgb(190, 150, 230)
            } else {
                Color32::from_rgb(120, 60, 170)
            };
            f.font_id = mono;
        }
    }
    f
}

/// A layout job for one line's text (without its line break) with its spans; `preedit`
/// (an input method's composition) is shown underlined at byte `at` of the line.
pub fn line_job(
    text: &str,
    spans: &[(Range<usize>, Kind)],
    preedit: Option<(usize, &str)>,
    style: &egui::Style,
    wrap_width: f32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let push = |job: &mut LayoutJob, range: Range<usize>, kind: Kind| {
        let range = range.start.min(text.len())..range.end.min(text.len());
        if !range.is_empty() {
            job.append(&text[range], 0.0, format(kind, style));
        }
    };
    let split = preedit.map_or(text.len(), |(at, _)| at.min(text.len()));
    for (range, kind) in spans {
        push(&mut job, range.start..range.end.min(split), *kind);
    }
    if let Some((_, composing)) = preedit {
        let mut f = format(Kind::Plain, style);
        f.underline = Stroke::new(1.5, style.visuals.text_color());
        job.append(composing, 0.0, f);
        for (range, kind) in spans {
            push(&mut job, range.start.max(split)..range.end, *kind);
        }
    }
    if job.text.is_empty() {
        // An empty line is still a row high.
        job.append("", 0.0, format(Kind::Plain, style));
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_composition_is_shown_inside_the_line_without_touching_its_spans() {
        let style = egui::Style::default();
        let text = "가**나**다";
        let (spans, _) = line(text, LineState::default(), false);
        let job = line_job(text, &spans, Some((3, "한")), &style, 100.0);
        assert_eq!(job.text, "가한**나**다");
        let underlined: Vec<&str> = job
            .sections
            .iter()
            .filter(|s| s.format.underline.width > 1.0)
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(underlined, ["한"]);
        assert_eq!(line_job("", &[], None, &style, 100.0).sections.len(), 1);
    }
}
