//! What the site check reads from git (the index, staged texts), and why it could not.

use std::path::{Path, PathBuf};

use crate::tr;

/// Why a whole-site or staged check could not run.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// git could not be started.
    #[error("{}", tr!("could-not-run-git", error = .source.to_string()))]
    NoGit { source: std::io::Error },
    /// git ran in `root` and refused (not a repository…): what it said.
    #[error("{}: {said}", .root.display())]
    Git { root: PathBuf, said: String },
    /// A staged post is not UTF-8.
    #[error("{}", tr!("staged-not-utf8", file = .rel.as_str()))]
    StagedNotUtf8 { rel: String },
    /// A checking thread stopped (a panic), so the check would be incomplete.
    #[error("{}", tr!("check-worker-stopped", error = .why.as_str()))]
    WorkerStopped { why: String },
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
