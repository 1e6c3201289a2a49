//! Why a picture could not be decoded or encoded: kinds a caller can tell apart (the
//! decoder missing, the file damaged, too large, not a picture), each with the detail its
//! library gave.

use std::path::PathBuf;

use super::dylib::LibraryError;
use crate::i18n::Words;
use crate::words;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.words())]
pub enum CodecError {
    /// The library that decodes it (libheif) cannot be loaded.
    NoLibrary(#[from] LibraryError),
    /// The decoder refused the picture (damaged, cut short, a feature it lacks): its words.
    Decode(Words),
    /// The encoder failed.
    Encode(Words),
    /// More pixels than daybook decodes.
    TooManyPixels { megapixels: u64 },
    /// A file larger than daybook reads as a photo.
    FileTooLarge,
    /// A picture in a format daybook does not take as a photo (`format`), or no picture.
    NotAPhoto { format: Option<String> },
    /// The file could not be read.
    Read { path: PathBuf, why: String },
}

impl CodecError {
    /// What went wrong, as words for the window or the command line.
    pub fn words(&self) -> Words {
        match self {
            CodecError::NoLibrary(e) => e.words(),
            CodecError::Decode(w) | CodecError::Encode(w) => w.clone(),
            CodecError::TooManyPixels { megapixels } => words!(
                "heif-too-many-pixels",
                megapixels = *megapixels,
                limit = super::photo_kind::MAX_PIXELS / 1_000_000
            ),
            CodecError::FileTooLarge => words!("too-large-for-photo"),
            CodecError::NotAPhoto { format: Some(f) } => words!("not-a-photo-format", format = f),
            CodecError::NotAPhoto { format: None } => words!("not-an-image"),
            CodecError::Read { path, why } => {
                words!("path-error", file = path.display().to_string(), error = why)
            }
        }
    }

    /// A decoder's error, in its words.
    pub fn decode(e: impl std::fmt::Display) -> CodecError {
        CodecError::Decode(Words::verbatim(e.to_string()))
    }

    /// An encoder's error, in its words.
    pub fn encode(e: impl std::fmt::Display) -> CodecError {
        CodecError::Encode(Words::verbatim(e.to_string()))
    }

    /// Reading `path` failed.
    pub fn read(path: &std::path::Path, e: &std::io::Error) -> CodecError {
        CodecError::Read {
            path: path.to_owned(),
            why: e.to_string(),
        }
    }
}
