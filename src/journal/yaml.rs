//! YAML read as Jekyll's Psych reads it where `yaml-rust2`'s own loader refuses: a mapping
//! with a key written twice keeps the last value (with a warning naming the key and its
//! line). One set of limits holds for every YAML daybook reads (front matter, `_config.yml`,
//! `_data/`): the text's size, the nesting depth, and the values aliases expand to — so a
//! "billion laughs" or a document nested a million levels deep ends in an error, not in an
//! exhausted memory or stack. The parser's events are pulled one by one (its own `load`
//! recurses once per level).

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, ScanError, TScalarStyle};
use yaml_rust2::yaml::{Hash, Yaml};

/// The most nodes one document may hold once its aliases are expanded.
pub const MAX_NODES: usize = 200_000;
/// The deepest a collection may be nested (real sites stay under ten).
pub const MAX_DEPTH: usize = 200;
/// The largest text read as YAML, in bytes.
pub const MAX_BYTES: usize = 16 << 20;

/// A key written twice in one mapping: the value of the last one is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    pub key: String,
    /// 1-based line of the later key.
    pub line: usize,
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YamlError {
    Syntax {
        line: usize,
        message: String,
    },
    /// Aliases expand to more than [`MAX_NODES`] values.
    TooLarge,
    /// Collections nested deeper than [`MAX_DEPTH`].
    TooDeep {
        line: usize,
    },
    /// A text longer than [`MAX_BYTES`].
    TooManyBytes,
}

impl YamlError {
    /// What went wrong, as words for the window or the command line.
    pub fn words(&self) -> crate::i18n::Words {
        match self {
            YamlError::Syntax { line, message } => {
                crate::words!("yaml-syntax", line = *line, error = message.as_str())
            }
            YamlError::TooLarge => crate::words!("yaml-too-large", limit = MAX_NODES),
            YamlError::TooDeep { line } => {
                crate::words!("yaml-too-deep", line = *line, limit = MAX_DEPTH)
            }
            YamlError::TooManyBytes => {
                crate::words!("yaml-too-many-bytes", limit = MAX_BYTES >> 20)
            }
        }
    }
}

impl std::fmt::Display for YamlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.words().fmt(f)
    }
}

impl std::error::Error for YamlError {}

/// The first document of `source`, and the keys written twice in it.
pub fn load(source: &str) -> Result<(Yaml, Vec<DuplicateKey>), YamlError> {
    if source.len() > MAX_BYTES {
        return Err(YamlError::TooManyBytes);
    }
    let mut loader = Loader::default();
    let mut parser = Parser::new_from_str(source);
    loop {
        let (event, mark) = parser
            .next_token()
            .map_err(|e: ScanError| YamlError::Syntax {
                line: e.marker().line(),
                message: e.info().to_owned(),
            })?;
        let opens = matches!(event, Event::SequenceStart(..) | Event::MappingStart(..));
        if opens && loader.stack.len() >= MAX_DEPTH {
            return Err(YamlError::TooDeep { line: mark.line() });
        }
        let ends = matches!(event, Event::StreamEnd | Event::DocumentEnd);
        loader.on_event(event, mark);
        if loader.too_large {
            return Err(YamlError::TooLarge);
        }
        if ends || loader.doc.is_some() && loader.stack.is_empty() {
            break;
        }
    }
    Ok((loader.doc.unwrap_or(Yaml::Null), loader.duplicates))
}

#[derive(Default)]
struct Loader {
    /// Open collections: the node, its anchor, and (for a mapping) the key awaiting a value.
    stack: Vec<(Yaml, usize, Option<Yaml>)>,
    anchors: HashMap<usize, (Yaml, usize)>,
    doc: Option<Yaml>,
    duplicates: Vec<DuplicateKey>,
    nodes: usize,
    too_large: bool,
}

impl Loader {
    fn insert(&mut self, node: Yaml, anchor: usize, size: usize, mark: Marker) {
        if anchor > 0 {
            self.anchors.insert(anchor, (node.clone(), size));
        }
        let Some((parent, _, key)) = self.stack.last_mut() else {
            if self.doc.is_none() {
                self.doc = Some(node);
            }
            return;
        };
        match parent {
            Yaml::Array(items) => items.push(node),
            Yaml::Hash(map) => match key.take() {
                None => *key = Some(node),
                Some(k) => {
                    if map.contains_key(&k) {
                        self.duplicates.push(DuplicateKey {
                            key: key_text(&k),
                            line: mark.line(),
                        });
                    }
                    map.insert(k, node);
                }
            },
            _ => {}
        }
    }

    fn count(&mut self, n: usize) -> bool {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > MAX_NODES {
            self.too_large = true;
        }
        !self.too_large
    }
}

fn key_text(k: &Yaml) -> String {
    match k {
        Yaml::String(s) | Yaml::Real(s) => s.clone(),
        Yaml::Integer(i) => i.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        other => format!("{other:?}"),
    }
}

/// How many nodes `y` holds.
fn size_of(y: &Yaml) -> usize {
    match y {
        Yaml::Array(items) => 1 + items.iter().map(size_of).sum::<usize>(),
        Yaml::Hash(map) => {
            1 + map
                .iter()
                .map(|(k, v)| size_of(k) + size_of(v))
                .sum::<usize>()
        }
        _ => 1,
    }
}

impl MarkedEventReceiver for Loader {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        if self.too_large || self.doc.is_some() && self.stack.is_empty() {
            return;
        }
        match ev {
            Event::SequenceStart(anchor, _) if self.count(1) => {
                self.stack.push((Yaml::Array(Vec::new()), anchor, None));
            }
            Event::MappingStart(anchor, _) if self.count(1) => {
                self.stack.push((Yaml::Hash(Hash::new()), anchor, None));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((node, anchor, _)) = self.stack.pop() {
                    let size = if anchor > 0 { size_of(&node) } else { 0 };
                    self.insert(node, anchor, size, mark);
                }
            }
            Event::Scalar(value, style, anchor, _) if self.count(1) => {
                let node = if style == TScalarStyle::Plain {
                    Yaml::from_str(&value)
                } else {
                    Yaml::String(value)
                };
                self.insert(node, anchor, 1, mark);
            }
            Event::Alias(id) => {
                // Counted before it is copied: a bomb stops at the budget, not after it.
                let size = self.anchors.get(&id).map_or(1, |(_, size)| *size);
                if self.count(size) {
                    let node = self
                        .anchors
                        .get(&id)
                        .map_or(Yaml::BadValue, |(node, _)| node.clone());
                    self.insert(node, 0, size, mark);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_written_twice_keeps_the_last_value_and_is_named() {
        let (doc, dups) =
            load("title: a\npermalink: /:year/:title/\nurl: x\npermalink: /:title.html\n").unwrap();
        assert_eq!(doc["permalink"].as_str(), Some("/:title.html"));
        assert_eq!(doc["title"].as_str(), Some("a"));
        assert_eq!(
            dups,
            [DuplicateKey {
                key: "permalink".into(),
                line: 4
            }]
        );
        // Nested mappings too.
        let (doc, dups) = load("kramdown:\n  input: kramdown\n  input: GFM\n").unwrap();
        assert_eq!(doc["kramdown"]["input"].as_str(), Some("GFM"));
        assert_eq!(dups.len(), 1);
    }

    #[test]
    fn values_read_as_yaml_rust2_reads_them() {
        let src = "a: 1\nb: [x, 'y', 2.5]\nc:\n  d: true\n  e: ~\nf: &x {g: 1}\nh: *x\n";
        let (doc, dups) = load(src).unwrap();
        assert_eq!(doc, yaml_rust2::YamlLoader::load_from_str(src).unwrap()[0]);
        assert!(dups.is_empty());
    }

    #[test]
    fn an_alias_bomb_is_refused_quickly() {
        let mut src = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = format!("*l{}", i - 1).replace("*l0", "*a");
            src.push_str(&format!(
                "l{i}: &l{i} [{prev}, {prev}, {prev}, {prev}, {prev}, {prev}, {prev}, {prev}, {prev}, {prev}]\n"
            ));
        }
        assert_eq!(load(&src), Err(YamlError::TooLarge));
    }

    #[test]
    fn nesting_and_size_are_bounded() {
        // Block nesting: a thousand levels (the parser's own loader recursed once per level
        // and overflowed a 2 MB stack here).
        let mut deep = String::new();
        for i in 0..1000 {
            deep.push_str(&" ".repeat(i));
            deep.push_str("- \n");
        }
        let worker = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || load(&deep))
            .unwrap();
        assert!(matches!(
            worker.join().unwrap(),
            Err(YamlError::TooDeep { .. })
        ));
        // A nesting real data uses is read.
        let (doc, _) = load("a:\n  b:\n    - c: [1, {d: 2}]\n").unwrap();
        assert_eq!(doc["a"]["b"][0]["c"][1]["d"].as_i64(), Some(2));
        let big = format!("a: '{}'\n", "x".repeat(MAX_BYTES));
        assert_eq!(load(&big), Err(YamlError::TooManyBytes));
    }

    #[test]
    fn syntax_errors_name_their_line() {
        let err = load("a: 1\nb: [unclosed\n").unwrap_err();
        assert!(matches!(err, YamlError::Syntax { .. }), "{err:?}");
    }
}
