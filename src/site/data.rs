//! `site.data`: the files of `_data/` as Jekyll reads them — YAML (`.yml`, `.yaml`), JSON,
//! CSV and TSV (rows as hashes keyed by the header) — each under its name without the
//! extension, folders as nested hashes (`site.data.trips.busan`).

use std::path::Path;

use crate::i18n::Words;
use crate::journal::liquid::LValue;

/// Files larger than this are not read (a data dump is no site data a post loops over).
const MAX_DATA_FILE: u64 = crate::journal::yaml::MAX_BYTES as u64;
/// Folders deeper than this are not walked.
const MAX_DEPTH: usize = 8;

/// The `site.data` hash of the site at `root` (empty when it has no `_data/`).
pub fn read(root: &Path) -> LValue {
    read_with_warnings(root).0
}

/// [`read`], and a message for each file that could not be read (naming the file, why, and
/// the key left empty).
pub fn read_with_warnings(root: &Path) -> (LValue, Vec<Words>) {
    let mut pairs = Vec::new();
    let mut warnings = Vec::new();
    let mut walk = Walk {
        warnings: &mut warnings,
        prefix: String::new(),
    };
    walk.dir(&root.join("_data"), &mut pairs, 0);
    (LValue::Map(pairs), warnings)
}

struct Walk<'a> {
    warnings: &'a mut Vec<Words>,
    /// `_data/`-relative folder of the files being read, with a trailing `/`.
    prefix: String,
}

impl Walk<'_> {
    fn refuse(&mut self, name: &str, key: &str, error: Words) {
        let file = format!("_data/{}{name}", self.prefix);
        let key = format!("{}{key}", self.prefix.replace('/', "."));
        self.warnings.push(crate::words!(
            "data-refused",
            file = file.as_str(),
            error = error,
            key = key.as_str()
        ));
    }

    fn dir(&mut self, dir: &Path, pairs: &mut Vec<(String, LValue)>, depth: usize) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(std::fs::DirEntry::file_name);
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            let Ok(meta) = std::fs::metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                if depth < MAX_DEPTH {
                    let mut inner = Vec::new();
                    let outer = self.prefix.len();
                    self.prefix.push_str(&name);
                    self.prefix.push('/');
                    self.dir(&path, &mut inner, depth + 1);
                    self.prefix.truncate(outer);
                    pairs.push((name, LValue::Map(inner)));
                }
                continue;
            }
            let Some((stem, ext)) = name.rsplit_once('.') else {
                continue;
            };
            let ext = ext.to_ascii_lowercase();
            if !matches!(ext.as_str(), "yml" | "yaml" | "json" | "csv" | "tsv") {
                continue;
            }
            if meta.len() > MAX_DATA_FILE {
                let e = crate::journal::yaml::YamlError::TooManyBytes;
                self.refuse(&name, stem, e.words());
                continue;
            }
            let text = match std::fs::read(&path).map(String::from_utf8) {
                Ok(Ok(text)) => text,
                Ok(Err(_)) => {
                    self.refuse(&name, stem, crate::words!("data-not-utf8"));
                    continue;
                }
                Err(e) => {
                    self.refuse(&name, stem, Words::of_error(&e));
                    continue;
                }
            };
            let value = match ext.as_str() {
                "yml" | "yaml" => match crate::journal::yaml::load(&text) {
                    Ok((doc, _)) => super::config::liquid_value(&doc),
                    Err(e) => {
                        self.refuse(&name, stem, e.words());
                        None
                    }
                },
                "json" => match serde_json::from_str::<serde_json::Value>(&text) {
                    Ok(j) => Some(from_json(&j)),
                    Err(e) => {
                        self.refuse(&name, stem, Words::verbatim(e.to_string()));
                        None
                    }
                },
                "csv" => Some(from_table(&text, b',')),
                _ => Some(from_table(&text, b'\t')),
            };
            if let Some(value) = value {
                pairs.push((stem.to_owned(), value));
            }
        }
    }
}

fn from_json(j: &serde_json::Value) -> LValue {
    use serde_json::Value as J;
    match j {
        J::Null => LValue::Nil,
        J::Bool(b) => LValue::Bool(*b),
        J::Number(n) if n.is_f64() => n.as_f64().map_or(LValue::Nil, LValue::Float),
        J::Number(n) => n.as_f64().map_or(LValue::Nil, LValue::Num),
        J::String(s) => LValue::Str(s.clone()),
        J::Array(items) => LValue::List(items.iter().map(from_json).collect()),
        J::Object(map) => LValue::Map(map.iter().map(|(k, v)| (k.clone(), from_json(v))).collect()),
    }
}

/// A CSV/TSV table as Jekyll reads it (`CSV.read(headers: true)`): a list of hashes, every
/// value a string.
fn from_table(text: &str, delimiter: u8) -> LValue {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_owned).collect(),
        Err(_) => return LValue::List(Vec::new()),
    };
    let rows = reader
        .records()
        .flatten()
        .map(|record| {
            LValue::Map(
                headers
                    .iter()
                    .enumerate()
                    .map(|(i, h)| {
                        let v = record
                            .get(i)
                            .map_or(LValue::Nil, |v| LValue::Str(v.to_owned()));
                        (h.clone(), v)
                    })
                    .collect(),
            )
        })
        .collect();
    LValue::List(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_json_csv_and_folders_are_read_as_jekyll_reads_them() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("_data");
        std::fs::create_dir_all(data.join("trips")).unwrap();
        std::fs::write(
            data.join("members.yml"),
            "- name: 길동\n  role: writer\n- name: 철수\n",
        )
        .unwrap();
        std::fs::write(data.join("site.json"), r#"{"n": 3, "tags": ["a", "b"]}"#).unwrap();
        std::fs::write(
            data.join("prices.csv"),
            "item,price\n입장료,\"6,000\"\n저녁,12000\n",
        )
        .unwrap();
        std::fs::write(data.join("trips/busan.yaml"), "days: 3\n").unwrap();
        let v = read(dir.path());
        let members = v.get("members").unwrap();
        assert_eq!(
            members,
            &LValue::List(vec![
                LValue::Map(vec![
                    ("name".into(), LValue::Str("길동".into())),
                    ("role".into(), LValue::Str("writer".into())),
                ]),
                LValue::Map(vec![("name".into(), LValue::Str("철수".into()))]),
            ])
        );
        assert_eq!(v.get("site").unwrap().get("n"), Some(&LValue::Num(3.0)));
        let LValue::List(rows) = v.get("prices").unwrap() else {
            panic!("rows");
        };
        assert_eq!(rows[0].get("price"), Some(&LValue::Str("6,000".into())));
        assert_eq!(
            rows[1].get("price"),
            Some(&LValue::Str("12000".into())),
            "strings"
        );
        assert_eq!(
            v.get("trips").unwrap().get("busan").unwrap().get("days"),
            Some(&LValue::Num(3.0))
        );
    }

    #[test]
    fn a_file_that_cannot_be_read_is_named_and_the_rest_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("_data");
        std::fs::create_dir_all(data.join("trips")).unwrap();
        std::fs::write(data.join("good.yml"), "a: 1\n").unwrap();
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = if i == 1 {
                "*a".to_owned()
            } else {
                format!("*l{}", i - 1)
            };
            let items = vec![prev; 10].join(", ");
            bomb.push_str(&format!("l{i}: &l{i} [{items}]\n"));
        }
        std::fs::write(data.join("trips/bomb.yml"), bomb).unwrap();
        std::fs::write(data.join("deep.yaml"), format!("a: {}", "{b: ".repeat(300))).unwrap();
        std::fs::write(data.join("broken.json"), "{\"a\": ").unwrap();
        std::fs::write(data.join("latin1.yml"), b"a: caf\xe9\n").unwrap();
        std::fs::write(data.join("notes.txt"), "not data").unwrap();
        let (value, warnings) = read_with_warnings(dir.path());
        assert_eq!(warnings.len(), 4, "{warnings:?}");
        for (file, key) in [
            ("_data/trips/bomb.yml", "site.data.trips.bomb"),
            ("_data/deep.yaml", "site.data.deep"),
            ("_data/broken.json", "site.data.broken"),
            ("_data/latin1.yml", "site.data.latin1"),
        ] {
            assert!(
                warnings
                    .iter()
                    .any(|w| w.to_string().contains(file) && w.to_string().contains(key)),
                "{file}: {warnings:?}"
            );
        }
        let LValue::Map(pairs) = value else { panic!() };
        assert!(pairs.iter().any(|(k, _)| k == "good"));
    }
}
