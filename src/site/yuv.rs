//! YCbCr 4:2:0 planes (as HEVC stores a photo) to RGB, at full or half size. Converting
//! ourselves at half size skips libheif's full-size conversion and a resize: a 12 MP HEIC
//! becomes the 2016-pixel picture an import needs in one pass over its planes.

/// The matrix and range of the planes (`matrix_coefficients` of ITU-T H.273).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix {
    kr: f32,
    kb: f32,
    full_range: bool,
}

impl Matrix {
    /// The matrix for H.273 `matrix_coefficients` (1: BT.709, 5/6: BT.601, 9: BT.2020
    /// non-constant); `None` for others (converted by libheif instead).
    pub fn from_h273(coefficients: i32, full_range: bool) -> Option<Matrix> {
        let (kr, kb) = match coefficients {
            1 => (0.2126, 0.0722),
            5 | 6 => (0.299, 0.114),
            9 => (0.2627, 0.0593),
            _ => return None,
        };
        Some(Matrix { kr, kb, full_range })
    }

    fn rgb(&self, y: f32, cb: f32, cr: f32) -> [u8; 3] {
        let (y, cb, cr) = if self.full_range {
            (y, cb - 128.0, cr - 128.0)
        } else {
            (
                (y - 16.0) * (255.0 / 219.0),
                (cb - 128.0) * (255.0 / 224.0),
                (cr - 128.0) * (255.0 / 224.0),
            )
        };
        let kg = 1.0 - self.kr - self.kb;
        let r = y + 2.0 * (1.0 - self.kr) * cr;
        let b = y + 2.0 * (1.0 - self.kb) * cb;
        let g = y
            - (2.0 * self.kb * (1.0 - self.kb) / kg) * cb
            - (2.0 * self.kr * (1.0 - self.kr) / kg) * cr;
        // `as u8` saturates; round to the nearest value first.
        [(r + 0.5) as u8, (g + 0.5) as u8, (b + 0.5) as u8]
    }
}

/// One plane: its bytes, row stride (in bytes), width (in samples: pixels of an interleaved
/// plane) and height.
#[derive(Debug, Clone, Copy)]
pub struct Plane<'a> {
    pub data: &'a [u8],
    pub stride: usize,
    pub width: usize,
    pub height: usize,
}

impl Plane<'_> {
    fn at(&self, x: usize, y: usize) -> f32 {
        let x = x.min(self.width.saturating_sub(1));
        let y = y.min(self.height.saturating_sub(1));
        f32::from(self.data.get(y * self.stride + x).copied().unwrap_or(0))
    }
}

/// RGB from 4:2:0 planes: at full size, or at half size (each pixel the average of a 2×2
/// block of luma, with the chroma sample of that block). `None` when the planes are short.
pub fn to_rgb(
    y: Plane<'_>,
    cb: Plane<'_>,
    cr: Plane<'_>,
    matrix: Matrix,
    half: bool,
) -> Option<image::RgbImage> {
    if y.data.len() < y.stride * y.height.saturating_sub(1) + y.width
        || cb.width < y.width.div_ceil(2)
        || cb.height < y.height.div_ceil(2)
        || cr.width < cb.width
        || cr.height < cb.height
    {
        return None;
    }
    let (w, h) = if half {
        ((y.width / 2).max(1), (y.height / 2).max(1))
    } else {
        (y.width, y.height)
    };
    let mut out = Vec::with_capacity(w * h * 3);
    for oy in 0..h {
        for ox in 0..w {
            let (luma, cx, cy) = if half {
                let (x0, y0) = (ox * 2, oy * 2);
                let sum = y.at(x0, y0) + y.at(x0 + 1, y0) + y.at(x0, y0 + 1) + y.at(x0 + 1, y0 + 1);
                (sum / 4.0, ox, oy)
            } else {
                (y.at(ox, oy), ox / 2, oy / 2)
            };
            out.extend_from_slice(&matrix.rgb(luma, cb.at(cx, cy), cr.at(cx, cy)));
        }
    }
    image::RgbImage::from_raw(u32::try_from(w).ok()?, u32::try_from(h).ok()?, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_colours_convert_in_both_ranges_and_sizes() {
        let bt601 = Matrix::from_h273(6, true).unwrap();
        // Full-range BT.601: pure red is Y 76, Cb 85, Cr 255.
        let table = [
            ((76.0, 85.0, 255.0), bt601, [255, 0, 0]),
            ((128.0, 128.0, 128.0), bt601, [128, 128, 128]),
            (
                (16.0, 128.0, 128.0),
                Matrix::from_h273(1, false).unwrap(),
                [0, 0, 0],
            ),
            (
                (235.0, 128.0, 128.0),
                Matrix::from_h273(1, false).unwrap(),
                [255, 255, 255],
            ),
        ];
        for ((y, cb, cr), m, want) in table {
            let got = m.rgb(y, cb, cr);
            for c in 0..3 {
                assert!(got[c].abs_diff(want[c]) <= 1, "{got:?} vs {want:?}");
            }
        }
        assert!(Matrix::from_h273(0, true).is_none(), "RGB: left to libheif");
        // A 4×2 picture: left half red, right half blue.
        let luma = [76u8, 76, 29, 29, 76, 76, 29, 29];
        let (cb, cr) = ([85u8, 255], [255u8, 107]);
        let plane = |data: &'static [u8], width, height| Plane {
            data,
            stride: width,
            width,
            height,
        };
        let luma: &'static [u8] = Box::leak(Box::new(luma));
        let cb: &'static [u8] = Box::leak(Box::new(cb));
        let cr: &'static [u8] = Box::leak(Box::new(cr));
        let full = to_rgb(
            plane(luma, 4, 2),
            plane(cb, 2, 1),
            plane(cr, 2, 1),
            bt601,
            false,
        )
        .unwrap();
        assert_eq!(full.dimensions(), (4, 2));
        assert!(full.get_pixel(0, 1)[0] > 250 && full.get_pixel(3, 0)[2] > 250);
        let half = to_rgb(
            plane(luma, 4, 2),
            plane(cb, 2, 1),
            plane(cr, 2, 1),
            bt601,
            true,
        )
        .unwrap();
        assert_eq!(half.dimensions(), (2, 1));
        assert!(half.get_pixel(0, 0)[0] > 250 && half.get_pixel(1, 0)[2] > 250);
        assert!(
            to_rgb(
                plane(luma, 4, 2),
                plane(cb, 1, 1),
                plane(cr, 2, 1),
                bt601,
                true
            )
            .is_none()
        );
    }
}
