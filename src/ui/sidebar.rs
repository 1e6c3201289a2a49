//! The post list: filter box and the posts of `_posts/` and `_drafts/`, newest first, with
//! draft / unpublished / future / error markers and an unsaved marker on the open post.

use crate::i18n::tr;
use crate::tr;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use egui::{RichText, Ui};

use super::labels;
use crate::command::{Command, Requests};
use crate::site::index::PostSummary;

/// What the sidebar needs to draw.
pub struct SidebarView<'a> {
    pub posts: &'a [PostSummary],
    pub open: Option<&'a Path>,
    pub open_dirty: bool,
    pub now: DateTime<FixedOffset>,
    /// The repository's state, for new / modified / not pushed markers.
    pub git: Option<&'a crate::site::git::GitState>,
}

/// The short markers shown after a post's date.
pub fn markers(post: &PostSummary, now: DateTime<FixedOffset>) -> Vec<&'static str> {
    let mut m = Vec::new();
    if post.draft {
        m.push(tr("marker-draft"));
    }
    if !post.published {
        m.push(tr("marker-unpublished"));
    }
    if post.is_future(now) {
        m.push(tr("marker-future"));
    }
    if post.error.is_some() {
        m.push(tr("marker-error"));
    }
    m
}

pub fn sidebar(ui: &mut Ui, view: &SidebarView<'_>, filter: &mut String, commands: &mut Requests) {
    ui.horizontal(|ui| {
        let label = ui.label(tr(labels::FILTER));
        ui.add(
            egui::TextEdit::singleline(filter)
                .hint_text(tr("filter-hint"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    ui.separator();
    let needle = filter.trim().to_lowercase();
    let (ignored, shown): (Vec<&PostSummary>, Vec<&PostSummary>) = view
        .posts
        .iter()
        .filter(|p| p.matches(&needle))
        .partition(|p| p.ignored.is_some());
    if shown.is_empty() && ignored.is_empty() {
        ui.weak(if view.posts.is_empty() {
            tr("no-posts-yet")
        } else {
            tr("no-post-matches")
        });
    }
    // Files Jekyll skips (charts, notes kept in `_posts/`) come apart, at the end, folded.
    let open_id = egui::Id::unique("daybook-sidebar-not-published-open");
    let expanded = ui.data(|d| d.get_temp::<bool>(open_id)).unwrap_or(false);
    let mut rows: Vec<Option<&PostSummary>> = shown.iter().map(|p| Some(*p)).collect();
    if !ignored.is_empty() {
        rows.push(None);
        if expanded {
            rows.extend(ignored.iter().map(|p| Some(*p)));
        }
    }
    let line = ui.text_style_height(&egui::TextStyle::Body);
    let row_height = 2.0 * line + 2.0 * ui.spacing().button_padding.y + 2.0;
    // Only the rows on screen are laid out: a site of 10,000 posts costs what 30 do.
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for row in &rows[range] {
                let size = egui::vec2(ui.available_width(), row_height);
                ui.allocate_ui_with_layout(size, egui::Layout::top_down(egui::Align::Min), |ui| {
                    match row {
                        Some(post) => post_row(ui, post, view, commands),
                        None => {
                            let text = format!(
                                "{} ({}) — {}",
                                tr(labels::NOT_PUBLISHED),
                                ignored.len(),
                                if expanded { tr("hide") } else { tr("show") }
                            );
                            if ui.selectable_label(expanded, text).clicked() {
                                ui.data_mut(|d| d.insert_temp(open_id, !expanded));
                            }
                        }
                    }
                });
            }
        });
}

fn post_row(ui: &mut Ui, post: &PostSummary, view: &SidebarView<'_>, commands: &mut Requests) {
    {
        {
            let is_open = view.open == Some(post.path.as_path());
            let mut title = post.display_title();
            if is_open && view.open_dirty {
                title.push_str(" ●");
            }
            let date = match &post.ignored {
                Some(_) => post.relative.clone(),
                None => post
                    .date
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_else(|| tr!("no-date")),
            };
            let mut marks: Vec<String> = markers(post, view.now)
                .into_iter()
                .map(str::to_owned)
                .collect();
            if let Some(git) = view.git
                && post.ignored.is_none()
            {
                let state = git.state_of(&post.relative);
                if state != crate::site::git::PathState::Committed {
                    marks.push(state.words().to_string());
                }
            }
            let mut sub = date;
            if !marks.is_empty() {
                sub.push_str("  ");
                sub.push_str(&marks.join(" · "));
            }
            let text = RichText::new(format!("{title}\n{sub}"));
            let text = if post.error.is_some() {
                text.color(ui.visuals().warn_fg_color)
            } else {
                text
            };
            let response = ui.selectable_label(is_open, text);
            let why = post
                .error
                .as_ref()
                .or(post.ignored.as_ref())
                .map(ToString::to_string);
            let response = match why {
                Some(e) => response.on_hover_text(format!("{}\n{e}", post.relative)),
                None => response.on_hover_text(&post.relative),
            };
            if response.clicked() && !is_open {
                commands.push(Command::OpenPost(post.path.clone()));
            }
        }
    }
}
