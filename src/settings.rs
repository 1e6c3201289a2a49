//! Settings that outlive a session (the window stores them through eframe). Every field has
//! a default, so settings written by an older daybook still load.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::journal::slug::SlugStyle;

/// The storage key of [`Settings`].
pub const KEY: &str = "daybook-settings";

/// What the middle and right of the window show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ViewMode {
    #[default]
    Split,
    EditorOnly,
    PreviewOnly,
}

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub last_site: Option<PathBuf>,
    /// The last open post of each site, by site root.
    pub last_post: HashMap<PathBuf, PathBuf>,
    pub sidebar_width: f32,
    pub preview_width: f32,
    pub theme: Theme,
    pub view: ViewMode,
    pub slug_style: SlugStyle,
    pub show_problems: bool,
    /// Seconds after typing stops before unsaved text goes to the recovery folder (0: off).
    pub autosave_seconds: f32,
    /// How imported photos are processed.
    pub import: crate::site::photos::ImportOptions,
    /// Photos added together get a heading where the day changes.
    pub photos_by_day: bool,
    /// Sites opened lately, the latest first.
    pub recent_sites: Vec<PathBuf>,
    /// The language of the window: the system's, or one chosen.
    pub language: crate::i18n::LanguageChoice,
    /// The editor hides the front matter (the form above it shows it).
    pub fold_front_matter: bool,
    /// Misspelt words are underlined in the editor.
    pub spelling: bool,
    /// The problems panel lists misspelt words.
    pub show_spelling_problems: bool,
    /// Sites whose own Ruby code (plugins, gems) the user let the theme preview run.
    pub theme_trusted: Vec<PathBuf>,
}

/// How many recent sites are remembered.
const RECENT_SITES: usize = 8;

impl Settings {
    /// Put `root` first among the recent sites.
    pub fn remember_site(&mut self, root: &std::path::Path) {
        self.recent_sites.retain(|r| r != root);
        self.recent_sites.insert(0, root.to_owned());
        self.recent_sites.truncate(RECENT_SITES);
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            last_site: None,
            last_post: HashMap::new(),
            sidebar_width: 260.0,
            preview_width: 520.0,
            theme: Theme::System,
            view: ViewMode::Split,
            slug_style: SlugStyle::Default,
            show_problems: true,
            autosave_seconds: 3.0,
            import: crate::site::photos::ImportOptions::default(),
            photos_by_day: false,
            recent_sites: Vec::new(),
            language: crate::i18n::LanguageChoice::System,
            fold_front_matter: false,
            spelling: true,
            show_spelling_problems: true,
            theme_trusted: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_from_an_older_version_load_with_defaults() {
        let old = r#"{"last_site":"/tmp/site","view":"PreviewOnly"}"#;
        let s: Settings = serde_json::from_str(old).unwrap();
        assert_eq!(s.last_site, Some(PathBuf::from("/tmp/site")));
        assert_eq!(s.view, ViewMode::PreviewOnly);
        assert_eq!(s.sidebar_width, Settings::default().sidebar_width);
    }
}
