//! The theme preview's strip under the toolbar (which Jekyll, the build's progress and
//! time, the page's URL to open, pages left stale, Full rebuild and Stop), and the question
//! asked once per site before its Jekyll runs the site's own code.

use egui::{Id, Modal, Ui};

use super::labels;
use crate::command::{Command, Requests, ThemeAction, WindowCommand};
use crate::i18n::tr;
use crate::site::serve::BuildStatus;
use crate::tr;

pub struct ThemeView<'a> {
    pub starting: bool,
    /// `jekyll 4.3.1 (jekyll)`.
    pub jekyll: Option<String>,
    /// Plugins GitHub Pages would not run, when the site is built as Pages builds it.
    pub pages_not_run: Option<&'a [String]>,
    pub status: &'a BuildStatus,
    pub url: Option<String>,
    /// Why it could not start.
    pub message: Option<&'a str>,
    /// The problems panel is shown (where the build's errors are listed).
    pub problems_shown: bool,
}

/// The strip. Full rebuild and Stop stay at its right end whatever the status beside them
/// says: a build finishing under the pointer must not move the button being clicked.
pub fn theme_strip(ui: &mut Ui, v: &ThemeView<'_>, commands: &mut Requests) {
    let running = v.message.is_none() && !v.starting;
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            if running {
                if ui.button(tr(labels::STOP_THEME)).clicked() {
                    commands.push(WindowCommand::Theme(ThemeAction::Stop));
                }
                if ui.button(tr(labels::FULL_REBUILD)).clicked() {
                    commands.push(WindowCommand::Theme(ThemeAction::FullRebuild));
                }
            }
            let left = egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true);
            ui.with_layout(left, |ui| status(ui, v, commands));
        });
    });
}

/// Which Jekyll, the build's progress, the page's URL and the pages left stale.
fn status(ui: &mut Ui, v: &ThemeView<'_>, commands: &mut Requests) {
    ui.strong(tr(labels::THEME_PREVIEW));
    if let Some(m) = v.message {
        ui.colored_label(ui.visuals().error_fg_color, m);
        if ui.small_button(tr("close")).clicked() {
            commands.push(WindowCommand::Theme(ThemeAction::Stop));
        }
        return;
    }
    if v.starting {
        ui.spinner();
        ui.label(tr("theme-starting"));
        return;
    }
    if let Some(j) = &v.jekyll {
        ui.weak(j);
    }
    match v.pages_not_run {
        Some([]) => {
            ui.weak(tr("theme-pages"));
        }
        Some(list) => {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                tr!("theme-pages-not-run", plugins = list.join(", ")),
            );
        }
        None => {}
    }
    let s = v.status;
    if let Some(full) = s.building {
        ui.spinner();
        ui.label(if full {
            tr("theme-building-full")
        } else {
            tr("theme-building")
        });
    } else if !s.errors.is_empty() {
        // No page yet when the first build failed: there is nothing older to serve.
        let text = if s.built.is_some() {
            tr!("theme-failed", count = s.errors.len())
        } else {
            tr!("theme-failed-first", count = s.errors.len())
        };
        let text = egui::RichText::new(text).color(ui.visuals().error_fg_color);
        let shown = ui
            .link(text)
            .on_hover_text(tr("theme-failed-hover"))
            .clicked();
        if shown && !v.problems_shown {
            commands.push(Command::ToggleProblems);
        }
    } else if let Some(code) = s.ended {
        let code = code.map_or_else(|| "-".to_owned(), |c| c.to_string());
        ui.colored_label(ui.visuals().error_fg_color, tr!("theme-ended", code = code));
    } else if let Some((seconds, _)) = s.built {
        ui.label(tr!("theme-built", seconds = format!("{seconds:.2}")));
    }
    // Shown as read (`/여행/…`); opened as sent (percent-encoded).
    if let Some(url) = &v.url
        && ui
            .link(crate::journal::permalink::percent_decode(url))
            .on_hover_text(tr("theme-open-hover"))
            .clicked()
    {
        commands.push(WindowCommand::Theme(ThemeAction::OpenPage));
    }
    if !s.stale_pages.is_empty() {
        let hover = format!(
            "{}\n\n{}",
            tr("theme-lists-stale-hover"),
            s.stale_pages.join("\n")
        );
        ui.colored_label(
            ui.visuals().warn_fg_color,
            tr!("theme-lists-stale", count = s.stale_pages.len()),
        )
        .on_hover_text(hover);
    }
}

/// "This site's Jekyll runs the site's own code: run it?", asked once per site.
pub fn trust_dialog(ui: &mut Ui, site: &std::path::Path, commands: &mut Requests) {
    let modal = Modal::new(Id::unique("theme-trust-dialog")).show(ui.ctx(), |ui| {
        ui.set_width(520.0);
        ui.heading(tr(labels::THEME_PREVIEW));
        ui.label(tr!("theme-trust", site = site.display().to_string()));
        ui.horizontal(|ui| {
            if ui.button(tr(labels::THEME_TRUST)).clicked() {
                commands.push(WindowCommand::Theme(ThemeAction::Trust(true)));
            }
            if ui.button(tr("cancel")).clicked() {
                commands.push(WindowCommand::Theme(ThemeAction::Trust(false)));
            }
        });
    });
    if modal.should_close() {
        commands.push(WindowCommand::Theme(ThemeAction::Trust(false)));
    }
}
