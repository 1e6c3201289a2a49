//! `daybook set POST KEY=VALUE…`: set front-matter fields in place, format-preserving and
//! atomic; `KEY=` removes a field. Every value is read back before the post is written.

use std::path::Path;

use super::{CliError, CliResult};
use crate::journal::date::{format_with_offset, parse_user_date};
use crate::journal::front_matter::{self, FrontMatter, NewValue, Value};
use crate::journal::new_post::split_list;
use crate::site::{Site, store};

/// How a `KEY=VALUE` from the command line becomes a front-matter value.
fn new_value(key: &str, value: &str, current: Option<&Value>, post: &Path) -> CliResult<NewValue> {
    Ok(match key {
        "date" => {
            let site = Site::find(post)?;
            let instant = parse_user_date(value, &site.config.zone())
                .ok_or_else(|| CliError::Failed(crate::tr!("cli-bad-set-date", date = value)))?;
            NewValue::Raw(format_with_offset(&instant))
        }
        _ if value == "true" || value == "false" => NewValue::Bool(value == "true"),
        "categories" | "tags" if matches!(current, Some(Value::List(_))) => {
            NewValue::List(split_list(value))
        }
        _ => NewValue::Text(value.to_owned()),
    })
}

pub fn run(post: &Path, fields: &[String]) -> CliResult<()> {
    // A file Jekyll ignores is not a post: say so rather than edit it.
    let abs = std::path::absolute(post).unwrap_or_else(|_| post.to_owned());
    let parts: Vec<String> = abs
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .skip_while(|c| c != "_posts")
        .skip(1)
        .collect();
    if !parts.is_empty() {
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        if let Some(reason) = crate::journal::post_name::ignored_reason(&parts) {
            return Err(CliError::Failed(crate::tr!(
                "cli-ignored-post",
                file = post.display().to_string(),
                reason = reason.to_string()
            )));
        }
    }
    let loaded = store::load_post(post)?;
    let mut text = loaded.text.clone();
    let mut expected = Vec::new();
    for field in fields {
        let (key, value) = field
            .split_once('=')
            .ok_or_else(|| CliError::Failed(crate::tr!("cli-not-key-value", field = field)))?;
        let key = key.trim();
        if key.is_empty() {
            return Err(CliError::Failed(crate::tr!("cli-empty-key", field = field)));
        }
        let current =
            FrontMatter::parse(&text).map_err(|source| crate::site::SiteError::FrontMatter {
                path: post.to_owned(),
                source,
            })?;
        text = if value.is_empty() {
            front_matter::remove_field(&text, key)
        } else {
            let v = new_value(key, value, current.get(key).as_ref(), post)?;
            expected.push((key.to_owned(), v.clone()));
            front_matter::set_field(&text, key, &v)
        }
        .map_err(|source| crate::site::SiteError::FrontMatter {
            path: post.to_owned(),
            source,
        })?;
    }
    verify_read_back(&text, &expected).map_err(|e| {
        CliError::Failed(crate::tr!(
            "cli-not-saved",
            file = post.display().to_string(),
            error = e.to_string()
        ))
    })?;
    if text != loaded.text {
        store::write_atomic(post, text.as_bytes(), Some(Some(loaded.fingerprint)))?;
    }
    println!("{}", post.display());
    Ok(())
}

/// Why the text about to be written does not read back as asked.
#[derive(Debug, thiserror::Error)]
enum ReadBack {
    #[error(transparent)]
    Unreadable(crate::journal::front_matter::FrontMatterError),
    #[error("{}", crate::tr!("cli-read-back", key = .key.as_str(), got = .got.as_str()))]
    Differs { key: String, got: String },
}

/// A last check before writing: every field reads back as the value asked for.
fn verify_read_back(text: &str, expected: &[(String, NewValue)]) -> Result<(), ReadBack> {
    let fm = FrontMatter::parse(text).map_err(ReadBack::Unreadable)?;
    for (key, value) in expected {
        let got = fm.get(key);
        let ok = match (value, &got) {
            (NewValue::Text(t), Some(Value::Str { text, .. })) => text == t,
            (NewValue::Bool(b), Some(Value::Bool(g))) => b == g,
            (NewValue::Raw(r), Some(v)) => v.as_text().as_deref() == Some(r.as_str()),
            (NewValue::List(l), Some(Value::List(items))) => {
                items.iter().filter_map(Value::as_text).collect::<Vec<_>>() == *l
            }
            _ => false,
        };
        if !ok {
            return Err(ReadBack::Differs {
                key: key.clone(),
                got: format!("{got:?}"),
            });
        }
    }
    Ok(())
}
