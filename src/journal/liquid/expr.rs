//! Liquid expressions: conditions, values with their filters, variable lookups.

use super::ast::{self, Term};
use super::*;

impl Eval<'_, '_, '_> {
    /// `a == b`, `a contains b`, `a and b`, `a or b`, truthiness; `None` when unknown.
    /// Joined from the right as Liquid joins them (`a and b or c` is `a and (b or c)`), in
    /// a loop, so a condition of 50,000 `or`s is no deeper than one of two.
    pub(super) fn condition(&self, cond: &str, locals: &Locals) -> Option<bool> {
        let parsed = cond::parse(cond)?;
        let mut comparisons = vec![&parsed.first];
        comparisons.extend(parsed.rest.iter().map(|(_, c)| c));
        let mut result = self.comparison(comparisons.last()?, locals);
        for (k, (join, _)) in parsed.rest.iter().enumerate().rev() {
            let left = self.comparison(comparisons[k], locals);
            result = match join {
                cond::Join::And => match (left, result) {
                    (Some(false), _) | (_, Some(false)) => Some(false),
                    (Some(true), Some(true)) => Some(true),
                    _ => None,
                },
                cond::Join::Or => match (left, result) {
                    (Some(true), _) | (_, Some(true)) => Some(true),
                    (Some(false), Some(false)) => Some(false),
                    _ => None,
                },
            };
        }
        result
    }

    /// One comparison (`a == b`, `a contains b`) or a value's truthiness.
    fn comparison(&self, c: &cond::Comparison, locals: &Locals) -> Option<bool> {
        use cond::Op;
        let (a, op, b) = match c {
            cond::Comparison::Truthy(t) => return Some(self.eval(t, locals)?.truthy()),
            cond::Comparison::Compare(a, op, b) => (a, *op, b),
        };
        // `x == empty` asks Ruby's `empty?`: true for "", [] and {}, never for nil;
        // `x == blank` asks `blank?`, which Jekyll's objects do not answer: false.
        if matches!(op, Op::Eq | Op::Ne) && matches!(b, Term::Empty | Term::Blank) {
            let v = self.eval(a, locals)?;
            let empty = *b == Term::Empty
                && matches!(&v, LValue::Str(_) | LValue::List(_) | LValue::Map(_))
                && v.is_empty_value();
            return Some(empty == (op == Op::Eq));
        }
        let a = self.eval(a, locals)?;
        let b = self.eval(b, locals)?;
        Some(match op {
            Op::Eq => loose_eq(&a, &b),
            Op::Ne => !loose_eq(&a, &b),
            Op::Contains => match &a {
                LValue::Str(s) => s.contains(&b.render()),
                LValue::List(items) => items.iter().any(|i| loose_eq(i, &b)),
                _ => false,
            },
            cmp => {
                let (x, y) = (a.as_num()?, b.as_num()?);
                match cmp {
                    Op::Ge => x >= y,
                    Op::Le => x <= y,
                    Op::Gt => x > y,
                    _ => x < y,
                }
            }
        })
    }

    /// `value | filter: a, b | filter`, parsed ([`ast::expr`]); `None` when it cannot be
    /// evaluated.
    pub(super) fn expression(&self, expr: &str, locals: &Locals) -> Option<LValue> {
        let parsed = ast::expr(expr)?;
        let mut value = self.eval(&parsed.head, locals)?;
        for filter in &parsed.filters {
            let args = filter
                .args
                .iter()
                .map(|a| self.eval(a, locals))
                .collect::<Option<Vec<_>>>()?;
            value = self.filter(&filter.name, value, &args, locals)?;
        }
        Some(value)
    }

    /// The value of one term written as `t` (a quoted string, a literal, a variable, a
    /// range).
    pub(super) fn term(&self, t: &str, locals: &Locals) -> Option<LValue> {
        self.eval(&ast::term(t)?, locals)
    }

    /// The value of a parsed term.
    pub(super) fn eval(&self, t: &Term, locals: &Locals) -> Option<LValue> {
        match t {
            Term::Value(v) => Some(v.clone()),
            Term::Empty | Term::Blank => Some(LValue::Str(String::new())),
            // A range `(1..n)`, as a list.
            Term::Range(a, b) => {
                let a = self.eval(a, locals)?.as_num()? as i64;
                let b = self.eval(b, locals)?.as_num()? as i64;
                let n = (b - a + 1).clamp(0, MAX_LOOP as i64);
                Some(LValue::List(
                    (0..n).map(|i| LValue::Num((a + i) as f64)).collect(),
                ))
            }
            Term::Var(path) => self.lookup_path(&parse_path(path)?, locals),
        }
    }

    pub(super) fn filter(
        &self,
        name: &str,
        v: LValue,
        args: &[LValue],
        locals: &Locals,
    ) -> Option<LValue> {
        let arg = |i: usize| args.get(i).map(LValue::render).unwrap_or_default();
        let s = || v.render();
        let num = |x: &LValue| x.as_num().unwrap_or(0.0);
        Some(match name {
            "relative_url" => LValue::Str(relative_url(self.env.baseurl, &s())),
            "absolute_url" => LValue::Str(absolute_url(self.env.url, self.env.baseurl, &s())),
            "prepend" => LValue::Str(format!("{}{}", arg(0), s())),
            "append" => LValue::Str(format!("{}{}", s(), arg(0))),
            "replace" => LValue::Str(s().replace(&arg(0), &arg(1))),
            "replace_first" => LValue::Str(s().replacen(&arg(0), &arg(1), 1)),
            "remove" => LValue::Str(s().replace(&arg(0), "")),
            "remove_first" => LValue::Str(s().replacen(&arg(0), "", 1)),
            "default" => {
                if !v.is_empty_value() {
                    v
                } else {
                    args.first().cloned().unwrap_or(LValue::Nil)
                }
            }
            "escape" | "xml_escape" => LValue::Str(escape_html(&s())),
            "upcase" => LValue::Str(s().to_uppercase()),
            "downcase" => LValue::Str(s().to_lowercase()),
            "capitalize" => {
                let t = s();
                let mut c = t.chars();
                LValue::Str(match c.next() {
                    Some(f) => f
                        .to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect(),
                    None => String::new(),
                })
            }
            "strip" => LValue::Str(s().trim().to_owned()),
            "lstrip" => LValue::Str(s().trim_start().to_owned()),
            "rstrip" => LValue::Str(s().trim_end().to_owned()),
            "strip_newlines" => LValue::Str(s().replace(['\n', '\r'], "")),
            "newline_to_br" => LValue::Str(s().replace('\n', "<br />\n")),
            "strip_html" => LValue::Str(strip_tags(&s())),
            "url_encode" | "cgi_escape" => LValue::Str(form_encode(&s())),
            "uri_escape" => LValue::Str(encode_path(&s())),
            "url_decode" => LValue::Str(crate::journal::permalink::percent_decode(
                &s().replace('+', " "),
            )),
            "slugify" => LValue::Str(slugify_mode(
                &s(),
                args.first().map(LValue::render).as_deref(),
            )),
            "size" => LValue::Num(match &v {
                LValue::List(i) => i.len() as f64,
                other => other.render().chars().count() as f64,
            }),
            "first" => v.items().first().cloned().unwrap_or(LValue::Nil),
            "last" => v.items().last().cloned().unwrap_or(LValue::Nil),
            "join" => LValue::Str(
                v.items()
                    .iter()
                    .map(LValue::render)
                    .collect::<Vec<_>>()
                    .join(&if args.is_empty() {
                        " ".to_owned()
                    } else {
                        arg(0)
                    }),
            ),
            "split" => LValue::List(
                s().split(&arg(0))
                    .map(|p| LValue::Str(p.to_owned()))
                    .collect(),
            ),
            "array_to_sentence_string" => {
                let items: Vec<String> = v.items().iter().map(LValue::render).collect();
                LValue::Str(match items.len() {
                    0 => String::new(),
                    1 => items[0].clone(),
                    2 => format!("{} and {}", items[0], items[1]),
                    n => format!("{}, and {}", items[..n - 1].join(", "), items[n - 1]),
                })
            }
            "number_of_words" => LValue::Num(s().split_whitespace().count() as f64),
            "truncate" => {
                let n = args.first().map_or(50.0, num) as usize;
                let t = s();
                if t.chars().count() <= n {
                    LValue::Str(t)
                } else {
                    let keep: String = t.chars().take(n.saturating_sub(3)).collect();
                    LValue::Str(format!("{keep}..."))
                }
            }
            "truncatewords" => {
                let n = args.first().map_or(15.0, num) as usize;
                let t = s();
                let words: Vec<&str> = t.split_whitespace().collect();
                if words.len() <= n {
                    LValue::Str(t)
                } else {
                    LValue::Str(format!("{}...", words[..n].join(" ")))
                }
            }
            "reverse" => {
                let mut items = v.items();
                items.reverse();
                LValue::List(items)
            }
            "date" => LValue::Str(format_date(&s(), &arg(0))?),
            "date_to_string" => LValue::Str(format_date(&s(), "%d %b %Y")?),
            "date_to_long_string" => LValue::Str(format_date(&s(), "%d %B %Y")?),
            "date_to_xmlschema" => LValue::Str(format_date(&s(), "%Y-%m-%dT%H:%M:%S%:z")?),
            "jsonify" => LValue::Str(serde_json::to_string(&v.to_json()).ok()?),
            _ => match numbers::arithmetic(name, &v, args) {
                Some(result) => result?,
                None => return self.list_filter(name, v, args, locals),
            },
        })
    }
}
