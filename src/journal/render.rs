//! A post prepared the way Jekyll publishes it: its front matter read into `page`, its body
//! run through Liquid (with `page` and `site`), then kramdown — the one [`Doc`] that the
//! preview draws, `daybook render` prints and the check reads. Pure: the site edge passes
//! the site's variables and the lookups (includes, post URLs, `{% link %}` targets) in.

use std::collections::HashMap;

use super::front_matter::{FrontMatter, Value, layout};
use super::kramdown::{self, Doc};
use super::liquid::{self, LValue, LiquidEnv};

/// What Liquid sees of the site (its `vars` are the `site.*` ones) and how tags look
/// things up; the post's `page.*` variables are added per post.
pub type RenderSite<'a> = LiquidEnv<'a>;

/// Facts about the post that are not in its text.
#[derive(Debug, Clone, Default)]
pub struct PageFacts {
    /// The post's URL without `baseurl`.
    pub url: String,
    /// Site-relative path (`_posts/2024-05-03-x.md`).
    pub path: String,
    /// The date as Jekyll reads it, with its offset (`2024-05-03 21:40:00 +0900`).
    pub date: Option<String>,
}

/// A front-matter value as Liquid sees it.
pub fn liquid_value(v: &Value) -> LValue {
    match v {
        Value::Str { text, .. } => LValue::Str(text.clone()),
        Value::Bool(b) => LValue::Bool(*b),
        Value::Number(n) => match n.parse() {
            Ok(f) if n.contains(['.', 'e', 'E']) => LValue::Float(f),
            Ok(i) => LValue::Num(i),
            Err(_) => LValue::Str(n.clone()),
        },
        Value::Null => LValue::Nil,
        Value::Map(pairs) => LValue::Map(
            pairs
                .iter()
                .map(|(k, v)| (k.clone(), liquid_value(v)))
                .collect(),
        ),
        Value::List(items) => LValue::List(items.iter().map(liquid_value).collect()),
    }
}

/// The `page.*` variables of a post.
pub fn page_vars(fm: &FrontMatter, page: &PageFacts) -> HashMap<String, LValue> {
    let mut vars = HashMap::new();
    for key in fm.keys() {
        if let Some(v) = fm.get(key) {
            vars.insert(format!("page.{key}"), liquid_value(&v));
        }
    }
    let list = |items: Vec<String>| LValue::List(items.into_iter().map(LValue::Str).collect());
    vars.insert("page.categories".into(), list(fm.categories()));
    vars.insert("page.tags".into(), list(fm.tags()));
    // Jekyll's URLs are percent-encoded (`/%EC%97%AC%ED%96%89/…`).
    vars.insert(
        "page.url".into(),
        LValue::Str(liquid::encode_path(&page.url)),
    );
    vars.insert("page.path".into(), LValue::Str(page.path.clone()));
    if let Some(d) = &page.date {
        vars.insert("page.date".into(), LValue::Str(d.clone()));
    }
    vars
}

/// Prepare the post `text` (front matter included).
pub fn prepare_post(text: &str, page: &PageFacts, site: &RenderSite<'_>) -> Doc {
    let fm = FrontMatter::parse(text).unwrap_or_else(|_| FrontMatter::empty());
    prepare_post_with(text, &fm, page, site)
}

/// [`prepare_post`] with the post's front matter already read.
pub fn prepare_post_with(
    text: &str,
    fm: &FrontMatter,
    page: &PageFacts,
    site: &RenderSite<'_>,
) -> Doc {
    let body_start = layout(text).body_start();
    let body = &text[body_start..];
    let mut vars = page_vars(fm, page);
    for (k, v) in site.vars {
        vars.insert(k.clone(), v.clone());
    }
    let env = LiquidEnv {
        vars: &vars,
        ..*site
    };
    let rendered = liquid::render(body, &env);
    let mut doc = kramdown::parse_with(
        &rendered.text,
        &rendered.map,
        rendered.unresolved,
        body_start,
        site.kramdown,
    );
    doc.liquid_limits = rendered
        .limits
        .into_iter()
        .map(|hit| liquid::LimitHit {
            at: body_start + hit.at,
            ..hit
        })
        .collect();
    doc
}

/// The body as published HTML.
pub fn to_html(doc: &Doc) -> String {
    kramdown::html::to_html(doc)
}
