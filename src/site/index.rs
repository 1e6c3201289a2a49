//! The post index: every post of `_posts/` (any depth) and `_drafts/`, from front matter only.
//!
//! Files and folders starting with `_` or `.` are skipped, as Jekyll skips them. A post
//! that cannot be read (invalid UTF-8, an unclosed or invalid front matter, a name Jekyll
//! ignores) is still listed, with its error, so the user sees it. Only the head of each
//! file is read, until the front matter closes. Files are read on all cores.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, FixedOffset, NaiveTime};

use super::{Site, SiteError};
use crate::journal::date::{Zone, parse_written_date};
use crate::journal::front_matter::{FrontMatter, layout};
use crate::journal::post_name::{has_post_extension, ignored_reason, parse_post_file_name};

/// One post as the sidebar and checks see it.
#[derive(Debug, Clone, PartialEq)]
pub struct PostSummary {
    pub path: PathBuf,
    /// The path relative to the site root, with `/` separators.
    pub relative: String,
    pub title: Option<String>,
    /// The post date in the site zone: front matter first, else the file name.
    pub date: Option<DateTime<FixedOffset>>,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    pub published: bool,
    pub draft: bool,
    /// Why the post cannot be read, if so.
    pub error: Option<crate::i18n::Words>,
    /// Why Jekyll does not treat this file in `_posts/` as a post at all (no date in its
    /// name, a `_` folder), if so: it is listed apart.
    pub ignored: Option<crate::i18n::Words>,
    pub modified: Option<SystemTime>,
}

impl PostSummary {
    /// The title, or the file name when the post has none.
    pub fn display_title(&self) -> String {
        self.title.clone().unwrap_or_else(|| {
            self.path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
    }

    /// Whether plain Jekyll would skip this post as dated in the future.
    pub fn is_future(&self, now: DateTime<FixedOffset>) -> bool {
        self.date.is_some_and(|d| d > now)
    }

    /// Whether `needle` (already lower-cased) matches the title, file name, categories or tags.
    pub fn matches(&self, needle: &str) -> bool {
        needle.is_empty()
            || self.display_title().to_lowercase().contains(needle)
            || self.relative.to_lowercase().contains(needle)
            || self
                .categories
                .iter()
                .chain(&self.tags)
                .any(|c| c.to_lowercase().contains(needle))
    }
}

/// Build the summary of one post from the head of its text (pure given its inputs).
pub fn summarize(
    path: &Path,
    relative: &str,
    head: Result<String, SiteError>,
    draft: bool,
    zone: &Zone,
) -> PostSummary {
    let parts: Vec<&str> = relative.split('/').skip(1).collect();
    let name = parts.last().copied().unwrap_or_default();
    let name_date = if draft {
        None
    } else {
        parse_post_file_name(name).map(|p| p.date)
    };
    let mut summary = PostSummary {
        path: path.to_owned(),
        relative: relative.to_owned(),
        title: None,
        date: name_date.map(|d| zone.resolve(d.and_time(NaiveTime::MIN))),
        categories: Vec::new(),
        tags: Vec::new(),
        published: true,
        draft,
        error: None,
        ignored: if draft { None } else { ignored_reason(&parts) },
        modified: None,
    };
    let head = match head {
        Ok(h) => h,
        Err(e) => {
            summary.error = Some(e.words());
            return summary;
        }
    };
    match FrontMatter::parse(&head) {
        Err(e) => summary.error = Some(e.words()),
        Ok(fm) => {
            summary.title = fm.title();
            summary.categories = fm.categories();
            summary.tags = fm.tags();
            summary.published = fm.published();
            if let Some((text, quoted)) = fm.date() {
                match parse_written_date(&text) {
                    Some(w) => summary.date = Some(zone.to_zone(w.instant(quoted, zone))),
                    None => {
                        summary
                            .error
                            .get_or_insert(crate::words!("index-bad-date", date = text.as_str()));
                    }
                }
            }
        }
    }
    summary
}

/// Read a post file up to the end of its front matter (the whole file when it has none
/// closing, so an unclosed block is reported as such).
pub fn read_head(path: &Path) -> Result<String, SiteError> {
    let mut file = File::open(path).map_err(|e| SiteError::io(path, e))?;
    let mut buf = Vec::with_capacity(8192);
    let mut chunk = 4096;
    loop {
        let before = buf.len();
        (&mut file)
            .take(chunk as u64)
            .read_to_end(&mut buf)
            .map_err(|e| SiteError::io(path, e))?;
        let eof = buf.len() - before < chunk;
        let valid = match std::str::from_utf8(&buf) {
            Ok(s) => s,
            Err(e) if e.error_len().is_none() && !eof => {
                std::str::from_utf8(&buf[..e.valid_up_to()]).unwrap_or_default()
            }
            Err(e) => {
                return Err(SiteError::NotUtf8 {
                    path: path.to_owned(),
                    valid_up_to: e.valid_up_to(),
                });
            }
        };
        match layout(valid).block {
            Some(Ok(block)) => return Ok(valid[..block.end].to_owned()),
            None if valid.len() >= 3 || eof => return Ok(String::new()),
            _ if eof => return Ok(valid.to_owned()),
            _ => chunk *= 2,
        }
    }
}

/// The post files of a site: `(path, relative path, is draft)`, skipping `_`/`.` names.
pub fn post_files(site: &Site) -> Vec<(PathBuf, String, bool)> {
    let mut out = Vec::new();
    for (folder, draft) in [("_posts", false), ("_drafts", true)] {
        walk(&site.root.join(folder), folder, draft, &mut out);
    }
    out
}

fn walk(dir: &Path, relative: &str, draft: bool, out: &mut Vec<(PathBuf, String, bool)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('_') || name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let rel = format!("{relative}/{name}");
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, &rel, draft, out),
            Ok(_) if has_post_extension(&name) => out.push((path, rel, draft)),
            _ => {}
        }
    }
}

/// Index every post of the site, newest first (undated posts last, by name).
pub fn index_site(site: &Site) -> Vec<PostSummary> {
    let files = post_files(site);
    let zone = site.config.zone();
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(8);
    let per_thread = files.len().div_ceil(threads).max(1);
    let mut posts: Vec<PostSummary> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(per_thread)
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|(path, rel, draft)| {
                            let mut s = summarize(path, rel, read_head(path), *draft, &zone);
                            s.modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
                            s
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        // A worker that panicked loses no post: its files are listed with the reason.
        handles
            .into_iter()
            .zip(files.chunks(per_thread))
            .flat_map(|(h, chunk)| {
                h.join().unwrap_or_else(|p| {
                    let why = super::panic_message(p.as_ref());
                    chunk
                        .iter()
                        .map(|(path, rel, draft)| {
                            let mut s = summarize(path, rel, Ok(String::new()), *draft, &zone);
                            s.error = Some(crate::words!("index-stopped", error = why.as_str()));
                            s
                        })
                        .collect()
                })
            })
            .collect()
    });
    sort_newest_first(&mut posts);
    posts
}

/// Sort posts newest first; undated ones (drafts) by modification time, then by path.
pub fn sort_newest_first(posts: &mut [PostSummary]) {
    posts.sort_by(|a, b| {
        let key = |p: &PostSummary| {
            p.date.map(|d| d.timestamp()).or_else(|| {
                p.modified
                    .and_then(|m| m.duration_since(SystemTime::UNIX_EPOCH).ok())
                    .map(|d| d.as_secs() as i64)
            })
        };
        // Files Jekyll does not publish go last.
        a.ignored
            .is_some()
            .cmp(&b.ignored.is_some())
            .then_with(|| key(b).cmp(&key(a)))
            .then_with(|| a.relative.cmp(&b.relative))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seoul() -> Zone {
        Zone::named("Asia/Seoul").unwrap()
    }

    fn summary(rel: &str, text: &str) -> PostSummary {
        summarize(
            Path::new(rel),
            rel,
            Ok(text.to_owned()),
            rel.starts_with("_drafts"),
            &seoul(),
        )
    }

    #[test]
    fn files_jekyll_does_not_publish_sort_after_every_post() {
        let mut posts = vec![
            summary("_posts/chart_output.html", "<div></div>"),
            summary("_posts/2016-11-03-a.md", "---\ntitle: a\n---\n"),
            summary("_drafts/plan.md", "---\ntitle: p\n---\n"),
        ];
        sort_newest_first(&mut posts);
        assert_eq!(
            posts.last().map(|p| p.relative.as_str()),
            Some("_posts/chart_output.html")
        );
        assert!(
            posts
                .last()
                .is_some_and(|p| p.ignored.is_some() && p.error.is_none())
        );
    }

    #[test]
    fn front_matter_date_wins_over_the_file_name() {
        let s = summary(
            "_posts/2016-11-03-a.md",
            "---\ndate: 2016-11-04 23:30:00 +0900\n---\n",
        );
        assert_eq!(s.date.unwrap().to_rfc3339(), "2016-11-04T23:30:00+09:00");
        let s = summary("_posts/2016-11-03-a.md", "---\ntitle: x\n---\n");
        assert_eq!(s.date.unwrap().to_rfc3339(), "2016-11-03T00:00:00+09:00");
        // Unquoted without offset is UTC, shown in the site zone.
        let s = summary(
            "_posts/2016-11-04-a.md",
            "---\ndate: 2016-11-04 23:30:00\n---\n",
        );
        assert_eq!(s.date.unwrap().to_rfc3339(), "2016-11-05T08:30:00+09:00");
    }

    #[test]
    fn problems_are_listed_not_hidden() {
        let s = summary("_posts/notes.md", "---\ntitle: x\n---\n");
        assert!(
            s.ignored
                .unwrap_or_default()
                .to_string()
                .contains("YYYY-MM-DD")
        );
        assert!(s.error.is_none());
        let cases = [
            ("_posts/2016-11-03-a.md", "---\ntitle: x\n", "never closes"),
            (
                "_posts/2016-11-03-a.md",
                "---\ntitle: [x\n---\n",
                "invalid YAML",
            ),
            (
                "_posts/2016-11-03-a.md",
                "---\ndate: someday\n---\n",
                "not a date",
            ),
        ];
        for (rel, text, want) in cases {
            let s = summary(rel, text);
            let err = s.error.unwrap_or_default().to_string();
            assert!(err.contains(want), "{rel}: {err}");
        }
        let s = summarize(
            Path::new("x"),
            "_posts/2016-11-03-x.md",
            Err(SiteError::NotUtf8 {
                path: "x".into(),
                valid_up_to: 4,
            }),
            false,
            &seoul(),
        );
        assert!(s.error.unwrap().to_string().contains("UTF-8"));
    }

    #[test]
    fn drafts_have_no_name_date_and_no_name_rule() {
        let s = summary(
            "_drafts/idea.md",
            "---\ntitle: 아이디어\npublished: false\n---\n",
        );
        assert!(s.draft && s.error.is_none() && s.date.is_none() && !s.published);
    }

    #[test]
    fn filter_matches_korean_title_categories_and_tags() {
        let s = summary(
            "_posts/2016-11-03-a.md",
            "---\ntitle: 부산 여행\ncategories: 바다 Trip\ntags: [회]\n---\n",
        );
        for needle in ["부산", "바다", "trip", "회", "2016-11-03", ""] {
            assert!(s.matches(needle), "{needle}");
        }
        assert!(!s.matches("서울"));
    }
}
