//! The open site and everything that is about it alone: its post list, the site-wide
//! check, its watcher, the last image rename and the photo folders chosen for its posts.
//! Replaced as a whole when another site opens, as
//! [`super::OpenPost`] is when another post opens, so nothing of one site leaks into the
//! next.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::journal::check::Problem;
use crate::site::Site;
use crate::site::index::PostSummary;
use crate::site::rename::Renamed;
use crate::workers::watcher::SiteWatcher;

pub struct OpenSite {
    pub site: Site,
    /// Its posts, newest first, as last indexed.
    pub posts: Vec<PostSummary>,
    /// The requests the shown post list and site problems answer (older results are
    /// ignored).
    pub posts_seq: u64,
    pub check_seq: u64,
    /// Bumped when its files may have changed: the open post is checked against them again.
    pub files_generation: u64,
    /// The problems of the whole site, once checked, and whether a check is running.
    pub problems: Option<Vec<Problem>>,
    pub checking: bool,
    /// It was opened without a post to show: open its newest once it is indexed.
    pub open_newest: bool,
    pub watcher: Option<SiteWatcher>,
    /// A notice about watching it (polling, a rescan), shown until dismissed.
    pub notice: Option<crate::i18n::Words>,
    /// The last image rename, for its undo.
    pub last_rename: Option<Renamed>,
    /// The photo folder chosen for a post, when not the one its images already use.
    pub photo_folders: HashMap<PathBuf, String>,
}

impl OpenSite {
    pub fn new(site: Site) -> OpenSite {
        OpenSite {
            site,
            posts: Vec::new(),
            posts_seq: 0,
            check_seq: 0,
            files_generation: 0,
            problems: None,
            checking: false,
            open_newest: false,
            watcher: None,
            notice: None,
            last_rename: None,
            photo_folders: HashMap::new(),
        }
    }
}

/// The site of `open`, borrowing only that field (so a session can use its workers
/// beside it).
pub fn site_of(open: &Option<OpenSite>) -> Option<&Site> {
    open.as_ref().map(|o| &o.site)
}
