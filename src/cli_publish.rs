//! `daybook publish POST [-m MSG] [--push] [--allow-errors]`: commit a post with exactly the
//! files its published page uses, through the user's own git, then push.
//!
//! Exit codes: 0 done; 1 refused or failed (one line on stderr says why); 2 not a git
//! repository, or no git.

use std::path::{Path, PathBuf};

use crate::journal::check::{Severity, unused::human_size};
use crate::journal::front_matter::FrontMatter;
use crate::site::check::Checker;
use crate::site::git::{FileState, Git, GitError};
use crate::site::{Site, store};

/// A post over this many bytes in all gets a warning before it is committed.
const MAX_POST_BYTES: u64 = 20 * 1024 * 1024;

/// What publishing a post would commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishPlan {
    /// Paths relative to the repository's top: the post first, then its files.
    pub paths: Vec<String>,
    /// Size of each path, in bytes.
    pub sizes: Vec<u64>,
    /// Check errors of the post.
    pub errors: Vec<String>,
    /// Size warnings.
    pub warnings: Vec<String>,
    pub message: String,
}

/// Work out what publishing `post` commits: the post and every site file its page uses
/// (resolved the way the check resolves images), with the check's errors and size warnings.
pub fn plan(site: &Site, git: &Git, post: &Path, text: &str) -> Result<PublishPlan, String> {
    let checker = Checker::new(site, chrono::Utc::now().fixed_offset());
    let rel = crate::site::check::relative_slash(&site.root, post);
    let doc = checker.renderer.prepare(&rel, text);
    let (problems, used) = checker.check_prepared(&rel, text, &doc);
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| format!("{}:{}: {} [{}]", p.path, p.line, p.message, p.rule))
        .collect();
    let top = std::fs::canonicalize(&git.top).unwrap_or_else(|_| git.top.clone());
    let root = std::fs::canonicalize(&site.root).unwrap_or_else(|_| site.root.clone());
    let prefix = root
        .strip_prefix(&top)
        .map_err(|_| format!("{} is not inside the repository", site.root.display()))?
        .to_path_buf();
    let in_repo = |site_rel: &str| -> String {
        let p = prefix.join(site_rel);
        crate::site::check::relative_slash(Path::new(""), &p)
    };
    let mut paths = vec![in_repo(&rel)];
    let mut sizes = vec![text.len() as u64];
    let mut files: Vec<String> = used;
    files.sort();
    files.dedup();
    let mut warnings = Vec::new();
    let limit = site.config.max_image_kb * 1024;
    for f in files {
        let Ok(meta) = std::fs::metadata(site.root.join(&f)) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        if meta.len() > limit {
            warnings.push(format!(
                "{f} is {} (over the {} KB of `daybook: max_image_kb`)",
                human_size(meta.len()),
                site.config.max_image_kb
            ));
        }
        paths.push(in_repo(&f));
        sizes.push(meta.len());
    }
    let total: u64 = sizes.iter().sum();
    if total > MAX_POST_BYTES {
        warnings.push(format!(
            "the post and its files take {} in all (over 20 MB)",
            human_size(total)
        ));
    }
    let title = FrontMatter::parse(text)
        .ok()
        .and_then(|fm| fm.title())
        .unwrap_or_else(|| rel.rsplit('/').next().unwrap_or(&rel).to_owned());
    let verb = if git.is_committed(&paths[0]) {
        "Update"
    } else {
        "Add"
    };
    Ok(PublishPlan {
        paths,
        sizes,
        errors,
        warnings,
        message: format!("{verb} post: {title}"),
    })
}

/// Run `daybook publish`; returns the exit code.
pub fn run(post: &Path, message: Option<&str>, push: bool, allow_errors: bool) -> u8 {
    let site = match Site::find(post) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("daybook: {e}");
            return 1;
        }
    };
    let git = match Git::open(&site.root) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("daybook: {e}");
            return 2;
        }
    };
    let loaded = match store::load_post(post) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("daybook: {e}");
            return 1;
        }
    };
    let plan = match plan(&site, &git, &absolute(post), &loaded.text) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("daybook: {e}");
            return 1;
        }
    };
    for w in &plan.warnings {
        eprintln!("daybook: warning: {w}");
    }
    if !plan.errors.is_empty() && !allow_errors {
        for e in &plan.errors {
            eprintln!("{e}");
        }
        eprintln!(
            "daybook: not committed: the post has {} error(s); fix them, or publish with --allow-errors",
            plan.errors.len()
        );
        return 1;
    }
    let status = match git.status() {
        Ok(s) => s,
        Err(e) => return failed(&e),
    };
    let changed: Vec<String> = plan
        .paths
        .iter()
        .filter(|p| {
            status
                .files
                .get(p.as_str())
                .is_some_and(|s| *s != FileState::Ignored)
        })
        .cloned()
        .collect();
    if changed.is_empty() {
        println!("nothing to commit: the post and its files are committed as they are");
    } else {
        let message = message.map_or(plan.message.clone(), str::to_owned);
        match git.commit_paths(&changed, &message) {
            Ok(id) => println!("committed {id}: {message} ({} files)", changed.len()),
            Err(e) => return failed(&e),
        }
    }
    if push {
        match git.push() {
            Ok(_) => println!("pushed"),
            Err(e) => return failed(&e),
        }
    }
    0
}

fn failed(e: &GitError) -> u8 {
    let line = e
        .to_string()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" / ");
    eprintln!("daybook: {line}");
    match e {
        GitError::NoGit(_) | GitError::NotARepository { .. } | GitError::TooOld { .. } => 2,
        GitError::Failed { .. } => 1,
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_owned())
}
