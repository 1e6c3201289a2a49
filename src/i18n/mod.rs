//! The words the program shows, in English and Korean: Fluent messages embedded from
//! `locales/{en,ko}/daybook.ftl`, one process-wide language (set once at start from the
//! settings or the system locale, and again when the user changes it).
//!
//! The window's views and the command line ask for text by id: [`tr`] for a message
//! without arguments (cached, so a label costs no allocation per frame) and the
//! [`tr!`](crate::tr) macro for one with arguments. The layers below never do: they hand
//! up [`Words`], worded here when shown (`src/layers.rs` checks it). A missing id shows the id itself, and `tests` fail on it (every id the code
//! uses must exist in both files, with the same arguments).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

mod words;
pub use words::{IntoWordArg, WordArg, Words};

#[cfg(test)]
mod tests;

/// The Fluent sources, by language.
pub const SOURCES: [(Language, &str); 2] = [
    (
        Language::English,
        include_str!("../../locales/en/daybook.ftl"),
    ),
    (
        Language::Korean,
        include_str!("../../locales/ko/daybook.ftl"),
    ),
];

/// A language the program speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Language {
    English,
    Korean,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::English, Language::Korean];

    /// The language's own name, for a menu (`한국어`).
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Korean => "한국어",
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Korean => "ko",
        }
    }

    /// The language of a locale name (`ko_KR.UTF-8`, `ko-KR`, `en_US`, `C`): Korean for
    /// `ko…`, English otherwise and for `C`/`POSIX`. `None` for a language we do not speak.
    pub fn of_locale(locale: &str) -> Option<Language> {
        let lang = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match lang.as_str() {
            "ko" => Some(Language::Korean),
            "en" | "c" | "posix" => Some(Language::English),
            _ => None,
        }
    }
}

/// The user's choice in the settings: follow the system, or a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum LanguageChoice {
    #[default]
    System,
    Use(Language),
}

impl LanguageChoice {
    /// The language this choice means on this machine.
    pub fn resolve(self) -> Language {
        match self {
            LanguageChoice::System => system_language(),
            LanguageChoice::Use(l) => l,
        }
    }
}

/// The system's language: the first of `LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG` (on
/// Unix; the platform's setting elsewhere) that we speak, else English.
pub fn system_language() -> Language {
    language_of_locales(sys_locale::get_locales())
}

/// The first language we speak among `locales`, in order; English when none.
pub fn language_of_locales(locales: impl IntoIterator<Item = String>) -> Language {
    locales
        .into_iter()
        .find_map(|l| Language::of_locale(&l))
        .unwrap_or(Language::English)
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Speak `language` from now on, in every thread.
pub fn set_language(language: Language) {
    CURRENT.store(language as u8, Ordering::Relaxed);
}

static CHOICE: AtomicU8 = AtomicU8::new(u8::MAX);

/// Follow the user's `choice` (the settings'), if it is not already followed: `true` when
/// that changed the language in use (texts made earlier are then in the old language).
pub fn apply_choice(choice: LanguageChoice) -> bool {
    let code = match choice {
        LanguageChoice::System => 0,
        LanguageChoice::Use(l) => 1 + l as u8,
    };
    if CHOICE.swap(code, Ordering::Relaxed) == code {
        return false;
    }
    let before = language();
    set_language(choice.resolve());
    before != language()
}

/// The language in use.
pub fn language() -> Language {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Language::Korean,
        _ => Language::English,
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| SOURCES.map(|(language, source)| bundle(language, source)))
}

/// A bundle for `source`. Errors in the file are found by the tests; what parses is used.
fn bundle(language: Language, source: &str) -> Bundle {
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
    let tag = language
        .tag()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = Bundle::new_concurrent(vec![tag]);
    // No Unicode isolation marks around arguments: egui draws them as boxes, and the
    // texts are mostly one direction anyway.
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

/// Message `id` in `language`, formatted with `args`; the id itself if there is none.
pub fn format_in(language: Language, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = &bundles()[language as usize];
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// Message `id` (without arguments) in the language in use.
pub fn tr(id: &'static str) -> &'static str {
    static CACHE: OnceLock<Mutex<HashMap<(Language, &'static str), &'static str>>> =
        OnceLock::new();
    let language = language();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let mut cache = match cache.lock() {
        Ok(c) => c,
        Err(poisoned) => poisoned.into_inner(),
    };
    // Leaked once per message and language: a bounded set, alive for the whole run anyway.
    cache
        .entry((language, id))
        .or_insert_with(|| Box::leak(format_in(language, id, None).into_boxed_str()))
}

/// Message `id` with named arguments, in the language in use (see [`tr!`](crate::tr)).
pub fn tr_args(id: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent.set(*name, value.clone());
    }
    format_in(language(), id, Some(&fluent))
}

/// A value that can be a message argument: text or a number.
pub trait Arg {
    fn into_arg(self) -> FluentValue<'static>;
}

impl<T: AsRef<str> + ?Sized> Arg for &T {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.as_ref().to_owned())
    }
}

impl Arg for String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn into_arg(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )*};
}
number_args!(usize, u8, u16, u32, u64, i32, i64, f32, f64);

/// A message with arguments: `tr!("files-count", count = n)`; without arguments, the
/// same as [`tr`] (as an owned `String`).
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::tr($id).to_owned()
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::into_arg($value))),+],
        )
    };
}
