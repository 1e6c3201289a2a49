//! `daybook check`: the checks for scripts and git hooks, and installing the hook.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{CliError, CliResult, Format};
use crate::journal::check::{Problem, Severity};
use crate::site::Site;
use crate::site::check::{Checker, staged_posts};
use crate::site::relative_slash;

/// Run the check; returns the exit code (0 no errors, 1 errors), or why the site cannot be
/// checked (exit 2).
pub fn run(
    paths: &[PathBuf],
    format: Format,
    staged: bool,
    install_hook: bool,
    spelling: bool,
) -> CliResult<u8> {
    let unavailable = |e: &dyn std::fmt::Display| CliError::Unavailable(e.to_string());
    let first = paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
    let site = Site::find(&first).map_err(|e| unavailable(&e))?;
    for w in &site.config.warnings {
        eprintln!("daybook: warning: {w}");
    }
    if install_hook {
        let message = install_pre_commit(&site)?;
        println!("{message}");
        return Ok(0);
    }
    let now = chrono::Utc::now().fixed_offset();
    let mut problems = if staged {
        // Images count only when they are staged or committed: what the commit will hold.
        let checker = Checker::staged(&site, now)
            .map_err(|e| unavailable(&crate::tr!("cannot-read-index", error = e.to_string())))?;
        staged_posts(&site)
            .map_err(|e| unavailable(&crate::tr!("cannot-read-staged", error = e.to_string())))?
            .iter()
            .flat_map(|(rel, text)| checker.check_text(rel, text))
            .collect()
    } else if paths.iter().all(|p| p.is_dir()) {
        Checker::new(&site, now)
            .check_site()
            .map_err(|e| unavailable(&e))?
    } else {
        let checker = Checker::new(&site, now);
        let mut problems = Vec::new();
        for p in paths {
            if !p.is_file() {
                return Err(unavailable(&crate::tr!(
                    "no-such-post",
                    file = p.display().to_string()
                )));
            }
            let abs = std::path::absolute(p).unwrap_or_else(|_| p.clone());
            problems.extend(checker.check_file(&abs));
        }
        problems
    };
    if spelling {
        let texts: Vec<(String, String)> = if staged {
            staged_posts(&site).unwrap_or_default()
        } else if paths.iter().all(|p| p.is_dir()) {
            crate::site::index::post_files(&site)
                .into_iter()
                .filter_map(|(path, rel, _)| std::fs::read_to_string(&path).ok().map(|t| (rel, t)))
                .collect()
        } else {
            paths
                .iter()
                .filter_map(|p| {
                    let abs = std::path::absolute(p).unwrap_or_else(|_| p.clone());
                    let text = std::fs::read_to_string(&abs).ok()?;
                    Some((relative_slash(&site.root, &abs), text))
                })
                .collect()
        };
        problems.extend(spelling_problems(&site, &texts));
        problems.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    }
    print_problems(&site.root, &problems, format);
    Ok(u8::from(
        problems.iter().any(|p| p.severity == Severity::Error),
    ))
}

/// The spelling notes of these posts (site-relative path, text); what cannot be checked
/// is said on standard error, and the check goes on without it.
fn spelling_problems(site: &Site, texts: &[(String, String)]) -> Vec<Problem> {
    let speller = match crate::site::hunspell::Speller::new() {
        Ok(s) => s,
        Err(why) => {
            eprintln!("daybook: warning: {why}");
            return Vec::new();
        }
    };
    let mut checker = crate::site::spelling::Checker::new(speller);
    let site_lang = site.config.lang.as_deref();
    let mut latin_langs: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let data = crate::site::data_dir();
    checker.accept(crate::site::spelling::accepted_words(
        &site.root,
        data.as_deref(),
    ));
    for (rel, text) in texts {
        let latin = crate::site::spelling::latin_language_of(text, site_lang);
        if !latin_langs.contains(&latin) {
            latin_langs.push(latin.clone());
        }
        out.extend(checker.problems(rel, text, &latin));
    }
    let dirs = crate::site::hunspell::dictionary_dirs()
        .iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    for lang in std::iter::once("ko".to_owned()).chain(latin_langs) {
        if !checker.speller.has(&lang) {
            let why = crate::tr!(
                "spelling-no-dictionary",
                lang = lang.as_str(),
                dirs = dirs.as_str()
            );
            eprintln!("daybook: warning: {why}");
        }
    }
    out
}

/// How a problem's path is shown: relative to the current folder when inside it.
fn shown_path(root: &Path, rel: &str) -> String {
    let abs = std::path::absolute(root.join(rel)).unwrap_or_else(|_| root.join(rel));
    match std::env::current_dir() {
        Ok(cwd) if abs.starts_with(&cwd) => relative_slash(&cwd, &abs),
        _ => abs.display().to_string(),
    }
}

fn print_problems(root: &Path, problems: &[Problem], format: Format) {
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let shown: Vec<Problem> = problems
                .iter()
                .map(|p| Problem {
                    // Absolute in JSON: a script may run from any folder.
                    path: std::path::absolute(root.join(&p.path))
                        .unwrap_or_else(|_| root.join(&p.path))
                        .display()
                        .to_string(),
                    ..p.clone()
                })
                .collect();
            let json = serde_json::to_string_pretty(&shown).unwrap_or_else(|_| "[]".to_owned());
            let _ = writeln!(out, "{json}");
        }
        Format::Text => {
            for p in problems {
                let hint = p
                    .fixes
                    .first()
                    .map(|f| crate::tr!("cli-fix-hint", fix = f.label.to_string()))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{}:{}:{}: {}: {}{hint} [{}]",
                    shown_path(root, &p.path),
                    p.line,
                    p.column,
                    p.severity.as_str(),
                    p.message,
                    p.rule
                );
            }
            let count = |s: Severity| problems.iter().filter(|p| p.severity == s).count();
            if !problems.is_empty() {
                let counts = crate::tr!(
                    "problem-counts",
                    errors = count(Severity::Error),
                    warnings = count(Severity::Warning),
                    notes = count(Severity::Info)
                );
                eprintln!("daybook check: {counts}");
            }
        }
    }
}

const HOOK_MARK: &str = "# daybook: stop commits whose posts have errors";

/// Write (or add to) the repository's `pre-commit` hook.
fn install_pre_commit(site: &Site) -> Result<String, CliError> {
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(&site.root)
        .args(["rev-parse", "--git-path", "hooks"])
        .output()
        .map_err(|e| {
            CliError::Unavailable(crate::tr!("could-not-run-git", error = e.to_string()))
        })?;
    if !output.status.success() {
        return Err(CliError::Unavailable(crate::tr!(
            "git-not-a-repository",
            file = site.root.display().to_string()
        )));
    }
    let hooks = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    let hooks = if hooks.is_absolute() {
        hooks
    } else {
        site.root.join(hooks)
    };
    std::fs::create_dir_all(&hooks)
        .map_err(|e| CliError::Unavailable(format!("{}: {e}", hooks.display())))?;
    let hook = hooks.join("pre-commit");
    let exe =
        std::env::current_exe().map_or_else(|_| "daybook".to_owned(), |p| p.display().to_string());
    let root = std::path::absolute(&site.root).unwrap_or_else(|_| site.root.clone());
    let lines = format!(
        "{HOOK_MARK}\n'{}' check --staged '{}' || exit 1\n",
        exe.replace('\'', "'\\''"),
        root.display().to_string().replace('\'', "'\\''")
    );
    // The hook is read and written as bytes: one that is not UTF-8 is kept whole.
    let existing = std::fs::read(&hook).ok();
    let contains = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
    let text: Vec<u8> = match &existing {
        // A hook that is not text (a binary, another encoding) is not daybook's to edit.
        Some(t) if std::str::from_utf8(t).is_err() => {
            return Err(CliError::Unavailable(crate::tr!(
                "hook-not-text",
                file = hook.display().to_string(),
                lines = lines.trim_end()
            )));
        }
        Some(t) if contains(t, HOOK_MARK.as_bytes()) => {
            return Ok(crate::tr!(
                "hook-already-there",
                file = hook.display().to_string()
            ));
        }
        // Ours goes right after the shebang, so an existing hook that ends in `exit 0` still
        // lets it run; everything the user had stays as it was.
        Some(t) if t.starts_with(b"#!") => {
            let cut = t
                .iter()
                .position(|b| *b == b'\n')
                .map_or(t.len(), |i| i + 1);
            let mut out = t[..cut].to_vec();
            if !out.ends_with(b"\n") {
                out.push(b'\n');
            }
            out.extend_from_slice(lines.as_bytes());
            out.extend_from_slice(&t[cut..]);
            out
        }
        Some(t) => [format!("#!/bin/sh\n{lines}").as_bytes(), t].concat(),
        None => format!("#!/bin/sh\n{lines}").into_bytes(),
    };
    if !crate::site::within(&hooks, &hook) {
        return Err(CliError::Unavailable(crate::tr!(
            "hook-outside-folder",
            file = hook.display().to_string()
        )));
    }
    // Replaced atomically: a failed write leaves the old hook whole.
    crate::site::store::replace_file(&hook, &text, 0o755)
        .map_err(|e| CliError::Unavailable(format!("{}: {e}", hook.display())))?;
    let file = hook.display().to_string();
    Ok(if existing.is_some() {
        crate::tr!("hook-added", file = file)
    } else {
        crate::tr!("hook-installed", file = file)
    })
}
