//! `_config.yml`: the few settings daybook needs, read leniently.
//!
//! A missing file means defaults; a malformed one gives a visible warning and defaults,
//! never a failure. Read keys: `baseurl`, `url`, `timezone`, `permalink`, `exclude`,
//! `include`, the default `layout` for posts from `defaults:`, and every top-level scalar
//! (and list of scalars) as a `site.*` variable for Liquid.

use crate::i18n::Words;
use crate::words;
use std::collections::HashMap;
use std::path::Path;

use yaml_rust2::Yaml;

use crate::journal::yaml::YamlError;

use crate::journal::check::{RULES, RuleConfig, Severity};
use crate::journal::date::Zone;
use crate::journal::liquid::LValue;

/// The site settings daybook uses.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteConfig {
    pub title: Option<String>,
    pub baseurl: String,
    pub url: String,
    /// The `timezone:` name as written.
    pub timezone: Option<String>,
    pub permalink: String,
    /// The layout `defaults:` gives posts, else `post`.
    pub post_layout: String,
    /// Whether `defaults:` gives posts a layout (so a post without `layout:` still has one).
    pub has_default_layout: bool,
    /// The `daybook: rules:` settings: rules switched off or re-graded.
    pub rules: RuleConfig,
    /// Problems met while reading `_config.yml`, for the user to see.
    pub warnings: Vec<Words>,
    /// `exclude:` — paths Jekyll does not publish.
    pub exclude: Vec<String>,
    /// `include:` — `_`/`.` paths Jekyll publishes all the same.
    pub include: Vec<String>,
    /// `site.*` variables for Liquid (`site.title`…), by full name.
    pub liquid: HashMap<String, LValue>,
    /// The `kramdown:` options that change what a page shows.
    pub kramdown: crate::journal::kramdown::Options,
    /// `daybook: max_image_kb`: publishing warns about an image larger than this.
    pub max_image_kb: u64,
    /// `daybook: caption`: how photo captions are written.
    pub caption: crate::journal::trip::CaptionStyle,
    /// `daybook: photo_format` (`jpeg`, `webp`, `keep`): what imported photos become.
    pub photo_format: Option<crate::site::photos::PhotoFormat>,
    /// `daybook: photo_quality`: their JPEG or WebP quality.
    pub photo_quality: Option<u8>,
    /// `daybook: page_weight_kb`: the most a post's local images may weigh together.
    pub page_weight_kb: u64,
    /// `daybook: content_width`: the theme's content column, in CSS pixels.
    pub content_width: u32,
    /// `lang:` (the site's language, as themes use it).
    pub lang: Option<String>,
    /// `plugins:` (or the older `gems:`): the gems Jekyll loads as plugins.
    pub plugins: Vec<String>,
    /// `theme:` or `remote_theme:`, as written.
    pub theme: Option<String>,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: None,
            baseurl: String::new(),
            url: String::new(),
            timezone: None,
            permalink: "date".to_owned(),
            post_layout: "post".to_owned(),
            has_default_layout: false,
            rules: RuleConfig::default(),
            warnings: Vec::new(),
            exclude: Vec::new(),
            include: Vec::new(),
            liquid: HashMap::new(),
            kramdown: crate::journal::kramdown::Options::default(),
            max_image_kb: 1024,
            caption: crate::journal::trip::CaptionStyle::default(),
            photo_format: None,
            photo_quality: None,
            page_weight_kb: 8000,
            content_width: 1024,
            lang: None,
            plugins: Vec::new(),
            theme: None,
        }
    }
}

/// The bytes of a YAML file daybook reads, refused past [`crate::journal::yaml::MAX_BYTES`]
/// without reading further.
pub(crate) fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let limit = crate::journal::yaml::MAX_BYTES;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        return Err(std::io::Error::other(YamlError::TooManyBytes.words()));
    }
    Ok(bytes)
}

fn text(y: &Yaml) -> Option<String> {
    match y {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

impl SiteConfig {
    /// Whether the site's theme is minimal-mistakes (`theme:` gem or `remote_theme:`), whose
    /// includes (its `gallery` among them) live in the theme, not the site.
    pub fn minimal_mistakes(&self) -> bool {
        self.theme
            .as_deref()
            .is_some_and(|t| t.contains("minimal-mistakes"))
    }

    /// Read `root/_config.yml`.
    pub fn load(root: &Path) -> SiteConfig {
        let path = root.join("_config.yml");
        match read_capped(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => SiteConfig::default(),
            Err(e) => {
                SiteConfig::with_warning(words!("config-unreadable", error = Words::of_error(&e)))
            }
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(s) => SiteConfig::parse(&s),
                Err(_) => SiteConfig::with_warning(words!("config-not-utf8")),
            },
        }
    }

    pub(crate) fn with_warning(w: Words) -> SiteConfig {
        SiteConfig {
            warnings: vec![w],
            ..SiteConfig::default()
        }
    }

    /// Read the settings from the text of a `_config.yml`.
    pub fn parse(source: &str) -> SiteConfig {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let (doc, duplicates) = match crate::journal::yaml::load(source) {
            Ok(loaded) => loaded,
            Err(YamlError::Syntax { line, message }) => {
                return SiteConfig::with_warning(words!(
                    "config-invalid-yaml",
                    line = line,
                    error = message
                ));
            }
            Err(e) => {
                return SiteConfig::with_warning(words!("config-refused", error = e.words()));
            }
        };
        let mut config = SiteConfig::default();
        // Jekyll (Psych) takes the last of a key written twice: so does daybook, and says so.
        for d in duplicates {
            config.warnings.push(words!(
                "config-duplicate-key",
                key = d.key.as_str(),
                line = d.line
            ));
        }
        match &doc {
            Yaml::Hash(_) => {}
            Yaml::Null => return config,
            _ => {
                config.warnings.push(words!("config-not-a-map"));
                return config;
            }
        }
        config.title = text(&doc["title"]);
        config.baseurl = text(&doc["baseurl"])
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_owned();
        config.url = text(&doc["url"])
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_owned();
        if let Some(tz) = text(&doc["timezone"]) {
            if Zone::named(&tz).is_none() {
                config
                    .warnings
                    .push(words!("config-unknown-timezone", zone = tz.as_str()));
            } else {
                config.timezone = Some(tz);
            }
        }
        if let Some(p) = text(&doc["permalink"]) {
            config.permalink = p;
        }
        if let Some(layout) = default_post_layout(&doc["defaults"]) {
            config.post_layout = layout;
            config.has_default_layout = true;
        }
        read_rules(&doc["daybook"]["rules"], &mut config);
        if let Some(style) = text(&doc["daybook"]["caption"]) {
            match crate::journal::trip::CaptionStyle::parse(&style) {
                Some(s) => config.caption = s,
                None => config
                    .warnings
                    .push(words!("config-bad-caption", style = style.as_str())),
            }
        }
        config.lang = text(&doc["lang"]).or_else(|| text(&doc["locale"]));
        if let Some(f) = text(&doc["daybook"]["photo_format"]) {
            match crate::site::photos::PhotoFormat::parse(&f) {
                Some(format) => config.photo_format = Some(format),
                None => config
                    .warnings
                    .push(words!("config-bad-photo-format", format = f.as_str())),
            }
        }
        if let Some(q) = doc["daybook"]["photo_quality"].as_i64() {
            config.photo_quality = u8::try_from(q.clamp(30, 100)).ok();
        }
        if let Some(px) = doc["daybook"]["content_width"].as_i64() {
            config.content_width = u32::try_from(px).unwrap_or(1024);
        }
        if let Some(kb) = doc["daybook"]["page_weight_kb"].as_i64() {
            config.page_weight_kb = u64::try_from(kb).unwrap_or(8000);
        }
        if let Some(kb) = doc["daybook"]["max_image_kb"].as_i64() {
            config.max_image_kb = u64::try_from(kb).unwrap_or(1024);
        }
        let kd = &doc["kramdown"];
        let flag = |key: &str, default: bool| kd[key].as_bool().unwrap_or(default);
        config.kramdown = crate::journal::kramdown::Options {
            gfm: !kd["input"]
                .as_str()
                .is_some_and(|i| i.eq_ignore_ascii_case("kramdown")),
            auto_ids: flag("auto_ids", true),
            hard_wrap: flag("hard_wrap", false),
            parse_block_html: flag("parse_block_html", false),
        };
        config.exclude = list(&doc["exclude"]);
        config.plugins = list(&doc["plugins"]);
        config.plugins.extend(list(&doc["gems"]));
        config.theme = text(&doc["theme"]).or_else(|| text(&doc["remote_theme"]));
        config.include = list(&doc["include"]);
        if let Yaml::Hash(map) = &doc {
            for (k, v) in map {
                let (Some(key), Some(value)) = (text(k), liquid_value(v)) else {
                    continue;
                };
                config.liquid.insert(format!("site.{key}"), value);
            }
        }
        config
            .liquid
            .insert("site.baseurl".into(), LValue::Str(config.baseurl.clone()));
        config
            .liquid
            .insert("site.url".into(), LValue::Str(config.url.clone()));
        config
    }

    /// The zone dates are read in: `timezone:` when set and known, else this computer's.
    pub fn zone(&self) -> Zone {
        self.timezone
            .as_deref()
            .and_then(Zone::named)
            .unwrap_or(Zone::Local)
    }
}

/// A list of strings (a single string counts as a list of one).
fn list(y: &Yaml) -> Vec<String> {
    match y {
        Yaml::Array(items) => items.iter().filter_map(text).collect(),
        other => text(other).into_iter().collect(),
    }
}

/// A `_config.yml` (or `_data/`) value as Liquid sees it.
pub fn liquid_value(y: &Yaml) -> Option<LValue> {
    Some(match y {
        Yaml::String(s) => LValue::Str(s.clone()),
        Yaml::Integer(i) => LValue::Num(*i as f64),
        Yaml::Real(r) => r
            .parse()
            .map_or_else(|_| LValue::Str(r.clone()), LValue::Float),
        Yaml::Boolean(b) => LValue::Bool(*b),
        Yaml::Null => LValue::Nil,
        Yaml::Array(items) => LValue::List(items.iter().filter_map(liquid_value).collect()),
        Yaml::Hash(map) => LValue::Map(
            map.iter()
                .filter_map(|(k, v)| Some((text(k)?, liquid_value(v)?)))
                .collect(),
        ),
        _ => return None,
    })
}

/// Read `daybook: rules: {rule-id: off | error | warning | info}`.
fn read_rules(rules: &Yaml, config: &mut SiteConfig) {
    let Yaml::Hash(map) = rules else {
        return;
    };
    for (key, value) in map {
        let Some(rule) = text(key) else { continue };
        if !RULES.iter().any(|(r, _)| *r == rule) {
            config
                .warnings
                .push(words!("config-unknown-rule", rule = rule.as_str()));
            continue;
        }
        let setting = match value {
            Yaml::Boolean(false) => Some(None),
            other => text(other).and_then(|v| match v.as_str() {
                "off" | "false" | "no" => Some(None),
                v => Severity::parse(v).map(Some),
            }),
        };
        match setting {
            Some(s) => {
                config.rules.overrides.insert(rule, s);
            }
            None => config
                .warnings
                .push(words!("config-bad-severity", rule = rule.as_str())),
        }
    }
}

/// The `layout` a `defaults:` entry gives posts (scope type `posts`, or path `_posts`/empty).
fn default_post_layout(defaults: &Yaml) -> Option<String> {
    let Yaml::Array(items) = defaults else {
        return None;
    };
    items.iter().find_map(|item| {
        let scope = &item["scope"];
        let ty = text(&scope["type"]);
        let path = text(&scope["path"]).unwrap_or_default();
        let applies = ty.as_deref() == Some("posts")
            || (ty.is_none() && (path.is_empty() || path.trim_matches('/') == "_posts"));
        if applies {
            text(&item["values"]["layout"])
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_settings_daybook_needs() {
        let c = SiteConfig::parse(
            "title: 여행기\nbaseurl: /blog/\nurl: https://example.org\ntimezone: Asia/Seoul\npermalink: pretty\ndefaults:\n  - scope:\n      path: \"\"\n      type: posts\n    values:\n      layout: single\n",
        );
        assert_eq!(c.title.as_deref(), Some("여행기"));
        assert_eq!(c.baseurl, "/blog");
        assert_eq!(c.url, "https://example.org");
        assert_eq!(c.timezone.as_deref(), Some("Asia/Seoul"));
        assert_eq!(c.permalink, "pretty");
        assert_eq!(c.post_layout, "single");
        assert!(c.warnings.is_empty());
        assert_eq!(
            c.liquid.get("site.title"),
            Some(&LValue::Str("여행기".into()))
        );
        let c = SiteConfig::parse("exclude: [private, README.md]\ninclude: _pages\n");
        assert_eq!(c.exclude, ["private", "README.md"]);
        assert_eq!(c.include, ["_pages"]);
    }

    #[test]
    fn rules_are_switched_off_or_regraded_in_a_daybook_section() {
        let c = SiteConfig::parse(
            "daybook:\n  rules:\n    unused-image: off\n    date-without-offset: error\n    spaced-image-url: false\n    no-such-rule: error\n    future-date: loud\n",
        );
        assert_eq!(c.rules.severity("unused-image"), None);
        assert_eq!(c.rules.severity("spaced-image-url"), None);
        assert_eq!(
            c.rules.severity("date-without-offset"),
            Some(Severity::Error)
        );
        assert_eq!(c.rules.severity("missing-image"), Some(Severity::Error));
        assert_eq!(c.warnings.len(), 2, "{:?}", c.warnings);
    }

    #[test]
    fn malformed_config_warns_and_uses_defaults() {
        let c = SiteConfig::parse("title: [unclosed\nbaseurl: /x\n");
        assert_eq!(c.baseurl, "");
        assert_eq!(c.permalink, "date");
        assert_eq!(c.warnings.len(), 1);
        assert!(
            c.warnings[0].to_string().contains("_config.yml"),
            "{:?}",
            c.warnings
        );
        let c = SiteConfig::parse("timezone: Mars/Olympus\n");
        assert_eq!(c.zone(), Zone::Local);
        assert!(c.warnings[0].to_string().contains("Mars/Olympus"));
        assert_eq!(SiteConfig::parse(""), SiteConfig::default());
        assert_eq!(SiteConfig::parse("- a\n").warnings.len(), 1);
    }

    #[test]
    fn photo_settings_are_read_from_the_daybook_section() {
        use crate::site::photos::PhotoFormat;
        let c = SiteConfig::parse(
            "daybook:\n  photo_format: WebP\n  photo_quality: 70\n  page_weight_kb: 5000\n",
        );
        assert_eq!(c.photo_format, Some(PhotoFormat::Webp));
        assert_eq!(c.photo_quality, Some(70));
        assert_eq!(c.page_weight_kb, 5000);
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        let c = SiteConfig::parse("daybook:\n  photo_format: avif\n");
        assert_eq!(c.photo_format, None);
        assert_eq!(c.page_weight_kb, 8000);
        assert!(
            c.warnings[0].to_string().contains("avif"),
            "{:?}",
            c.warnings
        );
    }
}
