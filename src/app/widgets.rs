//! What the window keeps that is not the session's: the state of its widgets (the filter
//! box, the form's fields, find, the dialogs' fields, the preview, the editor's line index,
//! the thumbnails' textures), and the commands that only touch it (find and replace, the
//! typed-paths window).

use std::collections::HashMap;

use crate::command::{Command, Effect, Focus, NewPostForm};
use crate::session::Session;
use crate::tr;
use crate::ui::editor;
use crate::ui::find::FindState;
use crate::ui::form::FormState;
use crate::ui::preview::Preview;

#[derive(Default)]
pub struct Widgets {
    pub filter: String,
    pub form: FormState,
    pub find: FindState,
    /// The new-post dialog's fields, while it is open.
    pub new_post: Option<NewPostForm>,
    /// Paths typed or pasted when no file dialog is available.
    pub typed_paths: Option<String>,
    pub preview: Preview,
    /// The editor's line index and scroll position.
    pub editor: editor::EditorView,
    /// The text being composed with an input method, and the widget it is composed in.
    pub composing: Option<(Option<egui::Id>, String)>,
    /// The Photos window's thumbnails, by batch and photo.
    pub thumbnails: HashMap<(u64, usize), egui::TextureHandle>,
    /// The spelling worker and its newest answer.
    pub spelling: super::spelling::Spelling,
    /// The site's Jekyll serving the post in its theme.
    pub theme: super::theme::ThemePreview,
}

impl Widgets {
    /// Run a command that only the window's widgets are concerned with; `false` when it
    /// is the session's. Edits of the text go to the session as [`Command::EditText`].
    pub fn run(
        &mut self,
        ctx: &egui::Context,
        session: &mut Session,
        command: &Command,
    ) -> Option<Vec<Effect>> {
        match command {
            Command::ToggleFind => {
                self.find.open = !self.find.open && session.open.is_some();
                self.find.focus = self.find.open;
                self.find.message = None;
                Some(Vec::new())
            }
            Command::FindNext => Some(self.find_next(ctx, session)),
            Command::Theme(action) => {
                self.theme.act(ctx, session, *action);
                Some(Vec::new())
            }
            Command::ReplaceOne => {
                let Some(doc) = session.doc() else {
                    return Some(Vec::new());
                };
                let current = self
                    .find
                    .current
                    .clone()
                    .filter(|r| doc.text.get(r.clone()) == Some(self.find.query.as_str()));
                let mut effects = Vec::new();
                if let Some(range) = current {
                    let mut text = doc.text.clone();
                    text.replace_range(range.clone(), &self.find.replacement);
                    effects = session.apply(Command::EditText(text), &crate::session::NoCaret);
                    self.find.current =
                        Some(range.start..range.start + self.find.replacement.len());
                }
                effects.extend(self.find_next(ctx, session));
                Some(effects)
            }
            Command::ReplaceAll => {
                let (Some(doc), false) = (session.doc(), self.find.query.is_empty()) else {
                    return Some(Vec::new());
                };
                let count = doc.text.matches(&self.find.query).count();
                let mut effects = Vec::new();
                if count > 0 {
                    let text = doc.text.replace(&self.find.query, &self.find.replacement);
                    effects = session.apply(Command::EditText(text), &crate::session::NoCaret);
                }
                self.find.current = None;
                self.find.message = Some(tr!("replaced", count = count));
                Some(effects)
            }
            Command::SubmitTypedPaths => {
                let text = self.typed_paths.take().unwrap_or_default();
                let paths: Vec<std::path::PathBuf> = text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(std::path::PathBuf::from)
                    .collect();
                Some(session.apply(Command::ImportPhotos(paths), &crate::session::NoCaret))
            }
            Command::CloseTypedPaths => {
                self.typed_paths = None;
                Some(Vec::new())
            }
            _ => None,
        }
    }

    /// Select the next match of the query after the last one (or the caret).
    fn find_next(&mut self, ctx: &egui::Context, session: &Session) -> Vec<Effect> {
        let Some(doc) = session.doc() else {
            return Vec::new();
        };
        let from = self
            .find
            .current
            .as_ref()
            .map(|r| r.end)
            .or_else(|| editor::cursor_byte(ctx, &doc.text))
            .unwrap_or(0);
        match self.find.next_match(&doc.text, from) {
            Some(range) => {
                self.find.current = Some(range.clone());
                self.find.message = None;
                vec![Effect::Select {
                    range,
                    focus: Focus::Take,
                }]
            }
            None => {
                self.find.current = None;
                self.find.message = Some(tr!("no-match"));
                Vec::new()
            }
        }
    }
}
