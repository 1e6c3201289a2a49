//! Which built pages an incremental build may have left stale: Jekyll renders a changed post
//! again, and pages whose own files, layouts or includes changed, but not the pages that list
//! the post (the index, archives, a neighbour's previous/next link). Those are the pages that
//! link to the post's URL and were not written by the build.

use std::path::Path;
use std::time::SystemTime;

/// The URL paths (as served, `/` for the index) of the HTML pages under `dest` that link to
/// one of `urls` (URL paths with `baseurl`, percent-encoded or not) and were not written
/// after `since` (when the build before was done).
pub fn pages_linking_to(dest: &Path, urls: &[String], since: SystemTime) -> Vec<String> {
    // No post given (`daybook serve`): nothing to read the built site for.
    if urls.is_empty() {
        return Vec::new();
    }
    let mut needles: Vec<String> = Vec::new();
    for url in urls {
        for form in [
            url.clone(),
            crate::journal::permalink::percent_decode(url),
            crate::journal::permalink::percent_encode_path(url),
        ] {
            for quote in ['"', '\''] {
                let n = format!("href={quote}{form}{quote}");
                if !needles.contains(&n) {
                    needles.push(n);
                }
            }
        }
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dest).into_iter().flatten() {
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let fresh = entry
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .is_some_and(|m| m > since);
        if fresh {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        if !needles.iter().any(|n| text.contains(n.as_str())) {
            continue;
        }
        let Ok(rel) = path.strip_prefix(dest) else {
            continue;
        };
        let rel = crate::site::relative_slash(Path::new(""), rel);
        let page = match rel.strip_suffix("index.html") {
            Some(dir) => format!("/{dir}"),
            None => format!("/{rel}"),
        };
        // The post's own page is rendered again by the build.
        let own = urls
            .iter()
            .any(|u| crate::journal::permalink::percent_decode(u).ends_with(&page));
        if !own {
            out.push(page);
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn pages_that_link_to_the_post_and_were_not_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path();
        let write = |rel: &str, text: &str| {
            let p = dest.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        };
        let post = "/blog/%EC%97%AC%ED%96%89/a.html".to_owned();
        write("index.html", "<a href=\"/blog/여행/a.html\">a</a>");
        write(
            "archive/index.html",
            "<a href='/blog/%EC%97%AC%ED%96%89/a.html'>a</a>",
        );
        write("other.html", "<a href=\"/blog/b.html\">b</a>");
        write(
            "여행/a.html",
            "<a href=\"/blog/%EC%97%AC%ED%96%89/a.html\">self</a>",
        );
        let later = SystemTime::now() + std::time::Duration::from_secs(60);
        assert_eq!(
            pages_linking_to(dest, std::slice::from_ref(&post), later),
            ["/", "/archive/"]
        );
        // Written by the build: fresh.
        let earlier = SystemTime::now() - std::time::Duration::from_secs(60);
        assert!(pages_linking_to(dest, &[post], earlier).is_empty());
    }
}
