//! egui views. A view takes read-only view structs (or the session's plain data) and a
//! place to push [`Command`]s; it changes no state but its own widgets' (the text of a field
//! being typed in; the editor edits the open post's text in place, as a text edit must).
//! Views never touch the file system; `fonts` reads the system's font files once at start.
//!
//! [`Command`]: crate::command::Command

pub mod banners;
pub mod dialogs;
pub mod editor;
pub mod find;
pub mod fonts;
pub mod form;
pub mod highlight;
pub mod outline;
pub mod photo_loader;
pub mod photos;
pub mod preview;
mod preview_blocks;
mod preview_draw;
mod preview_gallery;
mod preview_html;
mod preview_media;
pub mod preview_worker;
pub mod problems;
pub mod publish;
pub mod sidebar;
pub mod status;
pub mod theme_preview;
pub mod toolbar;

/// Stable labels for widgets, shared by the views and the tests that find them: message ids,
/// shown through [`crate::i18n::tr`] (the `PHOTO_*` ones per photo, with a `name` argument).
pub mod labels {
    pub const EDITOR: &str = "editor";
    pub const FILTER: &str = "filter";
    pub const TITLE: &str = "title";
    pub const DATE: &str = "date";
    pub const CATEGORIES: &str = "categories";
    pub const TAGS: &str = "tags";
    pub const LAYOUT: &str = "layout";
    pub const OTHER_FIELDS: &str = "other-fields";
    pub const NEW_POST: &str = "new-post";
    pub const SAVE: &str = "save";
    pub const PREVIEW: &str = "preview";
    pub const FIND: &str = "find";
    pub const PROBLEMS: &str = "problems";
    pub const PHOTOS: &str = "photos";
    pub const PHOTO_FOLDER: &str = "photo-folder";
    pub const PHOTO_PATHS: &str = "photo-paths";
    pub const INSERT_PHOTOS: &str = "insert-photos";
    pub const PASTE_IMAGE: &str = "paste-image";
    pub const SETTINGS: &str = "settings";
    pub const AUTOSAVE: &str = "autosave";
    pub const CHECK_SITE: &str = "check-site";
    pub const RENAME_FILE: &str = "rename-file";
    pub const NEW_TITLE: &str = "new-title";
    pub const NEW_CATEGORIES: &str = "new-categories";
    pub const NEW_TAGS: &str = "new-tags";
    pub const NEW_DATE: &str = "new-date";
    pub const REPLACE: &str = "replace";
    pub const NOT_PUBLISHED: &str = "not-published";
    pub const UNDO_RENAME: &str = "undo-rename";
    pub const PUBLISH: &str = "publish";
    pub const OUTLINE: &str = "outline";
    pub const RECENT_SITES: &str = "recent-sites";
    pub const PHOTOS_BY_DAY: &str = "photos-by-day";
    pub const PHOTOS_DONE: &str = "photos-done";
    pub const PHOTO_INCLUDE: &str = "photo-include";
    pub const PHOTO_THUMBNAIL: &str = "photo-thumbnail";
    pub const PHOTO_UP: &str = "photo-up";
    pub const PHOTO_DOWN: &str = "photo-down";
    pub const PHOTO_ALT: &str = "photo-alt";
    pub const PHOTO_CAPTION: &str = "photo-caption";
    pub const COMMIT: &str = "commit";
    pub const COMMIT_AND_PUSH: &str = "commit-and-push";
    pub const PUSH: &str = "push";
    pub const PULL: &str = "pull";
    pub const CANCEL_GIT: &str = "cancel-git";
    pub const SPELLING: &str = "spelling";
    pub const THEME_PREVIEW: &str = "theme-preview";
    pub const PREVIEW_IN_THEME: &str = "preview-in-theme";
    pub const THEME_MENU: &str = "theme-menu";
    pub const OPEN_THEME_PAGE: &str = "open-theme-page";
    pub const FULL_REBUILD: &str = "full-rebuild";
    pub const STOP_THEME: &str = "stop-theme";
    pub const THEME_TRUST: &str = "theme-trust-run";
    pub const INSERT_AS: &str = "insert-as";
    pub const GALLERY_FORM: &str = "gallery-form";
    pub const PHOTO_FORMAT: &str = "photo-format";
    pub const SPELLING_PROBLEMS: &str = "spelling-problems";
    pub const IGNORE_WORD: &str = "ignore-word";
    pub const ADD_WORD: &str = "add-word";
    pub const ADD_SITE_WORD: &str = "add-site-word";
    pub const COMMIT_MESSAGE: &str = "commit-message";
    pub const COMMIT_ANYWAY: &str = "commit-anyway";
    pub const FOLD_FRONT_MATTER: &str = "fold-front-matter";

    /// A per-photo label (`Include IMG_0001.JPG`): `label` is one of the `PHOTO_*` ids.
    pub fn of_photo(label: &str, name: &str) -> String {
        crate::i18n::tr_args(label, &[("name", crate::i18n::Arg::into_arg(name))])
    }
}
