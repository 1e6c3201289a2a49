//! What the window keeps that is not the session's: the state of its widgets (the filter
//! box, the form's fields, find, the dialogs' fields, the preview, the editor's line index,
//! the thumbnails' textures), and the window's own commands (find — its replacements go
//! to the session as edits —, the theme preview, the typed-paths window).

use std::collections::HashMap;

use crate::command::{Command, EditOp, Effect, Focus, NewPostForm, WindowCommand};
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
    /// Run a command of the window's own; what the session asked in return when it was
    /// given a command on the way (the text itself is only ever edited by the session).
    pub fn run(
        &mut self,
        ctx: &egui::Context,
        session: &mut Session,
        command: &WindowCommand,
    ) -> Vec<Effect> {
        match command {
            WindowCommand::ToggleFind => {
                self.find.open = !self.find.open && session.open.is_some();
                self.find.focus = self.find.open;
                self.find.message = None;
                Vec::new()
            }
            WindowCommand::FindNext => self.find_next(session),
            WindowCommand::Theme(action) => {
                self.theme.act(ctx, session, *action);
                Vec::new()
            }
            WindowCommand::ReplaceOne => {
                let Some(doc) = session.doc() else {
                    return Vec::new();
                };
                let current = self
                    .find
                    .current
                    .clone()
                    .filter(|r| doc.text().get(r.clone()) == Some(self.find.query.as_str()));
                let mut effects = Vec::new();
                if let Some(range) = current {
                    let replace = EditOp::Replace {
                        range: range.clone(),
                        text: self.find.replacement.clone(),
                    };
                    effects = session.apply(Command::Edit(vec![replace]));
                    self.find.current =
                        Some(range.start..range.start + self.find.replacement.len());
                }
                effects.extend(self.find_next(session));
                effects
            }
            WindowCommand::ReplaceAll => {
                let (Some(doc), false) = (session.doc(), self.find.query.is_empty()) else {
                    return Vec::new();
                };
                let count = doc.text().matches(&self.find.query).count();
                let mut effects = Vec::new();
                if count > 0 {
                    effects = session.apply(Command::ReplaceAll {
                        find: self.find.query.clone(),
                        with: self.find.replacement.clone(),
                    });
                }
                self.find.current = None;
                self.find.message = Some(tr!("replaced", count = count));
                effects
            }
            WindowCommand::SubmitTypedPaths => {
                let text = self.typed_paths.take().unwrap_or_default();
                let paths: Vec<std::path::PathBuf> = text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(std::path::PathBuf::from)
                    .collect();
                session.apply(Command::ImportPhotos(paths))
            }
            WindowCommand::CloseTypedPaths => {
                self.typed_paths = None;
                Vec::new()
            }
        }
    }

    /// Select the next match of the query after the last one (or the caret).
    fn find_next(&mut self, session: &mut Session) -> Vec<Effect> {
        let Some(doc) = session.doc() else {
            return Vec::new();
        };
        let from = self
            .find
            .current
            .as_ref()
            .map_or(doc.selection().head, |r| r.end);
        match self.find.next_match(doc.text(), from) {
            Some(range) => {
                self.find.current = Some(range.clone());
                self.find.message = None;
                let select = EditOp::Select {
                    anchor: range.start,
                    head: range.end,
                };
                let mut effects = session.apply(Command::Edit(vec![select]));
                effects.push(Effect::Reveal { focus: Focus::Take });
                effects
            }
            None => {
                self.find.current = None;
                self.find.message = Some(tr!("no-match"));
                Vec::new()
            }
        }
    }
}
