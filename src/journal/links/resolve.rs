//! Where an image URL leads: Liquid in it expanded (`{{ site.baseurl }}`, `relative_url`),
//! then resolved against the post's URL and the site's baseurl to a site file, a remote
//! URL or a place outside the site; and links rewritten for a renamed file.

use super::*;

/// Expand the Liquid forms real posts use in URLs: `{{ site.baseurl }}`, `{{ site.url }}`,
/// `{{ '/x' | relative_url }}`, `{{ "/x" | absolute_url }}`.
pub fn expand_url_liquid(target: &str, ctx: &LinkContext) -> String {
    if !target.contains("{{") {
        return target.to_owned();
    }
    let mut out = String::with_capacity(target.len());
    let mut rest = target;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find("}}") else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = rest[open + 2..open + close].trim();
        out.push_str(
            &expand_one(inner, ctx).unwrap_or_else(|| rest[open..open + close + 2].to_owned()),
        );
        rest = &rest[open + close + 2..];
    }
    out.push_str(rest);
    out
}

pub(super) fn expand_one(inner: &str, ctx: &LinkContext) -> Option<String> {
    match inner {
        "site.baseurl" => return Some(ctx.baseurl.clone()),
        "site.url" => return Some(ctx.url.clone()),
        _ => {}
    }
    let (value, filter) = inner.split_once('|')?;
    let value = value.trim();
    let literal = value
        .strip_prefix('\'')
        .and_then(|v| v.strip_suffix('\''))
        .or_else(|| value.strip_prefix('"').and_then(|v| v.strip_suffix('"')))?;
    let joined = if literal.starts_with('/') || literal.is_empty() {
        format!("{}{literal}", ctx.baseurl)
    } else {
        format!("{}/{literal}", ctx.baseurl)
    };
    match filter.trim() {
        "relative_url" => Some(joined.replace(' ', "%20")),
        "absolute_url" => Some(format!("{}{}", ctx.url, joined).replace(' ', "%20")),
        _ => None,
    }
}

/// Where an image target points on the published site.
pub fn resolve(target: &str, ctx: &LinkContext) -> Resolved {
    let expanded = expand_url_liquid(target.trim(), ctx);
    let lower = expanded.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//") {
        let own = !ctx.url.is_empty() && expanded.starts_with(&ctx.url);
        if !own {
            return Resolved::Remote(expanded);
        }
        return resolve(&expanded[ctx.url.len()..], ctx);
    }
    if lower.starts_with("data:") || lower.contains("://") {
        return Resolved::Remote(expanded);
    }
    let path = expanded.split(['?', '#']).next().unwrap_or_default();
    let path = percent_decode(path);
    let absolute = if path.starts_with('/') {
        path
    } else {
        // Relative to the post's URL: its folder, as a browser resolves it.
        let base = format!("{}{}", ctx.baseurl, ctx.post_url);
        let dir = &base[..base.rfind('/').map_or(0, |i| i + 1)];
        format!("{dir}{path}")
    };
    let Some(normal) = normalize(&absolute) else {
        return Resolved::OutsideSite(absolute);
    };
    let within = if ctx.baseurl.is_empty() {
        Some(normal.as_str())
    } else {
        normal
            .strip_prefix(ctx.baseurl.as_str())
            .filter(|r| r.starts_with('/'))
    };
    match within {
        Some(rel) => Resolved::SiteFile(rel.trim_start_matches('/').to_owned()),
        None => Resolved::OutsideSite(normal),
    }
}

/// `text` with every image and link that points at site file `from` (as resolved for this
/// post) pointing at `new_name` in the same folder instead; `None` when nothing points there.
pub fn retarget(text: &str, ctx: &LinkContext, from: &str, new_name: &str) -> Option<String> {
    let mut targets: Vec<(Range<usize>, String)> = scan_images(text)
        .into_iter()
        .map(|i| (i.target_range, i.target))
        .chain(
            scan_links(text)
                .into_iter()
                .map(|l| (l.target_range, l.target)),
        )
        .filter(|(_, t)| resolve(t, ctx) == Resolved::SiteFile(from.to_owned()))
        .collect();
    if targets.is_empty() {
        return None;
    }
    targets.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    targets.dedup_by_key(|(r, _)| r.start);
    let mut out = text.to_owned();
    for (range, target) in targets {
        let cut = target.rfind('/').map_or(0, |i| i + 1);
        let kept = &target[..cut];
        out.replace_range(range.clone(), &format!("{kept}{new_name}"));
    }
    Some(out)
}

/// Remove `.` and `..` segments; `None` when `..` climbs above the root.
pub(super) fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(format!("/{}", parts.join("/")))
}
