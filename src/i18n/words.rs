//! Words as data: a message id with its arguments, worded only where they are shown — the
//! window, the command line — in the language in use there. Everything below the window
//! speaks in these ([`words!`](crate::words)): the journal's problems and fixes, the
//! session's statuses and notices, the site's warnings, every typed error's `words()`. So
//! nothing below reads the language, and a change of language rewords what is shown
//! without checking anything again.

use fluent_bundle::{FluentArgs, FluentValue};

use super::Language;

/// A message and its arguments, not yet worded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Words {
    id: &'static str,
    args: Vec<(&'static str, WordArg)>,
}

/// One argument of [`Words`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum WordArg {
    Text(String),
    /// An integer (plural rules read it).
    Integer(i64),
    /// A number with a fraction, as written.
    Decimal(String),
    /// Words of their own, worded in the same language.
    Words(Box<Words>),
    /// A list, each on a line of its own (indented two spaces) after the text before it.
    Lines(Vec<Words>),
}

/// What can be an argument of [`Words`].
pub trait IntoWordArg {
    fn into_word_arg(self) -> WordArg;
}

impl<T: AsRef<str> + ?Sized> IntoWordArg for &T {
    fn into_word_arg(self) -> WordArg {
        WordArg::Text(self.as_ref().to_owned())
    }
}

impl IntoWordArg for String {
    fn into_word_arg(self) -> WordArg {
        WordArg::Text(self)
    }
}

impl IntoWordArg for Words {
    fn into_word_arg(self) -> WordArg {
        WordArg::Words(Box::new(self))
    }
}

impl IntoWordArg for Vec<Words> {
    fn into_word_arg(self) -> WordArg {
        WordArg::Lines(self)
    }
}

macro_rules! integer_args {
    ($($t:ty),*) => {$(
        impl IntoWordArg for $t {
            fn into_word_arg(self) -> WordArg {
                WordArg::Integer(i64::try_from(self).unwrap_or(i64::MAX))
            }
        }
    )*};
}
integer_args!(usize, u8, u16, u32, u64, i32, i64);

impl IntoWordArg for f64 {
    fn into_word_arg(self) -> WordArg {
        WordArg::Decimal(self.to_string())
    }
}

impl Words {
    /// Message `id`, no arguments yet.
    pub fn new(id: &'static str) -> Words {
        Words {
            id,
            args: Vec::new(),
        }
    }

    /// These words with argument `name` set to `value`.
    pub fn with(mut self, name: &'static str, value: impl IntoWordArg) -> Words {
        self.args.push((name, value.into_word_arg()));
        self
    }

    /// Text that is no message of ours (a program's or a library's own words, a file's
    /// contents): shown as it is, in every language.
    pub fn verbatim(text: impl Into<String>) -> Words {
        Words {
            id: "",
            args: vec![("text", WordArg::Text(text.into()))],
        }
    }

    /// The text of [`Words::verbatim`] words (`None` for a message of ours).
    pub fn verbatim_text(&self) -> Option<&str> {
        match (self.id, self.arg("text")) {
            ("", Some(WordArg::Text(t))) => Some(t),
            _ => None,
        }
    }

    /// Argument `name`, as given.
    pub fn arg(&self, name: &str) -> Option<&WordArg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Worded in `language`.
    pub fn say(&self, language: Language) -> String {
        if self.id.is_empty() {
            return match self.arg("text") {
                Some(WordArg::Text(t)) => t.clone(),
                _ => String::new(),
            };
        }
        let mut fluent = FluentArgs::with_capacity(self.args.len());
        for (name, value) in &self.args {
            let value: FluentValue<'static> = match value {
                WordArg::Text(t) => FluentValue::from(t.clone()),
                WordArg::Integer(n) => FluentValue::from(*n),
                WordArg::Decimal(d) => FluentValue::from(d.parse::<f64>().unwrap_or(0.0)),
                WordArg::Words(w) => FluentValue::from(w.say(language)),
                WordArg::Lines(list) => FluentValue::from(
                    list.iter()
                        .map(|w| format!("\n  {}", w.say(language)))
                        .collect::<String>(),
                ),
            };
            fluent.set(*name, value);
        }
        super::format_in(language, self.id, Some(&fluent))
    }
}

/// Worded in the language in use: for the window and the command line, which show them.
impl std::fmt::Display for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(super::language()))
    }
}

/// Words can be the error inside an `io::Error` (`io::Error::other(words!(..))`): worded
/// only when shown, and found again by [`Words::of_error`].
impl std::error::Error for Words {}

impl Words {
    /// The words of `error`: ours when it is (or is an `io::Error` around) [`Words`], else
    /// the error's own text, verbatim (an operating system's or a library's words). Our
    /// typed errors have a `words()` of their own.
    pub fn of_error(error: &(dyn std::error::Error + 'static)) -> Words {
        if let Some(w) = error.downcast_ref::<Words>() {
            return w.clone();
        }
        if let Some(io) = error.downcast_ref::<std::io::Error>()
            && let Some(inner) = io.get_ref()
            && inner.is::<Words>()
        {
            return Words::of_error(inner);
        }
        Words::verbatim(error.to_string())
    }
}

/// Written out worded (the command line's JSON).
impl serde::Serialize for Words {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// Words as data: `words!("rule-missing-image", file = rel)` (see [`Words`]).
#[macro_export]
macro_rules! words {
    ($id:literal) => {
        $crate::i18n::Words::new($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Words::new($id)$(.with(stringify!($name), $value))+
    };
}
