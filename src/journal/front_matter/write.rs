//! Writing front-matter fields: one key's line (or lines) replaced, added or removed,
//! the rest of the file byte-identical; the value written in the style it had.

use super::*;

/// A new value for a front-matter key.
#[derive(Debug, Clone, PartialEq)]
pub enum NewValue {
    /// A string, quoted as needed so YAML reads back exactly this.
    Text(String),
    /// A boolean, written plain.
    Bool(bool),
    /// A list of strings; written in the key's current list style (flow or block), else flow.
    List(Vec<String>),
    /// A scalar written exactly as given (a date with offset, a number).
    Raw(String),
}

pub(super) fn same_value(old: &Value, new: &NewValue) -> bool {
    match (old, new) {
        (Value::Str { text, .. }, NewValue::Text(t)) => text == t,
        (Value::Bool(a), NewValue::Bool(b)) => a == b,
        (Value::List(items), NewValue::List(new)) => {
            items.len() == new.len()
                && items
                    .iter()
                    .zip(new)
                    .all(|(a, b)| a.as_text().as_deref() == Some(b.as_str()))
        }
        (v, NewValue::Raw(r)) => v.as_text().as_deref() == Some(r.trim()),
        _ => false,
    }
}

pub(super) fn style_of(raw: &str) -> Quoting {
    match raw.chars().next() {
        Some('"') => Quoting::Double,
        Some('\'') => Quoting::Single,
        _ => Quoting::Plain,
    }
}

/// Render `value` as the text after `key: `. `old_raw` is the value's previous text (for
/// keeping its style: quotes, and a block list's item indent).
pub(super) fn render(value: &NewValue, old_raw: &str, newline: &str) -> String {
    match value {
        NewValue::Text(t) => scalar::render_string(t, style_of(old_raw)),
        NewValue::Bool(b) => b.to_string(),
        NewValue::Raw(r) => r.trim().to_owned(),
        NewValue::List(items) => {
            let block_indent = old_raw
                .lines()
                .skip_while(|l| !l.trim_start().starts_with('-'))
                .map(|l| &l[..l.len() - l.trim_start().len()])
                .next()
                .filter(|_| old_raw.trim_start().starts_with('-') || old_raw.contains('\n'));
            match block_indent {
                Some(indent) if !items.is_empty() => items
                    .iter()
                    .map(|i| {
                        format!(
                            "{newline}{indent}- {}",
                            scalar::render_string(i, Quoting::Plain)
                        )
                    })
                    .collect(),
                _ => format!(
                    "[{}]",
                    items
                        .iter()
                        .map(|i| scalar::render_flow_item(i))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        }
    }
}

/// Set `key` to `value` in the post `text`, editing only that key's value text. Returns the
/// new text (equal to `text` when the value is already `value`). A post without front matter
/// gets one. Refuses (leaving the caller's text alone) when the front matter is unreadable.
pub fn set_field(text: &str, key: &str, value: &NewValue) -> Result<String, FrontMatterError> {
    let layout = layout(text);
    let nl = layout.newline();
    let block = match layout.block {
        Some(Err(e)) => return Err(e),
        None => {
            let at = layout.content_start();
            let line = format!("{}: {}", render_key(key), render(value, "", nl));
            return Ok(format!(
                "{}---{nl}{line}{nl}---{nl}{}",
                &text[..at],
                &text[at..]
            ));
        }
        Some(Ok(b)) => b,
    };
    let fm = FrontMatter::parse_block(text, &block)?;
    let Some(entry) = fm.entries.iter().find(|e| e.key == key) else {
        let line = format!("{}: {}{nl}", render_key(key), render(value, "", nl));
        let mut out = String::with_capacity(text.len() + line.len());
        out.push_str(&text[..block.close]);
        if block.close > block.yaml.start && !text[..block.close].ends_with('\n') {
            out.push_str(nl);
        }
        out.push_str(&line);
        out.push_str(&text[block.close..]);
        return Ok(out);
    };
    if fm.get(key).is_some_and(|old| same_value(&old, value)) {
        return Ok(text.to_owned());
    }
    let old_raw = &text[entry.value.clone()];
    if old_raw.starts_with(['|', '>', '&', '*', '!']) {
        return Err(FrontMatterError::Uneditable {
            key: key.to_owned(),
            why: crate::words!("fm-complex-value"),
        });
    }
    let rendered = render(value, old_raw, nl);
    let mut start = entry.value.start;
    let replacement = if rendered.starts_with(nl) {
        // A block list written again as a block starts on the next line: no space after `:`.
        start = text[..start].trim_end_matches([' ', '\t']).len();
        rendered
    } else if text[..start].ends_with(':') {
        // `key:` whose value was empty or on the following lines: add the separating space.
        format!(" {rendered}")
    } else {
        rendered
    };
    Ok(splice(text, start..entry.value.end, &replacement))
}

/// Remove `key` and its value lines from the front matter; unchanged text when absent.
pub fn remove_field(text: &str, key: &str) -> Result<String, FrontMatterError> {
    let layout = layout(text);
    let Some(block) = layout.block else {
        return Ok(text.to_owned());
    };
    let block = block?;
    let fm = FrontMatter::parse_block(text, &block)?;
    Ok(match fm.entries.iter().find(|e| e.key == key) {
        Some(e) => splice(text, e.line_start..e.end, ""),
        None => text.to_owned(),
    })
}

/// Set `key` to a block value whose `lines` (indented) follow `key:`, where the key stands,
/// else at the end of the front matter (a post without one gets one). Refuses when the front
/// matter is unreadable.
pub fn set_block(text: &str, key: &str, lines: &[String]) -> Result<String, FrontMatterError> {
    let layout = layout(text);
    let nl = layout.newline();
    let mut entry = format!("{}:", render_key(key));
    for l in lines {
        entry.push_str(nl);
        entry.push_str(l);
    }
    entry.push_str(nl);
    let block = match layout.block {
        Some(Err(e)) => return Err(e),
        None => {
            let at = layout.content_start();
            return Ok(format!(
                "{}---{nl}{entry}---{nl}{}",
                &text[..at],
                &text[at..]
            ));
        }
        Some(Ok(b)) => b,
    };
    let fm = FrontMatter::parse_block(text, &block)?;
    if let Some(e) = fm.entries.iter().find(|e| e.key == key) {
        return Ok(splice(text, e.line_start..e.end, &entry));
    }
    let mut out = String::with_capacity(text.len() + entry.len());
    out.push_str(&text[..block.close]);
    if block.close > block.yaml.start && !text[..block.close].ends_with('\n') {
        out.push_str(nl);
    }
    out.push_str(&entry);
    out.push_str(&text[block.close..]);
    Ok(out)
}

pub(super) fn render_key(key: &str) -> String {
    if scalar::plain_is_safe(key) {
        key.to_owned()
    } else {
        scalar::double_quoted(key)
    }
}

pub(super) fn splice(text: &str, range: Range<usize>, with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..range.start]);
    out.push_str(with);
    out.push_str(&text[range.end..]);
    out
}
