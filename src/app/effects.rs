//! Carrying out what the session asks of the window.

use super::DaybookApp;
use crate::command::{Effect, Focus};
use crate::ui::editor;

/// The editor's caret, read when the session asks for it.
pub struct EditorCaret<'a>(pub &'a egui::Context);

impl crate::session::Caret for EditorCaret<'_> {
    fn caret(&self, text: &str) -> Option<usize> {
        editor::cursor_byte(self.0, text)
    }
}

impl DaybookApp {
    pub(super) fn carry_out(&mut self, ctx: &egui::Context, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Select { range, focus } => {
                    let Some(doc) = self.session.doc() else {
                        continue;
                    };
                    if focus == Focus::Take || editor::may_take_focus(ctx) {
                        editor::select(ctx, &doc.text, range);
                    } else {
                        editor::set_selection(ctx, &doc.text, range);
                    }
                }
                Effect::ScrollPreviewTo(at) => self.widgets.preview.scroll_to_source(at),
                Effect::RepaintAfter(wait) => ctx.request_repaint_after(wait),
                Effect::CloseWindow => {
                    self.window.allow_close = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
                Effect::FilesChanged => self.widgets.preview.files_changed(),
                Effect::PostOpened => self.widgets.find.current = None,
                Effect::ShowNewPostDialog(form) => self.widgets.new_post = Some(form),
                Effect::FormSynced(generation) => self.widgets.form.mark_synced(generation),
                Effect::FormError(error) => self.widgets.form.others_error = error,
                Effect::AskForPhotoPaths => self.widgets.typed_paths = Some(String::new()),
            }
        }
    }

    /// Run the commands the views pushed this frame: the widgets' own first, the rest in
    /// the session.
    pub(super) fn run_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            let effects = match self.widgets.run(ctx, &mut self.session, &command) {
                Some(effects) => effects,
                None => self.session.apply(command, &EditorCaret(ctx)),
            };
            self.carry_out(ctx, effects);
        }
    }
}
