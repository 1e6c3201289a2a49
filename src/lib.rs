//! daybook: a desktop Markdown journal editor for photo-heavy Jekyll blogs.
//!
//! Layers, top to bottom (nothing below imports anything above): `cli` and `app`/`ui`
//! (the window), `site` (the file-system edge), `journal` (the pure core), `i18n` (the
//! words shown, in English and Korean).

pub mod app;
pub mod cli;
pub mod command;
pub mod i18n;
pub mod journal;
pub mod session;
pub mod settings;
pub mod site;
pub mod ui;
pub mod workers;
