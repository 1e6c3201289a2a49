//! Liquid conditions parsed, not split: a condition is comparisons (`a`, `a == b`,
//! `a contains b`) joined by `and` and `or`, read with the expressions' lexer
//! ([`super::ast`]), where quoted strings are single tokens (an ` or ` or `==` inside
//! quotes is text). Liquid joins them from the right, without
//! precedence: `a and b or c` is `a and (b or c)`.

use super::ast::{Term, Token, lex, term_of};

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

/// One comparison, its operands parsed (a literal, a variable, a range).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Comparison {
    /// A value's truthiness.
    Truthy(Term),
    Compare(Term, Op, Term),
}

/// How a comparison joins the rest of the condition (to its right).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Join {
    And,
    Or,
}

/// A condition: comparisons, each but the last followed by how it joins what comes after.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Condition {
    pub first: Comparison,
    pub rest: Vec<(Join, Comparison)>,
}

fn op_of(token: Token<'_>) -> Option<Op> {
    let (Token::Op(token) | Token::Word(token)) = token else {
        return None;
    };
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
    let tokens = lex(s);
    let mut parts: Vec<(Option<Join>, Comparison)> = Vec::new();
    let mut i = 0;
    let mut join = None;
    while i < tokens.len() {
        let left = tokens[i];
        if op_of(left).is_some_and(|o| o != Op::Contains) {
            return None;
        }
        let comparison = match (tokens.get(i + 1).and_then(|t| op_of(*t)), tokens.get(i + 2)) {
            (Some(op), Some(right)) => {
                i += 3;
                Comparison::Compare(term_of(left)?, op, term_of(*right)?)
            }
            (Some(_), None) => return None,
            (None, _) => {
                i += 1;
                Comparison::Truthy(term_of(left)?)
            }
        };
        parts.push((join, comparison));
        join = match tokens.get(i) {
            Some(Token::Word("and")) => Some(Join::And),
            Some(Token::Word("or")) => Some(Join::Or),
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

    fn t(w: &str) -> Term {
        super::super::ast::term(w).unwrap()
    }

    fn cmp(a: &str, op: Op, b: &str) -> Comparison {
        Comparison::Compare(t(a), op, t(b))
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
                    rest: vec![(Join::Or, Comparison::Truthy(t("y")))],
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
                    rest: vec![(Join::Or, Comparison::Truthy(t("orange")))],
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
