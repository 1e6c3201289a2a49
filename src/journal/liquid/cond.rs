//! Liquid conditions parsed, not split: a condition is comparisons (`a`, `a == b`,
//! `a contains b`) joined by `and` and `or`, where quoted strings are single tokens (an
//! ` or ` or `==` inside quotes is text). Liquid joins them from the right, without
//! precedence: `a and b or c` is `a and (b or c)`.

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Contains,
}

/// One comparison, its operands as written (a literal, a variable, a range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Comparison {
    /// A value's truthiness.
    Truthy(String),
    Compare(String, Op, String),
}

/// How a comparison joins the rest of the condition (to its right).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Join {
    And,
    Or,
}

/// A condition: comparisons, each but the last followed by how it joins what comes after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Condition {
    pub first: Comparison,
    pub rest: Vec<(Join, Comparison)>,
}

/// The condition's tokens: quoted strings whole, operators, words (`a.b[0]`, `(1..3)`).
fn tokens(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c == b'"' || c == b'\'' {
            i += 1;
            while i < b.len() && b[i] != c {
                i += 1;
            }
            i = (i + 1).min(b.len());
        } else if matches!(c, b'=' | b'!' | b'<' | b'>') {
            i += 1;
            if i < b.len() && matches!(b[i], b'=' | b'>') {
                i += 1;
            }
        } else {
            // A word runs to a space or operator; quotes and brackets inside it (`a["b c"]`,
            // `(1..n)`) stay part of it.
            let mut depth = 0i32;
            let mut quote = None;
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
                                || matches!(d, b'=' | b'!' | b'<' | b'>' | b'"' | b'\'')) =>
                        {
                            break;
                        }
                        _ => {}
                    },
                }
                i += 1;
            }
        }
        out.push(&s[start..i]);
    }
    out
}

fn op_of(token: &str) -> Option<Op> {
    Some(match token {
        "==" => Op::Eq,
        "!=" | "<>" => Op::Ne,
        "<" => Op::Lt,
        "<=" => Op::Le,
        ">" => Op::Gt,
        ">=" => Op::Ge,
        "contains" => Op::Contains,
        _ => return None,
    })
}

/// Parse a condition; `None` when it is no condition Liquid reads (an operator without an
/// operand).
pub(super) fn parse(s: &str) -> Option<Condition> {
    let tokens = tokens(s);
    let mut parts: Vec<(Option<Join>, Comparison)> = Vec::new();
    let mut i = 0;
    let mut join = None;
    while i < tokens.len() {
        let left = tokens[i];
        if op_of(left).is_some_and(|o| o != Op::Contains) {
            return None;
        }
        let comparison = match (tokens.get(i + 1).and_then(|t| op_of(t)), tokens.get(i + 2)) {
            (Some(op), Some(right)) => {
                i += 3;
                Comparison::Compare(left.to_owned(), op, (*right).to_owned())
            }
            (Some(_), None) => return None,
            (None, _) => {
                i += 1;
                Comparison::Truthy(left.to_owned())
            }
        };
        parts.push((join, comparison));
        join = match tokens.get(i).copied() {
            Some("and") => Some(Join::And),
            Some("or") => Some(Join::Or),
            // Anything else after a comparison ends the condition (Liquid ignores it).
            _ => break,
        };
        i += 1;
    }
    let mut parts = parts.into_iter();
    let (_, first) = parts.next()?;
    let rest = parts
        .filter_map(|(j, c)| j.map(|j| (j, c)))
        .collect::<Vec<_>>();
    Some(Condition { first, rest })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp(a: &str, op: Op, b: &str) -> Comparison {
        Comparison::Compare(a.into(), op, b.into())
    }

    #[test]
    fn quoted_strings_are_one_operand_whatever_they_hold() {
        let cases: Vec<(&str, Condition)> = vec![
            (
                "page.title == \"a or b\"",
                Condition {
                    first: cmp("page.title", Op::Eq, "\"a or b\""),
                    rest: vec![],
                },
            ),
            (
                "x contains 'and' or y",
                Condition {
                    first: cmp("x", Op::Contains, "'and'"),
                    rest: vec![(Join::Or, Comparison::Truthy("y".into()))],
                },
            ),
            (
                "a != \"==\" and b<=2",
                Condition {
                    first: cmp("a", Op::Ne, "\"==\""),
                    rest: vec![(Join::And, cmp("b", Op::Le, "2"))],
                },
            ),
            (
                "site.data[\"a b\"].size > 0",
                Condition {
                    first: cmp("site.data[\"a b\"].size", Op::Gt, "0"),
                    rest: vec![],
                },
            ),
            (
                "item.tags contains tag",
                Condition {
                    first: cmp("item.tags", Op::Contains, "tag"),
                    rest: vec![],
                },
            ),
            (
                "x <> 'a' or orange",
                Condition {
                    first: cmp("x", Op::Ne, "'a'"),
                    rest: vec![(Join::Or, Comparison::Truthy("orange".into()))],
                },
            ),
        ];
        for (text, want) in cases {
            assert_eq!(parse(text), Some(want), "{text}");
        }
        assert_eq!(parse("a =="), None);
        assert_eq!(parse("== a"), None);
    }
}
