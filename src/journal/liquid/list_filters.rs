//! The filters over lists and hashes, and the rest of Jekyll's list, with Jekyll 4.3's results
//! on the edge cases: `where`, `where_exp`, `find`, `find_exp`, `group_by`, `group_by_exp`,
//! `map`, `sort` (nils first, as Jekyll sorts), `sort_natural`, `uniq`, `compact`, `concat`,
//! `slice`, `push`/`pop`/`shift`/`unshift`, `sample`, `at_least`/`at_most`, `to_integer`,
//! `inspect`, `normalize_whitespace`, `escape_once`, `date_to_rfc822`, `markdownify`,
//! `smartify`.

use std::cmp::Ordering;

use super::*;

/// A property of an item as Jekyll's filters read it (`a.b` walks hashes).
fn property(item: &LValue, prop: &str) -> LValue {
    if let Some(v) = item.get(prop) {
        return v.clone();
    }
    let mut v = item.clone();
    for key in prop.split('.') {
        v = v.get(key).cloned().unwrap_or(LValue::Nil);
    }
    v
}

/// Jekyll's `compare_property_vs_target`: a nil target matches nil; else the property as a
/// string, or any item of it when it is a list, equals the target as a string.
fn matches_target(prop: &LValue, target: &LValue) -> bool {
    match (prop, target) {
        (p, LValue::Nil) => *p == LValue::Nil,
        (LValue::Str(s), t) => *s == t.render(),
        (LValue::List(items), t) => items.iter().any(|i| i.render() == t.render()),
        (LValue::Nil, _) => false,
        (p, t) => p.render() == t.render(),
    }
}

/// How Ruby orders two values: numbers by value, strings by bytes, numbers before strings.
fn compare(a: &LValue, b: &LValue) -> Ordering {
    match (a, b) {
        (LValue::Num(x) | LValue::Float(x), LValue::Num(y) | LValue::Float(y)) => {
            x.partial_cmp(y).unwrap_or(Ordering::Equal)
        }
        (LValue::Num(_) | LValue::Float(_), _) => Ordering::Less,
        (_, LValue::Num(_) | LValue::Float(_)) => Ordering::Greater,
        (x, y) => x.render().cmp(&y.render()),
    }
}

/// Order with nils first (Jekyll's default) or last.
fn compare_nils(a: &LValue, b: &LValue, nils_last: bool) -> Ordering {
    match (a == &LValue::Nil, b == &LValue::Nil) {
        (true, true) => Ordering::Equal,
        (true, false) if nils_last => Ordering::Greater,
        (true, false) => Ordering::Less,
        (false, true) if nils_last => Ordering::Less,
        (false, true) => Ordering::Greater,
        _ => compare(a, b),
    }
}

impl Eval<'_, '_, '_> {
    /// `items` that make `cond` true with each bound to `var` (`where_exp`, `find_exp`).
    fn select_exp(
        &self,
        items: Vec<LValue>,
        var: &str,
        cond: &str,
        locals: &Locals,
    ) -> Vec<LValue> {
        let mut scope = locals.clone();
        let mut out = Vec::new();
        for item in items {
            scope.insert(var.to_owned(), item.clone());
            // A comparison Ruby cannot make (`nil > 2018`) is false.
            if self.condition(cond, &scope).unwrap_or(false) {
                out.push(item);
            }
        }
        out
    }

    /// The filters of this file; `None` for a filter it does not know (or cannot evaluate).
    pub(super) fn list_filter(
        &self,
        name: &str,
        v: LValue,
        args: &[LValue],
        locals: &Locals,
    ) -> Option<LValue> {
        let arg = |i: usize| args.get(i).map(LValue::render).unwrap_or_default();
        // Jekyll's filters (`where`, `find`, `group_by`…) read a hash as its values;
        // Liquid's own (`map`, `sort`, `uniq`…) as a list of that one hash.
        let jekyll = matches!(
            name,
            "where" | "where_exp" | "find" | "find_exp" | "group_by" | "group_by_exp"
        );
        let items = || match &v {
            LValue::Map(pairs) if jekyll => pairs.iter().map(|(_, v)| v.clone()).collect(),
            LValue::Map(_) => vec![v.clone()],
            other => other.items(),
        };
        let num = |x: &LValue| x.as_num().unwrap_or(0.0);
        Some(match name {
            "where" => {
                let target = args.get(1).cloned().unwrap_or(LValue::Nil);
                if matches!(target, LValue::List(_) | LValue::Map(_)) || args.is_empty() {
                    return Some(v);
                }
                LValue::List(
                    items()
                        .into_iter()
                        .filter(|i| matches_target(&property(i, &arg(0)), &target))
                        .collect(),
                )
            }
            "where_exp" => LValue::List(self.select_exp(items(), &arg(0), &arg(1), locals)),
            "find" => {
                let target = args.get(1).cloned().unwrap_or(LValue::Nil);
                items()
                    .into_iter()
                    .find(|i| matches_target(&property(i, &arg(0)), &target))
                    .unwrap_or(LValue::Nil)
            }
            "find_exp" => self
                .select_exp(items(), &arg(0), &arg(1), locals)
                .into_iter()
                .next()
                .unwrap_or(LValue::Nil),
            "group_by" | "group_by_exp" => {
                let mut groups: Vec<(String, Vec<LValue>)> = Vec::new();
                let mut scope = locals.clone();
                for item in items() {
                    let key = if name == "group_by" {
                        property(&item, &arg(0)).render()
                    } else {
                        scope.insert(arg(0), item.clone());
                        self.expression(&arg(1), &scope)?.render()
                    };
                    match groups.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, list)) => list.push(item),
                        None => groups.push((key, vec![item])),
                    }
                }
                LValue::List(
                    groups
                        .into_iter()
                        .map(|(k, list)| {
                            let size = LValue::Num(list.len() as f64);
                            LValue::Map(vec![
                                ("name".into(), LValue::Str(k)),
                                ("items".into(), LValue::List(list)),
                                ("size".into(), size),
                            ])
                        })
                        .collect(),
                )
            }
            "map" => LValue::List(
                items()
                    .iter()
                    .flat_map(|i| match i {
                        LValue::List(inner) => inner.clone(),
                        other => vec![other.clone()],
                    })
                    .map(|i| property(&i, &arg(0)))
                    .collect(),
            ),
            "sort" | "sort_natural" => {
                let mut list = items();
                let prop = args.first().map(LValue::render);
                let nils_last = arg(1) == "last";
                let key = |i: &LValue| {
                    let k = match &prop {
                        Some(p) => property(i, p),
                        None => i.clone(),
                    };
                    match (&k, name) {
                        (LValue::Str(s), "sort_natural") => LValue::Str(s.to_lowercase()),
                        _ => k,
                    }
                };
                list.sort_by(|a, b| compare_nils(&key(a), &key(b), nils_last));
                LValue::List(list)
            }
            "uniq" => {
                let mut seen: Vec<LValue> = Vec::new();
                let mut out = Vec::new();
                for i in items() {
                    let key = match args.first() {
                        Some(p) => property(&i, &p.render()),
                        None => i.clone(),
                    };
                    if !seen.contains(&key) {
                        seen.push(key);
                        out.push(i);
                    }
                }
                LValue::List(out)
            }
            "compact" => LValue::List(
                items()
                    .into_iter()
                    .filter(|i| match args.first() {
                        Some(p) => property(i, &p.render()) != LValue::Nil,
                        None => *i != LValue::Nil,
                    })
                    .collect(),
            ),
            "concat" => {
                let mut list = items();
                list.extend(args.first()?.items());
                LValue::List(list)
            }
            // Jekyll's array filters give back what is not an array as it is.
            "push" | "unshift" | "pop" | "shift" if !matches!(v, LValue::List(_)) => v,
            "push" => {
                let mut list = items();
                list.push(args.first().cloned().unwrap_or(LValue::Nil));
                LValue::List(list)
            }
            "unshift" => {
                let mut list = items();
                list.insert(0, args.first().cloned().unwrap_or(LValue::Nil));
                LValue::List(list)
            }
            "pop" | "shift" => {
                let mut list = items();
                let n = args.first().map_or(1, |n| num(n).max(0.0) as usize);
                let n = n.min(list.len());
                if name == "pop" {
                    list.truncate(list.len() - n);
                } else {
                    list.drain(..n);
                }
                LValue::List(list)
            }
            // A random item: the first, so the preview does not flicker.
            "sample" => items().into_iter().next().unwrap_or(LValue::Nil),
            "slice" => {
                let offset = args.first().map_or(0.0, num) as i64;
                let length = args.get(1).map_or(1.0, num).max(0.0) as usize;
                let slice = |len: usize| {
                    let start = if offset < 0 {
                        len as i64 + offset
                    } else {
                        offset
                    };
                    usize::try_from(start)
                        .ok()
                        .filter(|s| *s <= len)
                        .map(|s| s..(s + length).min(len))
                };
                match &v {
                    LValue::List(list) => match slice(list.len()) {
                        Some(r) => LValue::List(list[r].to_vec()),
                        None => LValue::Nil,
                    },
                    other => {
                        let chars: Vec<char> = other.render().chars().collect();
                        match slice(chars.len()) {
                            Some(r) => LValue::Str(chars[r].iter().collect()),
                            None => LValue::Nil,
                        }
                    }
                }
            }
            "to_integer" => LValue::Num(match &v {
                LValue::Bool(b) => f64::from(u8::from(*b)),
                other => num(other).trunc(),
            }),
            "inspect" => LValue::Str(v.inspect()),
            "normalize_whitespace" => {
                LValue::Str(v.render().split_whitespace().collect::<Vec<_>>().join(" "))
            }
            "escape_once" => LValue::Str(escape_once(&v.render())),
            "date_to_rfc822" => LValue::Str(format_date(&v.render(), "%a, %d %b %Y %H:%M:%S %z")?),
            "markdownify" => {
                let text = v.render();
                if text.contains(UNRESOLVED_OPEN) {
                    return None;
                }
                LValue::Str(markdownify(&text, self.env.kramdown))
            }
            "smartify" => {
                let html = markdownify(&v.render(), self.env.kramdown);
                let inner = html.trim_end();
                let inner = inner
                    .strip_prefix("<p>")
                    .and_then(|i| i.strip_suffix("</p>"))
                    .unwrap_or(inner);
                LValue::Str(inner.to_owned())
            }
            _ => return None,
        })
    }
}

/// Markdown to HTML as kramdown converts it (Jekyll's `markdownify`).
fn markdownify(text: &str, options: crate::journal::kramdown::Options) -> String {
    let doc = crate::journal::kramdown::parse_with(
        text,
        &crate::journal::srcmap::SourceMap::identity(),
        Vec::new(),
        0,
        options,
    );
    crate::journal::kramdown::html::to_html(&doc)
}

/// HTML-escape `s` but leave entities already written (`&amp;`, `&#44;`) alone.
fn escape_once(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == '&' {
            let rest = &s[i + 1..];
            let entity = rest.find(';').is_some_and(|e| {
                let name = &rest[..e];
                !name.is_empty()
                    && e <= 10
                    && (name.chars().all(|c| c.is_ascii_alphanumeric())
                        || name
                            .strip_prefix('#')
                            .is_some_and(|n| n.chars().all(|c| c.is_ascii_hexdigit() || c == 'x')))
            });
            out.push_str(if entity { "&" } else { "&amp;" });
            continue;
        }
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
