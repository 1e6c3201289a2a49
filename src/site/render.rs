//! Preparing posts as Jekyll publishes them, with what the site's files supply: the
//! `_includes/` Liquid can include (read once), the URLs of other posts for
//! `{% post_url %}`, and of site files for `{% link %}`.
//!
//! The rules are in `crate::journal::render`; this is the file-system side of it. A
//! [`Renderer`] is built once per site (and again when `_includes/` or `_config.yml`
//! change) and is cheap to use per post.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset};

use super::Site;
use super::index::{post_files, read_head};
use super::site_posts::{self, SitePosts};
use crate::journal::date::{format_with_offset, parse_written_date};
use crate::journal::front_matter::FrontMatter;
use crate::journal::kramdown::Doc;
use crate::journal::liquid::LValue;
use crate::journal::permalink::url_of_post;
use crate::journal::post_name::parse_post_file_name;
use crate::journal::render::{PageFacts, RenderSite, prepare_post_with};

/// daybook's stand-in for minimal-mistakes' `gallery` include.
const MM_GALLERY: &str = include_str!("theme_includes/minimal-mistakes-gallery.liquid");

/// Includes larger than this are not read (a generated file is not a template).
const MAX_INCLUDE: u64 = 1024 * 1024;

/// Prepares posts of one site.
pub struct Renderer {
    site: Site,
    includes: HashMap<String, String>,
    /// What Liquid sees of the site: `_config.yml`'s keys and `site.data`.
    vars: HashMap<String, LValue>,
    /// Post files by name without extension (`2016-11-03-day1`), found on first use.
    posts: OnceLock<HashMap<String, PathBuf>>,
    /// `site.posts` and friends, read on first use by a post or include that names them.
    site_posts: OnceLock<SitePosts>,
    /// Whether an include names them.
    includes_use_posts: bool,
    fallback: DateTime<FixedOffset>,
}

impl Renderer {
    /// Read the site's includes. `now` dates posts that have no date at all (drafts).
    pub fn new(site: &Site, now: DateTime<FixedOffset>) -> Renderer {
        let mut includes = HashMap::new();
        read_includes(&site.root.join("_includes"), "", &mut includes, 0);
        // minimal-mistakes' gallery, from its theme gem (not read): daybook's stand-in.
        if site.config.minimal_mistakes() && !includes.contains_key("gallery") {
            includes.insert("gallery".to_owned(), MM_GALLERY.to_owned());
        }
        let mut vars = site.config.liquid.clone();
        vars.insert("site.data".to_owned(), super::data::read(&site.root));
        let includes_use_posts = includes
            .values()
            .any(|t| site_posts::USES.iter().any(|u| t.contains(u)));
        Renderer {
            site: site.clone(),
            includes,
            vars,
            posts: OnceLock::new(),
            site_posts: OnceLock::new(),
            includes_use_posts,
            fallback: now,
        }
    }

    /// A renderer for a site without reading anything (tests, benches).
    pub fn empty(site: &Site, now: DateTime<FixedOffset>) -> Renderer {
        Renderer {
            site: site.clone(),
            includes: HashMap::new(),
            vars: site.config.liquid.clone(),
            posts: OnceLock::new(),
            site_posts: OnceLock::new(),
            includes_use_posts: false,
            fallback: now,
        }
    }

    pub fn site(&self) -> &Site {
        &self.site
    }

    fn facts(&self, rel: &str, fm: &FrontMatter) -> PageFacts {
        let zone = self.site.config.zone();
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let draft = rel.starts_with("_drafts/");
        let url = url_of_post(
            name,
            draft,
            fm,
            &zone,
            &self.site.config.permalink,
            self.fallback,
        )
        .unwrap_or_else(|| page_url(rel, fm));
        let date = fm
            .date()
            .and_then(|(text, quoted)| {
                parse_written_date(&text).map(|w| zone.to_zone(w.instant(quoted, &zone)))
            })
            .or_else(|| {
                parse_post_file_name(name)
                    .map(|p| zone.resolve(p.date.and_time(chrono::NaiveTime::MIN)))
            })
            .map(|d| format_with_offset(&d));
        PageFacts {
            url,
            path: rel.to_owned(),
            date,
        }
    }

    /// The URL path (without `baseurl`) Jekyll publishes the page at site-relative `rel`
    /// with this text at.
    pub fn url_of(&self, rel: &str, text: &str) -> String {
        let fm = FrontMatter::parse(text).unwrap_or_else(|_| FrontMatter::empty());
        self.facts(rel, &fm).url
    }

    /// Prepare the post at site-relative `rel` with this text.
    pub fn prepare(&self, rel: &str, text: &str) -> Doc {
        let fm = FrontMatter::parse(text).unwrap_or_else(|_| FrontMatter::empty());
        self.prepare_with(rel, text, &fm).0
    }

    /// [`Renderer::prepare`] for a post whose front matter is read, with its URL and date.
    pub fn prepare_with(&self, rel: &str, text: &str, fm: &FrontMatter) -> (Doc, PageFacts) {
        let page = self.facts(rel, fm);
        let include = |name: &str| self.includes.get(name.trim_matches(['"', '\''])).cloned();
        let post_url = |name: &str| self.post_url(name);
        let link = |path: &str| self.link(path);
        let config = &self.site.config;
        let with_posts;
        let vars = if self.includes_use_posts || site_posts::USES.iter().any(|u| text.contains(u)) {
            let mut vars = self.vars.clone();
            self.site_posts().add_to(rel, &mut vars);
            with_posts = vars;
            &with_posts
        } else {
            &self.vars
        };
        let site = RenderSite {
            vars,
            baseurl: &config.baseurl,
            url: &config.url,
            include: &include,
            post_url: &post_url,
            link: &link,
            kramdown: config.kramdown,
        };
        (prepare_post_with(text, fm, &page, &site), page)
    }

    fn site_posts(&self) -> &SitePosts {
        self.site_posts.get_or_init(|| {
            let posts = self
                .posts()
                .values()
                .filter_map(|path| {
                    let rel = crate::site::relative_slash(&self.site.root, path);
                    let fm = FrontMatter::parse(&read_head(path).ok()?).ok()?;
                    let facts = self.facts(&rel, &fm);
                    Some((rel, fm, facts))
                })
                .collect();
            SitePosts::new(posts)
        })
    }

    fn posts(&self) -> &HashMap<String, PathBuf> {
        self.posts.get_or_init(|| {
            post_files(&self.site)
                .into_iter()
                .filter(|(_, _, draft)| !draft)
                .filter_map(|(path, _, _)| {
                    let stem = path.file_stem()?.to_string_lossy().into_owned();
                    Some((stem, path))
                })
                .collect()
        })
    }

    /// `{% post_url 2016-11-03-day1 %}` (a subfolder may be given: `trips/2016-…`).
    fn post_url(&self, name: &str) -> Option<String> {
        let name = name.trim().trim_matches(['"', '\'']);
        let stem = name.rsplit('/').next().unwrap_or(name);
        let path = self.posts().get(stem)?;
        let rel = crate::site::relative_slash(&self.site.root, path);
        let head = read_head(path).ok()?;
        let fm = FrontMatter::parse(&head).ok()?;
        Some(self.facts(&rel, &fm).url)
    }

    /// `{% link path %}`: the URL of the site file at `path` (it must exist, as in Jekyll).
    fn link(&self, path: &str) -> Option<String> {
        let rel = path
            .trim()
            .trim_matches(['"', '\''])
            .trim_start_matches('/');
        let file = self.site.root.join(rel);
        if !file.is_file() || rel.split('/').any(|p| p == "..") {
            return None;
        }
        let head = read_head(&file).unwrap_or_default();
        let fm = FrontMatter::parse(&head).unwrap_or_else(|_| FrontMatter::empty());
        if rel.starts_with("_posts/") || rel.starts_with("_drafts/") {
            return Some(self.facts(rel, &fm).url);
        }
        if head.is_empty() {
            return Some(format!("/{rel}"));
        }
        Some(page_url(rel, &fm))
    }
}

/// The URL of a page (not a post): its `permalink:`, else its path with `.html`.
fn page_url(rel: &str, fm: &FrontMatter) -> String {
    if let Some(p) = fm.get_text("permalink") {
        return p;
    }
    let stem = rel.rsplit_once('.').map_or(rel, |(s, _)| s);
    match stem.strip_suffix("index") {
        Some(dir) => format!("/{dir}"),
        None => format!("/{stem}.html"),
    }
}

fn read_includes(dir: &Path, prefix: &str, out: &mut HashMap<String, String>, depth: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    if depth > 8 {
        return;
    }
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let key = format!("{prefix}{name}");
        let path = entry.path();
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => read_includes(&path, &format!("{key}/"), out, depth + 1),
            Ok(m) if m.len() <= MAX_INCLUDE => {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    out.insert(key, text);
                }
            }
            _ => {}
        }
    }
}
