//! How imported photos are written: their file format — chosen per site (`daybook:
//! photo_format` in `_config.yml`), per run (`attach --format`) or in the Photos window —
//! and the options that go with it (size, quality, metadata).

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

/// How photos are processed.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    /// Shrink so the long edge is at most this (`None`: keep the size).
    pub max_edge: Option<u32>,
    /// JPEG quality for re-encoded photos.
    pub quality: u8,
    /// Remove location and other identifying metadata.
    pub strip_metadata: bool,
    /// The format re-encoded photos are written in.
    pub format: PhotoFormat,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            max_edge: Some(2048),
            quality: 85,
            strip_metadata: true,
            format: PhotoFormat::Jpeg,
        }
    }
}

impl ImportOptions {
    /// These options with what the site's `_config.yml` sets (`daybook: photo_format`,
    /// `photo_quality`) in place of the user's own.
    pub fn for_site(mut self, config: &super::SiteConfig) -> ImportOptions {
        if let Some(format) = config.photo_format {
            self.format = format;
        }
        if let Some(quality) = config.photo_quality {
            self.quality = quality;
        }
        self
    }
}
