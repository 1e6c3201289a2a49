//! egui views. A view takes the state it draws plus a place to push [`Command`]s; it never
//! touches the file system.
//!
//! [`Command`]: crate::app::command::Command

pub mod banners;
pub mod dialogs;
pub mod editor;
pub mod find;
pub mod fonts;
pub mod form;
pub mod highlight;
pub mod outline;
pub mod photos;
pub mod preview;
pub mod preview_draw;
pub mod problems;
pub mod publish;
pub mod sidebar;
pub mod status;
pub mod toolbar;

/// Stable labels for widgets, shared by the views and the tests that find them.
pub mod labels {
    pub const EDITOR: &str = "Post text";
    pub const FILTER: &str = "Filter posts";
    pub const TITLE: &str = "Title";
    pub const DATE: &str = "Date";
    pub const CATEGORIES: &str = "Categories";
    pub const TAGS: &str = "Tags";
    pub const LAYOUT: &str = "Layout";
    pub const OTHER_FIELDS: &str = "Other front matter";
    pub const NEW_POST: &str = "New post";
    pub const SAVE: &str = "Save";
    pub const PREVIEW: &str = "Preview";
    pub const FIND: &str = "Find";
    pub const PROBLEMS: &str = "Problems";
    pub const PHOTOS: &str = "Photos";
    pub const PHOTO_FOLDER: &str = "Photo folder";
    pub const PHOTO_PATHS: &str = "Photo paths";
    pub const INSERT_PHOTOS: &str = "Insert photos…";
    pub const PASTE_IMAGE: &str = "Paste image";
    pub const SETTINGS: &str = "Settings";
    pub const AUTOSAVE: &str = "Autosave unsaved text after";
    pub const CHECK_SITE: &str = "Check whole site";
    pub const RENAME_FILE: &str = "Rename the file";
    pub const NEW_TITLE: &str = "New post title";
    pub const NEW_CATEGORIES: &str = "New post categories";
    pub const NEW_TAGS: &str = "New post tags";
    pub const NEW_DATE: &str = "New post date";
    pub const REPLACE: &str = "Replace with";
    pub const NOT_PUBLISHED: &str = "Not published by Jekyll";
    pub const UNDO_RENAME: &str = "Undo rename";
    pub const PUBLISH: &str = "Publish";
    pub const OUTLINE: &str = "Outline";
    pub const RECENT_SITES: &str = "Recent sites";
    pub const PHOTOS_BY_DAY: &str = "A heading per day";
    pub const PHOTOS_DONE: &str = "Done";
    pub const PHOTO_INCLUDE: &str = "Include";
    pub const PHOTO_THUMBNAIL: &str = "Thumbnail of";
    pub const PHOTO_UP: &str = "Move up";
    pub const PHOTO_DOWN: &str = "Move down";
    pub const PHOTO_ALT: &str = "Alt text of";
    pub const PHOTO_CAPTION: &str = "Caption of";
    pub const COMMIT: &str = "Commit";
    pub const COMMIT_AND_PUSH: &str = "Commit and push";
    pub const PUSH: &str = "Push";
    pub const PULL: &str = "Pull";
    pub const COMMIT_MESSAGE: &str = "Commit message";
    pub const COMMIT_ANYWAY: &str = "Commit anyway";
}
