//! `daybook publish POST [-m MSG] [--push] [--allow-errors]`: commit a post with exactly the
//! files its published page uses, through the user's own git, then push.
//!
//! Exit codes: 0 done; 1 refused or failed (one line on stderr says why); 2 not a git
//! repository, or no git.

use std::path::{Path, PathBuf};

use crate::site::git::{Git, GitError};
use crate::site::publish::{self, one_line};
use crate::site::{Site, store};

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
    let plan = match publish::plan(&site, &git, &absolute(post), &loaded.text) {
        Ok(p) => p,
        Err(e) => return failed(&e),
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
    let message = message.map_or(plan.message.clone(), str::to_owned);
    match publish::commit(&git, &plan, &message) {
        Ok(Some((id, n))) => println!("committed {id}: {message} ({n} files)"),
        Ok(None) => {
            println!("nothing to commit: the post and its files are committed as they are")
        }
        Err(e) => return failed(&e),
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
    eprintln!("daybook: {}", one_line(e));
    match e {
        GitError::NoGit(_) | GitError::NotARepository { .. } | GitError::TooOld { .. } => 2,
        GitError::Failed { .. } => 1,
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_owned())
}
