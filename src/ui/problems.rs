//! The problems panel: what `daybook check` finds, for the open post as it is typed and for
//! the whole site on demand. Clicking a problem jumps to its line; a fix is one click (and
//! one undo step).

use crate::i18n::tr;
use crate::tr;
use egui::{RichText, Ui};

use super::labels;
use crate::command::{Command, Requests};
use crate::journal::check::{Problem, Severity};

/// What the panel shows.
pub struct ProblemsView<'a> {
    /// Problems of the open post (live).
    pub post: &'a [Problem],
    /// Problems of the whole site, once checked.
    pub site: Option<&'a [Problem]>,
    pub checking_site: bool,
    /// The open post's site-relative path (fixes apply only to it).
    pub open_rel: Option<&'a str>,
    /// The image last renamed by a fix, when it can be given its old name back.
    pub undo_rename: Option<&'a str>,
    /// The open post's misspelt words, when spelling is on, and whether they are listed.
    pub spelling: Option<(&'a [Problem], bool)>,
    /// The errors of the theme preview's last build (with the file and line they name).
    pub theme: &'a [Problem],
}

fn severity_text(ui: &Ui, s: Severity) -> RichText {
    let (text, color) = match s {
        Severity::Error => (tr("severity-error"), ui.visuals().error_fg_color),
        Severity::Warning => (tr("severity-warning"), ui.visuals().warn_fg_color),
        Severity::Info => (tr("severity-info"), ui.visuals().weak_text_color()),
    };
    RichText::new(text).color(color).strong()
}

fn counts(problems: &[Problem]) -> String {
    let n = |s| problems.iter().filter(|p| p.severity == s).count();
    tr!(
        "problem-counts",
        errors = n(Severity::Error),
        warnings = n(Severity::Warning),
        notes = n(Severity::Info)
    )
}

/// One line of the panel.
enum Row<'a> {
    Note(String),
    Heading(String),
    Problem(&'a Problem),
}

/// One problem on one line (the whole message on hover).
fn problem_row(ui: &mut Ui, p: &Problem, open_rel: Option<&str>, commands: &mut Requests) {
    ui.label(severity_text(ui, p.severity));
    let place = format!("{}:{}", p.path, p.line);
    if ui.link(&place).on_hover_text(tr("go-to-line")).clicked() {
        commands.push(Command::JumpTo {
            path: p.path.clone(),
            line: p.line,
        });
    }
    if open_rel == Some(p.path.as_str()) {
        for fix in &p.fixes {
            if ui.small_button(fix.label.to_string()).clicked() {
                commands.push(Command::ApplyFix(fix.clone()));
            }
        }
    }
    if let (Some(file), "spaced-image-url") = (&p.file, p.rule) {
        let button = ui.small_button(tr(labels::RENAME_FILE));
        let hover = tr!("rename-file-hover", file = file);
        if button.on_hover_text(hover).clicked() {
            commands.push(Command::RenameImage(file.clone()));
        }
    }
    ui.weak(format!("[{}]", p.rule));
    ui.add(egui::Label::new(p.message.to_string()).truncate());
}

pub fn problems_panel(ui: &mut Ui, view: &ProblemsView<'_>, commands: &mut Requests) {
    ui.horizontal(|ui| {
        ui.strong(tr(labels::PROBLEMS));
        ui.weak(tr!("problems-this-post", counts = counts(view.post)));
        let label = if view.checking_site {
            tr("checking-site")
        } else {
            tr(labels::CHECK_SITE)
        };
        if ui
            .add_enabled(!view.checking_site, egui::Button::new(label))
            .clicked()
        {
            commands.push(Command::CheckSite);
        }
        if let Some(old) = view.undo_rename
            && ui
                .button(tr(labels::UNDO_RENAME))
                .on_hover_text(tr!("undo-rename-hover", file = old))
                .clicked()
        {
            commands.push(Command::UndoRename);
        }
        if let Some((words, shown)) = view.spelling {
            let mut on = shown;
            let label = format!("{} ({})", tr(labels::SPELLING_PROBLEMS), words.len());
            if ui
                .toggle_value(&mut on, label)
                .on_hover_text(tr("spelling-problems-hover"))
                .clicked()
            {
                commands.push(Command::ShowSpellingProblems(on));
            }
        }
        if ui.button(tr("close")).clicked() {
            commands.push(Command::ToggleProblems);
        }
    });
    let mut lines: Vec<Row<'_>> = Vec::new();
    if view.post.is_empty() {
        lines.push(Row::Note(tr!("no-problems")));
    }
    lines.extend(view.post.iter().map(Row::Problem));
    if let Some((words, true)) = view.spelling {
        lines.extend(words.iter().map(Row::Problem));
    }
    if !view.theme.is_empty() {
        lines.push(Row::Heading(tr!(
            "problems-theme-build",
            counts = counts(view.theme)
        )));
        lines.extend(view.theme.iter().map(Row::Problem));
    }
    if let Some(site) = view.site {
        lines.push(Row::Heading(tr!(
            "problems-whole-site",
            counts = counts(site)
        )));
        lines.extend(site.iter().map(Row::Problem));
    }
    // A post or site with thousands of problems lays out only the lines on screen.
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("problems-scroll")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, lines.len(), |ui, range| {
            for i in range {
                ui.push_id(i, |ui| {
                    ui.horizontal(|ui| match &lines[i] {
                        Row::Note(text) => {
                            ui.weak(text);
                        }
                        Row::Heading(text) => {
                            ui.strong(text);
                        }
                        Row::Problem(p) => problem_row(ui, p, view.open_rel, commands),
                    });
                });
            }
        });
}
