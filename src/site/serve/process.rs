//! The Jekyll child: started as its own process group (stopping it stops what it started),
//! tied on Linux to the thread that started it (if daybook dies, even by `SIGKILL`, the
//! kernel sends Jekyll `SIGTERM`), its output read line by line on two threads.

#![allow(unsafe_code)]

use std::io::BufRead;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use super::jekyll::JekyllSetup;

/// What the supervisor hears: from the child (tagged with its process id, so a stopped
/// child's last words are told apart), and from the server.
#[derive(Debug)]
pub enum ToSupervisor {
    Line {
        pid: u32,
        line: String,
    },
    /// The child's output closed: it ended.
    Exited {
        pid: u32,
    },
    /// The shadow changed (a Jekyll that ended is started again).
    Changed,
    FullRebuild,
    Stop,
}

/// A running Jekyll.
pub struct Jekyll {
    child: Child,
}

/// The arguments that build the shadow into `dest` and keep rebuilding it.
pub fn build_args(setup: &JekyllSetup, shadow: &Path, dest: &Path, configs: &str) -> Vec<String> {
    let mut args = setup.prefix.clone();
    args.extend(
        [
            "build",
            "--watch",
            "--incremental",
            "--source",
            &shadow.to_string_lossy(),
            "--destination",
            &dest.to_string_lossy(),
            "--config",
            configs,
        ]
        .map(str::to_owned),
    );
    if setup.pages.is_some() {
        args.push("--safe".to_owned());
    }
    args
}

impl Jekyll {
    /// Start Jekyll in `dir` with `args`; its lines and its end go to `tx`.
    pub fn start(
        setup: &JekyllSetup,
        args: &[String],
        dir: &Path,
        tx: &Sender<ToSupervisor>,
    ) -> std::io::Result<Jekyll> {
        let mut cmd = Command::new(&setup.program);
        cmd.args(args)
            .current_dir(dir)
            .env("JEKYLL_ENV", "development")
            // bundler reads the shadow's Gemfile, never the site's.
            .env("BUNDLE_GEMFILE", dir.join("Gemfile"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if !setup.bundler {
            cmd.env_remove("BUNDLE_GEMFILE");
        }
        tie_to_this_thread(&mut cmd);
        let mut child = cmd.spawn()?;
        let pid = child.id();
        let out = child.stdout.take();
        let err = child.stderr.take();
        if let Some(out) = out {
            let tx = tx.clone();
            read_lines(
                out,
                move |line| tx.send(ToSupervisor::Line { pid, line }).is_ok(),
                None,
            )?;
        }
        if let Some(err) = err {
            let tx = tx.clone();
            let end = tx.clone();
            read_lines(
                err,
                move |line| tx.send(ToSupervisor::Line { pid, line }).is_ok(),
                // stderr closes when the process (and what it started) ended.
                Some(Box::new(move || {
                    let _ = end.send(ToSupervisor::Exited { pid });
                })),
            )?;
        }
        Ok(Jekyll { child })
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether it has ended, with its exit code.
    pub fn ended(&mut self) -> Option<Option<i32>> {
        self.child.try_wait().ok().flatten().map(|s| s.code())
    }

    /// Stop Jekyll and everything it started: `SIGTERM` to the group, `SIGKILL` after a
    /// grace period.
    pub fn stop(mut self) {
        let pid = self.child.id();
        crate::site::git_cancel::signal_group(pid, false);
        let deadline = Instant::now() + Duration::from_secs(3);
        while Instant::now() < deadline {
            if self.child.try_wait().ok().flatten().is_some() {
                // The group may outlive its leader (a helper it started).
                crate::site::git_cancel::signal_group(pid, true);
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        crate::site::git_cancel::signal_group(pid, true);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

type OnEnd = Box<dyn FnOnce() + Send>;

fn read_lines<R: std::io::Read + Send + 'static>(
    from: R,
    mut each: impl FnMut(String) -> bool + Send + 'static,
    at_end: Option<OnEnd>,
) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("daybook-jekyll-output".into())
        .spawn(move || {
            let reader = std::io::BufReader::new(from);
            for line in reader.split(b'\n') {
                let Ok(line) = line else { break };
                if !each(String::from_utf8_lossy(&line).into_owned()) {
                    break;
                }
            }
            if let Some(end) = at_end {
                end();
            }
        })?;
    Ok(())
}

/// Its own process group; on Linux, `SIGTERM` when the thread that started it ends (the
/// supervisor's, which lives as long as the server; daybook dying ends it too).
fn tie_to_this_thread(cmd: &mut Command) {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        let parent = rustix::process::getpid();
        // SAFETY: between fork and exec only async-signal-safe calls are made: prctl and
        // getppid are plain system calls that neither allocate nor take locks.
        unsafe {
            cmd.pre_exec(move || {
                rustix::process::set_parent_process_death_signal(Some(
                    rustix::process::Signal::TERM,
                ))?;
                // The parent died before the signal was asked for: end now.
                if rustix::process::getppid() != Some(parent) {
                    return Err(std::io::ErrorKind::Other.into());
                }
                Ok(())
            });
        }
    }
}
