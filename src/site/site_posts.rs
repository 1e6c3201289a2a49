//! `site.posts`, `site.categories`, `site.tags` and a post's `page.previous`/`page.next`, as
//! the loops themes put in posts read them (previous/next links, "more in this category").
//! Built from the posts' front matter only when a post or an include asks for them.

use std::collections::HashMap;

use crate::journal::front_matter::FrontMatter;
use crate::journal::liquid::LValue;
use crate::journal::render::{PageFacts, page_vars};

/// Names that make a post need the site's posts.
pub const USES: [&str; 6] = [
    "site.posts",
    "site.categories",
    "site.tags",
    "page.previous",
    "page.next",
    "site.related_posts",
];

/// The published posts as Liquid sees them.
#[derive(Debug, Clone, Default)]
pub struct SitePosts {
    /// Oldest first, as Jekyll orders them (date, then path).
    chronological: Vec<(String, LValue)>,
    categories: Vec<(String, LValue)>,
    tags: Vec<(String, LValue)>,
}

/// One post as a hash: its front matter and what Jekyll adds (`url`, `date`, `id`, `path`).
fn post_hash(fm: &FrontMatter, facts: &PageFacts) -> LValue {
    let mut pairs: Vec<(String, LValue)> = page_vars(fm, facts)
        .into_iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("page.")?.to_owned(), v)))
        .collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    let id = facts.url.trim_end_matches(".html").to_owned();
    pairs.push(("id".into(), LValue::Str(id)));
    pairs.push(("collection".into(), LValue::Str("posts".into())));
    LValue::Map(pairs)
}

impl SitePosts {
    /// From each published post's site path, front matter and facts (any order).
    pub fn new(mut posts: Vec<(String, FrontMatter, PageFacts)>) -> SitePosts {
        posts.retain(|(_, fm, _)| fm.published());
        posts.sort_by(|a, b| (&a.2.date, &a.0).cmp(&(&b.2.date, &b.0)));
        let mut out = SitePosts::default();
        let mut categories: Vec<(String, Vec<LValue>)> = Vec::new();
        let mut tags: Vec<(String, Vec<LValue>)> = Vec::new();
        // Newest first in the category and tag lists, as in `site.posts`.
        for (rel, fm, facts) in posts.iter().rev() {
            let hash = post_hash(fm, facts);
            for (names, groups) in [(fm.categories(), &mut categories), (fm.tags(), &mut tags)] {
                for name in names {
                    match groups.iter_mut().find(|(n, _)| *n == name) {
                        Some((_, list)) => list.push(hash.clone()),
                        None => groups.push((name, vec![hash.clone()])),
                    }
                }
            }
            out.chronological.push((rel.clone(), hash));
        }
        out.chronological.reverse();
        let lists = |groups: Vec<(String, Vec<LValue>)>| {
            groups
                .into_iter()
                .map(|(n, l)| (n, LValue::List(l)))
                .collect()
        };
        out.categories = lists(categories);
        out.tags = lists(tags);
        out
    }

    /// Add `site.posts` (newest first), `site.categories`, `site.tags` and `site.related_posts`
    /// (the newest ten others, as Jekyll without `--lsi`), and the post `rel`'s
    /// `page.previous` (older) and `page.next` (newer), to `vars`.
    pub fn add_to(&self, rel: &str, vars: &mut HashMap<String, LValue>) {
        let name = |r: &str| r.rsplit('/').next().map(str::to_owned);
        let newest_first: Vec<LValue> = self
            .chronological
            .iter()
            .rev()
            .map(|(_, h)| h.clone())
            .collect();
        let related: Vec<LValue> = self
            .chronological
            .iter()
            .rev()
            .filter(|(r, _)| r != rel && name(r) != name(rel))
            .take(10)
            .map(|(_, h)| h.clone())
            .collect();
        vars.insert("site.posts".into(), LValue::List(newest_first));
        vars.insert("site.related_posts".into(), LValue::List(related));
        vars.insert(
            "site.categories".into(),
            LValue::Map(self.categories.clone()),
        );
        vars.insert("site.tags".into(), LValue::Map(self.tags.clone()));
        // By path, else by file name (a path given from elsewhere than the site's root).
        let at = self
            .chronological
            .iter()
            .position(|(r, _)| r == rel)
            .or_else(|| {
                self.chronological
                    .iter()
                    .position(|(r, _)| name(r) == name(rel))
            });
        let neighbour = |i: Option<usize>| {
            i.and_then(|i| self.chronological.get(i))
                .map_or(LValue::Nil, |(_, h)| h.clone())
        };
        vars.insert(
            "page.previous".into(),
            neighbour(at.and_then(|i| i.checked_sub(1))),
        );
        vars.insert("page.next".into(), neighbour(at.map(|i| i + 1)));
    }
}
