//! The front-matter form's view of a post: the fields it edits one by one, and the rest of
//! the keys as raw YAML lines the user edits as text.

use super::front_matter::{Entry, FrontMatter, FrontMatterError, layout};

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

/// Replace the other keys with `raw` (YAML lines), keeping the form's keys where they are.
/// The form's keys stay first, in their order; `raw` follows. Refuses invalid YAML and
/// `raw` that sets a form key.
pub fn set_other_fields(text: &str, raw: &str) -> Result<String, FrontMatterError> {
    let l = layout(text);
    let nl = l.newline();
    let raw_norm: String = raw.lines().map(|line| format!("{line}{nl}")).collect();
    let check = format!(
        "---\n{}---\n",
        raw.lines().map(|x| format!("{x}\n")).collect::<String>()
    );
    let parsed = FrontMatter::parse(&check)?;
    if let Some(key) = parsed.keys().find(|k| FORM_KEYS.contains(k)) {
        return Err(FrontMatterError::Uneditable {
            key: key.to_owned(),
            why: "it has its own field in the form".to_owned(),
        });
    }
    let block = match l.block {
        Some(Ok(b)) => b,
        Some(Err(e)) => return Err(e),
        None if raw.trim().is_empty() => return Ok(text.to_owned()),
        None => {
            let at = l.content_start();
            return Ok(format!(
                "{}---{nl}{raw_norm}---{nl}{}",
                &text[..at],
                &text[at..]
            ));
        }
    };
    let fm = FrontMatter::parse_block(text, &block)?;
    let kept: Vec<&Entry> = fm
        .entries
        .iter()
        .filter(|e| FORM_KEYS.contains(&e.key.as_str()))
        .collect();
    let mut yaml = String::new();
    for e in kept {
        yaml.push_str(&text[e.line_start..e.end]);
        if !yaml.ends_with('\n') {
            yaml.push_str(nl);
        }
    }
    yaml.push_str(&raw_norm);
    let out = format!(
        "{}{yaml}{}",
        &text[..block.yaml.start],
        &text[block.close..]
    );
    FrontMatter::parse(&out)?;
    Ok(out)
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
        let out = set_other_fields(POST, "author: 김철수\nheader:\n  image: /y.jpg\n").unwrap();
        assert_eq!(
            out,
            "---\nlayout: post\ntitle: 제목\ncategories: a b\nauthor: 김철수\nheader:\n  image: /y.jpg\n---\n본문\n"
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
    fn invalid_other_fields_are_refused() {
        assert!(set_other_fields(POST, "author: [unclosed\n").is_err());
        assert!(set_other_fields(POST, "title: sneaky\n").is_err());
        let crlf = POST.replace('\n', "\r\n");
        let out = set_other_fields(&crlf, "author: x\n").unwrap();
        assert!(out.contains("author: x\r\n---\r\n"), "{out:?}");
    }
}
