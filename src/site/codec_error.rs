//! Why a picture could not be decoded or encoded: kinds a caller can tell apart (the
//! decoder missing, the file damaged, too large, not a picture), each with the detail its
//! library gave.

use std::path::PathBuf;

use super::dylib::LibraryError;
use crate::tr;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodecError {
    /// The library that decodes it (libheif) cannot be loaded.
    #[error("{0}")]
    NoLibrary(#[from] LibraryError),
    /// The decoder refused the picture (damaged, cut short, a feature it lacks): its words.
    #[error("{0}")]
    Decode(String),
    /// The encoder failed.
    #[error("{0}")]
    Encode(String),
    /// More pixels than daybook decodes.
    #[error("{}", tr!("heif-too-many-pixels", megapixels = *.megapixels, limit = super::photo_kind::MAX_PIXELS / 1_000_000))]
    TooManyPixels { megapixels: u64 },
    /// A file larger than daybook reads as a photo.
    #[error("{}", tr!("too-large-for-photo"))]
    FileTooLarge,
    /// A picture in a format daybook does not take as a photo (`format`), or no picture.
    #[error("{}", match .format { Some(f) => tr!("not-a-photo-format", format = f.as_str()), None => tr!("not-an-image") })]
    NotAPhoto { format: Option<String> },
    /// The file could not be read.
    #[error("{}: {why}", .path.display())]
    Read { path: PathBuf, why: String },
}

impl CodecError {
    /// A decoder's error, in its words.
    pub fn decode(e: impl std::fmt::Display) -> CodecError {
        CodecError::Decode(e.to_string())
    }

    /// An encoder's error, in its words.
    pub fn encode(e: impl std::fmt::Display) -> CodecError {
        CodecError::Encode(e.to_string())
    }

    /// Reading `path` failed.
    pub fn read(path: &std::path::Path, e: &std::io::Error) -> CodecError {
        CodecError::Read {
            path: path.to_owned(),
            why: e.to_string(),
        }
    }
}
