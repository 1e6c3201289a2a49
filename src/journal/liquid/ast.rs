//! Liquid expressions parsed into a small tree, not split as strings: literals, variables
//! (`page.tags[0]`, `site.data["a b"]`), ranges, and values with their filters and the
//! filters' arguments. One lexer reads them, for conditions too ([`super::cond`]): a quoted
//! string is one token whatever it holds, so a `|`, `:`, `,`, `==` or ` or ` inside quotes is
//! text, as Liquid reads it.

use super::numbers;
use super::values::LValue;

/// A token of an expression or a condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// A quoted string, without its quotes (one left open runs to the end).
    Str(&'a str),
    /// A comparison operator: `==`, `!=`, `<>`, `<`, `<=`, `>`, `>=`.
    Op(&'a str),
    Pipe,
    Colon,
    Comma,
    /// Anything else: a variable, a number, a keyword (`and`, `contains`, `empty`), a range
    /// `(1..n)`. Brackets and parentheses keep what they hold, quotes included.
    Word(&'a str),
}

/// The tokens of `s`.
pub(super) fn lex(s: &str) -> Vec<Token<'_>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let start = i;
        match c {
            _ if c.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            b'"' | b'\'' => {
                let end = s[i + 1..].find(c as char).map_or(b.len(), |k| i + 1 + k);
                out.push(Token::Str(&s[i + 1..end]));
                i = (end + 1).min(b.len());
                continue;
            }
            b'|' | b':' | b',' => {
                out.push(match c {
                    b'|' => Token::Pipe,
                    b':' => Token::Colon,
                    _ => Token::Comma,
                });
                i += 1;
                continue;
            }
            b'=' | b'!' | b'<' | b'>' => {
                i += 1;
                if i < b.len() && matches!(b[i], b'=' | b'>') {
                    i += 1;
                }
                out.push(Token::Op(&s[start..i]));
                continue;
            }
            _ => {}
        }
        let (mut depth, mut quote) = (0i32, None);
        while i < b.len() {
            let d = b[i];
            match quote {
                Some(q) if d == q => quote = None,
                Some(_) => {}
                None => match d {
                    b'"' | b'\'' if depth > 0 => quote = Some(d),
                    b'[' | b'(' => depth += 1,
                    b']' | b')' => depth -= 1,
                    _ if depth <= 0
                        && (d.is_ascii_whitespace()
                            || matches!(
                                d,
                                b'=' | b'!' | b'<' | b'>' | b'"' | b'\'' | b'|' | b':' | b','
                            )) =>
                    {
                        break;
                    }
                    _ => {}
                },
            }
            i += 1;
        }
        out.push(Token::Word(&s[start..i]));
    }
    out
}

/// A value as written.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Term {
    /// A literal: a string, a number, `true`, `false`, `nil`.
    Value(LValue),
    /// `empty` and `blank`: the empty string as a value, Ruby's `empty?` and `blank?` when
    /// compared to.
    Empty,
    Blank,
    /// `(a..b)`: the numbers from `a` to `b`.
    Range(Box<Term>, Box<Term>),
    /// A variable with its path, as written (`page.tags[0]`).
    Var(String),
}

/// One filter with its arguments.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Filter {
    pub name: String,
    pub args: Vec<Term>,
}

/// A value and the filters it goes through, in order.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Expr {
    pub head: Term,
    pub filters: Vec<Filter>,
}

/// The term a token stands for; `None` for an operator or punctuation.
pub(super) fn term_of(token: Token<'_>) -> Option<Term> {
    match token {
        Token::Str(s) => Some(Term::Value(LValue::Str(s.to_owned()))),
        Token::Word(w) => word(w),
        _ => None,
    }
}

/// The term one word stands for.
pub(super) fn word(w: &str) -> Option<Term> {
    Some(match w {
        "" => return None,
        "true" => Term::Value(LValue::Bool(true)),
        "false" => Term::Value(LValue::Bool(false)),
        "nil" | "null" => Term::Value(LValue::Nil),
        "empty" => Term::Empty,
        "blank" => Term::Blank,
        _ => {
            if let Some(n) = numbers::literal(w) {
                return Some(Term::Value(n));
            }
            if let Some(inner) = w.strip_prefix('(').and_then(|r| r.strip_suffix(')'))
                && let Some((a, b)) = inner.split_once("..")
            {
                return Some(Term::Range(
                    Box::new(term(a.trim())?),
                    Box::new(term(b.trim())?),
                ));
            }
            Term::Var(w.to_owned())
        }
    })
}

/// The term `t` stands for when it is one token (a quoted string or a word).
pub(super) fn term(t: &str) -> Option<Term> {
    match lex(t).as_slice() {
        [one] => term_of(*one),
        _ => None,
    }
}

/// Parse `value | filter: a, b | filter`; `None` when it is not one (a filter without a
/// name, an argument missing, keyword arguments, which daybook does not evaluate).
pub(super) fn expr(s: &str) -> Option<Expr> {
    let tokens = lex(s);
    let mut it = tokens.iter().copied().peekable();
    let head = term_of(it.next()?)?;
    let mut filters = Vec::new();
    while let Some(token) = it.next() {
        if token != Token::Pipe {
            return None;
        }
        let Some(Token::Word(name)) = it.next() else {
            return None;
        };
        let mut args = Vec::new();
        if it.next_if_eq(&Token::Colon).is_some() {
            loop {
                let arg = it.next()?;
                if it.peek() == Some(&Token::Colon) {
                    return None;
                }
                args.push(term_of(arg)?);
                if it.next_if_eq(&Token::Comma).is_none() {
                    break;
                }
            }
        }
        filters.push(Filter {
            name: name.to_owned(),
            args,
        });
    }
    Some(Expr { head, filters })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Term {
        Term::Value(LValue::Str(v.to_owned()))
    }

    fn var(v: &str) -> Term {
        Term::Var(v.to_owned())
    }

    fn f(name: &str, args: Vec<Term>) -> Filter {
        Filter {
            name: name.to_owned(),
            args,
        }
    }

    #[test]
    fn quoted_text_stays_text_whatever_it_holds() {
        // (expression, the value, its filters)
        let table: Vec<(&str, Term, Vec<Filter>)> = vec![
            (
                "\"a | b\" | append: \"x, y\"",
                s("a | b"),
                vec![f("append", vec![s("x, y")])],
            ),
            (
                "page.title | default: 'Untitled: draft' | upcase",
                var("page.title"),
                vec![
                    f("default", vec![s("Untitled: draft")]),
                    f("upcase", vec![]),
                ],
            ),
            (
                "x | replace: \"|\", ':'",
                var("x"),
                vec![f("replace", vec![s("|"), s(":")])],
            ),
            (
                "site.data[\"a | b\"].size",
                var("site.data[\"a | b\"].size"),
                vec![],
            ),
            ("'a or b'", s("a or b"), vec![]),
            (
                "(1..page.n) | join: \",\"",
                Term::Range(
                    Box::new(Term::Value(LValue::Num(1.0))),
                    Box::new(var("page.n")),
                ),
                vec![f("join", vec![s(",")])],
            ),
            (
                "include.image|relative_url|prepend:site.url",
                var("include.image"),
                vec![
                    f("relative_url", vec![]),
                    f("prepend", vec![var("site.url")]),
                ],
            ),
            ("empty", Term::Empty, vec![]),
            (
                "-2.5 | plus: 1",
                Term::Value(LValue::Float(-2.5)),
                vec![f("plus", vec![Term::Value(LValue::Num(1.0))])],
            ),
        ];
        for (text, head, filters) in table {
            assert_eq!(expr(text), Some(Expr { head, filters }), "{text}");
        }
        // Not expressions daybook evaluates: no filter name, an argument missing, keyword
        // arguments, two values.
        for text in [
            "a |",
            "a | : b",
            "a | f: ",
            "a | f: b,",
            "a | truncate: 5, ellipsis: '…'",
            "a b",
            "",
        ] {
            assert_eq!(expr(text), None, "{text}");
        }
    }
}
