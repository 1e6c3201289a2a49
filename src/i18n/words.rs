//! Words as data: a message id with its arguments, worded only where they are shown — the
//! window, the command line — in the language in use there. The journal's problems and
//! fixes are made of these ([`words!`](crate::words)), so the core never reads the
//! language, and a change of language rewords them without checking anything again.

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
