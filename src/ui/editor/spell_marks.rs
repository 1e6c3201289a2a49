//! Misspelt words in the editor: a wavy underline under those on screen, and the menu a
//! right-click on one opens — suggestions best first, Ignore, Add to a word list. The words
//! come from the spelling worker, already moved to where they stand in the text now.

use std::collections::HashMap;

use egui::{Pos2, Stroke, Ui, pos2, vec2};

use super::placed::{Placed, hit, range_rects};
use crate::command::{Command, Requests};
use crate::i18n::tr;
use crate::site::spelling::Misspelt;
use crate::ui::labels;

/// What the editor knows of spelling this frame.
#[derive(Default, Clone, Copy)]
pub struct SpellMarks<'a> {
    /// Sorted by place.
    pub words: &'a [Misspelt],
    /// Suggestions by word, once the worker has them.
    pub suggestions: Option<&'a HashMap<String, Vec<String>>>,
}

/// Which right-clicked word the menu is for.
fn menu_id() -> egui::Id {
    super::editor_id().with("spelling-menu")
}

/// The words of `marks` in bytes `range` of `text` — those still standing there: the
/// words were placed before this frame's own typing.
fn words_in<'a>(
    text: &'a str,
    words: &'a [Misspelt],
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = &'a Misspelt> {
    let first = words.partition_point(|w| w.range.end <= range.start);
    words[first..]
        .iter()
        .take_while(move |w| w.range.start < range.end)
        .filter(|w| stands(text, w))
}

fn stands(text: &str, w: &Misspelt) -> bool {
    text.get(w.range.clone()) == Some(w.word.as_str())
}

/// A wavy line under each misspelt word on screen.
pub(super) fn paint(ui: &Ui, text: &str, placed: &[Placed], origin: Pos2, marks: &SpellMarks<'_>) {
    if marks.words.is_empty() {
        return;
    }
    let stroke = Stroke::new(1.0, ui.visuals().error_fg_color);
    let painter = ui.painter();
    for p in placed {
        let at = origin + vec2(0.0, p.top);
        for w in words_in(text, marks.words, p.range.clone()) {
            let (a, b) = (
                w.range.start.max(p.range.start),
                w.range.end.min(p.range.end),
            );
            for r in range_rects(&p.galley, p.char_of(text, a), p.char_of(text, b)) {
                let r = r.translate(at.to_vec2());
                let y = r.bottom() - 1.5;
                let mut points = Vec::new();
                let mut x = r.left();
                let mut up = false;
                while x <= r.right() {
                    points.push(pos2(x, if up { y - 1.5 } else { y }));
                    x += 2.0;
                    up = !up;
                }
                if points.len() > 1 {
                    painter.add(egui::Shape::line(points, stroke));
                }
            }
        }
    }
}

/// The menu of a right-clicked misspelt word; the word when it was right-clicked this
/// frame (its suggestions are to be asked for).
pub(super) fn menu(
    ui: &Ui,
    response: &egui::Response,
    text: &str,
    placed: &[Placed],
    origin: Pos2,
    marks: &SpellMarks<'_>,
    commands: &mut Requests,
) -> Option<Misspelt> {
    let mut asked = None;
    if response.secondary_clicked() {
        let word = response
            .interact_pointer_pos()
            .and_then(|pos| hit(text, placed, pos - origin))
            .and_then(|at| {
                marks
                    .words
                    .iter()
                    .find(|w| w.range.start <= at && at <= w.range.end && stands(text, w))
            })
            .cloned();
        asked.clone_from(&word);
        ui.data_mut(|d| d.insert_temp(menu_id(), word));
    }
    let word: Option<Misspelt> = ui.data(|d| d.get_temp(menu_id())).flatten();
    if let Some(w) = word {
        response.context_menu(|ui| items(ui, &w, marks, commands));
    }
    asked
}

fn items(ui: &mut Ui, w: &Misspelt, marks: &SpellMarks<'_>, commands: &mut Requests) {
    match marks.suggestions.and_then(|s| s.get(&w.word)) {
        None => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.weak(tr("spelling-looking"));
            });
        }
        Some(list) if list.is_empty() => {
            ui.weak(tr("spelling-no-suggestions"));
        }
        Some(list) => {
            for s in list {
                if ui.button(egui::RichText::new(s).strong()).clicked() {
                    commands.push(Command::ReplaceMisspelt {
                        range: w.range.clone(),
                        word: w.word.clone(),
                        with: s.clone(),
                    });
                    ui.close();
                }
            }
        }
    }
    ui.separator();
    if ui.button(tr(labels::IGNORE_WORD)).clicked() {
        commands.push(Command::IgnoreWord(w.word.clone()));
        ui.close();
    }
    if ui.button(tr(labels::ADD_WORD)).clicked() {
        commands.push(Command::AddWord {
            word: w.word.clone(),
            site: false,
        });
        ui.close();
    }
    if ui.button(tr(labels::ADD_SITE_WORD)).clicked() {
        commands.push(Command::AddWord {
            word: w.word.clone(),
            site: true,
        });
        ui.close();
    }
}
