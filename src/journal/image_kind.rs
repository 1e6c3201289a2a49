//! What kind of picture a file holds, read from its first bytes as a browser sniffs it, and
//! whether a reader's browser will draw it: every browser draws JPEG, PNG, GIF, WebP, SVG,
//! AVIF, BMP and ICO; only Safari draws HEIC/HEIF, TIFF and JPEG XL; nothing draws a
//! Photoshop file, a camera raw file, an empty file or one that is not a picture at all.

/// The kind of picture a file's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Jpeg,
    Png,
    Gif,
    WebP,
    Svg,
    Avif,
    Bmp,
    Ico,
    Heic,
    Tiff,
    JpegXl,
    Psd,
    /// An empty file.
    Empty,
    /// Bytes that are no picture a browser knows (text, a document, a damaged header).
    NotAnImage,
}

/// Whether a reader sees the picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Every current browser draws it.
    Everywhere,
    /// Only Safari draws it: Chrome, Edge and Firefox readers see a broken image.
    SafariOnly,
    /// No browser draws it.
    Nowhere,
}

impl ImageKind {
    /// The format's usual name, for messages (`WebP`, `HEIC`).
    pub fn name(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "JPEG",
            ImageKind::Png => "PNG",
            ImageKind::Gif => "GIF",
            ImageKind::WebP => "WebP",
            ImageKind::Svg => "SVG",
            ImageKind::Avif => "AVIF",
            ImageKind::Bmp => "BMP",
            ImageKind::Ico => "ICO",
            ImageKind::Heic => "HEIC",
            ImageKind::Tiff => "TIFF",
            ImageKind::JpegXl => "JPEG XL",
            ImageKind::Psd => "Photoshop",
            ImageKind::Empty | ImageKind::NotAnImage => "",
        }
    }

    /// Who draws it.
    pub fn shown(self) -> Shown {
        match self {
            ImageKind::Jpeg
            | ImageKind::Png
            | ImageKind::Gif
            | ImageKind::WebP
            | ImageKind::Svg
            | ImageKind::Avif
            | ImageKind::Bmp
            | ImageKind::Ico => Shown::Everywhere,
            ImageKind::Heic | ImageKind::Tiff | ImageKind::JpegXl => Shown::SafariOnly,
            ImageKind::Psd | ImageKind::Empty | ImageKind::NotAnImage => Shown::Nowhere,
        }
    }
}

/// How many leading bytes [`sniff`] looks at.
pub const SNIFF_BYTES: usize = 4096;

/// The kind of picture `head` (a file's first bytes, up to [`SNIFF_BYTES`]) starts, the way
/// browsers sniff images: by signature, whatever the file's extension says. `svg_name` says
/// the file is named `.svg`/`.svgz` (a server sends it as SVG, so text that opens an XML
/// document is drawn as one).
pub fn sniff(head: &[u8], svg_name: bool) -> ImageKind {
    if head.is_empty() {
        return ImageKind::Empty;
    }
    let starts = |sig: &[u8]| head.starts_with(sig);
    if starts(b"\xFF\xD8\xFF") {
        return ImageKind::Jpeg;
    }
    if starts(b"\x89PNG\r\n\x1A\n") {
        return ImageKind::Png;
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return ImageKind::Gif;
    }
    if head.len() >= 12 && starts(b"RIFF") && &head[8..12] == b"WEBP" {
        return ImageKind::WebP;
    }
    if starts(b"BM") && head.len() >= 14 {
        return ImageKind::Bmp;
    }
    if starts(b"\x00\x00\x01\x00") || starts(b"\x00\x00\x02\x00") {
        return ImageKind::Ico;
    }
    if starts(b"II*\x00") || starts(b"MM\x00*") || starts(b"II+\x00") || starts(b"MM\x00+") {
        return ImageKind::Tiff;
    }
    if starts(b"\xFF\x0A") || starts(b"\x00\x00\x00\x0CJXL \x0D\x0A\x87\x0A") {
        return ImageKind::JpegXl;
    }
    if starts(b"8BPS") {
        return ImageKind::Psd;
    }
    if let Some(kind) = iso_media(head) {
        return kind;
    }
    if svg_name && starts(b"\x1F\x8B") {
        return ImageKind::Svg; // svgz
    }
    if is_svg_text(head, svg_name) {
        return ImageKind::Svg;
    }
    ImageKind::NotAnImage
}

/// An ISO media file (`ftyp` box): AVIF or HEIC/HEIF by its brands.
fn iso_media(head: &[u8]) -> Option<ImageKind> {
    if head.len() < 16 || &head[4..8] != b"ftyp" {
        return None;
    }
    let size = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
    let end = size.clamp(16, head.len());
    // The major brand, then the compatible brands (after the minor version).
    let brands = std::iter::once(&head[8..12]).chain(head[16..end].chunks_exact(4));
    let mut heif = false;
    for brand in brands {
        match brand {
            b"avif" | b"avis" => return Some(ImageKind::Avif),
            b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx" | b"mif1" | b"msf1" => {
                heif = true;
            }
            _ => {}
        }
    }
    heif.then_some(ImageKind::Heic)
}

/// Text that is an SVG document: `<svg` after the XML prologue (declaration, comments,
/// doctype), or — for a file named `.svg` — any text opening with `<`.
fn is_svg_text(head: &[u8], svg_name: bool) -> bool {
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if !text.starts_with('<') {
        return false;
    }
    svg_name || text.to_ascii_lowercase().contains("<svg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_each_format_by_its_signature() {
        let cases: &[(&[u8], bool, ImageKind)] = &[
            (b"\xFF\xD8\xFF\xE0\x00\x10JFIF", false, ImageKind::Jpeg),
            (b"\x89PNG\r\n\x1A\n\x00\x00", false, ImageKind::Png),
            (b"GIF89a\x10\x00", false, ImageKind::Gif),
            (b"RIFF\x10\x00\x00\x00WEBPVP8 ", false, ImageKind::WebP),
            (
                b"BM\x36\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00",
                false,
                ImageKind::Bmp,
            ),
            (b"\x00\x00\x01\x00\x01\x00\x10\x10", false, ImageKind::Ico),
            (b"II*\x00\x08\x00", false, ImageKind::Tiff),
            (b"\xFF\x0A\xFA", false, ImageKind::JpegXl),
            (b"8BPS\x00\x01", false, ImageKind::Psd),
            (
                b"\x00\x00\x00\x1Cftypavif\x00\x00\x00\x00avifmif1miaf",
                false,
                ImageKind::Avif,
            ),
            // An AVIF whose major brand is mif1 is still AVIF by a compatible brand.
            (
                b"\x00\x00\x00\x1Cftypmif1\x00\x00\x00\x00mif1avifmiaf",
                false,
                ImageKind::Avif,
            ),
            (
                b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",
                false,
                ImageKind::Heic,
            ),
            (
                b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00isommp42",
                false,
                ImageKind::NotAnImage,
            ),
            (
                b"<?xml version=\"1.0\"?>\n<!-- made -->\n<svg xmlns=\"x\"/>",
                false,
                ImageKind::Svg,
            ),
            (b"\xEF\xBB\xBF  <SVG width=\"1\"/>", false, ImageKind::Svg),
            (b"<?xml version=\"1.0\"?><!DOCTYPE x>", true, ImageKind::Svg),
            (
                b"<html><body>404</body></html>",
                false,
                ImageKind::NotAnImage,
            ),
            (b"version https://git-lfs", true, ImageKind::NotAnImage),
            (b"", false, ImageKind::Empty),
            (b"hello", false, ImageKind::NotAnImage),
        ];
        for (head, svg_name, want) in cases {
            assert_eq!(
                sniff(head, *svg_name),
                *want,
                "{:?}",
                String::from_utf8_lossy(head)
            );
        }
    }

    #[test]
    fn browsers_draw_the_web_formats_and_only_safari_the_camera_ones() {
        for kind in [
            ImageKind::WebP,
            ImageKind::Svg,
            ImageKind::Avif,
            ImageKind::Ico,
        ] {
            assert_eq!(kind.shown(), Shown::Everywhere, "{kind:?}");
        }
        for kind in [ImageKind::Heic, ImageKind::Tiff] {
            assert_eq!(kind.shown(), Shown::SafariOnly, "{kind:?}");
        }
        for kind in [ImageKind::Psd, ImageKind::Empty, ImageKind::NotAnImage] {
            assert_eq!(kind.shown(), Shown::Nowhere, "{kind:?}");
        }
    }
}
