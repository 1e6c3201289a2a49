//! Spelling with the system's Hunspell and its Korean and English dictionaries: CI installs
//! them and sets `DAYBOOK_REQUIRE_HUNSPELL`, so these never skip there.

use super::*;

fn speller_here() -> Option<Speller> {
    let found = Speller::new().map_err(|e| e.to_string()).and_then(|mut s| {
        if s.has("ko") && s.has("en") {
            Ok(s)
        } else {
            Err("no ko or en dictionary".to_owned())
        }
    });
    match found {
        Ok(s) => Some(s),
        Err(why) => {
            assert!(
                std::env::var_os("DAYBOOK_REQUIRE_HUNSPELL").is_none(),
                "Hunspell is required here: {why}"
            );
            eprintln!("Hunspell not available ({why}): spelling not tested here");
            None
        }
    }
}

#[test]
fn korean_and_english_misspellings_are_caught_with_the_right_suggestion_first() {
    let Some(speller) = speller_here() else {
        return;
    };
    let mut c = Checker::new(speller);
    let text = "---\ntitle: 맞춤법\ndefinately: 3\n---\n\n\
        아침 일찍 불국사에 갔다. 사람이 적어서 사진을 많이 찍었다. 날씨가 맑아서 하늘이 무척 아름다웠다.\n\n\
        비가 와서 일정이 꼬였지만 결국 잘 됬다. 몇일 동안 설겆이는 미뤘다. 어의없다 싶었지만 왠만하면 웃기로 했다.\n\
        비는 금새 그쳤고 무지개까지 떴으니 희안하다.\n\n\
        I did not recieve the tickets, so teh plan definately changed. It was ok.\n\n\
        `teh` and {{ page.definately }} and <span class=\"recieve\">fine</span>.\n";
    let problems = c.problems("_posts/2024-05-06-a.md", text, "en");
    let got: Vec<(String, String)> = problems
        .iter()
        .map(|p| {
            let first = p
                .fixes
                .first()
                .map(|f| f.replacement.clone())
                .unwrap_or_default();
            (p.target.clone().unwrap_or_default(), first)
        })
        .collect();
    let want = [
        ("됬다", "됐다"),
        ("몇일", "며칠"),
        ("설겆이는", "설거지는"),
        ("어의없다", "어이없다"),
        ("왠만하면", "웬만하면"),
        ("금새", "금세"),
        ("희안하다", "희한하다"),
        ("recieve", "receive"),
        ("teh", "the"),
        ("definately", "definitely"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    assert_eq!(got, want);
    // Each fix replaces exactly the word.
    for p in &problems {
        let f = &p.fixes[0];
        assert_eq!(&text[f.range.clone()], p.target.as_deref().unwrap());
        assert_eq!(p.severity, crate::journal::check::Severity::Info);
    }
}

#[test]
fn word_lists_accept_a_blog_s_own_names() {
    let Some(speller) = speller_here() else {
        return;
    };
    let mut c = Checker::new(speller);
    let text = "Daybook met Jekyllrb at Gyeongju.\n";
    assert!(!c.misspelt(text, "en").is_empty());
    let mut c = Checker::new(Speller::new().unwrap());
    c.accept([
        "Daybook".to_owned(),
        "Jekyllrb".to_owned(),
        "Gyeongju".to_owned(),
    ]);
    assert_eq!(c.misspelt(text, "en"), []);
}

#[test]
fn latin_words_are_read_in_the_post_s_or_site_s_language() {
    assert_eq!(latin_language(None, None), "en");
    assert_eq!(latin_language(None, Some("ko")), "en");
    assert_eq!(latin_language(Some("ko-KR"), Some("de")), "en");
    assert_eq!(latin_language(Some("de_DE"), Some("ko")), "de_DE");
    assert_eq!(latin_language(None, Some("fr")), "fr");
}

#[test]
fn a_word_list_is_one_word_a_line_and_added_to_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data/words.txt");
    assert!(read_list(&path).is_empty());
    add_to_list(&path, "불국사").unwrap();
    add_to_list(&path, "Gyeongju").unwrap();
    add_to_list(&path, "불국사").unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "불국사\nGyeongju\n"
    );
    std::fs::write(&path, "# comment\n a \n\nb\n").unwrap();
    assert_eq!(read_list(&path), ["a", "b"]);
}
