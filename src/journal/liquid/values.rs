//! Liquid values and variable paths: `page.gallery[0].image_path`, `site.data.members`,
//! `item["url"]`, `list[i]`, `x.size`/`first`/`last`, walked through hashes and arrays as
//! Liquid walks them.

use super::*;

/// A Liquid value.
#[derive(Debug, Clone, PartialEq)]
pub enum LValue {
    Nil,
    Bool(bool),
    /// An integer (kept as `f64`).
    Num(f64),
    /// A float: printed as Ruby prints one (`4.0`).
    Float(f64),
    Str(String),
    List(Vec<LValue>),
    /// A hash, its keys in the order written.
    Map(Vec<(String, LValue)>),
}

impl LValue {
    pub(super) fn truthy(&self) -> bool {
        !matches!(self, LValue::Nil | LValue::Bool(false))
    }

    /// Empty as Liquid's `empty` and `default` see it: nil, false, `""`, `[]`, `{}`.
    pub(super) fn is_empty_value(&self) -> bool {
        match self {
            LValue::Nil | LValue::Bool(false) => true,
            LValue::Str(s) => s.is_empty(),
            LValue::List(items) => items.is_empty(),
            LValue::Map(pairs) => pairs.is_empty(),
            _ => false,
        }
    }

    /// The value as Liquid prints it (a hash as Ruby shows one).
    pub fn render(&self) -> String {
        match self {
            LValue::Nil => String::new(),
            LValue::Bool(b) => b.to_string(),
            LValue::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            LValue::Num(n) => n.to_string(),
            LValue::Float(f) => super::numbers::ruby_float(*f),
            LValue::Str(s) => s.clone(),
            LValue::List(items) => items.iter().map(LValue::render).collect(),
            LValue::Map(_) => self.inspect(),
        }
    }

    /// Ruby's `inspect`: `{"a"=>"b", "n"=>1}`, `["x", nil]`.
    pub(super) fn inspect(&self) -> String {
        match self {
            LValue::Nil => "nil".to_owned(),
            LValue::Str(s) => format!("{s:?}"),
            LValue::List(items) => format!(
                "[{}]",
                items
                    .iter()
                    .map(LValue::inspect)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            LValue::Map(pairs) => format!(
                "{{{}}}",
                pairs
                    .iter()
                    .map(|(k, v)| format!("{k:?}=>{}", v.inspect()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            other => other.render(),
        }
    }

    /// The value as JSON (`jsonify`).
    pub(super) fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            LValue::Nil => J::Null,
            LValue::Bool(b) => J::Bool(*b),
            LValue::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => J::from(*n as i64),
            LValue::Num(n) | LValue::Float(n) => J::from(*n),
            LValue::Str(s) => J::String(s.clone()),
            LValue::List(items) => J::Array(items.iter().map(LValue::to_json).collect()),
            LValue::Map(pairs) => J::Object(
                pairs
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_json()))
                    .collect(),
            ),
        }
    }

    pub(super) fn as_num(&self) -> Option<f64> {
        match self {
            LValue::Num(n) | LValue::Float(n) => Some(*n),
            LValue::Str(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// What a `for` loop walks: a list's items, a hash's `[key, value]` pairs, nothing for
    /// nil or an empty string, else the value itself.
    pub(super) fn items(&self) -> Vec<LValue> {
        match self {
            LValue::List(items) => items.clone(),
            LValue::Map(pairs) => pairs
                .iter()
                .map(|(k, v)| LValue::List(vec![LValue::Str(k.clone()), v.clone()]))
                .collect(),
            LValue::Nil => Vec::new(),
            LValue::Str(s) if s.is_empty() => Vec::new(),
            other => vec![other.clone()],
        }
    }

    /// A hash's value at `key`.
    pub fn get(&self, key: &str) -> Option<&LValue> {
        match self {
            LValue::Map(pairs) => pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value one step down: a hash's key, a list's index, or `size`/`first`/`last`.
    pub(super) fn step(&self, seg: &Seg) -> LValue {
        match (self, seg) {
            (LValue::Map(_), Seg::Key(k)) => match self.get(k) {
                Some(v) => v.clone(),
                None if k == "size" => LValue::Num(self.items().len() as f64),
                None => LValue::Nil,
            },
            (LValue::List(items), Seg::Index(i)) => {
                let at = if *i < 0 { items.len() as i64 + i } else { *i };
                usize::try_from(at)
                    .ok()
                    .and_then(|at| items.get(at))
                    .cloned()
                    .unwrap_or(LValue::Nil)
            }
            (LValue::List(items), Seg::Key(k)) => match k.as_str() {
                "size" => LValue::Num(items.len() as f64),
                "first" => items.first().cloned().unwrap_or(LValue::Nil),
                "last" => items.last().cloned().unwrap_or(LValue::Nil),
                _ => LValue::Nil,
            },
            (LValue::Str(s), Seg::Key(k)) if k == "size" => LValue::Num(s.chars().count() as f64),
            // Ruby's Integer#size: the bytes of a machine word.
            (LValue::Num(_) | LValue::Float(_), Seg::Key(k)) if k == "size" => LValue::Num(8.0),
            _ => LValue::Nil,
        }
    }
}

/// One step of a variable path.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Seg {
    Key(String),
    Index(i64),
    /// `[expr]`: a key or index read from another variable.
    Expr(String),
}

/// Read a variable path (`a.b[0]["c d"].e`, `list[i]`); `None` when `t` is no path.
pub(super) fn parse_path(t: &str) -> Option<Vec<Seg>> {
    let mut segs = Vec::new();
    let b = t.as_bytes();
    let name_char = |c: char| c.is_alphanumeric() || c == '_' || c == '-' || c == '?';
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'.' if !segs.is_empty() => i += 1,
            b'[' => {
                let close = i + find_close(&t[i..])?;
                let inner = t[i + 1..close].trim();
                segs.push(if let Some(s) = unquote(inner) {
                    Seg::Key(s.to_owned())
                } else if let Ok(n) = inner.parse::<i64>() {
                    Seg::Index(n)
                } else if !inner.is_empty() {
                    Seg::Expr(inner.to_owned())
                } else {
                    return None;
                });
                i = close + 1;
            }
            _ => {
                let rest = &t[i..];
                let len: usize = rest
                    .chars()
                    .take_while(|c| name_char(*c))
                    .map(char::len_utf8)
                    .sum();
                if len == 0 {
                    return None;
                }
                segs.push(Seg::Key(rest[..len].to_owned()));
                i += len;
            }
        }
    }
    (!segs.is_empty()).then_some(segs)
}

/// Where the `]` closing the `[` at the start of `s` is (quotes and nested brackets skipped).
fn find_close(s: &str) -> Option<usize> {
    let mut depth = 0;
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' => quote = Some(c),
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            },
        }
    }
    None
}

impl Eval<'_, '_, '_> {
    /// The value of the variable path `segs`: the longest dotted name a local or the site
    /// defines, then walked. `None` for what Jekyll fills in and daybook does not model
    /// (`site.posts` when not given, `paginator`): it stays unresolved.
    pub(super) fn lookup_path(&self, segs: &[Seg], locals: &Locals) -> Option<LValue> {
        // `page[include.id]`: a key read from another variable is a key like any other, so
        // `page.gallery2` is found when `include.id` is `gallery2`.
        if segs.iter().any(|s| matches!(s, Seg::Expr(_))) {
            let mut resolved = Vec::with_capacity(segs.len());
            for seg in segs {
                resolved.push(match seg {
                    Seg::Expr(e) => match self.term(e, locals)? {
                        LValue::Num(n) => Seg::Index(n as i64),
                        other => Seg::Key(other.render()),
                    },
                    other => other.clone(),
                });
            }
            return self.lookup_path(&resolved, locals);
        }
        let keys = segs.iter().take_while(|s| matches!(s, Seg::Key(_))).count();
        let name = |n: usize| {
            segs[..n]
                .iter()
                .filter_map(|s| match s {
                    Seg::Key(k) => Some(k.as_str()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(".")
        };
        for n in (1..=keys).rev() {
            let key = name(n);
            if let Some(v) = locals.get(&key).or_else(|| self.env.vars.get(&key)) {
                let mut v = v.clone();
                for seg in &segs[n..] {
                    let seg = match seg {
                        Seg::Expr(e) => match self.term(e, locals)? {
                            LValue::Num(n) => Seg::Index(n as i64),
                            other => Seg::Key(other.render()),
                        },
                        other => other.clone(),
                    };
                    // A key `_data/` lacks may come from the theme's gem or a plugin: named
                    // as unknown, never guessed empty.
                    if key.starts_with("site.data")
                        && let (LValue::Map(_), Seg::Key(k)) = (&v, &seg)
                        && v.get(k).is_none()
                        && k != "size"
                    {
                        return None;
                    }
                    v = v.step(&seg);
                }
                return Some(v);
            }
        }
        let path = name(keys);
        if DYNAMIC
            .iter()
            .any(|d| path == *d || path.starts_with(&format!("{d}.")))
        {
            return None;
        }
        // Undefined variables are nil in Liquid.
        Some(LValue::Nil)
    }
}
