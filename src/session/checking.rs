//! The open post's check: asked of the session's worker once typing pauses (on the
//! session's clock), one at a time, a post just opened once its first screen is drawn; its
//! answer kept only when it is about the text and the site's files as they are now.

use std::path::PathBuf;
use std::time::Instant;

use super::{Session, site_of};
use crate::command::Effect;
use crate::journal::check::Problem;
use crate::workers::post_check::PostCheck;

/// What the worker found in the open post.
pub struct Checked {
    pub path: PathBuf,
    pub generation: u64,
    pub files_generation: u64,
    pub problems: Vec<Problem>,
    pub uses: Vec<String>,
}

impl Session {
    /// Ask for the open post's problems once typing has paused for a moment (`now`, on
    /// the session's clock): the problems panel does not flicker while the user types. A
    /// post just opened waits as long, so its first screen has the cores.
    pub(super) fn check_open_post(&mut self, now: Instant) {
        const PAUSE: std::time::Duration = std::time::Duration::from_millis(300);
        let (Some(site), Some(open)) = (self.site.as_ref(), self.open.as_mut()) else {
            return;
        };
        /// A check not answered in this long is taken as lost (its worker stopped).
        const LOST: std::time::Duration = std::time::Duration::from_secs(30);
        let generation = open.doc.generation();
        // One check at a time: the text typed meanwhile is checked when its answer is in.
        let in_flight = open
            .checking
            .is_some_and(|(_, asked)| now.saturating_duration_since(asked) < LOST);
        if open.problems_generation == Some(generation) || in_flight {
            return;
        }
        // A post just opened is drawn first (a long one takes the cores a while), then
        // checked; after that, once typing pauses.
        let since_open = now.saturating_duration_since(open.opened);
        let wait = open
            .doc
            .pause_remaining(PAUSE, now)
            .or_else(|| (since_open < PAUSE).then(|| PAUSE - since_open));
        if let Some(wait) = wait {
            self.effects.push(Effect::RepaintAfter(wait));
            return;
        }
        open.checking = Some((generation, now));
        self.workers.check_post(PostCheck {
            site: site.site.clone(),
            files_generation: site.files_generation,
            path: open.doc.path.clone(),
            text: open.doc.snapshot(),
            generation,
        });
    }

    /// The worker checked the open post: keep what it found when it is about the text and
    /// the site's files as they are now.
    pub(super) fn post_checked(&mut self, checked: Checked) {
        let files_generation = self.site.as_ref().map(|s| s.files_generation);
        let Some(open) = self.open.as_mut().filter(|o| o.doc.path == checked.path) else {
            return;
        };
        if open.checking.is_some_and(|(g, _)| g == checked.generation) {
            open.checking = None;
        }
        if open.doc.generation() != checked.generation
            || files_generation != Some(checked.files_generation)
        {
            return;
        }
        if open.uses != checked.uses || open.problems_generation.is_none() {
            // Weighed when the files change, not per keystroke.
            open.photo_weight = site_of(&self.site).map_or((0, 0), |site| {
                let sizes = crate::site::check::FileSizes(&site.root);
                crate::journal::check::picture_bytes(&checked.uses, &sizes)
            });
        }
        open.problems = checked.problems;
        open.uses = checked.uses;
        open.problems_generation = Some(checked.generation);
    }
}
