use super::*;

fn at(s: &str, offset_hours: Option<i32>) -> Option<CaptureTime> {
    Some(CaptureTime {
        local: NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap(),
        offset: offset_hours.map(|h| FixedOffset::east_opt(h * 3600).unwrap()),
    })
}

#[test]
fn photos_are_ordered_by_the_moment_they_were_taken() {
    let seoul = FixedOffset::east_opt(9 * 3600).unwrap();
    type Case = (&'static str, Vec<Option<CaptureTime>>, Vec<usize>);
    let table: Vec<Case> = vec![
        (
            "shuffled",
            vec![
                at("2024-05-03 10:02:00", None),
                None,
                at("2024-05-03 10:01:00", None),
            ],
            vec![2, 0, 1],
        ),
        (
            // 10:00 in Seoul is 01:00 UTC; 09:30 in Bangkok (+7) is 02:30 UTC: Seoul first.
            "offsets compare moments, not clock faces",
            vec![
                at("2024-05-03 09:30:00", Some(7)),
                at("2024-05-03 10:00:00", Some(9)),
            ],
            vec![1, 0],
        ),
        (
            // Without an offset a photo is taken to be in the site's zone (+9).
            "a missing offset is the site's zone",
            vec![
                at("2024-05-03 10:00:00", Some(0)),
                at("2024-05-03 18:00:00", None),
            ],
            vec![1, 0],
        ),
        (
            "equal times keep the given order",
            vec![
                at("2024-05-03 10:00:00", None),
                at("2024-05-03 10:00:00", None),
                at("2024-05-03 09:00:00", None),
            ],
            vec![2, 0, 1],
        ),
        (
            "no times at all: the given order",
            vec![None, None, None],
            vec![0, 1, 2],
        ),
        ("nothing", vec![], vec![]),
    ];
    for (name, times, want) in table {
        assert_eq!(capture_order(&times, seoul), want, "{name}");
    }
}

#[test]
fn camera_names_are_told_from_descriptions() {
    let camera = [
        "",
        "  ",
        "IMG_1234",
        "IMG 1234",
        "img-1234",
        "IMG_E1234",
        "DSC01234",
        "DSCN0001",
        "PXL_20240503_100100123",
        "MVIMG_20240503_100100",
        "Screenshot",
        "Screenshot 2024-05-03 at 10.01.00",
        "Screen Shot 2016-11-07 at 10.29.43 AM",
        "스크린샷 2024-05-03 오전 10.01.00",
        "KakaoTalk_Photo_2024-05-03-10-01-00",
        "WhatsApp Image 2024-05-03 at 10.01.00",
        "2016-11-07 10.29.43",
        "20240503_100100",
        "P1000123",
        "GOPR0042",
        "DJI_0001",
        "image",
        "photo 3",
    ];
    let described = [
        "바다 1",
        "부산 여행 3",
        "감천문화마을 전경",
        "sample photo",
        "party at the beach",
        "photo booth",
        "imagine",
        "Screenshot of the settings page",
        "IMG tag example",
        "2024 Busan fireworks",
    ];
    for alt in camera {
        assert!(is_camera_name(alt), "{alt:?} is a camera name");
    }
    for alt in described {
        assert!(!is_camera_name(alt), "{alt:?} describes the photo");
    }
}

#[test]
fn default_alt_text_is_the_title_and_the_number() {
    assert_eq!(default_alt("여행", 3), "여행 3");
    assert_eq!(default_alt("[초안] 부산", 1), "초안 부산 1");
    assert_eq!(default_alt("  ", 2), "photo 2");
    assert!(!is_camera_name(&default_alt("여행", 3)));
}

#[test]
fn captions_are_written_in_the_site_style() {
    let photo = |caption: &str| PhotoEntry {
        url: "/images/trip/2024-05-03-100100.jpg".into(),
        alt: "바다 \"1\"".into(),
        caption: caption.into(),
        day: None,
        size: None,
    };
    let table = [
        (
            CaptionStyle::Emphasis,
            "해운대의 *아침*",
            "![바다 \"1\"](/images/trip/2024-05-03-100100.jpg)\n*해운대의 \\*아침\\**",
        ),
        (
            CaptionStyle::Figure,
            "해운대 & 광안리",
            "<figure>\n  <img src=\"/images/trip/2024-05-03-100100.jpg\" alt=\"바다 &quot;1&quot;\" loading=\"lazy\">\n  <figcaption>해운대 &amp; 광안리</figcaption>\n</figure>",
        ),
        (
            CaptionStyle::None,
            "보이지 않는 설명",
            "![바다 \"1\"](/images/trip/2024-05-03-100100.jpg)",
        ),
        (
            CaptionStyle::Figure,
            "",
            "![바다 \"1\"](/images/trip/2024-05-03-100100.jpg)",
        ),
    ];
    for (style, caption, want) in table {
        assert_eq!(
            photo_paragraphs(&[photo(caption)], style, None),
            vec![want.to_owned()],
            "{style:?}"
        );
    }
    assert_eq!(CaptionStyle::parse("Figure"), Some(CaptionStyle::Figure));
    assert_eq!(CaptionStyle::parse("nope"), None);
}

#[test]
fn a_heading_comes_where_the_day_changes_in_the_post_language() {
    let day = |d: u32| NaiveDate::from_ymd_opt(2024, 5, d);
    let photos: Vec<PhotoEntry> = [day(3), day(3), day(4), None]
        .into_iter()
        .enumerate()
        .map(|(i, day)| PhotoEntry {
            url: format!("/images/t/{i}.jpg"),
            alt: format!("여행 {i}"),
            caption: String::new(),
            day,
            size: None,
        })
        .collect();
    let ko = photo_paragraphs(&photos, CaptionStyle::Emphasis, Some(Lang::Korean));
    assert_eq!(
        ko,
        [
            "## 5월 3일",
            "![여행 0](/images/t/0.jpg)",
            "![여행 1](/images/t/1.jpg)",
            "## 5월 4일",
            "![여행 2](/images/t/2.jpg)",
            "![여행 3](/images/t/3.jpg)",
        ]
    );
    let en = photo_paragraphs(&photos[..1], CaptionStyle::Emphasis, Some(Lang::English));
    assert_eq!(en[0], "## May 3");
    assert_eq!(Lang::of_post(Some("en"), Some("ko"), "여행"), Lang::English);
    assert_eq!(Lang::of_post(None, Some("ko-KR"), "trip"), Lang::Korean);
    assert_eq!(Lang::of_post(None, None, "title: 여행"), Lang::Korean);
    assert_eq!(Lang::of_post(None, None, "title: trip"), Lang::English);
}

#[test]
fn a_live_photo_video_beside_its_still_is_found() {
    let paths: Vec<std::path::PathBuf> = [
        "/cam/IMG_0001.HEIC",
        "/cam/IMG_0001.MOV",
        "/cam/IMG_0002.mov",
        "/other/IMG_0003.jpg",
        "/cam/IMG_0003.MOV",
    ]
    .iter()
    .map(std::path::PathBuf::from)
    .collect();
    assert_eq!(live_photo_videos(&paths), vec![1]);
}

#[test]
fn a_batch_is_laid_out_in_capture_order_with_real_alt_texts() {
    let seoul = FixedOffset::east_opt(9 * 3600).unwrap();
    let photo = |url: &str, alt: &str, captured| BatchPhoto {
        url: url.into(),
        alt: alt.into(),
        caption: String::new(),
        captured,
        size: None,
    };
    let photos = vec![
        photo("/i/b.jpg", "IMG 0002", at("2024-05-04 10:02:00", None)),
        photo("/i/s.png", "Screenshot", None),
        photo("/i/a.jpg", "해운대 일출", at("2024-05-03 06:01:00", None)),
    ];
    let mut layout = Layout {
        style: CaptionStyle::Emphasis,
        headings: None,
        title: "여행".into(),
        first_number: 3,
        assumed: seoul,
        keep_order: false,
        insert_as: crate::journal::gallery::InsertAs::Lines,
        gallery: None,
        gallery_key: "gallery".into(),
    };
    assert_eq!(
        lay_out(&photos, &layout),
        [
            "![해운대 일출](/i/a.jpg)",
            "![여행 4](/i/b.jpg)",
            "![여행 5](/i/s.png)"
        ]
    );
    layout.keep_order = true;
    layout.headings = Some(Lang::Korean);
    assert_eq!(
        lay_out(&photos, &layout),
        [
            "## 5월 4일",
            "![여행 3](/i/b.jpg)",
            "![여행 4](/i/s.png)",
            "## 5월 3일",
            "![해운대 일출](/i/a.jpg)"
        ]
    );
}
