//! YAML scalars as Jekyll (Ruby's Psych, YAML 1.1) reads them, and as we write them.
//!
//! Owns two directions: interpreting a plain (unquoted) scalar the way Jekyll will
//! (`yes`/`no`/`on`/`off` are booleans, `~` is null), and rendering a string the user
//! typed so that YAML reads back exactly that string — plain when that is safe,
//! otherwise double-quoted with escapes. Pure: no IO.

/// How a scalar value is written in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quoting {
    Plain,
    Single,
    Double,
}

/// The YAML 1.1 boolean a plain scalar stands for, if any.
pub fn yaml11_bool(plain: &str) -> Option<bool> {
    match plain {
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            Some(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            Some(false)
        }
        _ => None,
    }
}

/// Whether a plain scalar is YAML 1.1 null.
pub fn yaml11_null(plain: &str) -> bool {
    matches!(plain, "" | "~" | "null" | "Null" | "NULL")
}

/// Whether a plain scalar would be read as a number (int, float, sexagesimal, inf, nan).
fn looks_numeric(s: &str) -> bool {
    let t = s.strip_prefix(['+', '-']).unwrap_or(s);
    if t.is_empty() {
        return false;
    }
    if matches!(t, ".inf" | ".Inf" | ".INF" | ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    if let Some(hex) = t.strip_prefix("0x") {
        return !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit() || c == '_');
    }
    if let Some(bin) = t.strip_prefix("0b") {
        return !bin.is_empty() && bin.chars().all(|c| matches!(c, '0' | '1' | '_'));
    }
    let first = t.chars().next().unwrap_or(' ');
    (first.is_ascii_digit() || first == '.')
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '_' | ':' | 'e' | 'E' | '+' | '-'))
}

/// Whether a plain scalar would be read as a YAML timestamp (`2016-11-03`, `2016-11-03 13:00`…).
fn looks_like_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 8
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b.iter()
            .all(|c| c.is_ascii_digit() || b"-:. TtZz+".contains(c))
}

/// Whether `s` can be written as a plain scalar in block context and read back as the same
/// string by a YAML 1.1 reader.
pub fn plain_is_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace) {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') || s.contains('\t') {
        return false;
    }
    if s.chars().any(|c| c.is_control() || c == '\u{feff}') {
        return false;
    }
    if s == "---" || s == "..." {
        return false;
    }
    !(yaml11_bool(s).is_some() || yaml11_null(s) || looks_numeric(s) || looks_like_timestamp(s))
}

/// Like [`plain_is_safe`], for an item of a flow sequence (`[a, b]`), where `,[]{}` also end
/// a plain scalar.
pub fn flow_plain_is_safe(s: &str) -> bool {
    plain_is_safe(s) && !s.contains([',', '[', ']', '{', '}'])
}

/// `s` as a double-quoted YAML scalar.
pub fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{feff}' => out.push_str("\\uFEFF"),
            c if c.is_control() => out.push_str(&format!("\\x{:02X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` as a single-quoted YAML scalar, or `None` when single quotes cannot hold it.
pub fn single_quoted(s: &str) -> Option<String> {
    if s.chars().any(|c| c.is_control()) {
        return None;
    }
    Some(format!("'{}'", s.replace('\'', "''")))
}

/// Render `s` so YAML reads back exactly `s`, preferring `style` (the style the value had
/// before) and falling back to double quotes.
pub fn render_string(s: &str, style: Quoting) -> String {
    match style {
        Quoting::Plain if plain_is_safe(s) => s.to_owned(),
        Quoting::Single => single_quoted(s).unwrap_or_else(|| double_quoted(s)),
        _ => double_quoted(s),
    }
}

/// Render `s` as an item of a flow sequence.
pub fn render_flow_item(s: &str) -> String {
    if flow_plain_is_safe(s) {
        s.to_owned()
    } else {
        double_quoted(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_safety_table() {
        let cases = [
            ("post", true),
            ("QCon 2016 첫 날 이야기", true),
            ("a: b", false),
            ("a #b", false),
            ("a#b", true),
            ("#tag", false),
            ("yes", false),
            ("No", false),
            ("off", false),
            ("~", false),
            ("", false),
            ("2016", false),
            ("3.14", false),
            ("1:30", false),
            ("2016-11-03", false),
            ("2016-11-03 13:00:00 +0900", false),
            (" lead", false),
            ("trail ", false),
            ("\"q\"", false),
            ("'q'", false),
            ("[x]", false),
            ("- item", false),
            ("line\nbreak", false),
            ("ends:", false),
            ("C++", true),
            ("한글: 제목", false),
        ];
        for (input, want) in cases {
            assert_eq!(plain_is_safe(input), want, "{input:?}");
        }
    }

    #[test]
    fn double_quoting_escapes_what_yaml_needs() {
        assert_eq!(double_quoted(r#"바뀐 "x" \ y"#), r#""바뀐 \"x\" \\ y""#);
        assert_eq!(double_quoted("a\nb"), r#""a\nb""#);
    }

    #[test]
    fn rendered_strings_read_back_identically_through_yaml() {
        let inputs = [
            "바뀐 제목: \"따옴표\" #1",
            "it's",
            "yes",
            "2016",
            "tab\there",
            "back\\slash",
            "QCon 2016 첫 날 이야기",
            "",
            " spaced ",
            "ctl\u{1}x",
        ];
        for s in inputs {
            for style in [Quoting::Plain, Quoting::Single, Quoting::Double] {
                let yaml = format!("k: {}", render_string(s, style));
                let docs = yaml_rust2::YamlLoader::load_from_str(&yaml).unwrap();
                assert_eq!(docs[0]["k"].as_str(), Some(s), "{style:?} {yaml}");
            }
            let flow = format!("k: [{}]", render_flow_item(s));
            let docs = yaml_rust2::YamlLoader::load_from_str(&flow).unwrap();
            assert_eq!(docs[0]["k"][0].as_str(), Some(s), "{flow}");
        }
    }
}
