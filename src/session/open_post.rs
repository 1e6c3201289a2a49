//! The open post and everything that is about it alone: replaced as a whole when another
//! post opens, so nothing of one post leaks into the next.

use super::disk::{Conflict, RecoveryCopy};
use super::document::Document;
use crate::journal::check::Problem;
use crate::site::photos::PhotoTarget;

pub struct OpenPost {
    pub doc: Document,
    /// It changed on disk while it had unsaved changes.
    pub conflict: Option<Conflict>,
    /// It was deleted on disk; its text is kept as unsaved.
    pub deleted_on_disk: bool,
    /// The recovery copy of its unsaved text: asked for, written, or failed.
    pub autosaved: Option<RecoveryCopy>,
    /// What `daybook check` finds in it, the site files its page uses, and the text
    /// generation they were found in.
    pub problems: Vec<Problem>,
    pub uses: Vec<String>,
    /// How many local pictures the page loads and their bytes (from `uses`).
    pub photo_weight: (usize, u64),
    pub problems_generation: Option<u64>,
    /// The text generation a check was asked for and is not answered yet (one at a time).
    pub checking: Option<(u64, std::time::Instant)>,
    /// When it opened (the session's clock): its first check waits for its first screen.
    pub opened: std::time::Instant,
    /// Where its photos go, and what that was worked out from (text generation, chosen
    /// folder).
    pub photo_target: Option<((u64, Option<String>), PhotoTarget)>,
}

impl OpenPost {
    pub fn new(doc: Document, opened: std::time::Instant) -> OpenPost {
        OpenPost {
            doc,
            conflict: None,
            deleted_on_disk: false,
            autosaved: None,
            problems: Vec::new(),
            uses: Vec::new(),
            photo_weight: (0, 0),
            problems_generation: None,
            checking: None,
            opened,
            photo_target: None,
        }
    }
}
