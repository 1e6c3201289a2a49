//! EXIF blocks for test and benchmark photos: an orientation, a capture time and, if
//! asked, a location, as a phone writes them (and a thumbnail in IFD1). Std only; included
//! by the crate's unit tests, the integration tests and the benchmarks, never built into
//! daybook.

#![allow(dead_code)]

/// `tiff` (as [`build`] makes it) with `jpeg` stored as its thumbnail in IFD1, as phones
/// store one.
pub fn with_thumbnail(mut tiff: Vec<u8>, jpeg: &[u8]) -> Vec<u8> {
    let ifd0 = u32::from_le_bytes([tiff[4], tiff[5], tiff[6], tiff[7]]) as usize;
    let count = u16::from_le_bytes([tiff[ifd0], tiff[ifd0 + 1]]);
    let next = ifd0 + 2 + usize::from(count) * 12;
    let ifd1 = tiff.len();
    if let Some(slot) = tiff.get_mut(next..next + 4) {
        slot.copy_from_slice(&(ifd1 as u32).to_le_bytes());
    }
    let data = ifd1 + 2 + 2 * 12 + 4;
    tiff.extend_from_slice(&2u16.to_le_bytes());
    for (tag, value) in [(0x0201u16, data as u32), (0x0202, jpeg.len() as u32)] {
        tiff.extend_from_slice(&tag.to_le_bytes());
        tiff.extend_from_slice(&4u16.to_le_bytes());
        tiff.extend_from_slice(&1u32.to_le_bytes());
        tiff.extend_from_slice(&value.to_le_bytes());
    }
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(jpeg);
    tiff
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
