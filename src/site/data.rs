//! `site.data`: the files of `_data/` as Jekyll reads them — YAML (`.yml`, `.yaml`), JSON,
//! CSV and TSV (rows as hashes keyed by the header) — each under its name without the
//! extension, folders as nested hashes (`site.data.trips.busan`).

use std::path::Path;

use crate::journal::liquid::LValue;

/// Files larger than this are not read (a data dump is no site data a post loops over).
const MAX_DATA_FILE: u64 = 8 << 20;
/// Folders deeper than this are not walked.
const MAX_DEPTH: usize = 8;

/// The `site.data` hash of the site at `root` (empty when it has no `_data/`).
pub fn read(root: &Path) -> LValue {
    let mut pairs = Vec::new();
    read_dir(&root.join("_data"), &mut pairs, 0);
    LValue::Map(pairs)
}

fn read_dir(dir: &Path, pairs: &mut Vec<(String, LValue)>, depth: usize) {
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
                read_dir(&path, &mut inner, depth + 1);
                pairs.push((name, LValue::Map(inner)));
            }
            continue;
        }
        let Some((stem, ext)) = name.rsplit_once('.') else {
            continue;
        };
        if meta.len() > MAX_DATA_FILE {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let value = match ext.to_ascii_lowercase().as_str() {
            "yml" | "yaml" => crate::journal::yaml::load(&text)
                .ok()
                .and_then(|(doc, _)| super::config::liquid_value(&doc)),
            "json" => serde_json::from_str::<serde_json::Value>(&text)
                .ok()
                .map(|j| from_json(&j)),
            "csv" => Some(from_table(&text, b',')),
            "tsv" => Some(from_table(&text, b'\t')),
            _ => None,
        };
        if let Some(value) = value {
            pairs.push((stem.to_owned(), value));
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
}
