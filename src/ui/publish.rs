//! The Publish panel: the post and exactly the files it uses with their git state and size,
//! the check's errors (blocking unless "Commit anyway"), size warnings, an editable commit
//! message, and Commit / Commit and push / Push / Pull with git's progress.

use crate::i18n::tr;
use crate::tr;
use egui::{RichText, Ui};

use super::labels;
use crate::command::{Command, Requests};
use crate::journal::check::unused::human_size;
use crate::site::git::{GitError, GitState, PathState};
use crate::site::publish::PublishPlan;
use crate::ui::toolbar::Status;

/// What the panel shows.
pub struct PublishView<'a> {
    /// The post's file name.
    pub post: String,
    pub git: Option<&'a Result<GitState, GitError>>,
    pub plan: Option<&'a Result<PublishPlan, GitError>>,
    /// The post has unsaved changes (a commit saves it first).
    pub dirty: bool,
    /// What git is doing, while it runs.
    pub busy: Option<&'a crate::i18n::Words>,
    pub progress: &'a str,
    pub outcome: Option<&'a Status>,
    /// Errors block the commit.
    pub blocked: bool,
}

/// Draw the panel; edits and buttons push commands. `message` (the user's own, else the
/// plan's suggestion is shown) and `commit_anyway` are the panel's current values.
pub fn publish_window(
    ui: &mut Ui,
    v: &PublishView<'_>,
    message: Option<&str>,
    commit_anyway: bool,
    commands: &mut Requests,
) {
    let mut open = true;
    egui::Window::new(tr(labels::PUBLISH))
        .id(egui::Id::unique("daybook-publish"))
        .open(&mut open)
        .collapsible(false)
        .default_width(560.0)
        .show(ui.ctx(), |ui| {
            ui.label(RichText::new(&v.post).strong());
            let state = match v.git {
                None => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(tr("reading-repository"));
                    });
                    return;
                }
                Some(Err(why)) => {
                    // Nothing is offered that would fail later.
                    ui.colored_label(ui.visuals().warn_fg_color, why.to_string());
                    ui.label(tr("publish-needs-git"));
                    return;
                }
                Some(Ok(state)) => state,
            };
            ui.label(tr!("publish-branch", state = state.summary().to_string()));
            ui.separator();
            match v.plan {
                None => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(tr("finding-files"));
                    });
                }
                Some(Err(why)) => {
                    ui.colored_label(ui.visuals().error_fg_color, why.to_string());
                }
                Some(Ok(_)) => {}
            }
            let message = match (message, v.plan) {
                (Some(m), _) => m.to_owned(),
                (None, Some(Ok(plan))) => plan.message.to_string(),
                (None, _) => String::new(),
            };
            if let Some(Ok(plan)) = v.plan {
                plan_ui(ui, v, plan, &message, commit_anyway, commands);
            }
            ui.separator();
            buttons(ui, v, state, &message, commands);
            if let Some(doing) = v.busy {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(doing.to_string());
                    // A remote that does not answer never blocks the panel.
                    if ui
                        .button(tr(labels::CANCEL_GIT))
                        .on_hover_text(tr("cancel-git-hover"))
                        .clicked()
                    {
                        commands.push(Command::CancelGit);
                    }
                });
                if !v.progress.is_empty() {
                    ui.weak(v.progress);
                }
            }
            if let Some(outcome) = v.outcome {
                let color = if outcome.is_error {
                    ui.visuals().error_fg_color
                } else {
                    ui.visuals().text_color()
                };
                ui.colored_label(color, outcome.text.to_string());
            }
        });
    if !open {
        commands.push(Command::TogglePublish);
    }
}

fn plan_ui(
    ui: &mut Ui,
    v: &PublishView<'_>,
    plan: &PublishPlan,
    message: &str,
    commit_anyway: bool,
    commands: &mut Requests,
) {
    let changes = plan.to_commit().len();
    ui.label(tr!(
        "publish-summary",
        files = plan.files.len(),
        size = human_size(plan.total_size()),
        changes = changes
    ));
    egui::ScrollArea::vertical()
        .max_height(220.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("daybook-publish-files")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    for f in &plan.files {
                        let state = RichText::new(f.state.words().to_string());
                        let state = match f.state {
                            PathState::Committed => state.weak(),
                            PathState::Ignored | PathState::Conflicted => {
                                state.color(ui.visuals().warn_fg_color)
                            }
                            _ => state.strong(),
                        };
                        ui.label(state);
                        ui.label(&f.path);
                        ui.label(human_size(f.size));
                        ui.end_row();
                    }
                });
        });
    if v.dirty {
        ui.weak(tr("publish-saves-first"));
    }
    for w in &plan.warnings {
        ui.colored_label(ui.visuals().warn_fg_color, w.to_string());
    }
    if !plan.errors.is_empty() {
        ui.colored_label(
            ui.visuals().error_fg_color,
            tr!("publish-check-errors", count = plan.errors.len()),
        );
        for e in &plan.errors {
            ui.colored_label(ui.visuals().error_fg_color, e.to_string());
        }
        let mut anyway = commit_anyway;
        if ui
            .checkbox(&mut anyway, tr(labels::COMMIT_ANYWAY))
            .changed()
        {
            commands.push(Command::SetCommitAnyway(anyway));
        }
    }
    let label = ui.label(tr(labels::COMMIT_MESSAGE));
    let mut text = message.to_owned();
    let edit = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if edit.changed() {
        commands.push(Command::SetCommitMessage(text));
    }
}

fn buttons(
    ui: &mut Ui,
    v: &PublishView<'_>,
    state: &GitState,
    message: &str,
    commands: &mut Requests,
) {
    let idle = v.busy.is_none();
    let can_commit =
        idle && !v.blocked && matches!(v.plan, Some(Ok(p)) if !p.to_commit().is_empty() || v.dirty);
    let has_upstream = state.status.branch.is_some() && state.status.upstream.is_some();
    let ahead = state.status.ahead;
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(can_commit, egui::Button::new(tr(labels::COMMIT)))
            .clicked()
        {
            commands.push(Command::CommitPost {
                push: false,
                message: message.to_owned(),
            });
        }
        if ui
            .add_enabled(
                can_commit && has_upstream,
                egui::Button::new(tr(labels::COMMIT_AND_PUSH)),
            )
            .clicked()
        {
            commands.push(Command::CommitPost {
                push: true,
                message: message.to_owned(),
            });
        }
        ui.separator();
        let push = ui.add_enabled(
            idle && has_upstream && ahead > 0,
            egui::Button::new(tr(labels::PUSH)),
        );
        let push = if has_upstream {
            push.on_hover_text(tr!("commits-to-push", count = ahead))
                .on_disabled_hover_text(tr("nothing-to-push"))
        } else {
            push.on_disabled_hover_text(tr("no-upstream-hover"))
        };
        if push.clicked() {
            commands.push(Command::Push);
        }
        if ui
            .add_enabled(idle && has_upstream, egui::Button::new(tr(labels::PULL)))
            .on_hover_text(tr("pull-hover"))
            .clicked()
        {
            commands.push(Command::Pull);
        }
    });
}
