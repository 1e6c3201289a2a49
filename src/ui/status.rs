//! The status bar under the window: the open post's counts (characters with and without
//! spaces, words, reading time), the caret's line and column, and whether it is saved.

use crate::i18n::tr;
use crate::tr;
use egui::Ui;

use crate::journal::stats::TextStats;

/// Where the open post stands with the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Unsaved,
    /// Unsaved, but kept in the recovery folder.
    Autosaved,
    /// Unsaved, and its recovery copy could not be written.
    NotKept,
    ChangedOnDisk,
    DeletedOnDisk,
}

impl SaveState {
    pub fn text(self) -> &'static str {
        match self {
            SaveState::Saved => tr("save-state-saved"),
            SaveState::Unsaved => tr("save-state-unsaved"),
            SaveState::Autosaved => tr("save-state-autosaved"),
            SaveState::NotKept => tr("save-state-not-kept"),
            SaveState::ChangedOnDisk => tr("save-state-changed-on-disk"),
            SaveState::DeletedOnDisk => tr("save-state-deleted-on-disk"),
        }
    }
}

pub struct StatusView<'a> {
    pub stats: Option<&'a TextStats>,
    /// 1-based line and column of the caret.
    pub caret: Option<(usize, usize)>,
    pub save: SaveState,
    /// The local pictures the page loads: how many, and their bytes.
    pub photos: (usize, u64),
}

/// `12,345`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn status_bar(ui: &mut Ui, v: &StatusView<'_>) {
    ui.horizontal(|ui| {
        if let Some(s) = v.stats {
            let text = tr!(
                "text-stats",
                chars = thousands(s.chars),
                without_spaces = thousands(s.chars_without_spaces),
                words = thousands(s.words),
                minutes = s.minutes
            );
            ui.label(text).on_hover_text(tr("text-stats-hover"));
        }
        if v.photos.0 > 0 {
            ui.separator();
            let kb = v.photos.1.div_ceil(1024);
            ui.label(tr!(
                "photo-weight",
                count = v.photos.0,
                kb = thousands(usize::try_from(kb).unwrap_or(usize::MAX))
            ))
            .on_hover_text(tr("photo-weight-hover"));
        }
        if let Some((line, column)) = v.caret {
            ui.separator();
            ui.label(tr!("caret-position", line = line, column = column));
        }
        ui.separator();
        let save = v.save.text();
        match v.save {
            SaveState::Saved => ui.weak(save),
            SaveState::Unsaved | SaveState::Autosaved => ui.label(save),
            SaveState::NotKept => ui.colored_label(ui.visuals().error_fg_color, save),
            _ => ui.colored_label(ui.visuals().warn_fg_color, save),
        };
    });
}

/// The caret's 1-based line and column (in characters) at byte `at` of `text`.
pub fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_columns_and_thousands() {
        let text = "---\n제목\n본문 한 줄";
        assert_eq!(line_and_column(text, 0), (1, 1));
        assert_eq!(line_and_column(text, text.len()), (3, 7));
        assert_eq!(
            line_and_column(text, 5),
            (2, 1),
            "inside a character: its start"
        );
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(12), "12");
    }
}
