//! The few EXIF facts photo import needs (orientation, capture time, whether there is a
//! location), a patch that marks a kept EXIF block upright, and a builder of EXIF blocks for
//! tests and benchmarks. The blocks are TIFF structures as stored in a JPEG APP1 segment
//! (without the `Exif\0\0` prefix, as `img-parts` hands them over).

use chrono::NaiveDateTime;

/// What a photo's EXIF says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PhotoFacts {
    /// 1 (upright) to 8.
    pub orientation: u16,
    pub captured: Option<NaiveDateTime>,
    pub has_location: bool,
}

/// Read the facts from a whole image file (JPEG, PNG, WebP, TIFF containers).
pub fn facts(bytes: &[u8]) -> PhotoFacts {
    let Ok(exif) = exif::Reader::new().read_from_container(&mut std::io::Cursor::new(bytes)) else {
        return PhotoFacts {
            orientation: 1,
            ..PhotoFacts::default()
        };
    };
    let orientation = exif
        .get_field(exif::Tag::Orientation, exif::In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
        .and_then(|o| u16::try_from(o).ok())
        .filter(|o| (1..=8).contains(o))
        .unwrap_or(1);
    let captured = [exif::Tag::DateTimeOriginal, exif::Tag::DateTime]
        .iter()
        .find_map(|tag| {
            let field = exif.get_field(*tag, exif::In::PRIMARY)?;
            let exif::Value::Ascii(ref v) = field.value else {
                return None;
            };
            let dt = exif::DateTime::from_ascii(v.first()?).ok()?;
            chrono::NaiveDate::from_ymd_opt(
                i32::from(dt.year),
                u32::from(dt.month),
                u32::from(dt.day),
            )?
            .and_hms_opt(
                u32::from(dt.hour),
                u32::from(dt.minute),
                u32::from(dt.second),
            )
        });
    let has_location = exif
        .fields()
        .any(|f| f.ifd_num == exif::In::PRIMARY && f.tag.context() == exif::Context::Gps);
    PhotoFacts {
        orientation,
        captured,
        has_location,
    }
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

/// Build a little-endian EXIF block with IFD0 Orientation, an Exif IFD with
/// `DateTimeOriginal` (`YYYY:MM:DD HH:MM:SS`) and, if asked, a GPS IFD with a latitude.
pub fn build(orientation: u16, captured: &str, gps: bool) -> Vec<u8> {
    // Layout: header(8) | IFD0 | Exif IFD | GPS IFD | data.
    let ifd0_count: u16 = if gps { 3 } else { 2 };
    let ifd0 = 8usize;
    let ifd0_len = 2 + usize::from(ifd0_count) * 12 + 4;
    let exif_ifd = ifd0 + ifd0_len;
    let exif_len = 2 + 12 + 4;
    let gps_ifd = exif_ifd + exif_len;
    let gps_len = if gps { 2 + 2 * 12 + 4 } else { 0 };
    let data = gps_ifd + gps_len;
    let mut b = Vec::new();
    b.extend_from_slice(b"II");
    b.extend_from_slice(&42u16.to_le_bytes());
    b.extend_from_slice(&(ifd0 as u32).to_le_bytes());
    let entry = |b: &mut Vec<u8>, tag: u16, ty: u16, count: u32, value: u32| {
        b.extend_from_slice(&tag.to_le_bytes());
        b.extend_from_slice(&ty.to_le_bytes());
        b.extend_from_slice(&count.to_le_bytes());
        b.extend_from_slice(&value.to_le_bytes());
    };
    b.extend_from_slice(&ifd0_count.to_le_bytes());
    entry(&mut b, 0x0112, 3, 1, u32::from(orientation));
    entry(&mut b, 0x8769, 4, 1, exif_ifd as u32);
    if gps {
        entry(&mut b, 0x8825, 4, 1, gps_ifd as u32);
    }
    b.extend_from_slice(&0u32.to_le_bytes());
    // Exif IFD: DateTimeOriginal (ASCII, 20 bytes with NUL) stored in the data area.
    b.extend_from_slice(&1u16.to_le_bytes());
    entry(&mut b, 0x9003, 2, 20, data as u32);
    b.extend_from_slice(&0u32.to_le_bytes());
    if gps {
        // GPSLatitudeRef "N" inline, GPSLatitude 3 rationals in the data area after the date.
        b.extend_from_slice(&2u16.to_le_bytes());
        entry(&mut b, 0x0001, 2, 2, u32::from(b'N'));
        entry(&mut b, 0x0002, 5, 3, (data + 20) as u32);
        b.extend_from_slice(&0u32.to_le_bytes());
    }
    let mut date = captured.as_bytes().to_vec();
    date.resize(19, b' ');
    date.push(0);
    b.extend_from_slice(&date);
    if gps {
        for (num, den) in [(37u32, 1u32), (33, 1), (1234, 100)] {
            b.extend_from_slice(&num.to_le_bytes());
            b.extend_from_slice(&den.to_le_bytes());
        }
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
