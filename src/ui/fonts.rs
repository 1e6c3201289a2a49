//! Fonts that render Korean everywhere: a system CJK font when one is installed, else the
//! Korean fallback bundled in `assets/fonts` (a `NanumGothic` subset, OFL).

use std::path::Path;
use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

pub use crate::site::bundled::{BUNDLED_KOREAN, BUNDLED_SYMBOLS};

/// System fonts with Hangul, best first: (path, index inside a collection).
const SYSTEM_CANDIDATES: [(&str, u32); 8] = [
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 1),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 1),
    (
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        1,
    ),
    ("/usr/share/fonts/truetype/nanum/NanumGothic.ttf", 0),
    ("/usr/share/fonts/nanum/NanumGothic.ttf", 0),
    ("/System/Library/Fonts/AppleSDGothicNeo.ttc", 0),
    ("C:\\Windows\\Fonts\\malgun.ttf", 0),
    ("/Library/Fonts/NanumGothic.ttf", 0),
];

/// Which Korean font the window uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KoreanFont {
    /// Look for a system CJK font first (the app).
    PreferSystem,
    /// Only the bundled font (tests: the same glyphs on every machine).
    BundledOnly,
}

fn system_korean_font() -> Option<(Vec<u8>, u32)> {
    SYSTEM_CANDIDATES.iter().find_map(|(path, index)| {
        let p = Path::new(path);
        p.is_file()
            .then(|| std::fs::read(p).ok().map(|b| (b, *index)))
            .flatten()
    })
}

/// Font definitions: egui's defaults, then the Korean font as a fallback in every family.
pub fn definitions(choice: KoreanFont) -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let data = match choice {
        KoreanFont::PreferSystem => system_korean_font(),
        KoreanFont::BundledOnly => None,
    };
    let font = match data {
        Some((bytes, index)) => {
            let mut d = FontData::from_owned(bytes);
            d.index = index;
            d
        }
        None => FontData::from_static(BUNDLED_KOREAN),
    };
    fonts.font_data.insert("korean".to_owned(), Arc::new(font));
    fonts.font_data.insert(
        "symbols".to_owned(),
        Arc::new(FontData::from_static(BUNDLED_SYMBOLS)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        list.push("korean".to_owned());
        list.push("symbols".to_owned());
    }
    fonts
}

/// Install the fonts in `ctx`.
pub fn install(ctx: &egui::Context, choice: KoreanFont) {
    ctx.set_fonts(definitions(choice));
}
