//! What the site check reads from git (the index, staged texts), and why it could not.

use std::path::{Path, PathBuf};

use crate::i18n::Words;
use crate::words;

/// Why a whole-site or staged check could not run; worded where it is shown.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.words())]
pub enum CheckError {
    /// git could not be started.
    NoGit { source: std::io::Error },
    /// git ran in `root` and refused (not a repository…): what it said.
    Git { root: PathBuf, said: String },
    /// A staged post is not UTF-8.
    StagedNotUtf8 { rel: String },
    /// A checking thread stopped (a panic), so the check would be incomplete.
    WorkerStopped { why: String },
}

impl CheckError {
    /// What went wrong, as words for the window or the command line.
    pub fn words(&self) -> Words {
        match self {
            CheckError::NoGit { source } => {
                words!("could-not-run-git", error = Words::of_error(source))
            }
            CheckError::Git { root, said } => {
                words!(
                    "path-error",
                    file = root.display().to_string(),
                    error = said
                )
            }
            CheckError::StagedNotUtf8 { rel } => words!("staged-not-utf8", file = rel),
            CheckError::WorkerStopped { why } => words!("check-worker-stopped", error = why),
        }
    }
}

/// What `git args` printed in `root`, when it succeeded.
pub(super) fn git_output(root: &Path, args: &[&str]) -> Result<Vec<u8>, CheckError> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .map_err(|source| CheckError::NoGit { source })?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(CheckError::Git {
            root: root.to_owned(),
            said: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        })
    }
}
