//! Front matter: found, read with Jekyll's meaning, and edited as text.
//!
//! Owns the `---` block at the top of a post. Reading uses a YAML parser for structure and
//! validity, plus the raw text for what YAML 1.1 (Jekyll's reader) means differently from
//! YAML 1.2 (unquoted `no` is `false`; a quoted date is read in the site zone). Writing never
//! re-serialises YAML: [`set_field`] replaces only the value text of one key, keeping the
//! BOM, line endings, comments, key order, alignment spaces and the quoting style; an
//! unchanged value leaves the text byte-identical. Pure: no IO.

mod write;
pub use write::*;

use std::ops::Range;

use yaml_rust2::Yaml;

use super::scalar::{self, Quoting};
use crate::i18n::Words;

/// Why front matter could not be read (its words are data: worded where shown).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.words())]
pub enum FrontMatterError {
    Unclosed,
    InvalidYaml { line: usize, why: Words },
    NotAMapping,
    Uneditable { key: String, why: Words },
}

impl FrontMatterError {
    /// What went wrong, as words for the window or the command line.
    pub fn words(&self) -> Words {
        match self {
            FrontMatterError::Unclosed => crate::words!("fm-unclosed"),
            FrontMatterError::InvalidYaml { line, why } => {
                crate::words!("fm-invalid-yaml", line = *line, error = why.clone())
            }
            FrontMatterError::NotAMapping => crate::words!("fm-not-a-map"),
            FrontMatterError::Uneditable { key, why } => {
                crate::words!("fm-uneditable", key = key.as_str(), why = why.clone())
            }
        }
    }
}

/// Where the front matter sits in a post's text (byte offsets into the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The YAML between the delimiter lines.
    pub yaml: Range<usize>,
    /// Offset of the closing delimiter line.
    pub close: usize,
    /// Offset just after the closing delimiter line (its newline included): the body start.
    pub end: usize,
}

/// The layout of a post's text: BOM, newline style and the front-matter block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub bom: bool,
    pub crlf: bool,
    pub block: Option<Result<Block, FrontMatterError>>,
}

impl Layout {
    /// The newline this text uses (`\r\n` when its first line ends so).
    pub fn newline(&self) -> &'static str {
        if self.crlf { "\r\n" } else { "\n" }
    }

    /// The offset where the body starts (after the front matter, or after the BOM).
    pub fn body_start(&self) -> usize {
        match &self.block {
            Some(Ok(b)) => b.end,
            _ => self.content_start(),
        }
    }

    /// The offset just after the BOM.
    pub fn content_start(&self) -> usize {
        if self.bom { '\u{feff}'.len_utf8() } else { 0 }
    }
}

/// Lines of `text[range]` with their start offsets (absolute), without line terminators.
fn lines_in(text: &str, range: Range<usize>) -> impl Iterator<Item = (usize, &str)> {
    let base = range.start;
    let slice = &text[range];
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= slice.len() {
            return None;
        }
        let start = pos;
        let end = slice[start..].find('\n').map_or(slice.len(), |i| start + i);
        pos = end + 1;
        let line = slice[start..end]
            .strip_suffix('\r')
            .unwrap_or(&slice[start..end]);
        Some((base + start, line))
    })
}

fn is_delimiter(line: &str, allow_dots: bool) -> bool {
    let t = line.trim_end();
    t == "---" || (allow_dots && t == "...")
}

/// Find the front matter the way Jekyll does: the text must start with a `---` line; the
/// block ends at the next `---` (or `...`) line.
pub fn layout(text: &str) -> Layout {
    let bom = text.starts_with('\u{feff}');
    let start = if bom { 3 } else { 0 };
    let crlf = text[start..]
        .find('\n')
        .is_some_and(|i| i > 0 && text.as_bytes()[start + i - 1] == b'\r');
    let mut lines = lines_in(text, start..text.len());
    let block = match lines.next() {
        Some((_, first)) if is_delimiter(first, false) => {
            let yaml_start = text[start..]
                .find('\n')
                .map_or(text.len(), |i| start + i + 1);
            Some(
                lines_in(text, yaml_start..text.len())
                    .find(|(_, l)| is_delimiter(l, true))
                    .map(|(close, _)| Block {
                        yaml: yaml_start..close,
                        close,
                        end: text[close..]
                            .find('\n')
                            .map_or(text.len(), |i| close + i + 1),
                    })
                    .ok_or(FrontMatterError::Unclosed),
            )
        }
        _ => None,
    };
    Layout { bom, crlf, block }
}

/// One top-level `key: value` of the front matter, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    /// Offset of the line holding the key.
    pub line_start: usize,
    /// The value's text: from after `key:` and its spaces up to a trailing comment on a
    /// one-line value, or to the end of the last continuation line.
    pub value: Range<usize>,
    /// Offset after the entry's last line (newline included).
    pub end: usize,
}

fn key_of(line: &str) -> Option<(String, usize)> {
    let first = line.chars().next()?;
    if first.is_whitespace() || matches!(first, '#' | '-' | '[' | '{' | '?') {
        return None;
    }
    let (key, after) = if first == '"' || first == '\'' {
        let close = line[1..].find(first)? + 1;
        (line[1..close].to_owned(), close + 1)
    } else {
        let colon = line
            .match_indices(':')
            .map(|(i, _)| i)
            .find(|&i| line[i + 1..].chars().next().is_none_or(char::is_whitespace))?;
        (line[..colon].trim_end().to_owned(), colon)
    };
    let rest = &line[after..];
    let rest = rest.trim_start_matches([' ', '\t']);
    let colon_rest = rest.strip_prefix(':')?;
    let value_col = line.len() - colon_rest.trim_start_matches([' ', '\t']).len();
    Some((key, value_col))
}

/// The end of a one-line value: before a ` #` comment for plain values, after the closing
/// quote for quoted ones; trailing spaces excluded.
fn one_line_value_len(value: &str) -> usize {
    let end = match value.chars().next() {
        Some(q @ ('"' | '\'')) => quoted_end(value, q).unwrap_or(value.len()),
        _ => value
            .match_indices('#')
            .map(|(i, _)| i)
            .find(|&i| i > 0 && value[..i].ends_with([' ', '\t']))
            .unwrap_or(value.len()),
    };
    value[..end].trim_end().len()
}

fn quoted_end(value: &str, q: char) -> Option<usize> {
    let mut chars = value.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if q == '"' && c == '\\' {
            chars.next();
        } else if c == q {
            if q == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                chars.next();
            } else {
                return Some(i + 1);
            }
        }
    }
    None
}

/// The top-level entries of a front-matter block, in order.
pub fn entries(text: &str, block: &Block) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let mut open: Option<Entry> = None;
    for (start, line) in lines_in(text, block.yaml.clone()) {
        let next_line = text[start..]
            .find('\n')
            .map_or(text.len(), |i| start + i + 1);
        let next_line = next_line.min(block.yaml.end);
        if let Some((key, col)) = key_of(line) {
            out.extend(open.take());
            let value_len = one_line_value_len(&line[col..]);
            open = Some(Entry {
                key,
                line_start: start,
                value: start + col..start + col + value_len,
                end: next_line,
            });
        } else if let Some(entry) = open.as_mut() {
            let continues = line.starts_with([' ', '\t', '-']);
            if continues && !line.trim().is_empty() {
                entry.value.end = start + line.trim_end().len();
                entry.end = next_line;
            } else if !line.trim().is_empty() {
                out.extend(open.take());
            }
        }
    }
    out.extend(open);
    out
}

/// YAML aliases allowed in front matter.
const MAX_ALIASES: usize = 32;

/// How many YAML aliases (`*name` where a value starts) the text holds, outside quotes.
fn alias_count(yaml: &str) -> usize {
    let mut n = 0;
    for line in yaml.lines() {
        let mut quote: Option<char> = None;
        let mut prev = ' ';
        for c in line.chars() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == '#' && prev.is_whitespace() => break,
                None if c == '"' || c == '\'' => quote = Some(c),
                None if c == '*' && (prev.is_whitespace() || "[{,:-".contains(prev)) => n += 1,
                None => {}
            }
            prev = c;
        }
    }
    n
}

/// A post's front matter, read.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    pub entries: Vec<Entry>,
    map: yaml_rust2::yaml::Hash,
    raw_values: Vec<String>,
}

/// A value read from front matter, with YAML 1.1 meaning applied to plain scalars.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str {
        text: String,
        quoted: bool,
    },
    Bool(bool),
    Number(String),
    Null,
    List(Vec<Value>),
    /// A mapping, its keys in the order written.
    Map(Vec<(String, Value)>),
}

impl Value {
    /// The value as text, if it is a scalar.
    pub fn as_text(&self) -> Option<String> {
        match self {
            Value::Str { text, .. } | Value::Number(text) => Some(text.clone()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

fn convert(y: &Yaml, raw: Option<&str>) -> Value {
    let plain = raw.filter(|r| !r.starts_with(['"', '\'', '|', '>', '!', '&', '*']));
    match y {
        Yaml::String(s) => match plain.and_then(scalar::yaml11_bool) {
            Some(b) => Value::Bool(b),
            None => Value::Str {
                text: s.clone(),
                quoted: plain.is_none(),
            },
        },
        Yaml::Integer(i) => Value::Number(i.to_string()),
        Yaml::Real(r) => Value::Number(r.clone()),
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Array(items) => Value::List(items.iter().map(|i| convert(i, None)).collect()),
        Yaml::Hash(map) => Value::Map(
            map.iter()
                .filter_map(|(k, v)| {
                    let key = match k {
                        Yaml::String(s) | Yaml::Real(s) => s.clone(),
                        Yaml::Integer(i) => i.to_string(),
                        Yaml::Boolean(b) => b.to_string(),
                        _ => return None,
                    };
                    Some((key, convert(v, None)))
                })
                .collect(),
        ),
        Yaml::Null | Yaml::BadValue | Yaml::Alias(_) => Value::Null,
    }
}

impl FrontMatter {
    /// Front matter with no keys (for a post without any).
    pub fn empty() -> FrontMatter {
        FrontMatter {
            entries: Vec::new(),
            map: yaml_rust2::yaml::Hash::new(),
            raw_values: Vec::new(),
        }
    }

    /// Read the front matter of `text`. No front matter at all reads as empty.
    pub fn parse(text: &str) -> Result<FrontMatter, FrontMatterError> {
        let layout = layout(text);
        match layout.block {
            None => Ok(FrontMatter::empty()),
            Some(Err(e)) => Err(e),
            Some(Ok(block)) => Self::parse_block(text, &block),
        }
    }

    /// Read the front matter in `block` of `text`.
    pub fn parse_block(text: &str, block: &Block) -> Result<FrontMatter, FrontMatterError> {
        let yaml = &text[block.yaml.clone()];
        let first_line = text[..block.yaml.start].matches('\n').count() + 1;
        // The parser may notice a problem only at the end; point at the last YAML line then.
        let last_line = (text[..block.close].matches('\n').count()).max(first_line);
        // YAML aliases are expanded by copying: a few nested ones (an "alias bomb") would take
        // all memory. Real front matter uses none or a few; more is refused at once.
        let aliases = alias_count(yaml);
        if aliases > MAX_ALIASES {
            return Err(FrontMatterError::InvalidYaml {
                line: first_line,
                why: crate::words!("fm-too-many-aliases", count = aliases, limit = MAX_ALIASES),
            });
        }
        // A key written twice keeps its last value, as Jekyll (Psych) reads it.
        let (doc, _) = crate::journal::yaml::load(yaml).map_err(|e| match e {
            crate::journal::yaml::YamlError::Syntax { line, message } => {
                FrontMatterError::InvalidYaml {
                    line: (first_line + line.saturating_sub(1)).min(last_line),
                    why: Words::verbatim(message),
                }
            }
            too_large => FrontMatterError::InvalidYaml {
                line: first_line,
                why: too_large.words(),
            },
        })?;
        let map = match doc {
            Yaml::Null | Yaml::BadValue => yaml_rust2::yaml::Hash::new(),
            Yaml::Hash(h) => h,
            _ => return Err(FrontMatterError::NotAMapping),
        };
        let entries = entries(text, block);
        let raw_values = entries
            .iter()
            .map(|e| text[e.value.clone()].to_owned())
            .collect();
        Ok(FrontMatter {
            entries,
            map,
            raw_values,
        })
    }

    /// The value of a top-level key.
    pub fn get(&self, key: &str) -> Option<Value> {
        let y = self.map.get(&Yaml::String(key.to_owned()))?;
        let raw = self
            .entries
            .iter()
            .position(|e| e.key == key)
            .map(|i| self.raw_values[i].as_str());
        Some(convert(y, raw))
    }

    /// The value of a key as text, if it is a scalar.
    pub fn get_text(&self, key: &str) -> Option<String> {
        self.get(key).and_then(|v| v.as_text())
    }

    /// The keys in file order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.key.as_str())
    }

    pub fn title(&self) -> Option<String> {
        self.get_text("title")
    }

    pub fn layout_name(&self) -> Option<String> {
        self.get_text("layout")
    }

    /// The date text and whether it was quoted.
    pub fn date(&self) -> Option<(String, bool)> {
        match self.get("date")? {
            Value::Str { text, quoted } => Some((text, quoted)),
            other => other.as_text().map(|t| (t, false)),
        }
    }

    /// `published:` — `true` unless set to a false value.
    pub fn published(&self) -> bool {
        !matches!(self.get("published"), Some(Value::Bool(false)))
    }

    /// Categories as Jekyll reads them: singular `category` kept whole (it wins when
    /// present); `categories` as a string split on whitespace, as a list kept item by item.
    pub fn categories(&self) -> Vec<String> {
        self.plural("category", "categories")
    }

    /// Tags, with the same rules as [`FrontMatter::categories`].
    pub fn tags(&self) -> Vec<String> {
        self.plural("tag", "tags")
    }

    fn plural(&self, singular: &str, plural: &str) -> Vec<String> {
        if let Some(v) = self.get(singular) {
            return match v {
                Value::List(items) => items.iter().filter_map(Value::as_text).collect(),
                other => other.as_text().into_iter().collect(),
            };
        }
        match self.get(plural) {
            Some(Value::List(items)) => items.iter().filter_map(Value::as_text).collect(),
            Some(other) => other
                .as_text()
                .map(|t| t.split_whitespace().map(str::to_owned).collect())
                .unwrap_or_default(),
            None => Vec::new(),
        }
    }
}

#[cfg(test)]
#[path = "../front_matter_tests.rs"]
mod tests;
