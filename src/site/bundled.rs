//! The fonts bundled in `assets/fonts`, for the window and for text inside SVG pictures on
//! machines without a system font that has Hangul.

/// The bundled fallback: Hangul syllables and jamo, Latin, common punctuation.
pub const BUNDLED_KOREAN: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/daybook-korean-fallback.ttf"
));

/// A few symbols egui's own fonts lack (`egui_commonmark`'s copy button among them).
pub const BUNDLED_SYMBOLS: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/daybook-symbols.ttf"
));
