//! daybook: a desktop Markdown journal editor for photo-heavy Jekyll blogs.
//!
//! Layers, top to bottom; nothing imports from a layer above it (a test checks):
//! - `app` (the window: a thin egui shell) and `cli` (the command line);
//! - `ui` (egui views: read-only view structs in, commands out);
//! - `session` (the editing session, no egui: commands in, effects out);
//! - `command` (the commands and effects between window and session) and `settings`;
//! - `workers` (background threads reporting one event enum);
//! - `site` (the file-system edge: posts, photos, git);
//! - `journal` (the pure core: no egui, no file IO);
//! - `i18n` (the words shown, in English and Korean).

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

#[cfg(test)]
mod layers;
