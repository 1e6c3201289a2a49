//! Photos laid out as a trip: the order they were taken in, a heading where the day
//! changes, alt text that is never a camera's file name, and captions written the way the
//! site publishes them.

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime};

/// When a photo was taken: the camera clock's time, and its offset from UTC when recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaptureTime {
    pub local: NaiveDateTime,
    pub offset: Option<FixedOffset>,
}

impl CaptureTime {
    /// The moment in UTC; a time without an offset is taken to be in `assumed` (the site's
    /// zone), where a trip's photos without offsets were most likely taken.
    pub fn utc(&self, assumed: FixedOffset) -> NaiveDateTime {
        let offset = self.offset.unwrap_or(assumed);
        self.local - chrono::Duration::seconds(i64::from(offset.local_minus_utc()))
    }

    /// The day on the camera's calendar (what the traveller lived).
    pub fn day(&self) -> NaiveDate {
        self.local.date()
    }
}

/// The order to link photos in: those with a capture time by that moment (equal times keep
/// the order given), then those without, in the order given. Returns indices into `times`.
pub fn capture_order(times: &[Option<CaptureTime>], assumed: FixedOffset) -> Vec<usize> {
    let mut timed: Vec<(NaiveDateTime, usize)> = times
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.map(|t| (t.utc(assumed), i)))
        .collect();
    // Stable: equal moments keep the given order.
    timed.sort_by_key(|(t, _)| *t);
    timed
        .into_iter()
        .map(|(_, i)| i)
        .chain(
            times
                .iter()
                .enumerate()
                .filter(|(_, t)| t.is_none())
                .map(|(i, _)| i),
        )
        .collect()
}

/// Prefixes cameras, phones and apps give the files they make.
const CAMERA_PREFIXES: [&str; 22] = [
    "img",
    "dsc",
    "dscn",
    "dscf",
    "pxl",
    "mvimg",
    "vid",
    "pano",
    "gopr",
    "dji",
    "sam",
    "screenshot",
    "screen shot",
    "스크린샷",
    "화면 캡처",
    "kakaotalk photo",
    "kakaotalk",
    "whatsapp image",
    "fb img",
    "received",
    "photo",
    "image",
];

/// Words a camera or screenshot name may hold besides numbers.
const CAMERA_WORDS: [&str; 10] = [
    "at",
    "am",
    "pm",
    "오전",
    "오후",
    "copy",
    "edited",
    "복사본",
    "burst",
    "cover",
];

/// Whether `alt` is no description at all: empty, or a name a camera, phone or screenshot
/// tool made (`IMG_1234`, `IMG 1234`, `DSC01234`, `PXL_20240503_100100123`,
/// `Screenshot 2024-05-03 at 10.01.00`, `2016-11-07 10.29.43`, `P1000123`).
pub fn is_camera_name(alt: &str) -> bool {
    let words: String = alt
        .trim()
        .chars()
        .map(|c| {
            if matches!(c, '_' | '-' | '.' | ':' | '(' | ')' | ',') {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .to_lowercase();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.is_empty() {
        return true;
    }
    let rest = CAMERA_PREFIXES
        .iter()
        .filter_map(|p| words.strip_prefix(p))
        .min_by_key(|r| r.len())
        .unwrap_or(&words);
    // Panasonic and others: `P1000123`.
    let rest = match rest.strip_prefix('p') {
        Some(r) if rest.len() >= 5 && r.chars().all(|c| c.is_ascii_digit()) => r,
        _ => rest,
    };
    let mut any_digit = rest.trim().is_empty();
    let only_numbers = rest.split_whitespace().all(|w| {
        if w.chars().all(|c| c.is_ascii_digit()) {
            any_digit = true;
            return true;
        }
        // `WA0001` (WhatsApp), `20240503t100100` and similar glued forms.
        let digits = w.chars().filter(char::is_ascii_digit).count();
        if digits * 2 >= w.chars().count() {
            any_digit = true;
            return true;
        }
        CAMERA_WORDS.contains(&w)
    });
    let had_prefix = rest.len() != words.len();
    only_numbers && (had_prefix || any_digit)
}

/// The alt text of photo `number` of a post titled `title` when the user gave none.
pub fn default_alt(title: &str, number: usize) -> String {
    let title = title.replace(['[', ']'], "");
    let title = title.trim();
    if title.is_empty() {
        format!("photo {number}")
    } else {
        format!("{title} {number}")
    }
}

/// How a site publishes a photo's caption (`daybook: caption:` in `_config.yml`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaptionStyle {
    /// A `*…*` line right under the image (kramdown puts both in one paragraph).
    #[default]
    Emphasis,
    /// `<figure>` with the image and a `<figcaption>`.
    Figure,
    /// Captions are not written.
    None,
}

impl CaptionStyle {
    pub fn parse(s: &str) -> Option<CaptionStyle> {
        match s.trim().to_ascii_lowercase().as_str() {
            "emphasis" | "italic" | "em" => Some(CaptionStyle::Emphasis),
            "figure" | "figcaption" | "html" => Some(CaptionStyle::Figure),
            "none" | "off" | "false" => Some(CaptionStyle::None),
            _ => None,
        }
    }
}

/// The language day headings are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Korean,
    English,
}

impl Lang {
    /// The post's language: its `lang:`, else the site's, else Korean when its title or text
    /// is written in Hangul.
    pub fn of_post(post_lang: Option<&str>, site_lang: Option<&str>, text: &str) -> Lang {
        match post_lang.or(site_lang).map(str::trim) {
            Some(l) if l.to_ascii_lowercase().starts_with("ko") => Lang::Korean,
            Some(l) if !l.is_empty() => Lang::English,
            _ if text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)) => Lang::Korean,
            _ => Lang::English,
        }
    }
}

/// `## 5월 3일` or `## May 3`.
pub fn day_heading(day: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Korean => format!("## {}월 {}일", day.month(), day.day()),
        Lang::English => {
            const MONTHS: [&str; 12] = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ];
            let month = MONTHS.get(day.month0() as usize).copied().unwrap_or("");
            format!("## {month} {}", day.day())
        }
    }
}

pub use super::gallery::PhotoEntry;

fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The Markdown image for `url` with `alt` (a URL with spaces is wrapped in `<…>`).
pub fn image_markdown(alt: &str, url: &str) -> String {
    let alt = alt.replace(['[', ']'], "");
    // Spaces inside Liquid (`{{ site.baseurl }}`) are gone once Jekyll has run.
    let mut bare = url.to_owned();
    while let (Some(a), Some(b)) = (bare.find("{{"), bare.find("}}")) {
        if b < a {
            break;
        }
        bare.replace_range(a..b + 2, "");
    }
    if bare.contains(' ') {
        format!("![{alt}](<{url}>)")
    } else {
        format!("![{alt}]({url})")
    }
}

/// The paragraphs for `photos`, in order: each photo with its caption in `style`, and, when
/// `headings` is given, a day heading before the first photo of each day.
pub fn photo_paragraphs(
    photos: &[PhotoEntry],
    style: CaptionStyle,
    headings: Option<Lang>,
) -> Vec<String> {
    paragraphs(photos, style, headings, false)
}

/// [`photo_paragraphs`]; with `figures`, a `<figure>` each, captioned or not.
fn paragraphs(
    photos: &[PhotoEntry],
    style: CaptionStyle,
    headings: Option<Lang>,
    figures: bool,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut last_day = None;
    for p in photos {
        if let (Some(lang), Some(day)) = (headings, p.day)
            && last_day != Some(day)
        {
            out.push(day_heading(day, lang));
            last_day = Some(day);
        }
        let caption = p.caption.trim();
        let image = image_markdown(&p.alt, &p.url);
        out.push(match style {
            _ if figures => super::gallery::figure(p, "\n  ", "\n"),
            _ if caption.is_empty() => image,
            CaptionStyle::None => image,
            CaptionStyle::Emphasis => {
                // One caption line; line breaks inside would end the emphasis.
                let line = caption.split_whitespace().collect::<Vec<_>>().join(" ");
                format!("{image}\n*{}*", escape_markdown(&line))
            }
            CaptionStyle::Figure => super::gallery::figure(p, "\n  ", "\n"),
        });
    }
    out
}

/// A photo of a batch, as imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchPhoto {
    pub url: String,
    /// The alt text the user typed, else one made from the file name (may be a camera name).
    pub alt: String,
    pub caption: String,
    pub captured: Option<CaptureTime>,
    /// Width and height of the file.
    pub size: Option<(u32, u32)>,
}

/// How a batch of photos is written into a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub style: CaptionStyle,
    /// A heading per day, in this language.
    pub headings: Option<Lang>,
    /// The post's title, for alt texts the photos do not have.
    pub title: String,
    /// The number of the batch's first photo in the post.
    pub first_number: usize,
    /// The zone of photos without an offset.
    pub assumed: FixedOffset,
    /// Keep the order given instead of the capture order.
    pub keep_order: bool,
    /// How the batch goes in: a line each, a figure each, or one gallery.
    pub insert_as: super::gallery::InsertAs,
    /// The site's gallery include a gallery is written for (`None`: daybook's own).
    pub gallery: Option<super::gallery::IncludeGallery>,
    /// The front-matter key a gallery read from the front matter is written under (chosen
    /// once, from the keys the post had).
    pub gallery_key: String,
}

/// The alt text to write: `alt` unless it is empty or a camera name, else the title and the
/// photo's number.
pub fn alt_for(alt: &str, title: &str, number: usize) -> String {
    if is_camera_name(alt) {
        default_alt(title, number)
    } else {
        alt.trim().to_owned()
    }
}

/// The order `photos` are written in (indices).
pub fn batch_order(photos: &[BatchPhoto], layout: &Layout) -> Vec<usize> {
    if layout.keep_order {
        (0..photos.len()).collect()
    } else {
        let times: Vec<Option<CaptureTime>> = photos.iter().map(|p| p.captured).collect();
        capture_order(&times, layout.assumed)
    }
}

/// The paragraphs for a batch: in capture order (unless kept as given), alt texts that are
/// never camera names, captions in the site's style, day headings when asked.
pub fn lay_out(photos: &[BatchPhoto], layout: &Layout) -> Vec<String> {
    let entries = entries(photos, layout);
    match layout.insert_as {
        super::gallery::InsertAs::Lines => {
            photo_paragraphs(&entries, layout.style, layout.headings)
        }
        super::gallery::InsertAs::Figure => {
            paragraphs(&entries, layout.style, layout.headings, true)
        }
        super::gallery::InsertAs::Gallery => vec![match front_matter_include(layout) {
            Some(g) => super::gallery::front_matter_tag(g, &layout.gallery_key),
            None => match layout.gallery.as_ref().filter(|g| g.front_matter.is_none()) {
                Some(g) => super::gallery::include_tag(g, &entries),
                None => super::gallery::gallery(&entries),
            },
        }],
    }
}

/// The site's gallery include that reads the batch from the front matter, when the batch
/// is written as one.
fn front_matter_include(layout: &Layout) -> Option<&super::gallery::IncludeGallery> {
    layout
        .gallery
        .as_ref()
        .filter(|_| layout.insert_as == super::gallery::InsertAs::Gallery)
        .filter(|g| g.front_matter.is_some())
        .filter(|g| super::gallery::can_show(g, &layout.gallery_key))
}

/// The front-matter key and its lines a batch written as a front-matter gallery needs.
pub fn front_matter_gallery(
    photos: &[BatchPhoto],
    layout: &Layout,
) -> Option<(String, Vec<String>)> {
    front_matter_include(layout)?;
    let items = super::gallery::front_matter_items(&entries(photos, layout));
    Some((layout.gallery_key.clone(), items))
}

/// `text` with the batch's front-matter gallery list written (when it has one; unchanged
/// when the front matter cannot be edited).
pub fn with_front_matter_gallery(text: &str, photos: &[BatchPhoto], layout: &Layout) -> String {
    match front_matter_gallery(photos, layout) {
        Some((key, lines)) => {
            super::front_matter::set_block(text, &key, &lines).unwrap_or_else(|_| text.to_owned())
        }
        None => text.to_owned(),
    }
}

/// The batch's photos as written: in order, with alt texts and captions.
fn entries(photos: &[BatchPhoto], layout: &Layout) -> Vec<PhotoEntry> {
    batch_order(photos, layout)
        .into_iter()
        .enumerate()
        .map(|(k, i)| {
            let p = &photos[i];
            PhotoEntry {
                url: p.url.clone(),
                alt: alt_for(&p.alt, &layout.title, layout.first_number + k),
                caption: p.caption.clone(),
                day: p.captured.map(|c| c.day()),
                size: p.size,
            }
        })
        .collect()
}

/// A Live Photo's video beside its still: the `.MOV`/`.MP4` whose name (before the
/// extension) matches a HEIC or JPEG photo among `paths` (case-insensitive).
pub fn live_photo_videos(paths: &[std::path::PathBuf]) -> Vec<usize> {
    let split = |p: &std::path::Path| -> Option<(String, String)> {
        let stem = p.file_stem()?.to_string_lossy().to_lowercase();
        let ext = p.extension()?.to_string_lossy().to_lowercase();
        let dir = p.parent().map(|d| d.to_string_lossy().into_owned());
        Some((format!("{}/{stem}", dir.unwrap_or_default()), ext))
    };
    let stills: Vec<String> = paths
        .iter()
        .filter_map(|p| split(p))
        .filter(|(_, e)| matches!(e.as_str(), "heic" | "heif" | "jpg" | "jpeg"))
        .map(|(s, _)| s)
        .collect();
    paths
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            split(p)
                .is_some_and(|(s, e)| matches!(e.as_str(), "mov" | "mp4") && stills.contains(&s))
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
#[path = "trip_tests.rs"]
mod tests;
