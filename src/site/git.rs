//! The user's own `git`, run as a subprocess without a shell, as editors that publish
//! through git do: it brings the user's config, credentials, SSH agent, signing, LFS and
//! hooks. Only machine formats are read (`status --porcelain=v2 -z`); `GIT_TERMINAL_PROMPT=0`
//! so a push that needs a password fails with a message instead of waiting for input.
//! The network is reached only by [`Git::push`] and [`Git::pull`].

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::i18n::Words;
use crate::words;

/// Why git could not do something; worded where it is shown.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.words())]
pub enum GitError {
    /// git would not start: the system's words.
    NoGit(String),
    NotARepository {
        path: PathBuf,
    },
    TooOld {
        version: String,
    },
    /// git ran `what` and failed: what it printed.
    Failed {
        what: String,
        output: String,
    },
    /// `what` was refused, and why in daybook's words (no branch, a rejected push…).
    Refused {
        what: String,
        why: Words,
    },
    Cancelled {
        what: String,
    },
}

impl GitError {
    /// What went wrong, as words for the window or the command line.
    pub fn words(&self) -> Words {
        match self {
            GitError::NoGit(why) => words!("git-not-installed", error = why),
            GitError::NotARepository { path } => {
                words!("git-not-a-repository", file = path.display().to_string())
            }
            GitError::TooOld { version } => words!("git-too-old", version = version),
            GitError::Failed { what, output } => Words::verbatim(format!("{what}: {output}")),
            GitError::Refused { what, why } => {
                words!("git-refused", what = what, why = why.clone())
            }
            GitError::Cancelled { what } => words!("git-cancelled", what = what),
        }
    }
}

pub use super::git_cancel::Cancel;
pub use super::git_state::{FileState, GitState, PathState, Status, parse_status};

/// A repository, through the `git` on the user's PATH.
#[derive(Debug, Clone)]
pub struct Git {
    /// The repository's top folder.
    pub top: PathBuf,
}

impl Git {
    /// The repository holding `path`; refuses a missing or too old git.
    pub fn open(path: &Path) -> Result<Git, GitError> {
        let version = Command::new("git")
            .arg("--version")
            .stdin(Stdio::null())
            .output()
            .map_err(|e| GitError::NoGit(e.to_string()))?;
        let text = String::from_utf8_lossy(&version.stdout).into_owned();
        let number = text
            .split_whitespace()
            .nth(2)
            .unwrap_or_default()
            .to_owned();
        let mut parts = number.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
        let (major, minor) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
        if (major, minor) < (2, 30) {
            return Err(GitError::TooOld { version: number });
        }
        let out = command(path)
            .args(["rev-parse", "--show-toplevel"])
            .output();
        match out {
            Ok(o) if o.status.success() => Ok(Git {
                top: PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()),
            }),
            Ok(_) => Err(GitError::NotARepository {
                path: path.to_owned(),
            }),
            Err(e) => Err(GitError::NoGit(e.to_string())),
        }
    }

    fn run(&self, what: &str, args: &[&str]) -> Result<Output, GitError> {
        let out = command(&self.top)
            .args(args)
            .output()
            .map_err(|e| GitError::NoGit(e.to_string()))?;
        checked(what, out)
    }

    /// The branch, its upstream, and the state of every path that is not clean.
    pub fn status(&self) -> Result<Status, GitError> {
        let out = self.run(
            "git status",
            &[
                "status",
                "--porcelain=v2",
                "-z",
                "--branch",
                "--untracked-files=all",
            ],
        )?;
        Ok(parse_status(&out.stdout))
    }

    /// Which of `paths` (from the top) the repository's `.gitignore` files hide
    /// (`git check-ignore`; status lists no ignored files, and a whole `_site/` would be many).
    pub fn ignored(&self, paths: &[String]) -> std::collections::HashSet<String> {
        if paths.is_empty() {
            return Default::default();
        }
        let out = command(&self.top)
            .args(["check-ignore", "-z", "--stdin", "--no-index"])
            // check-ignore reads path names, not pathspecs, and refuses the literal magic.
            .env_remove("GIT_LITERAL_PATHSPECS")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                if let Some(mut stdin) = child.stdin.take() {
                    use std::io::Write;
                    let list: Vec<u8> = paths
                        .iter()
                        .flat_map(|p| p.bytes().chain(std::iter::once(0)))
                        .collect();
                    stdin.write_all(&list)?;
                }
                child.wait_with_output()
            });
        // Exit 1 means none is ignored; anything else but 0 is an error: none assumed.
        out.ok()
            .filter(|o| o.status.code() == Some(0))
            .map(|o| {
                o.stdout
                    .split(|b| *b == 0)
                    .filter(|p| !p.is_empty())
                    .map(|p| String::from_utf8_lossy(p).into_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The state the window shows for the site at `root`: status, unpushed paths, prefix.
    pub fn state(&self, root: &Path) -> Result<GitState, GitError> {
        let status = self.status()?;
        let unpushed = if status.upstream.is_some() && status.branch.is_some() {
            // An upstream never fetched (no remote-tracking branch yet) has nothing to
            // compare with: nothing is known unpushed, and publishing goes on.
            match self.run(
                "git diff",
                &["diff", "--name-only", "-z", "@{upstream}...HEAD", "--"],
            ) {
                Ok(out) => out
                    .stdout
                    .split(|b| *b == 0)
                    .filter(|p| !p.is_empty())
                    .map(|p| String::from_utf8_lossy(p).into_owned())
                    .collect(),
                Err(_) => HashSet::new(),
            }
        } else {
            HashSet::new()
        };
        Ok(GitState {
            status,
            unpushed,
            prefix: self.prefix_of(root)?,
        })
    }

    /// The folder `root` from the repository's top: empty, or ending in `/`.
    pub fn prefix_of(&self, root: &Path) -> Result<String, GitError> {
        let top = std::fs::canonicalize(&self.top).unwrap_or_else(|_| self.top.clone());
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_owned());
        let rel = root
            .strip_prefix(&top)
            .map_err(|_| GitError::NotARepository { path: root.clone() })?;
        let mut prefix: String = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if !prefix.is_empty() {
            prefix.push('/');
        }
        Ok(prefix)
    }

    /// The commit HEAD points at (`None` before the first commit).
    pub fn head(&self) -> Option<String> {
        self.run("git rev-parse", &["rev-parse", "--verify", "-q", "HEAD"])
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    }

    /// Whether `path` (relative to the top) is in the last commit.
    pub fn is_committed(&self, path: &str) -> bool {
        command(&self.top)
            .args(["cat-file", "-e", &format!("HEAD:{path}")])
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// Commit exactly `paths` (relative to the top) with `message`: the working tree's
    /// content of those paths, nothing else. Other staged work stays staged as it was (a
    /// partly staged file too), untracked files stay untracked; the repository's hooks run.
    /// Returns the new commit's short id.
    pub fn commit_paths(&self, paths: &[String], message: &str) -> Result<String, GitError> {
        let status = self.status()?;
        // The index as it stands, to check a failed commit left it so.
        let index_before = self.run("git ls-files", &["ls-files", "-s", "-z"])?.stdout;
        let untracked: Vec<&str> = paths
            .iter()
            .filter(|p| status.files.get(p.as_str()) == Some(&FileState::Untracked))
            .map(String::as_str)
            .collect();
        if !untracked.is_empty() {
            // `commit --only` takes only paths git knows: tell it about the new ones.
            let mut args = vec!["add", "--"];
            args.extend(untracked.iter().copied());
            self.run("git add", &args)?;
        }
        let mut args = vec!["commit", "--only", "-m", message, "--"];
        args.extend(paths.iter().map(String::as_str));
        if let Err(e) = self.run("git commit", &args) {
            // Nothing was committed: the new paths go back to being untracked.
            if !untracked.is_empty() {
                let mut reset = vec!["reset", "-q", "--"];
                reset.extend(untracked.iter().copied());
                let _ = self.run("git reset", &reset);
            }
            let index_after = self
                .run("git ls-files", &["ls-files", "-s", "-z"])
                .map(|o| o.stdout)
                .unwrap_or_default();
            if index_after != index_before {
                return Err(GitError::Refused {
                    what: "git commit".into(),
                    why: words!("index-changed", output = output_of(&e)),
                });
            }
            return Err(e);
        }
        let id = self.run("git rev-parse", &["rev-parse", "--short", "HEAD"])?;
        Ok(String::from_utf8_lossy(&id.stdout).trim().to_owned())
    }

    /// Push the branch to its upstream. A rejected push keeps the commit and says to pull.
    pub fn push(&self) -> Result<String, GitError> {
        self.push_with(&mut |_| {}, None)
    }

    /// [`Git::push`], calling `progress` with each line git prints as it works; `cancel`
    /// can stop it.
    pub fn push_with(
        &self,
        progress: &mut dyn FnMut(&str),
        cancel: Option<&Cancel>,
    ) -> Result<String, GitError> {
        let status = self.status()?;
        if status.branch.is_none() {
            return Err(GitError::Refused {
                what: "git push".into(),
                why: words!("push-detached"),
            });
        }
        if status.upstream.is_none() {
            return Err(GitError::Refused {
                what: "git push".into(),
                why: words!("push-no-upstream"),
            });
        }
        let args = ["push", "--porcelain", "--progress"];
        match self.run_streaming("git push", &args, progress, cancel) {
            Ok(out) => Ok(output_text(&out)),
            Err(e @ GitError::Cancelled { .. }) => Err(e),
            Err(GitError::Failed { output, .. }) => {
                let lower = output.to_lowercase();
                let why = if lower.contains("rejected")
                    || lower.contains("fetch first")
                    || lower.contains("non-fast-forward")
                {
                    words!("push-rejected")
                } else if lower.contains("terminal prompts disabled")
                    || lower.contains("could not read username")
                    || lower.contains("authentication")
                    || lower.contains("permission denied")
                {
                    words!("push-needs-credentials")
                } else {
                    return Err(GitError::Failed {
                        what: "git push".into(),
                        output: last_lines(&output),
                    });
                };
                Err(GitError::Refused {
                    what: "git push".into(),
                    why,
                })
            }
            Err(e) => Err(e),
        }
    }

    /// Pull from the upstream, fast-forwarding or rebasing as the user's config says.
    pub fn pull(&self) -> Result<String, GitError> {
        self.pull_with(&mut |_| {}, None)
    }

    /// [`Git::pull`], calling `progress` with each line git prints as it works; `cancel`
    /// can stop it.
    pub fn pull_with(
        &self,
        progress: &mut dyn FnMut(&str),
        cancel: Option<&Cancel>,
    ) -> Result<String, GitError> {
        let args = ["pull", "--no-edit", "--progress"];
        self.run_streaming("git pull", &args, progress, cancel)
            .map_err(|e| match e {
                GitError::Failed { what, output } => GitError::Failed {
                    what,
                    output: last_lines(&output),
                },
                e => e,
            })
            .map(|o| output_text(&o))
    }

    /// Run git, passing each line of its error stream (where progress goes) to `progress`
    /// as it comes; `\r`-rewritten progress lines count as lines.
    /// Whether the repository's git configuration sets `key`.
    fn has_config(&self, key: &str) -> bool {
        command(&self.top)
            .args(["config", "--get", key])
            .output()
            .is_ok_and(|o| o.status.success())
    }

    fn run_streaming(
        &self,
        what: &str,
        args: &[&str],
        progress: &mut dyn FnMut(&str),
        cancel: Option<&Cancel>,
    ) -> Result<Output, GitError> {
        let mut cmd = command(&self.top);
        // A git that can be cancelled runs as a process group of its own, so that what it
        // starts (ssh, a helper, a hook) ends with it.
        #[cfg(unix)]
        if cancel.is_some() {
            use std::os::unix::process::CommandExt;
            cmd.process_group(0);
        }
        // Push and pull talk to a remote: over SSH too, nothing may wait on a prompt nobody
        // can answer (a passphrase, an unknown host) — unless the user set their own SSH.
        if std::env::var_os("GIT_SSH_COMMAND").is_none()
            && std::env::var_os("GIT_SSH").is_none()
            && !self.has_config("core.sshCommand")
        {
            cmd.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        }
        let mut child = cmd
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| GitError::NoGit(e.to_string()))?;
        if let Some(cancel) = cancel {
            cancel.started(child.id());
        }
        let stdout = child.stdout.take();
        // Read stdout on its own thread so neither pipe can fill up and stall git.
        let reader = std::thread::spawn(move || {
            let mut out = Vec::new();
            if let Some(mut s) = stdout {
                let _ = s.read_to_end(&mut out);
            }
            out
        });
        let mut stderr = Vec::new();
        if let Some(mut err) = child.stderr.take() {
            let mut buf = [0u8; 4096];
            let mut line = Vec::new();
            loop {
                let n = match err.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                for &b in &buf[..n] {
                    if b == b'\n' || b == b'\r' {
                        let text = String::from_utf8_lossy(&line);
                        if !text.trim().is_empty() {
                            progress(text.trim());
                        }
                        if b == b'\n' {
                            stderr.extend_from_slice(&line);
                            stderr.push(b'\n');
                        }
                        line.clear();
                    } else {
                        line.push(b);
                    }
                }
            }
            stderr.extend_from_slice(&line);
        }
        let status = child.wait();
        if let Some(cancel) = cancel {
            cancel.finished();
            if cancel.is_cancelled() {
                return Err(GitError::Cancelled {
                    what: what.to_owned(),
                });
            }
        }
        let status = status.map_err(|e| GitError::NoGit(e.to_string()))?;
        let out = Output {
            status,
            stdout: reader.join().unwrap_or_default(),
            stderr,
        };
        checked(what, out)
    }
}

/// What git said in a failure (our words for other errors).
fn output_of(e: &GitError) -> Words {
    match e {
        GitError::Failed { output, .. } => Words::verbatim(output.as_str()),
        other => other.words(),
    }
}

fn command(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C")
        .arg(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_OPTIONAL_LOCKS", "0")
        // Every path daybook gives git is a name, never a pattern: `a[1].jpg` is not `a1.jpg`.
        .env("GIT_LITERAL_PATHSPECS", "1")
        .stdin(Stdio::null());
    c
}

/// `out` when git succeeded, else what failed with git's words.
fn checked(what: &str, out: Output) -> Result<Output, GitError> {
    if out.status.success() {
        Ok(out)
    } else {
        Err(GitError::Failed {
            what: what.to_owned(),
            output: output_text(&out),
        })
    }
}

fn output_text(out: &Output) -> String {
    let mut s = String::from_utf8_lossy(&out.stderr).trim().to_owned();
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !stdout.trim().is_empty() {
        if !s.is_empty() {
            s.push('\n');
        }
        s.push_str(stdout.trim());
    }
    s
}

fn last_lines(s: &str) -> String {
    let lines: Vec<&str> = s.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(3)..].join(" / ")
}

#[cfg(test)]
#[path = "git_tests.rs"]
mod tests;
