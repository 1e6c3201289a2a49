//! Stopping a push or pull that hangs (a remote that never answers, a hook that waits): the
//! panel holds a [`Cancel`], the worker running git registers the process, and cancelling
//! ends git and everything it started (ssh, a credential helper, a hook) as one process
//! group. A commit is never cancelled half-way: only the network steps take a token.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// A handle to stop the git operation it is given to; clones share it.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<Inner>);

#[derive(Debug, Default)]
struct Inner {
    cancelled: AtomicBool,
    /// The process group of the git that is running, if one is.
    running: Mutex<Option<u32>>,
}

impl Cancel {
    /// Stop the operation: now if git is running, else as soon as it starts.
    pub fn cancel(&self) {
        self.0.cancelled.store(true, Ordering::SeqCst);
        if let Ok(running) = self.0.running.lock()
            && let Some(pid) = *running
        {
            end_group(pid);
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.cancelled.load(Ordering::SeqCst)
    }

    /// Git started as process group `pid`; ended at once when cancelled already.
    pub(super) fn started(&self, pid: u32) {
        if let Ok(mut running) = self.0.running.lock() {
            *running = Some(pid);
        }
        if self.is_cancelled() {
            end_group(pid);
        }
    }

    /// Git ended: its group id may be reused, never signal it again.
    pub(super) fn finished(&self) {
        if let Ok(mut running) = self.0.running.lock() {
            *running = None;
        }
    }
}

/// End process group `pid` (git and what it started).
fn end_group(pid: u32) {
    signal_group(pid, false);
}

/// Ask process group `pid` to end (`SIGTERM`), or end it (`hard`: `SIGKILL`).
pub(crate) fn signal_group(pid: u32, hard: bool) {
    #[cfg(target_os = "linux")]
    if let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    {
        let signal = if hard {
            rustix::process::Signal::KILL
        } else {
            rustix::process::Signal::TERM
        };
        let _ = rustix::process::kill_process_group(pid, signal);
    }
    #[cfg(all(unix, not(target_os = "linux")))]
    let _ = std::process::Command::new("kill")
        .args([
            if hard { "-KILL" } else { "-TERM" },
            "--",
            &format!("-{pid}"),
        ])
        .status();
    #[cfg(windows)]
    let _ = std::process::Command::new("taskkill")
        .args(["/T", "/F", "/PID", &pid.to_string()])
        .status();
}
