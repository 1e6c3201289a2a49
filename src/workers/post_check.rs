//! The open post checked on a worker, as `daybook check` checks a post: the problems in its
//! text and the site files its published page uses, reported as [`Event::PostChecked`].
//! The site's checker (its file list, includes, data) is kept between checks until the
//! site's files change.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use super::{Event, Workers};
use crate::site::Site;
use crate::site::check::CheckerCache;

/// The open post to check.
pub struct PostCheck {
    pub site: Site,
    /// Bumped when the site's files may have changed: the checker reads them again.
    pub files_generation: u64,
    pub path: PathBuf,
    pub text: Arc<str>,
    /// The text's generation, given back with the answer.
    pub generation: u64,
}

/// The checker of the site last checked, shared by the checks' threads.
pub(super) type SharedChecker = Arc<Mutex<CheckerCache>>;

impl Workers {
    /// Check the open post on a worker. Reports [`Event::PostChecked`].
    pub fn check_post(&self, job: PostCheck) {
        let cache = Arc::clone(&self.post_checker);
        self.report_from_thread("post-check", move || {
            let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
            let checker = cache.get(&job.site, job.files_generation);
            let rel = crate::site::relative_slash(&job.site.root, &job.path);
            let (problems, mut uses) = checker.check_and_uses(&rel, &job.text);
            uses.sort();
            uses.dedup();
            Event::PostChecked {
                root: job.site.root,
                path: job.path,
                generation: job.generation,
                files_generation: job.files_generation,
                problems,
                uses,
            }
        });
    }
}
