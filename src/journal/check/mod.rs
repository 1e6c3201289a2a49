//! Checks before committing: the rules, each a small function over one parsed post and a
//! read-only view of the site's files. No file IO here; the site edge supplies the files.
//!
//! Every problem carries the file, line and column, a severity, a stable rule id and, where
//! a text edit is safe, fixes. Rules can be switched off or re-graded per site (the
//! `daybook:` section of `_config.yml`, read by the site edge into a [`RuleConfig`]).

mod front;
mod images;
mod weight;
pub use weight::picture_bytes;

pub use images::{browser_url, link_context, not_shown_reason};
pub mod unused;

use std::collections::HashMap;
use std::ops::Range;

use chrono::{DateTime, FixedOffset};

use super::date::Zone;
use super::kramdown::Doc;
use super::liquid::LValue;
use super::render::{PageFacts, RenderSite, prepare_post};
use crate::i18n::Words;

pub use unused::{UnusedInput, unused_images};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s.trim().to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Every rule: its id and default severity.
pub const RULES: [(&str, Severity); 23] = [
    ("missing-image", Severity::Error),
    ("unreadable-image", Severity::Error),
    ("heic-on-page", Severity::Warning),
    ("unresolved-image", Severity::Warning),
    ("liquid-limit", Severity::Warning),
    ("backslash-image-path", Severity::Warning),
    ("baseurl-image", Severity::Warning),
    ("spaced-image-url", Severity::Warning),
    ("image-as-link", Severity::Warning),
    ("remote-image", Severity::Info),
    ("unused-image", Severity::Info),
    ("front-matter-invalid", Severity::Error),
    ("missing-title", Severity::Warning),
    ("missing-layout", Severity::Warning),
    ("date-mismatch", Severity::Warning),
    ("date-without-offset", Severity::Warning),
    ("future-date", Severity::Warning),
    ("unpublished", Severity::Info),
    ("ignored-post", Severity::Warning),
    ("camera-alt-text", Severity::Info),
    ("spelling", Severity::Info),
    ("page-weight", Severity::Warning),
    ("oversized-image", Severity::Info),
];

/// A safe text edit that fixes a problem.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Fix {
    /// What the fix does, for a button (worded where it is shown).
    pub label: Words,
    /// The bytes of the post text to replace.
    pub range: Range<usize>,
    pub replacement: String,
    /// The whole lines around `range` in the text the fix was computed on, and where they
    /// started: a fix is only ever applied where that text still stands.
    #[serde(skip)]
    pub anchor: String,
    #[serde(skip)]
    pub anchor_at: usize,
    /// Select the replacement in the editor once applied, for the user to type over it.
    #[serde(skip)]
    pub select: bool,
}

impl Fix {
    /// A fix replacing `range` with `replacement`.
    pub fn new(label: Words, range: Range<usize>, replacement: String) -> Fix {
        Fix {
            label,
            range,
            replacement,
            ..Fix::default()
        }
    }

    /// Remember the lines around the range in `text`, the text the fix was computed on.
    pub fn anchor_in(&mut self, text: &str) {
        let start = text[..self.range.start.min(text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let end = text[self.range.end.min(text.len())..]
            .find('\n')
            .map_or(text.len(), |i| self.range.end + i);
        if let Some(lines) = text.get(start..end) {
            self.anchor = lines.to_owned();
            self.anchor_at = start;
        }
    }

    /// The text with this fix applied (the text it was computed on).
    pub fn apply(&self, text: &str) -> String {
        self.apply_at(text, self.range.clone())
            .unwrap_or_else(|| text.to_owned())
    }

    fn apply_at(&self, text: &str, range: Range<usize>) -> Option<String> {
        let (before, after) = (text.get(..range.start)?, text.get(range.end..)?);
        Some(format!("{before}{}{after}", self.replacement))
    }

    /// The fix applied to `text`, which may have changed since the fix was computed: where
    /// its lines still stand (moved, if the text before them changed, when they occur once);
    /// `None` when they do not, and the fix would land in the wrong place.
    pub fn apply_anchored(&self, text: &str) -> Option<String> {
        self.apply_anchored_at(text).map(|(t, _)| t)
    }

    /// [`Fix::apply_anchored`], with where the replacement stands in the new text.
    pub fn apply_anchored_at(&self, text: &str) -> Option<(String, Range<usize>)> {
        if self.anchor.is_empty() {
            return None;
        }
        let at =
            if text.get(self.anchor_at..self.anchor_at + self.anchor.len()) == Some(&self.anchor) {
                self.anchor_at
            } else {
                let mut found = text.match_indices(self.anchor.as_str()).map(|(i, _)| i);
                let first = found.next()?;
                if found.next().is_some() {
                    return None;
                }
                first
            };
        let shift = |x: usize| x - self.anchor_at + at;
        let start = shift(self.range.start);
        let out = self.apply_at(text, start..shift(self.range.end))?;
        Some((out, start..start + self.replacement.len()))
    }
}

/// One problem found in a post or the site.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file, relative to the site root.
    pub path: String,
    /// 1-based line and column (in characters).
    pub line: usize,
    pub column: usize,
    pub rule: &'static str,
    pub severity: Severity,
    /// What is wrong, as data: worded where it is shown (the window, the command line).
    pub message: Words,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<Fix>,
    /// The site file the problem is about, when renaming it is a fix (`images/a b.jpg`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// For image rules: the site path the published page requests (`/images/a b.jpg`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

/// Per-site rule settings: `None` switches a rule off.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleConfig {
    pub overrides: HashMap<String, Option<Severity>>,
}

impl RuleConfig {
    /// The severity of `rule` on this site, or `None` when it is off.
    pub fn severity(&self, rule: &str) -> Option<Severity> {
        match self.overrides.get(rule) {
            Some(s) => *s,
            None => RULES.iter().find(|(r, _)| *r == rule).map(|(_, s)| *s),
        }
    }
}

/// The site's files, as the rules may see them: no IO, just answers.
pub trait SiteFiles {
    /// Whether a file exists at this site-relative path (`images/x.jpg`).
    fn exists(&self, rel: &str) -> bool;
    /// The file names in a site-relative folder.
    fn names_in(&self, dir: &str) -> Vec<String>;
    /// Why a file that is in the site folder is not published (`exclude:`, a `_` folder).
    fn unpublished_reason(&self, rel: &str) -> Option<Words> {
        let _ = rel;
        None
    }
    /// The width and height of the picture at `rel`, if known.
    fn dimensions(&self, rel: &str) -> Option<(u32, u32)> {
        let _ = rel;
        None
    }
    /// The size in bytes of the file at `rel`, if known.
    fn size(&self, rel: &str) -> Option<u64> {
        let _ = rel;
        None
    }
    /// What kind of picture the file at `rel` holds (read from its first bytes), if known.
    fn image_kind(&self, rel: &str) -> Option<crate::journal::image_kind::ImageKind> {
        let _ = rel;
        None
    }
}

/// The site facts the rules need.
#[derive(Debug, Clone)]
pub struct CheckContext {
    pub zone: Zone,
    pub permalink: String,
    pub baseurl: String,
    pub url: String,
    /// The layout `defaults:` gives posts, if any.
    pub default_layout: Option<String>,
    pub now: DateTime<FixedOffset>,
    pub rules: RuleConfig,
    /// `daybook: page_weight_kb`: the most a post's local images may weigh together.
    pub page_weight_kb: u64,
    /// `daybook: content_width`: how wide, in CSS pixels, the theme shows an image that
    /// sets no width of its own.
    pub content_width: u32,
}

/// A post to check.
#[derive(Debug, Clone, Copy)]
pub struct PostInput<'a> {
    /// Relative to the site root, with `/` separators (`_posts/2016-11-03-a.md`).
    pub path: &'a str,
    pub text: &'a str,
}

impl PostInput<'_> {
    pub fn is_draft(&self) -> bool {
        self.path.starts_with("_drafts/")
    }

    pub fn file_name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(self.path)
    }
}

/// Collects problems, applying the site's rule settings.
pub struct Report<'a> {
    post: PostInput<'a>,
    rules: &'a RuleConfig,
    pub problems: Vec<Problem>,
    /// Where each line of the post starts, found on the first problem (a post with 30,000
    /// problems is not counted through 30,000 times).
    line_starts: std::cell::OnceCell<Vec<usize>>,
    /// The last position asked for (line, byte, column): columns further along the same line
    /// are counted on from it, not from the line's start (a one-line post of 60,000 images).
    last: (usize, usize, usize),
}

impl<'a> Report<'a> {
    pub fn new(post: PostInput<'a>, rules: &'a RuleConfig) -> Report<'a> {
        Report {
            post,
            rules,
            problems: Vec::new(),
            line_starts: std::cell::OnceCell::new(),
            last: (0, 0, 0),
        }
    }

    /// Whether `rule` is on for this site (so work for it can be skipped).
    pub fn wants(&self, rule: &str) -> bool {
        self.rules.severity(rule).is_some()
    }

    /// Record a problem at byte `at` of the post.
    pub fn add(&mut self, rule: &'static str, at: usize, message: Words, fixes: Vec<Fix>) {
        let Some(severity) = self.rules.severity(rule) else {
            return;
        };
        let text = self.post.text;
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let at = text.floor_char_boundary(at);
        let line = starts.partition_point(|s| *s <= at);
        let start = starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
        let (last_line, last_at, last_column) = self.last;
        let column = if last_line == line && last_at <= at && last_at >= start {
            last_column + text[last_at..at].chars().count()
        } else {
            text[start..at].chars().count() + 1
        };
        self.last = (line, at, column);
        self.problems.push(Problem {
            path: self.post.path.to_owned(),
            line,
            column,
            rule,
            severity,
            message,
            fixes,
            file: None,
            target: None,
        });
    }

    /// Name the site path the last problem's image requests.
    pub fn with_target(&mut self, target: String) {
        if let Some(p) = self.problems.last_mut() {
            p.target = Some(target);
        }
    }

    /// Name the site file the last problem is about.
    pub fn about_file(&mut self, file: String) {
        if let Some(p) = self.problems.last_mut() {
            p.file = Some(file);
        }
    }
}

/// Every problem of one post, in text order. The post is prepared with no includes and no
/// other posts; the site edge uses [`check_prepared`] with the real ones.
pub fn check_post(post: PostInput<'_>, ctx: &CheckContext, files: &dyn SiteFiles) -> Vec<Problem> {
    let doc = prepare_plain(post, ctx);
    check_prepared(post, ctx, files, &doc)
}

/// The post prepared with only the site's `baseurl` and `url` known to Liquid.
pub fn prepare_plain(post: PostInput<'_>, ctx: &CheckContext) -> Doc {
    let fm = super::front_matter::FrontMatter::parse(post.text)
        .unwrap_or_else(|_| super::front_matter::FrontMatter::empty());
    let links = link_context(post, &fm, ctx);
    let mut vars = HashMap::new();
    vars.insert("site.baseurl".to_owned(), LValue::Str(ctx.baseurl.clone()));
    vars.insert("site.url".to_owned(), LValue::Str(ctx.url.clone()));
    let none = |_: &str| None;
    let site = RenderSite {
        vars: &vars,
        baseurl: &ctx.baseurl,
        url: &ctx.url,
        include: &none,
        post_url: &none,
        link: &none,
        kramdown: Default::default(),
    };
    let page = PageFacts {
        url: links.post_url,
        path: post.path.to_owned(),
        date: None,
    };
    prepare_post(post.text, &page, &site)
}

/// Every problem of one post, reading the document as prepared for publishing.
pub fn check_prepared(
    post: PostInput<'_>,
    ctx: &CheckContext,
    files: &dyn SiteFiles,
    doc: &Doc,
) -> Vec<Problem> {
    check_and_uses(post, ctx, files, doc).0
}

/// [`check_prepared`], and the site files the published page uses (for `unused-image`).
pub fn check_and_uses(
    post: PostInput<'_>,
    ctx: &CheckContext,
    files: &dyn SiteFiles,
    doc: &Doc,
) -> (Vec<Problem>, Vec<String>) {
    let mut report = Report::new(post, &ctx.rules);
    let fm = front::check(&mut report, post, ctx)
        .unwrap_or_else(super::front_matter::FrontMatter::empty);
    let used = images::check(&mut report, post, &fm, ctx, files, doc);
    weight::check(&mut report, &used, ctx, files);
    for hit in &doc.liquid_limits {
        let message = crate::words!(
            "rule-liquid-limit",
            tag = hit.tag.as_str(),
            limit = hit.limit.as_str()
        );
        report.add("liquid-limit", hit.at, message, Vec::new());
    }
    let mut problems = report.problems;
    for fix in problems.iter_mut().flat_map(|p| p.fixes.iter_mut()) {
        fix.anchor_in(post.text);
    }
    problems.sort_by_key(|p| (p.line, p.column));
    (problems, used)
}

/// `ignored-post` for a file under `_posts/` that Jekyll will skip; `parts` are its path
/// components below `_posts/`.
pub fn check_ignored(path: &str, parts: &[&str], rules: &RuleConfig) -> Option<Problem> {
    let reason = super::post_name::ignored_reason(parts)?;
    let mut severity = rules.severity("ignored-post")?;
    // A chart or data file kept in `_posts/` is a note; a Markdown file there is a mistake.
    let markdown = parts.last().is_some_and(|n| {
        n.rsplit_once('.').is_some_and(|(_, e)| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "md" | "markdown" | "mkd" | "mkdn" | "mdown"
            )
        })
    });
    if !markdown && !rules.overrides.contains_key("ignored-post") {
        severity = Severity::Info;
    }
    Some(Problem {
        path: path.to_owned(),
        line: 1,
        column: 1,
        rule: "ignored-post",
        severity,
        message: reason,
        fixes: Vec::new(),
        file: None,
        target: None,
    })
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
