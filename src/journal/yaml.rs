//! YAML read as Jekyll's Psych reads it where `yaml-rust2`'s own loader refuses: a mapping
//! with a key written twice keeps the last value (with a warning naming the key and its
//! line), and aliases are expanded within a budget, so a "billion laughs" document ends in an
//! error instead of exhausting memory.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, ScanError, TScalarStyle};
use yaml_rust2::yaml::{Hash, Yaml};

/// The most nodes one document may hold once its aliases are expanded.
pub const MAX_NODES: usize = 200_000;

/// A key written twice in one mapping: the value of the last one is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    pub key: String,
    /// 1-based line of the later key.
    pub line: usize,
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum YamlError {
    #[error("line {line}: {message}")]
    Syntax { line: usize, message: String },
    #[error("aliases expand to more than {MAX_NODES} values")]
    TooLarge,
}

/// The first document of `source`, and the keys written twice in it.
pub fn load(source: &str) -> Result<(Yaml, Vec<DuplicateKey>), YamlError> {
    let mut loader = Loader::default();
    let mut parser = Parser::new_from_str(source);
    let parsed = parser.load(&mut loader, false);
    if loader.too_large {
        return Err(YamlError::TooLarge);
    }
    parsed.map_err(|e: ScanError| YamlError::Syntax {
        line: e.marker().line(),
        message: e.info().to_owned(),
    })?;
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
    fn syntax_errors_name_their_line() {
        let err = load("a: 1\nb: [unclosed\n").unwrap_err();
        assert!(matches!(err, YamlError::Syntax { .. }), "{err:?}");
    }
}
