//! Liquid's numbers as Ruby keeps them: integers and floats apart. `10 | divided_by: 4` is
//! `2` but `10 | divided_by: 4.0` is `2.5`; `3.0 | plus: 1` prints `4.0`; `round` gives an
//! integer; `modulo` takes the divisor's sign; a number written as a string (`"2.5"`) is
//! a float when it has a point.

use super::*;

/// A number and whether it is a float.
#[derive(Debug, Clone, Copy)]
pub(super) struct Number {
    pub value: f64,
    pub float: bool,
}

impl Number {
    /// The number a value stands for, as Liquid's `to_number` reads it (0 for what is none).
    pub fn of(v: &LValue) -> Number {
        match v {
            LValue::Num(n) => Number {
                value: *n,
                float: false,
            },
            LValue::Float(f) => Number {
                value: *f,
                float: true,
            },
            LValue::Str(s) => {
                let t = s.trim();
                Number {
                    value: t.parse().unwrap_or(0.0),
                    float: t.contains('.'),
                }
            }
            _ => Number {
                value: 0.0,
                float: false,
            },
        }
    }

    pub fn value(self) -> LValue {
        if self.float {
            LValue::Float(self.value)
        } else {
            LValue::Num(self.value)
        }
    }

    /// The result of an operation on `self` and `other`: a float when either is one, its
    /// value to 15 significant digits (Liquid computes in decimal: `0.1 | plus: 0.2` is 0.3).
    fn with(self, other: Number, value: f64) -> LValue {
        let float = self.float || other.float;
        let value = if float {
            format!("{value:.14e}").parse().unwrap_or(value)
        } else {
            value
        };
        Number { value, float }.value()
    }
}

/// A number written in Liquid (`3`, `-2`, `2.5`), with its kind.
pub(super) fn literal(t: &str) -> Option<LValue> {
    // Liquid's own number syntax: `-?\d+` or `-?\d[\d.]+` (`1e20`, `inf` are names).
    let digits = t.strip_prefix('-').unwrap_or(t);
    if !digits.starts_with(|c: char| c.is_ascii_digit())
        || !digits.chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        return None;
    }
    let n: f64 = t.parse().ok()?;
    Some(if t.contains('.') {
        LValue::Float(n)
    } else {
        LValue::Num(n)
    })
}

/// How Ruby prints a float: `4.0`, `2.5`, `1.0e+20`, `1.0e-05`.
pub(super) fn ruby_float(f: f64) -> String {
    if !f.is_finite() {
        return if f.is_nan() {
            "NaN".into()
        } else if f > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    let abs = f.abs();
    if abs != 0.0 && !(1e-4..1e16).contains(&abs) {
        let s = format!("{f:e}");
        let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let mantissa = if mantissa.contains('.') {
            mantissa.to_owned()
        } else {
            format!("{mantissa}.0")
        };
        let exp: i32 = exp.parse().unwrap_or(0);
        return format!(
            "{mantissa}e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        );
    }
    if f == f.trunc() {
        format!("{f:.1}")
    } else {
        format!("{f}")
    }
}

/// The arithmetic filters; `None` for another name (or a division by zero, which stops
/// Jekyll's build and stays unresolved here).
pub(super) fn arithmetic(name: &str, v: &LValue, args: &[LValue]) -> Option<Option<LValue>> {
    let a = Number::of(v);
    let b = args.first().map(Number::of);
    let arg = |default: f64| {
        b.unwrap_or(Number {
            value: default,
            float: false,
        })
    };
    Some(Some(match name {
        "plus" => a.with(arg(0.0), a.value + arg(0.0).value),
        "minus" => a.with(arg(0.0), a.value - arg(0.0).value),
        "times" => a.with(arg(1.0), a.value * arg(1.0).value),
        "divided_by" | "modulo" => {
            let d = arg(1.0);
            if d.value == 0.0 {
                return Some(None);
            }
            let q = a.value / d.value;
            if name == "divided_by" {
                a.with(d, if a.float || d.float { q } else { q.floor() })
            } else {
                a.with(d, a.value - d.value * q.floor())
            }
        }
        "abs" => Number {
            value: a.value.abs(),
            ..a
        }
        .value(),
        "round" => match b.map(|n| n.value as i32) {
            Some(digits) if digits > 0 => {
                let p = 10f64.powi(digits);
                LValue::Float((a.value * p).round() / p)
            }
            _ => LValue::Num(a.value.round()),
        },
        "floor" => LValue::Num(a.value.floor()),
        "ceil" => LValue::Num(a.value.ceil()),
        "at_least" | "at_most" => {
            let b = arg(0.0);
            let pick_b = if name == "at_least" {
                b.value > a.value
            } else {
                b.value < a.value
            };
            if pick_b { b.value() } else { a.value() }
        }
        _ => return None,
    }))
}
