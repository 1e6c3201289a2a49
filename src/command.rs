//! What flows between the window and the session: [`Command`]s (everything the user can
//! ask of the session, pushed by buttons, menus and shortcuts during the UI pass and run
//! after it, so drawing never changes the world halfway through a frame; the editor's
//! edits as [`EditOp`]s), [`WindowCommand`]s (what the window does itself: find, the theme
//! preview, the typed-paths window) and [`Effect`]s (what the session asks of the window in
//! return). Neither `ui` nor `session` owns this module.

use std::ops::Range;
use std::path::PathBuf;
use std::time::Duration;

use crate::journal::front_matter::NewValue;
use crate::journal::slug::SlugStyle;
use crate::settings::ViewMode;

/// The fields of the new-post dialog.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewPostForm {
    pub title: String,
    pub categories: String,
    pub tags: String,
    pub draft: bool,
    /// `YYYY-MM-DD HH:MM`, in the site zone.
    pub date: String,
    pub slug_style: SlugStyle,
}

/// The answer to "save changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptChoice {
    Save,
    Discard,
    Cancel,
}

/// A choice in the Photos window, for the batch's item `usize`.
#[derive(Debug, Clone, PartialEq)]
pub enum PhotoEdit {
    Include(usize, bool),
    /// Move one place up (`true`) or down in the order.
    Move(usize, bool),
    Alt(usize, String),
    Caption(usize, String),
    /// A heading where the day changes.
    ByDay(bool),
    /// How the batch goes in: a line each, a figure each, one gallery.
    InsertAs(crate::journal::gallery::InsertAs),
    /// What photos added from now on become.
    Format(crate::site::photos::PhotoFormat),
    /// Which of the site's gallery includes a gallery is written for (`None`: daybook's).
    Gallery(Option<String>),
}

/// One thing the user did in the editor, in bytes of the open post's text as it is when
/// the op runs (ops of one [`Command::Edit`] run in order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditOp {
    /// Typed: replace `range` with `text`, the caret after it. Typing until a pause is one
    /// undo step.
    Type { range: Range<usize>, text: String },
    /// Replace `range` with `text` as an undo step of its own (a replace made by find).
    Replace { range: Range<usize>, text: String },
    /// Select from `anchor` to `head`.
    Select { anchor: usize, head: usize },
    /// End the undo step in progress: what follows is a step of its own (an input
    /// method's commit).
    EndStep,
}

#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Command {
    /// What the user did in the editor: typing, the input method, paste, a click or a
    /// drag, keys that move the caret.
    Edit(Vec<EditOp>),
    /// Open a post, asking first when the open one has unsaved changes.
    OpenPost(PathBuf),
    SavePost,
    ShowNewPostDialog,
    CreatePost(NewPostForm),
    SetField {
        key: String,
        value: NewValue,
    },
    RemoveField(String),
    /// Replace the front matter's other keys (not in the form) with these raw YAML lines.
    SetOtherFields(String),
    Undo,
    Redo,
    /// Replace every `find` in the open post with `with`, as one undo step.
    ReplaceAll {
        find: String,
        with: String,
    },
    SetView(ViewMode),
    Reindex,
    AnswerPrompt(PromptChoice),
    ToggleProblems,
    /// Change the settings (from the Settings menu): the view edits a copy.
    SetSettings(Box<crate::settings::Settings>),
    /// Hide the front matter in the editor (the form shows it), or show it again.
    SetFoldFrontMatter(bool),
    /// Show the file picker for photos (off the UI thread).
    PickPhotos,
    /// Import the image on the clipboard (a screenshot, a copied picture).
    PasteImage,
    /// Copy these photos into the site and link them at the cursor.
    ImportPhotos(Vec<PathBuf>),
    CancelImport,
    CloseImport,
    EditPhoto(PhotoEdit),
    /// Choose the photo folder of the open post.
    SetPhotoFolder(String),
    /// The conflict bar: keep my text (the next save overwrites on purpose).
    KeepMine,
    /// The conflict bar: take the text on disk (undoable).
    TakeTheirs,
    CompareConflict,
    CloseCompare,
    DismissNotice,
    RestoreRecovery(usize),
    CompareRecovery(usize),
    DiscardRecovery(usize),
    /// Check every post of the site on a worker thread.
    CheckSite,
    /// Open the post at this site-relative path (if needed) and select the line.
    JumpTo {
        path: String,
        line: usize,
    },
    /// Rename an image of the site to a URL-safe name and update every link to it.
    RenameImage(String),
    /// Give the last renamed image its old name back, and the posts their old links.
    UndoRename,
    /// Apply a fix to the open post as one undo step.
    ApplyFix(crate::journal::check::Fix),
    CloseWindow,
    /// Put the caret at byte offset `usize` of the open post (a heading of the outline) and
    /// show it in the preview.
    JumpToOffset(usize),
    /// Open the Publish panel on the open post, or close it.
    TogglePublish,
    /// The user's own commit message (the panel suggests one until then).
    SetCommitMessage(String),
    SetCommitAnyway(bool),
    /// Commit the open post and exactly its files (saving it first) with `message`, the
    /// panel's text as shown; push after when `push`.
    CommitPost {
        push: bool,
        message: String,
    },
    Push,
    Pull,
    /// Stop the push or pull that runs.
    CancelGit,
    /// Put a spelling suggestion in place of the misspelt word at `range` (one undo step).
    ReplaceMisspelt {
        range: std::ops::Range<usize>,
        word: String,
        with: String,
    },
    /// Take a word as spelt right in the open post until daybook closes.
    IgnoreWord(String),
    /// Add a word to the user's word list, or the site's (`site`).
    AddWord {
        word: String,
        site: bool,
    },
    /// List misspelt words in the problems panel, or not.
    ShowSpellingProblems(bool),
}

/// What the window does itself, with its own widgets' state.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum WindowCommand {
    ToggleFind,
    /// Select the next match of the find field.
    FindNext,
    /// Replace the selected match and find the next.
    ReplaceOne,
    /// Replace every match (the window asks the session with [`WindowCommand::ReplaceAll`]).
    ReplaceAll,
    /// The typed-paths window: import what was typed, or close it.
    SubmitTypedPaths,
    CloseTypedPaths,
    /// The theme preview: the site's own Jekyll serving the post in the site's theme.
    Theme(ThemeAction),
}

/// What a view asks for: of the session, or of the window.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Session(Command),
    Window(WindowCommand),
}

impl From<Command> for Request {
    fn from(c: Command) -> Request {
        Request::Session(c)
    }
}

impl From<WindowCommand> for Request {
    fn from(c: WindowCommand) -> Request {
        Request::Window(c)
    }
}

/// The requests the views push during a frame, run after it.
#[derive(Debug, Default)]
pub struct Requests(Vec<Request>);

impl Requests {
    pub fn push(&mut self, request: impl Into<Request>) {
        self.0.push(request.into());
    }

    /// The requests pushed so far, in order, leaving none.
    pub fn take(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.0)
    }
}

/// What the user asks of the theme preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeAction {
    /// Start it (asking first, once per site, when the site's Jekyll runs its own code),
    /// or open the page again when it runs.
    Start,
    /// The answer to "run this site's code?".
    Trust(bool),
    OpenPage,
    FullRebuild,
    Stop,
}

/// How a selection takes the keyboard focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// Focus the editor.
    Take,
    /// Focus the editor unless another field is being typed in.
    IfFree,
}

/// What the session asks of the window after a command or an event.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Effect {
    /// The open post's selection was set by the session: scroll it into view in the
    /// editor (unfolding the front matter when it is in it), taking the focus as asked.
    Reveal { focus: Focus },
    /// Scroll the preview to the block made from this byte of the open post.
    ScrollPreviewTo(usize),
    /// Draw again after this long (a pause to wait out), even without input.
    RepaintAfter(Duration),
    /// Close the window (the user answered the unsaved-changes prompt).
    CloseWindow,
    /// Files of the site may have changed: prepare the preview (and its check) again.
    FilesChanged,
    /// Another post opened: forget widget state about the last one (find matches).
    PostOpened,
    /// Open the new-post dialog with these fields.
    ShowNewPostDialog(NewPostForm),
    /// The front-matter form made this text generation itself: keep its fields as typed.
    FormSynced(u64),
    /// Why the form's other keys could not be written (`None`: they were).
    FormError(Option<crate::i18n::Words>),
    /// Show the system's photo picker (a post is open), starting in this folder: the window
    /// gives it its words ([`crate::session::Session::pick_photos`]).
    ShowPhotoPicker(Option<std::path::PathBuf>),
    /// No file dialog could be shown: ask for the photo paths in a small window.
    AskForPhotoPaths,
}
