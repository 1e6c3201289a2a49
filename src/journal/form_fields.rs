//! The front-matter form's view of a post: the fields it edits one by one, and the rest of
//! the keys as raw YAML lines the user edits as text.

use super::front_matter::{FrontMatter, FrontMatterError, layout};

/// The keys the form edits with their own fields.
pub const FORM_KEYS: [&str; 5] = ["title", "date", "categories", "tags", "layout"];

/// The raw YAML lines of every key the form has no field for, in file order.
pub fn other_fields_text(text: &str) -> String {
    let Some(Ok(block)) = layout(text).block else {
        return String::new();
    };
    let Ok(fm) = FrontMatter::parse_block(text, &block) else {
        return String::new();
    };
    fm.entries
        .iter()
        .filter(|e| !FORM_KEYS.contains(&e.key.as_str()))
        .map(|e| text[e.line_start..e.end].replace("\r\n", "\n"))
        .map(|s| {
            if s.ends_with('\n') {
                s
            } else {
                format!("{s}\n")
            }
        })
        .collect()
}

/// Replace the other keys with `raw` (YAML lines), changing only the lines the user changed:
/// lines edited, added or removed in `raw` are edited, added or removed in place, so key
/// order, comments and blank lines elsewhere stay byte for byte. Refuses invalid YAML and
/// `raw` that sets a form key.
pub fn set_other_fields(text: &str, raw: &str) -> Result<String, FrontMatterError> {
    let l = layout(text);
    let nl = l.newline();
    let check = format!(
        "---\n{}---\n",
        raw.lines().map(|x| format!("{x}\n")).collect::<String>()
    );
    let parsed = FrontMatter::parse(&check)?;
    if let Some(key) = parsed.keys().find(|k| FORM_KEYS.contains(k)) {
        return Err(FrontMatterError::Uneditable {
            key: key.to_owned(),
            why: crate::words!("fm-own-field"),
        });
    }
    let block = match l.block {
        Some(Ok(b)) => b,
        Some(Err(e)) => return Err(e),
        None if raw.trim().is_empty() => return Ok(text.to_owned()),
        None => {
            let raw_norm: String = raw.lines().map(|line| format!("{line}{nl}")).collect();
            let at = l.content_start();
            return Ok(format!(
                "{}---{nl}{raw_norm}---{nl}{}",
                &text[..at],
                &text[at..]
            ));
        }
    };
    let fm = FrontMatter::parse_block(text, &block)?;
    // The other keys' lines as they stand in the file: (start, end without newline).
    let mut old: Vec<(usize, usize)> = Vec::new();
    for e in fm
        .entries
        .iter()
        .filter(|e| !FORM_KEYS.contains(&e.key.as_str()))
    {
        let mut pos = e.line_start;
        for line in text[e.line_start..e.end].split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            old.push((pos, pos + content.len()));
            pos += line.len();
        }
    }
    let old_lines: Vec<&str> = old.iter().map(|(a, b)| &text[*a..*b]).collect();
    let new_lines: Vec<&str> = raw.lines().collect();
    // Where lines added after the last other key go: after it, else before the closing `---`.
    let tail = old
        .last()
        .map_or(block.yaml.end, |(_, end)| line_after(text, *end));
    let diff = similar::TextDiff::from_slices(&old_lines, &new_lines);
    // Edits as (range of `text`, replacement), applied from the back.
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    for op in diff.ops() {
        let (old_range, new_range) = (op.old_range(), op.new_range());
        if matches!(op.tag(), similar::DiffTag::Equal) {
            continue;
        }
        let start = old.get(old_range.start).map_or(tail, |(s, _)| *s);
        let end = if old_range.is_empty() {
            start
        } else {
            line_after(text, old[old_range.end - 1].1)
        };
        let inserted: String = new_lines[new_range]
            .iter()
            .map(|l| format!("{l}{nl}"))
            .collect();
        edits.push((start..end, inserted));
    }
    let mut out = text.to_owned();
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    for (range, with) in edits {
        out.replace_range(range, &with);
    }
    FrontMatter::parse(&out)?;
    Ok(out)
}

/// The offset just past the line ending at `end` (its newline included).
fn line_after(text: &str, end: usize) -> usize {
    match text[end..].find('\n') {
        Some(i) => end + i + 1,
        None => text.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POST: &str = "---\nlayout: post\ntitle: 제목\nauthor: 홍길동\ncomments: true\ncategories: a b\nheader:\n  image: /x.jpg\n---\n본문\n";

    #[test]
    fn other_fields_are_the_keys_without_a_form_field() {
        assert_eq!(
            other_fields_text(POST),
            "author: 홍길동\ncomments: true\nheader:\n  image: /x.jpg\n"
        );
        assert_eq!(other_fields_text("no front matter"), "");
    }

    #[test]
    fn setting_other_fields_keeps_the_form_fields_and_the_body() {
        let out = set_other_fields(
            POST,
            "author: 김철수\ncomments: true\nheader:\n  image: /y.jpg\n",
        )
        .unwrap();
        assert_eq!(
            out,
            "---\nlayout: post\ntitle: 제목\nauthor: 김철수\ncomments: true\ncategories: a b\nheader:\n  image: /y.jpg\n---\n본문\n"
        );
        let same = set_other_fields(POST, &other_fields_text(POST)).unwrap();
        assert_eq!(
            FrontMatter::parse(&same)
                .unwrap()
                .get_text("author")
                .as_deref(),
            Some("홍길동")
        );
    }

    #[test]
    fn editing_one_other_field_changes_only_its_line() {
        // Issue 11: key order, comments and blank lines stay; only the edited line changes.
        let post = "---\n# 여행 글\nlayout: post\nauthor: 홍길동   # 필자\n\ntitle: 제목\ncomments: true\n# 끝\n---\n본문\n";
        let others = other_fields_text(post);
        assert_eq!(others, "author: 홍길동   # 필자\ncomments: true\n");
        let out = set_other_fields(post, "author: 홍길동   # 필자\ncomments: false\n").unwrap();
        assert_eq!(out, post.replace("comments: true", "comments: false"));
        let added = set_other_fields(
            post,
            "author: 홍길동   # 필자\ncomments: true\nimage: /a.jpg\n",
        )
        .unwrap();
        assert_eq!(
            added,
            post.replace("comments: true\n", "comments: true\nimage: /a.jpg\n")
        );
        let removed = set_other_fields(post, "comments: true\n").unwrap();
        assert_eq!(removed, post.replace("author: 홍길동   # 필자\n", ""));
        assert_eq!(
            set_other_fields(post, &others).unwrap(),
            post,
            "no change, no rewrite"
        );
    }

    #[test]
    fn invalid_other_fields_are_refused() {
        assert!(set_other_fields(POST, "author: [unclosed\n").is_err());
        assert!(set_other_fields(POST, "title: sneaky\n").is_err());
        let crlf = POST.replace('\n', "\r\n");
        let out = set_other_fields(&crlf, "author: x\n").unwrap();
        assert!(out.contains("author: x\r\n---\r\n"), "{out:?}");
    }
}
