//! The command line, run as the real binary on temp sites: `new`, `set`, `attach`, the
//! install files and the errors.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../common/mod.rs"]
mod common;

mod attach;
mod photos_web;
mod posts;
mod serve;

use std::fs;
use std::path::PathBuf;
use std::process::Output;

/// The binary run from the system's temp folder (paths given are absolute).
pub(crate) fn daybook(args: &[&str]) -> Output {
    crate::common::daybook(&std::env::temp_dir(), args)
}

pub(crate) fn site(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("_posts")).unwrap();
    fs::write(dir.path().join("_config.yml"), config).unwrap();
    dir
}

pub(crate) fn stdout_path(out: &Output) -> PathBuf {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    PathBuf::from(String::from_utf8(out.stdout.clone()).unwrap().trim())
}

pub(crate) fn assert_user_error(out: &Output, needle: &str) {
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(needle), "stderr: {err}");
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "stderr: {err}"
    );
}

pub(crate) fn post(s: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = s.path().join("_posts").join(name);
    fs::write(&p, bytes).unwrap();
    p
}
