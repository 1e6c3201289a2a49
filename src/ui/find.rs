//! Find and replace in the open post (Ctrl+F).

use crate::i18n::tr;
use egui::Ui;

use super::labels;
use crate::command::{Requests, WindowCommand};

#[derive(Debug, Default, Clone)]
pub struct FindState {
    pub open: bool,
    pub query: String,
    pub replacement: String,
    /// The byte range of the match last selected.
    pub current: Option<std::ops::Range<usize>>,
    pub message: Option<String>,
    /// Focus the query field on the next frame.
    pub focus: bool,
}

impl FindState {
    /// The next match of the query at or after `from`, wrapping around.
    pub fn next_match(&self, text: &str, from: usize) -> Option<std::ops::Range<usize>> {
        if self.query.is_empty() {
            return None;
        }
        let from = from.min(text.len());
        let from = (0..=from)
            .rev()
            .find(|i| text.is_char_boundary(*i))
            .unwrap_or(0);
        text[from..]
            .find(&self.query)
            .map(|i| from + i)
            .or_else(|| text.find(&self.query))
            .map(|start| start..start + self.query.len())
    }

    pub fn ui(&mut self, ui: &mut Ui, commands: &mut Requests) {
        // Wrapped: beside the preview the editor's column is narrow, and no button may be
        // cut off.
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(tr(labels::FIND));
            let q = ui
                .add(egui::TextEdit::singleline(&mut self.query).desired_width(160.0))
                .labelled_by(l.id);
            if self.focus {
                q.request_focus();
                self.focus = false;
            }
            if q.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                commands.push(WindowCommand::FindNext);
            }
            let l = ui.label(tr(labels::REPLACE));
            ui.add(egui::TextEdit::singleline(&mut self.replacement).desired_width(160.0))
                .labelled_by(l.id);
            if ui.button(tr("find-next")).clicked() {
                commands.push(WindowCommand::FindNext);
            }
            if ui.button(tr("replace-one")).clicked() {
                commands.push(WindowCommand::ReplaceOne);
            }
            if ui.button(tr("replace-all")).clicked() {
                commands.push(WindowCommand::ReplaceAll);
            }
            if ui.button(tr("close")).clicked() {
                commands.push(WindowCommand::ToggleFind);
            }
            if let Some(m) = &self.message {
                ui.weak(m);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_wraps_around_and_respects_char_boundaries() {
        let f = FindState {
            query: "부산".into(),
            ..Default::default()
        };
        let text = "부산 여행, 다시 부산";
        let first = f.next_match(text, 0).unwrap();
        assert_eq!(first, 0..6);
        let second = f.next_match(text, first.end).unwrap();
        assert_eq!(&text[second.clone()], "부산");
        assert!(second.start > 6);
        assert_eq!(f.next_match(text, second.end), Some(0..6));
        assert_eq!(
            f.next_match(text, 1),
            Some(0..6),
            "mid-character start snaps back"
        );
    }
}
