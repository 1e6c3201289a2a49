//! Removing everything but the picture from image files, without touching the pixels.
//!
//! Each format is walked block by block and rebuilt from the blocks a viewer needs: the
//! image data and its colour (the ICC profile, gamma, transparency, animation). Everything
//! else goes — EXIF and XMP (GPS, serial numbers), IPTC, Photoshop and maker blocks, MPF
//! secondary images, comments, PNG text and `eXIf` chunks, WebP EXIF/XMP, GIF comments and
//! application extensions other than looping — and so does anything after the image's end
//! (phones append motion-photo video and whole second JPEGs there, each with its own GPS).
//! A file that does not walk cleanly is refused (`None`), never passed through.

/// JPEG: keep SOI, JFIF (APP0), ICC profile (APP2 `ICC_PROFILE`), Adobe (APP14), the tables,
/// frames and scans; stop at EOI.
pub fn jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&[0xFF, 0xD8]);
    let mut i = 2;
    loop {
        // Fill bytes before a marker are allowed.
        while bytes.get(i) == Some(&0xFF) && bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        if *bytes.get(i)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(i + 1)?;
        match marker {
            0xD9 => {
                out.extend_from_slice(&[0xFF, 0xD9]);
                return Some(out);
            }
            0x01 | 0xD0..=0xD7 => {
                out.extend_from_slice(&bytes[i..i + 2]);
                i += 2;
                continue;
            }
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes([*bytes.get(i + 2)?, *bytes.get(i + 3)?]));
        if len < 2 {
            return None;
        }
        let end = i + 2 + len;
        let segment = bytes.get(i..end)?;
        let payload = &segment[4..];
        let keep = match marker {
            0xE0 => payload.starts_with(b"JFIF\0"),
            0xE2 => payload.starts_with(b"ICC_PROFILE\0"),
            0xEE => payload.starts_with(b"Adobe"),
            // Other application segments (EXIF, XMP, MPF, IPTC, Photoshop, makers) and comments.
            0xE1 | 0xE3..=0xED | 0xEF | 0xFE => false,
            _ => true,
        };
        if keep {
            out.extend_from_slice(segment);
        }
        i = end;
        if marker == 0xDA {
            // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a
            // restart marker.
            let start = i;
            let mut j = i;
            loop {
                let ff = j + bytes.get(j..)?.iter().position(|b| *b == 0xFF)?;
                let next = *bytes.get(ff + 1)?;
                if next == 0x00 || (0xD0..=0xD7).contains(&next) {
                    j = ff + 2;
                    continue;
                }
                out.extend_from_slice(&bytes[start..ff]);
                i = ff;
                break;
            }
        }
    }
}

/// The ICC profile of a JPEG (its APP2 `ICC_PROFILE` segments joined in order).
pub fn jpeg_icc(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut parts: Vec<(u8, &[u8])> = Vec::new();
    let mut i = 2;
    while i + 4 <= bytes.len() && bytes[i] == 0xFF {
        let marker = bytes[i + 1];
        if marker == 0xDA || marker == 0xD9 {
            break;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        let seg = bytes.get(i + 4..i + 2 + len)?;
        if marker == 0xE2 && seg.starts_with(b"ICC_PROFILE\0") && seg.len() > 14 {
            parts.push((seg[12], &seg[14..]));
        }
        i += 2 + len;
    }
    if parts.is_empty() {
        return None;
    }
    parts.sort_by_key(|(n, _)| *n);
    Some(
        parts
            .into_iter()
            .flat_map(|(_, p)| p.iter().copied())
            .collect(),
    )
}

/// PNG: keep the chunks that draw the picture; stop at IEND.
pub fn png(bytes: &[u8]) -> Option<Vec<u8>> {
    const SIG: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    const KEEP: [&[u8; 4]; 15] = [
        b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT",
        b"pHYs", b"bKGD", b"acTL", b"fcTL", b"fdAT",
    ];
    if bytes.get(..8)? != SIG {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&SIG);
    let mut i = 8;
    loop {
        let len = u32::from_be_bytes(bytes.get(i..i + 4)?.try_into().ok()?) as usize;
        let end = i.checked_add(12)?.checked_add(len)?;
        let chunk = bytes.get(i..end)?;
        let kind = &chunk[4..8];
        if KEEP.iter().any(|k| k.as_slice() == kind) {
            out.extend_from_slice(chunk);
        }
        if kind == b"IEND" {
            return Some(out);
        }
        i = end;
    }
}

/// The ICC profile of a PNG (its `iCCP` chunk, inflated).
pub fn png_icc(bytes: &[u8]) -> Option<Vec<u8>> {
    let decoder = image::codecs::png::PngDecoder::new(std::io::Cursor::new(bytes)).ok()?;
    let mut decoder = decoder;
    image::ImageDecoder::icc_profile(&mut decoder)
        .ok()
        .flatten()
}

/// WebP: keep the image, alpha, animation and ICC chunks; clear the EXIF/XMP flags; stop at
/// the end the RIFF header gives.
pub fn webp(bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.get(..4)? != b"RIFF" || bytes.get(8..12)? != b"WEBP" {
        return None;
    }
    let riff_len = u32::from_le_bytes(bytes.get(4..8)?.try_into().ok()?) as usize;
    let end = riff_len.checked_add(8)?.min(bytes.len());
    let mut body = Vec::with_capacity(end);
    let mut i = 12;
    while i + 8 <= end {
        let kind = &bytes[i..i + 4];
        let len = u32::from_le_bytes(bytes[i + 4..i + 8].try_into().ok()?) as usize;
        let padded = len + (len & 1);
        let chunk = bytes.get(i..i.checked_add(8 + padded)?.min(end))?;
        match kind {
            b"VP8 " | b"VP8L" | b"ALPH" | b"ANIM" | b"ANMF" | b"ICCP" => {
                body.extend_from_slice(chunk)
            }
            b"VP8X" => {
                let mut c = chunk.to_vec();
                if let Some(flags) = c.get_mut(8) {
                    // Clear the EXIF (0x08) and XMP (0x04) flags.
                    *flags &= !0x0C;
                }
                body.extend_from_slice(&c);
            }
            _ => {}
        }
        i += 8 + padded;
    }
    let mut out = Vec::with_capacity(body.len() + 12);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&u32::try_from(body.len() + 4).ok()?.to_le_bytes());
    out.extend_from_slice(b"WEBP");
    out.extend_from_slice(&body);
    Some(out)
}

/// The ICC profile of a WebP (its `ICCP` chunk).
pub fn webp_icc(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut i = 12;
    while i + 8 <= bytes.len() {
        let len = u32::from_le_bytes(bytes[i + 4..i + 8].try_into().ok()?) as usize;
        if &bytes[i..i + 4] == b"ICCP" {
            return bytes.get(i + 8..i + 8 + len).map(<[u8]>::to_vec);
        }
        i += 8 + len + (len & 1);
    }
    None
}

/// GIF: keep the screen, colour tables, frames, graphic control and looping; drop comments
/// and other application extensions; stop at the trailer.
pub fn gif(bytes: &[u8]) -> Option<Vec<u8>> {
    if !(bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a")) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len());
    let flags = *bytes.get(10)?;
    let mut i = 13;
    if flags & 0x80 != 0 {
        i += 3 * (1 << ((flags & 0x07) + 1));
    }
    out.extend_from_slice(bytes.get(..i)?);
    // Sub-blocks from `at` to the block terminator; returns the end.
    let sub_blocks = |mut at: usize| -> Option<usize> {
        loop {
            let n = usize::from(*bytes.get(at)?);
            at += 1 + n;
            if n == 0 {
                return Some(at);
            }
        }
    };
    loop {
        match *bytes.get(i)? {
            0x3B => {
                out.push(0x3B);
                return Some(out);
            }
            0x2C => {
                let lflags = *bytes.get(i + 9)?;
                let mut at = i + 10;
                if lflags & 0x80 != 0 {
                    at += 3 * (1 << ((lflags & 0x07) + 1));
                }
                let end = sub_blocks(at + 1)?;
                out.extend_from_slice(bytes.get(i..end)?);
                i = end;
            }
            0x21 => {
                let label = *bytes.get(i + 1)?;
                let end = sub_blocks(i + 2)?;
                let keep = match label {
                    0xF9 | 0x01 => true,
                    0xFF => {
                        let app = bytes.get(i + 3..i + 14).unwrap_or_default();
                        app == b"NETSCAPE2.0" || app == b"ANIMEXTS1.0"
                    }
                    _ => false,
                };
                if keep {
                    out.extend_from_slice(bytes.get(i..end)?);
                }
                i = end;
            }
            _ => return None,
        }
    }
}

/// Metadata-free bytes of an image in `format`; `None` when the file does not walk cleanly.
pub fn strip(bytes: &[u8], format: image::ImageFormat) -> Option<Vec<u8>> {
    match format {
        image::ImageFormat::Jpeg => jpeg(bytes),
        image::ImageFormat::Png => png(bytes),
        image::ImageFormat::WebP => webp(bytes),
        image::ImageFormat::Gif => gif(bytes),
        _ => None,
    }
}

/// The colour profile of an image in `format`, if it has one.
pub fn icc_profile(bytes: &[u8], format: image::ImageFormat) -> Option<Vec<u8>> {
    match format {
        image::ImageFormat::Jpeg => jpeg_icc(bytes),
        image::ImageFormat::Png => png_icc(bytes),
        image::ImageFormat::WebP => webp_icc(bytes),
        _ => None,
    }
}

#[cfg(test)]
#[path = "strip_tests.rs"]
mod tests;
