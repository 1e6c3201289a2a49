//! Running the checks over a site: the read-only view of its files the rules get, the
//! posts to check (all, some, or the ones staged in git), and unused images.

mod files;
mod git_read;
pub use files::*;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::index::post_files;
use super::render::Renderer;
use super::{Site, SiteError, store};
use super::{panic_message, relative_slash};
use crate::journal::check::{
    self, CheckContext, PostInput, Problem, SiteFiles, UnusedInput, unused_images,
};
use crate::journal::kramdown::Doc;
pub use git_read::CheckError;
use git_read::git_output;

/// Folders never published (or not the site's): not walked.
const SKIPPED_DIRS: [&str; 5] = [
    "_site",
    "node_modules",
    "vendor",
    ".jekyll-cache",
    ".sass-cache",
];
/// Where sites keep images (for `unused-image`).
pub const IMAGE_DIRS: [&str; 4] = ["images", "assets/images", "assets/img", "img"];
/// Text files that may mention images outside posts.
const TEXT_EXTENSIONS: [&str; 11] = [
    "html", "htm", "md", "markdown", "liquid", "scss", "sass", "css", "yml", "yaml", "js",
];

/// What checking needs from the site, built once per check run.
pub struct Checker {
    pub site: Site,
    pub files: SiteFileSet,
    pub ctx: CheckContext,
    pub renderer: Renderer,
}

/// A worker's checker, kept between jobs until another site or a change of the site's files
/// (`files_generation`) asks for a new one: the preview's and the open post's check.
#[derive(Default)]
pub struct CheckerCache(Option<(PathBuf, u64, Checker)>);

impl CheckerCache {
    /// The checker of `site` as its files were at `files_generation`, made now (in the
    /// site's zone) when the kept one is not that.
    pub fn get(&mut self, site: &Site, files_generation: u64) -> &Checker {
        let fresh = self
            .0
            .as_ref()
            .is_some_and(|(root, g, _)| *root == site.root && *g == files_generation);
        if !fresh {
            self.0 = None;
        }
        let (_, _, checker) = self.0.get_or_insert_with(|| {
            let now = site
                .config
                .zone()
                .to_zone(chrono::Utc::now().fixed_offset());
            (site.root.clone(), files_generation, Checker::new(site, now))
        });
        checker
    }
}

impl Checker {
    pub fn new(site: &Site, now: DateTime<FixedOffset>) -> Checker {
        let config = &site.config;
        let zone = config.zone();
        Checker {
            files: SiteFileSet::scan_with(&site.root, &config.exclude, &config.include),
            renderer: Renderer::new(site, now),
            ctx: CheckContext {
                zone,
                permalink: config.permalink.clone(),
                baseurl: config.baseurl.clone(),
                url: config.url.clone(),
                default_layout: config
                    .has_default_layout
                    .then(|| config.post_layout.clone()),
                now: zone.to_zone(now),
                rules: config.rules.clone(),
                page_weight_kb: config.page_weight_kb,
                content_width: config.content_width,
            },
            site: site.clone(),
        }
    }

    /// A checker that looks for images in git's index instead of the working tree.
    pub fn staged(site: &Site, now: DateTime<FixedOffset>) -> Result<Checker, CheckError> {
        let mut checker = Checker::new(site, now);
        checker.files =
            SiteFileSet::from_index(&site.root, &site.config.exclude, &site.config.include)?;
        Ok(checker)
    }

    /// Check one post's text; `rel` is its site-relative path. A file in `_posts/` that
    /// Jekyll does not publish gets one `ignored-post` problem and nothing else.
    pub fn check_text(&self, rel: &str, text: &str) -> Vec<Problem> {
        self.check_and_uses(rel, text).0
    }

    /// The problems of one post and the site files its published page uses.
    pub fn check_and_uses(&self, rel: &str, text: &str) -> (Vec<Problem>, Vec<String>) {
        if let Some(stripped) = rel.strip_prefix("_posts/") {
            let parts: Vec<&str> = stripped.split('/').collect();
            if let Some(p) = check::check_ignored(rel, &parts, &self.ctx.rules) {
                return (vec![p], Vec::new());
            }
            if crate::journal::post_name::ignored_reason(&parts).is_some() {
                return (Vec::new(), Vec::new());
            }
        }
        let doc = self.renderer.prepare(rel, text);
        self.check_prepared(rel, text, &doc)
    }

    /// The problems of a post already prepared (`doc`), and the files its page uses.
    pub fn check_prepared(&self, rel: &str, text: &str, doc: &Doc) -> (Vec<Problem>, Vec<String>) {
        if let Some(stripped) = rel.strip_prefix("_posts/") {
            let parts: Vec<&str> = stripped.split('/').collect();
            if let Some(p) = check::check_ignored(rel, &parts, &self.ctx.rules) {
                return (vec![p], Vec::new());
            }
        }
        check::check_and_uses(PostInput { path: rel, text }, &self.ctx, &self.files, doc)
    }

    /// Check the post file at `path`.
    pub fn check_file(&self, path: &Path) -> Vec<Problem> {
        let rel = relative_slash(&self.site.root, path);
        match store::load_post(path) {
            Ok(post) => self.check_text(&rel, &post.text),
            Err(e) => vec![unreadable(&rel, &e)],
        }
    }

    /// Check every post and draft, plus unused images. Problems sorted by path and line.
    /// A worker that panics fails the whole check (its posts' rows would be missing, and a
    /// check that silently passes is worse than one that says it could not run).
    pub fn check_site(&self) -> Result<Vec<Problem>, CheckError> {
        let files = post_files(&self.site);
        let threads = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .min(8);
        let per = files.len().div_ceil(threads).max(1);
        let results: Vec<(Vec<Problem>, Vec<String>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = files
                .chunks(per)
                .map(|chunk| {
                    scope.spawn(move || {
                        let mut problems = Vec::new();
                        let mut used = Vec::new();
                        for (path, rel, _) in chunk {
                            match store::load_post(path) {
                                Ok(post) => {
                                    let (p, u) = self.check_and_uses(rel, &post.text);
                                    problems.extend(p);
                                    used.extend(u);
                                }
                                Err(e) => problems.push(unreadable(rel, &e)),
                            }
                        }
                        (problems, used)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join().map_err(|p| CheckError::WorkerStopped {
                        why: panic_message(p.as_ref()),
                    })
                })
                .collect::<Result<Vec<_>, CheckError>>()
        })?;
        let mut problems = Vec::new();
        let mut referenced = HashSet::new();
        for (p, used) in results {
            problems.extend(p);
            referenced.extend(used);
        }
        let mut mentioned = HashSet::new();
        for rel in self.files.text_files() {
            if let Ok(text) = std::fs::read_to_string(self.site.root.join(rel)) {
                mentioned_image_names(&text, &mut mentioned);
            }
        }
        for dir in ["_layouts", "_includes", "_sass", "_data"] {
            read_texts(&self.site.root.join(dir), &mut mentioned);
        }
        let images = self.files.images();
        problems.extend(unused_images(
            &UnusedInput {
                images: &images,
                referenced: &referenced,
                mentioned_names: &mentioned,
            },
            &self.ctx.rules,
        ));
        problems.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        Ok(problems)
    }
}

fn read_texts(dir: &Path, mentioned: &mut HashSet<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            read_texts(&path, mentioned);
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            mentioned_image_names(&text, mentioned);
        }
    }
}

/// A post that cannot be read is itself a problem (Jekyll cannot build it either).
fn unreadable(rel: &str, e: &SiteError) -> Problem {
    Problem {
        path: rel.to_owned(),
        line: 1,
        column: 1,
        rule: "front-matter-invalid",
        severity: check::Severity::Error,
        message: crate::words!("rule-front-matter-invalid", error = e.words()),
        fixes: Vec::new(),
        file: None,
        target: None,
    }
}

/// The posts staged in git under this site, with their staged text: `(site-relative path,
/// text)`. Errors when git is not available or the site is not in a repository.
pub fn staged_posts(site: &Site) -> Result<Vec<(String, String)>, CheckError> {
    let git = |args: &[&str]| git_output(&site.root, args);
    let top = String::from_utf8_lossy(&git(&["rev-parse", "--show-toplevel"])?)
        .trim()
        .to_owned();
    let top = std::fs::canonicalize(&top).unwrap_or_else(|_| PathBuf::from(&top));
    let root = std::fs::canonicalize(&site.root).unwrap_or_else(|_| site.root.clone());
    let names = git(&[
        "diff",
        "--cached",
        "--name-only",
        "-z",
        "--diff-filter=ACMR",
    ])?;
    let mut out = Vec::new();
    for name in names.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name).into_owned();
        let abs = top.join(&name);
        let rel = relative_slash(&root, &abs);
        let is_post = (rel.starts_with("_posts/") || rel.starts_with("_drafts/"))
            && crate::journal::post_name::has_post_extension(&rel)
            && !rel
                .split('/')
                .skip(1)
                .any(|p| p.starts_with('_') || p.starts_with('.'));
        if !abs.starts_with(&root) || !is_post {
            continue;
        }
        let blob = git(&["show", &format!(":{name}")])?;
        let text =
            String::from_utf8(blob).map_err(|_| CheckError::StagedNotUtf8 { rel: rel.clone() })?;
        out.push((rel, text));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn linked_folders_are_followed_once_and_a_link_loop_ends() {
        // Issue 11: a loop overflowed the stack; a linked images folder showed as missing.
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let photos = dir.path().join("photos");
        std::fs::create_dir_all(root.join("images")).unwrap();
        std::fs::create_dir_all(&photos).unwrap();
        std::fs::write(photos.join("a.jpg"), "x").unwrap();
        std::os::unix::fs::symlink(&photos, root.join("images/trip")).unwrap();
        std::os::unix::fs::symlink(&root, root.join("images/loop")).unwrap();
        let set = SiteFileSet::scan(&root);
        assert!(set.exists("images/trip/a.jpg"));
        assert!(
            !set.exists("images/loop/images/trip/a.jpg"),
            "the loop is not walked again"
        );
    }

    #[test]
    fn image_names_mentioned_in_layouts_are_found() {
        let mut found = HashSet::new();
        mentioned_image_names(
            "<img src=\"/images/logo.png\"> url('/assets/img/bg photo.JPG') a.b.c",
            &mut found,
        );
        assert!(
            found.contains("logo.png") && found.contains("bg photo.JPG"),
            "{found:?}"
        );
        assert_eq!(found.len(), 2);
    }
}
