//! `daybook publish POST [-m MSG] [--push] [--allow-errors]`: commit a post with exactly the
//! files its published page uses, through the user's own git, then push.
//!
//! Exit codes: 0 done; 1 refused or failed (one line on stderr says why); 2 not a git
//! repository, or no git.

use std::path::{Path, PathBuf};

use super::{CliError, CliResult};
use crate::site::git::{Git, GitError};
use crate::site::publish;
use crate::site::{Site, store};

impl From<GitError> for CliError {
    fn from(e: GitError) -> Self {
        match e {
            GitError::NoGit(_) | GitError::NotARepository { .. } | GitError::TooOld { .. } => {
                CliError::Unavailable(one_line(&e))
            }
            GitError::Failed { .. } | GitError::Refused { .. } | GitError::Cancelled { .. } => {
                CliError::Failed(one_line(&e))
            }
        }
    }
}

/// One line for a git error: what failed and git's last words, without blank lines.
fn one_line(e: &GitError) -> String {
    e.to_string()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Run `daybook publish`; returns the exit code.
pub fn run(post: &Path, message: Option<&str>, push: bool, allow_errors: bool) -> CliResult<u8> {
    let site = Site::find(post)?;
    let git = Git::open(&site.root)?;
    let loaded = store::load_post(post)?;
    let plan = publish::plan(&site, &git, &absolute(post), &loaded.text)?;
    for w in &plan.warnings {
        eprintln!("daybook: warning: {w}");
    }
    if !plan.errors.is_empty() && !allow_errors {
        for e in &plan.errors {
            eprintln!("{e}");
        }
        return Err(CliError::Failed(crate::tr!(
            "cli-not-committed-errors",
            count = plan.errors.len()
        )));
    }
    let message = message.map_or_else(|| plan.message.to_string(), str::to_owned);
    match publish::commit(&git, &plan, &message)? {
        Some((id, n)) => println!(
            "{}",
            crate::tr!("committed", id = id, message = message.as_str(), count = n)
        ),
        None => println!("{}", crate::tr!("nothing-to-commit")),
    }
    if push {
        git.push()?;
        println!("{}", crate::tr!("pushed"));
    }
    Ok(0)
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_owned())
}
