//! The file format imported photos are written in — chosen per site (`daybook:
//! photo_format` in `_config.yml`), per run (`attach --format`) or in the Photos window.

/// The file format imported photos are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PhotoFormat {
    /// JPEG (PNG for a picture with transparency): what every tool reads.
    #[default]
    Jpeg,
    /// Lossy WebP (transparency kept): a quarter of the JPEG's size at the same look.
    Webp,
    /// The photo's own format where daybook can write it (HEIC and AVIF become JPEG).
    Keep,
}

impl PhotoFormat {
    /// `jpeg`, `webp` or `keep` (as `_config.yml` and `attach --format` write it).
    pub fn parse(s: &str) -> Option<PhotoFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "jpeg" | "jpg" => Some(PhotoFormat::Jpeg),
            "webp" => Some(PhotoFormat::Webp),
            "keep" => Some(PhotoFormat::Keep),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PhotoFormat::Jpeg => "jpeg",
            PhotoFormat::Webp => "webp",
            PhotoFormat::Keep => "keep",
        }
    }
}
