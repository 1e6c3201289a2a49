//! Publishing a post: what committing it takes (the post and exactly the site files its page
//! uses, resolved as the check resolves images), with its check errors, size warnings and a
//! commit message; and the commit of exactly those paths. Used by `daybook publish` and the
//! window's Publish panel alike.

use std::path::Path;

use crate::i18n::Words;
use crate::words;

use crate::journal::check::{Severity, unused::human_size};
use crate::journal::front_matter::FrontMatter;
use crate::site::Site;
use crate::site::check::Checker;
use crate::site::git::{Git, GitError, PathState};
use crate::site::relative_slash;

/// A post over this many bytes in all gets a warning before it is committed.
pub const MAX_POST_BYTES: u64 = 20 * 1024 * 1024;

/// One file a publish commits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedFile {
    /// From the repository's top.
    pub path: String,
    /// From the site's root.
    pub site_rel: String,
    pub size: u64,
    pub state: PathState,
}

/// What publishing a post would commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishPlan {
    /// The post first, then the files its page uses, sorted.
    pub files: Vec<PlannedFile>,
    /// Check errors of the post, one line each.
    pub errors: Vec<Words>,
    /// Size warnings, one line each.
    pub warnings: Vec<Words>,
    /// The suggested message: `Add post: <title>` or `Update post: <title>`.
    pub message: Words,
}

impl PublishPlan {
    /// The paths a commit would change (from the repository's top).
    pub fn to_commit(&self) -> Vec<String> {
        self.files
            .iter()
            .filter(|f| f.state.needs_commit())
            .map(|f| f.path.clone())
            .collect()
    }

    pub fn total_size(&self) -> u64 {
        self.files.iter().map(|f| f.size).sum()
    }
}

/// Work out what publishing `post`, whose text is `text`, commits.
pub fn plan(site: &Site, git: &Git, post: &Path, text: &str) -> Result<PublishPlan, GitError> {
    let state = git.state(&site.root)?;
    let checker = Checker::new(site, chrono::Utc::now().fixed_offset());
    let rel = relative_slash(&site.root, post);
    let doc = checker.renderer.prepare(&rel, text);
    let (problems, mut used) = checker.check_prepared(&rel, text, &doc);
    let errors: Vec<Words> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| {
            words!(
                "problem-line",
                path = p.path.as_str(),
                line = p.line,
                message = p.message.clone(),
                rule = p.rule
            )
        })
        .collect();
    let mut files = vec![PlannedFile {
        path: state.repo_path(&rel),
        site_rel: rel.clone(),
        size: text.len() as u64,
        state: state.state_of(&rel),
    }];
    used.sort();
    used.dedup();
    let mut warnings = Vec::new();
    let ignored = {
        let mut paths = vec![files[0].path.clone()];
        paths.extend(used.iter().map(|f| state.repo_path(f)));
        git.ignored(&paths)
    };
    // A post the site's `.gitignore` hides is never committed: say so, not "nothing to do".
    if ignored.contains(&files[0].path) {
        files[0].state = PathState::Ignored;
        warnings.push(words!("publish-ignored-file", file = rel.as_str()));
    }
    let limit = site.config.max_image_kb * 1024;
    for f in used {
        let Ok(meta) = std::fs::metadata(site.root.join(&f)) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        if meta.len() > limit {
            warnings.push(words!(
                "publish-large-image",
                file = f.as_str(),
                size = human_size(meta.len()),
                limit = site.config.max_image_kb
            ));
        }
        let mut file_state = state.state_of(&f);
        if ignored.contains(&state.repo_path(&f)) {
            file_state = PathState::Ignored;
        }
        if file_state == PathState::Ignored {
            warnings.push(words!("publish-ignored-file", file = f.as_str()));
        }
        files.push(PlannedFile {
            path: state.repo_path(&f),
            state: file_state,
            site_rel: f,
            size: meta.len(),
        });
    }
    let total: u64 = files.iter().map(|f| f.size).sum();
    if total > MAX_POST_BYTES {
        warnings.push(words!("publish-too-large", size = human_size(total)));
    }
    let title = FrontMatter::parse(text)
        .ok()
        .and_then(|fm| fm.title())
        .unwrap_or_else(|| rel.rsplit('/').next().unwrap_or(&rel).to_owned());
    let message = if git.is_committed(&files[0].path) {
        words!("commit-update-post", title = title)
    } else {
        words!("commit-add-post", title = title)
    };
    Ok(PublishPlan {
        files,
        errors,
        warnings,
        message,
    })
}

/// Commit the files of `plan` that have changes, with `message`; `None` when the post and its
/// files are committed as they are. Returns the new commit's short id and how many files it
/// took.
pub fn commit(
    git: &Git,
    plan: &PublishPlan,
    message: &str,
) -> Result<Option<(String, usize)>, GitError> {
    let paths = plan.to_commit();
    if paths.is_empty() {
        return Ok(None);
    }
    // A commit on a detached HEAD is lost at the next checkout: refused, saying why.
    if git.status()?.branch.is_none() {
        return Err(GitError::Refused {
            what: "git commit".into(),
            why: words!("commit-detached"),
        });
    }
    let id = git.commit_paths(&paths, message)?;
    Ok(Some((id, paths.len())))
}
