//! Carrying out what the session asks of the window, and the one way requests reach the
//! session: the views' after the UI pass, the editor's keys and input method before it,
//! one event at a time (each read against the text the one before it made), its line index
//! following each edit.

use super::DaybookApp;
use crate::command::{Command, EditOp, Effect, Focus, Request};
use crate::ui::editor;

impl DaybookApp {
    pub(super) fn carry_out(&mut self, ctx: &egui::Context, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Reveal { focus } => {
                    if let Some(doc) = self.session.doc() {
                        let take = focus == Focus::Take || editor::may_take_focus(ctx);
                        editor::reveal(ctx, doc, take);
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
                Effect::FormError(error) => {
                    self.widgets.form.others_error = error.map(|e| e.to_string());
                }
                Effect::ShowPhotoPicker(start_in) => {
                    use crate::i18n::tr;
                    let (title, filter) = (tr("picker-title"), tr("picker-filter"));
                    self.session.pick_photos(start_in, title, filter);
                }
                Effect::AskForPhotoPaths => self.widgets.typed_paths = Some(String::new()),
            }
        }
    }

    /// Run what the views asked for this frame: the window's own commands here, the rest
    /// in the session.
    pub(super) fn run_commands(&mut self, ctx: &egui::Context) {
        for request in self.commands.take() {
            let effects = match request {
                Request::Window(command) => self.widgets.run(ctx, &mut self.session, &command),
                Request::Session(Command::Edit(ops)) => {
                    self.edit(ctx, ops);
                    continue;
                }
                Request::Session(command) => self.session.apply(command),
            };
            self.carry_out(ctx, effects);
        }
    }

    /// The one way the editor's edits reach the session: as [`Command::Edit`], the editor's
    /// line index following what they changed.
    pub(super) fn edit(&mut self, ctx: &egui::Context, ops: Vec<EditOp>) {
        if ops.is_empty() {
            return;
        }
        let before = self.session.doc().map(|d| (d.serial, d.generation()));
        let span = editor::changed_span(&ops);
        let effects = self.session.apply(Command::Edit(ops));
        if let (Some(doc), Some(before), Some(span)) = (self.session.doc(), before, span) {
            self.widgets.editor.follow(doc, before, span);
        }
        self.carry_out(ctx, effects);
    }

    /// The editor's keys, text and input-method events, read before the frame is drawn and
    /// given to the session one at a time, so each is read against the text the one before
    /// it made.
    pub(super) fn editor_input(&mut self, ctx: &egui::Context) {
        if let Some(doc) = self.session.doc() {
            let ops = editor::end_interrupted_composition(ctx, &mut self.widgets.editor, doc);
            self.edit(ctx, ops);
        }
        for event in editor::events(ctx) {
            let Some(doc) = self.session.doc() else {
                break;
            };
            let ops = editor::handle(ctx, &mut self.widgets.editor, doc, event);
            self.edit(ctx, ops);
        }
    }
}
