//! The open post checked on a worker, as `daybook check` checks a post: the problems in its
//! text and the site files its published page uses, reported as [`Event::PostChecked`].
//! The site's checker (its file list, includes, data) is kept between checks until the
//! site's files change.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use super::{Event, Workers};
use crate::site::Site;
use crate::site::check::Checker;

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

/// The checker of the site last checked, and the files generation it was made at.
pub(super) type CheckerCache = Arc<Mutex<Option<(PathBuf, u64, Checker)>>>;

impl Workers {
    /// Check the open post on a worker. Reports [`Event::PostChecked`].
    pub fn check_post(&self, job: PostCheck) {
        let cache = Arc::clone(&self.post_checker);
        self.report_from_thread("post-check", move || {
            let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
            let fresh = cache.as_ref().is_some_and(|(root, generation, _)| {
                *root == job.site.root && *generation == job.files_generation
            });
            if !fresh {
                let now = job
                    .site
                    .config
                    .zone()
                    .to_zone(chrono::Utc::now().fixed_offset());
                let checker = Checker::new(&job.site, now);
                *cache = Some((job.site.root.clone(), job.files_generation, checker));
            }
            let rel = crate::site::relative_slash(&job.site.root, &job.path);
            let (problems, mut uses) = match cache.as_ref() {
                Some((_, _, checker)) => checker.check_and_uses(&rel, &job.text),
                None => (Vec::new(), Vec::new()),
            };
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
