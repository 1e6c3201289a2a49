//! The few EXIF facts photo import needs (orientation, capture time, whether there is a
//! location), a patch that marks a kept EXIF block upright, and a builder of EXIF blocks for
//! tests and benchmarks. The blocks are TIFF structures as stored in a JPEG APP1 segment
//! (without the `Exif\0\0` prefix, as `img-parts` hands them over).

use chrono::{FixedOffset, NaiveDateTime};

use crate::journal::trip::CaptureTime;

/// What a photo's EXIF says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PhotoFacts {
    /// 1 (upright) to 8.
    pub orientation: u16,
    /// When it was taken, as the camera's clock showed it.
    pub captured: Option<NaiveDateTime>,
    /// The camera clock's offset from UTC (`OffsetTimeOriginal`), when recorded.
    pub offset: Option<FixedOffset>,
    pub has_location: bool,
}

impl PhotoFacts {
    /// The capture time for ordering photos.
    pub fn capture(&self) -> Option<CaptureTime> {
        self.captured.map(|local| CaptureTime {
            local,
            offset: self.offset,
        })
    }
}

fn upright() -> PhotoFacts {
    PhotoFacts {
        orientation: 1,
        ..PhotoFacts::default()
    }
}

/// Read the facts from a whole image file (JPEG, PNG, WebP, HEIF containers); a file with
/// no EXIF capture time may still have one in its XMP packet (screenshots, edited PNGs).
pub fn facts(bytes: &[u8]) -> PhotoFacts {
    let mut facts = exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(bytes))
        .map_or_else(|_| upright(), |e| facts_of(&e));
    if facts.captured.is_none()
        && let Some((local, offset)) = xmp_capture(bytes)
    {
        facts.captured = Some(local);
        facts.offset = offset;
    }
    facts
}

/// Read the facts from an EXIF block (a TIFF structure).
pub fn facts_from_tiff(tiff: &[u8]) -> PhotoFacts {
    exif::Reader::new()
        .read_raw(tiff.to_vec())
        .map_or_else(|_| upright(), |e| facts_of(&e))
}

fn facts_of(exif: &exif::Exif) -> PhotoFacts {
    let ascii = |tag: exif::Tag| -> Option<String> {
        let field = exif.get_field(tag, exif::In::PRIMARY)?;
        let exif::Value::Ascii(ref v) = field.value else {
            return None;
        };
        Some(String::from_utf8_lossy(v.first()?).trim().to_owned())
    };
    let orientation = exif
        .get_field(exif::Tag::Orientation, exif::In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
        .and_then(|o| u16::try_from(o).ok())
        .filter(|o| (1..=8).contains(o))
        .unwrap_or(1);
    let pairs = [
        (exif::Tag::DateTimeOriginal, exif::Tag::OffsetTimeOriginal),
        (exif::Tag::DateTimeDigitized, exif::Tag::OffsetTimeDigitized),
        (exif::Tag::DateTime, exif::Tag::OffsetTime),
    ];
    let (captured, offset) = pairs
        .iter()
        .find_map(|(date, offset)| {
            let dt = exif::DateTime::from_ascii(ascii(*date)?.as_bytes()).ok()?;
            let local = chrono::NaiveDate::from_ymd_opt(
                i32::from(dt.year),
                u32::from(dt.month),
                u32::from(dt.day),
            )?
            .and_hms_opt(
                u32::from(dt.hour),
                u32::from(dt.minute),
                u32::from(dt.second),
            )?;
            Some((local, ascii(*offset).and_then(|o| parse_offset(&o))))
        })
        .unzip();
    let has_location = exif
        .fields()
        .any(|f| f.ifd_num == exif::In::PRIMARY && f.tag.context() == exif::Context::Gps);
    PhotoFacts {
        orientation,
        captured,
        offset: offset.flatten(),
        has_location,
    }
}

/// `+09:00`, `-0530`, `Z`.
fn parse_offset(s: &str) -> Option<FixedOffset> {
    if s == "Z" {
        return FixedOffset::east_opt(0);
    }
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = s[1..].chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = digits[2..].parse().ok()?;
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// A capture time from an XMP packet: `exif:DateTimeOriginal`, `photoshop:DateCreated` or
/// `xmp:CreateDate`, as an attribute or an element (ISO 8601, offset optional).
pub fn xmp_capture(bytes: &[u8]) -> Option<(NaiveDateTime, Option<FixedOffset>)> {
    const KEYS: [&[u8]; 3] = [
        b"exif:DateTimeOriginal",
        b"photoshop:DateCreated",
        b"xmp:CreateDate",
    ];
    for key in KEYS {
        let mut from = 0;
        while let Some(i) = find(&bytes[from..], key) {
            let after = from + i + key.len();
            from = after;
            // `="…"` or `>…<`
            let rest = bytes.get(after..(after + 48).min(bytes.len()))?;
            let value = match rest.first() {
                Some(b'=') => rest.get(2..)?,
                Some(b'>') => rest.get(1..)?,
                _ => continue,
            };
            let end = value
                .iter()
                .position(|b| matches!(b, b'"' | b'\'' | b'<'))
                .unwrap_or(value.len());
            let text = String::from_utf8_lossy(&value[..end]).into_owned();
            if let Some(found) = parse_iso(&text) {
                return Some(found);
            }
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// `2024-05-03T10:01:00+09:00`, `2024-05-03T10:01:00.123Z`, `2024-05-03T10:01`.
fn parse_iso(s: &str) -> Option<(NaiveDateTime, Option<FixedOffset>)> {
    let s = s.trim();
    let split = s
        .char_indices()
        .skip(10)
        .find(|(_, c)| matches!(c, '+' | '-' | 'Z'))
        .map_or(s.len(), |(i, _)| i);
    let (local, zone) = s.split_at(split);
    let local = local.split('.').next().unwrap_or(local);
    let parsed = ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(local, f).ok())?;
    Some((parsed, parse_offset(zone)))
}

fn read_u16(b: &[u8], at: usize, le: bool) -> Option<u16> {
    let s: [u8; 2] = b.get(at..at + 2)?.try_into().ok()?;
    Some(if le {
        u16::from_le_bytes(s)
    } else {
        u16::from_be_bytes(s)
    })
}

fn read_u32(b: &[u8], at: usize, le: bool) -> Option<u32> {
    let s: [u8; 4] = b.get(at..at + 4)?.try_into().ok()?;
    Some(if le {
        u32::from_le_bytes(s)
    } else {
        u32::from_be_bytes(s)
    })
}

/// `jpeg` with its EXIF block replaced by `tiff` (`None` when `jpeg` is not a JPEG).
pub fn with_exif(jpeg: Vec<u8>, tiff: Vec<u8>) -> Option<Vec<u8>> {
    use img_parts::ImageEXIF;
    let mut parsed = img_parts::jpeg::Jpeg::from_bytes(jpeg.into()).ok()?;
    parsed.set_exif(Some(tiff.into()));
    Some(parsed.encoder().bytes().to_vec())
}

/// Set the Orientation tag of IFD0 to 1 (upright) in place; `false` when it is absent or
/// the block cannot be read.
pub fn mark_upright(tiff: &mut [u8]) -> bool {
    let le = match tiff.get(..2) {
        Some(b"II") => true,
        Some(b"MM") => false,
        _ => return false,
    };
    let Some(ifd) = read_u32(tiff, 4, le).map(|o| o as usize) else {
        return false;
    };
    let Some(count) = read_u16(tiff, ifd, le) else {
        return false;
    };
    for i in 0..usize::from(count) {
        let entry = ifd + 2 + i * 12;
        if read_u16(tiff, entry, le) == Some(0x0112) {
            let one = if le {
                1u16.to_le_bytes()
            } else {
                1u16.to_be_bytes()
            };
            if let Some(slot) = tiff.get_mut(entry + 8..entry + 10) {
                slot.copy_from_slice(&one);
                return true;
            }
        }
    }
    false
}

/// The small JPEG a camera or phone stores in the EXIF block (IFD1), when there is one.
pub fn exif_thumbnail(bytes: &[u8]) -> Option<Vec<u8>> {
    let exif = exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(bytes))
        .ok()?;
    let get = |tag| {
        exif.get_field(tag, exif::In::THUMBNAIL)
            .and_then(|f| f.value.get_uint(0))
            .map(|v| v as usize)
    };
    let at = get(exif::Tag::JPEGInterchangeFormat)?;
    let len = get(exif::Tag::JPEGInterchangeFormatLength)?;
    exif.buf().get(at..at.checked_add(len)?).map(<[u8]>::to_vec)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::exif_fixture::build;

    fn jpeg_with(tiff: Vec<u8>) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(16, 8, image::Rgb([200, 10, 10]));
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(&img)
            .unwrap();
        with_exif(out, tiff).unwrap()
    }

    #[test]
    fn built_exif_reads_back_and_can_be_marked_upright() {
        let mut tiff = build(6, "2016:11:07 10:29:43", true);
        let f = facts(&jpeg_with(tiff.clone()));
        assert_eq!(f.orientation, 6);
        assert_eq!(f.captured.unwrap().to_string(), "2016-11-07 10:29:43");
        assert!(f.has_location);
        assert!(mark_upright(&mut tiff));
        assert_eq!(facts(&jpeg_with(tiff)).orientation, 1);
        assert!(!facts(&jpeg_with(build(1, "2016:11:07 10:29:43", false))).has_location);
        assert_eq!(
            facts(b"not an image"),
            PhotoFacts {
                orientation: 1,
                ..PhotoFacts::default()
            }
        );
    }

    #[test]
    fn xmp_capture_times_are_read_with_or_without_an_offset() {
        type Case = (&'static [u8], Option<(&'static str, Option<i32>)>);
        let table: [Case; 5] = [
            (
                b"<x:xmpmeta><rdf:Description exif:DateTimeOriginal=\"2024-05-03T10:01:00+09:00\"/>",
                Some(("2024-05-03 10:01:00", Some(9 * 3600))),
            ),
            (
                b"<photoshop:DateCreated>2024-05-03T10:01:00.120Z</photoshop:DateCreated>",
                Some(("2024-05-03 10:01:00", Some(0))),
            ),
            (
                b"<xmp:CreateDate>2024-05-03T22:15</xmp:CreateDate>",
                Some(("2024-05-03 22:15:00", None)),
            ),
            (b"xmp:CreateDate=\"yesterday\"", None),
            (b"nothing here", None),
        ];
        for (bytes, want) in table {
            let got =
                xmp_capture(bytes).map(|(t, o)| (t.to_string(), o.map(|o| o.local_minus_utc())));
            assert_eq!(
                got,
                want.map(|(t, o)| (t.to_owned(), o)),
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
        assert_eq!(
            parse_offset("-05:30").map(|o| o.local_minus_utc()),
            Some(-19800)
        );
        assert_eq!(
            parse_offset("+0900").map(|o| o.local_minus_utc()),
            Some(32400)
        );
        assert_eq!(parse_offset("09:00"), None);
    }
}
