//! What the user's git says of a repository, read from its machine format
//! (`status --porcelain=v2 -z --branch`), and where a site file stands for the window.

use crate::i18n::Words;
use crate::words;
use std::collections::{HashMap, HashSet};

/// What git says of one path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    /// Not known to git.
    Untracked,
    /// Changed in the working tree or the index, not committed.
    Modified,
    /// New in the index.
    Added,
    Deleted,
    Renamed,
    /// In a merge conflict.
    Conflicted,
    Ignored,
}

/// The repository's state: branch, upstream, and every path git has something to say about
/// (paths not listed are committed and unchanged).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    /// `None` on a detached HEAD.
    pub branch: Option<String>,
    pub upstream: Option<String>,
    pub ahead: u32,
    pub behind: u32,
    /// By path relative to the repository's top folder.
    pub files: HashMap<String, FileState>,
}

/// What the window says of a site file: where it stands between the working tree and the
/// remote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathState {
    /// Committed and pushed (or no upstream to push to).
    Committed,
    /// Committed, in a commit the upstream does not have yet.
    Unpushed,
    /// Not committed yet: untracked or newly added.
    New,
    Modified,
    Deleted,
    Conflicted,
    /// Ignored by `.gitignore`: it will not be committed.
    Ignored,
}

impl PathState {
    /// A short word for lists and markers.
    pub fn words(self) -> Words {
        match self {
            PathState::Committed => words!("path-committed"),
            PathState::Unpushed => words!("path-unpushed"),
            PathState::New => words!("path-new"),
            PathState::Modified => words!("path-modified"),
            PathState::Deleted => words!("path-deleted"),
            PathState::Conflicted => words!("path-conflicted"),
            PathState::Ignored => words!("path-ignored"),
        }
    }

    /// Whether committing would change anything for this path.
    pub fn needs_commit(self) -> bool {
        matches!(
            self,
            PathState::New | PathState::Modified | PathState::Deleted | PathState::Conflicted
        )
    }
}

/// The repository as the window shows it: the status, the paths of commits not pushed yet,
/// and where the site sits in the repository.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GitState {
    pub status: Status,
    /// Paths (from the top) changed by commits the upstream does not have.
    pub unpushed: HashSet<String>,
    /// The site's folder from the repository's top: empty, or ending in `/`.
    pub prefix: String,
}

impl GitState {
    /// The path from the repository's top of a site-relative path.
    pub fn repo_path(&self, site_rel: &str) -> String {
        format!("{}{site_rel}", self.prefix)
    }

    /// Where the site file `site_rel` stands.
    pub fn state_of(&self, site_rel: &str) -> PathState {
        let path = self.repo_path(site_rel);
        match self.status.files.get(&path) {
            Some(FileState::Untracked | FileState::Added) => PathState::New,
            Some(FileState::Modified | FileState::Renamed) => PathState::Modified,
            Some(FileState::Deleted) => PathState::Deleted,
            Some(FileState::Conflicted) => PathState::Conflicted,
            Some(FileState::Ignored) => PathState::Ignored,
            None if self.unpushed.contains(&path) => PathState::Unpushed,
            None => PathState::Committed,
        }
    }

    /// The branch and how it stands against its upstream, for the toolbar.
    pub fn summary(&self) -> Words {
        let s = &self.status;
        let Some(branch) = &s.branch else {
            return words!("git-detached");
        };
        match &s.upstream {
            None => words!("git-no-upstream", branch = branch),
            Some(_) => words!(
                "git-ahead-behind",
                branch = branch,
                ahead = s.ahead,
                behind = s.behind
            ),
        }
    }
}

/// Read `git status --porcelain=v2 -z --branch` output.
pub fn parse_status(out: &[u8]) -> Status {
    let mut status = Status::default();
    let mut fields = out
        .split(|b| *b == 0)
        .map(|f| String::from_utf8_lossy(f).into_owned());
    while let Some(entry) = fields.next() {
        if let Some(header) = entry.strip_prefix("# ") {
            let (key, value) = header.split_once(' ').unwrap_or((header, ""));
            match key {
                "branch.head" if value != "(detached)" => status.branch = Some(value.to_owned()),
                "branch.upstream" => status.upstream = Some(value.to_owned()),
                "branch.ab" => {
                    for part in value.split_whitespace() {
                        if let Some(n) = part.strip_prefix('+') {
                            status.ahead = n.parse().unwrap_or(0);
                        } else if let Some(n) = part.strip_prefix('-') {
                            status.behind = n.parse().unwrap_or(0);
                        }
                    }
                }
                _ => {}
            }
            continue;
        }
        let kind = entry.chars().next().unwrap_or(' ');
        match kind {
            '1' | '2' | 'u' => {
                // `1 XY sub mH mI mW hH hI path`, `2 … Xscore path` (+ the old path as the
                // next field), `u XY sub m1 m2 m3 mW h1 h2 h3 path`.
                let skip = match kind {
                    '1' => 8,
                    '2' => 9,
                    _ => 10,
                };
                let mut parts = entry.splitn(skip + 1, ' ');
                let xy: Vec<char> = parts.nth(1).unwrap_or("..").chars().collect();
                let Some(path) = parts.nth(skip - 2) else {
                    continue;
                };
                let state = if kind == 'u' {
                    FileState::Conflicted
                } else if kind == '2' {
                    let _ = fields.next();
                    FileState::Renamed
                } else if xy.contains(&'D') {
                    FileState::Deleted
                } else if xy.first() == Some(&'A') {
                    FileState::Added
                } else {
                    FileState::Modified
                };
                status.files.insert(path.to_owned(), state);
            }
            '?' => {
                status
                    .files
                    .insert(entry[2..].to_owned(), FileState::Untracked);
            }
            '!' => {
                status
                    .files
                    .insert(entry[2..].to_owned(), FileState::Ignored);
            }
            _ => {}
        }
    }
    status
}
