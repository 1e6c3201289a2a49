//! A document's edits and history: typing until a pause is one undo step, steps keep changes (not copies) within a budget, character boundaries, and a read-only post refusing every edit.
use super::*;

fn doc(text: &str) -> Document {
    Document::from_loaded(LoadedPost {
        path: "a.md".into(),
        text: text.to_owned(),
        fingerprint: Fingerprint::of(text.as_bytes()),
    })
}

#[test]
fn dirty_is_computed_from_the_text() {
    let mut d = doc("a");
    assert!(!d.is_dirty());
    d.replace_text("ab".into());
    assert!(d.is_dirty());
    d.replace_text("a".into());
    assert!(!d.is_dirty());
}

#[test]
fn typing_bursts_undo_as_one_step_and_pauses_split_them() {
    let mut d = doc("");
    let t0 = Instant::now();
    for (i, c) in "한글".chars().enumerate() {
        let end = d.text.len();
        d.edit(
            end..end,
            &c.to_string(),
            t0 + Duration::from_millis(100 * i as u64),
        );
        assert!(
            d.tick(t0 + Duration::from_millis(100 * i as u64 + 50))
                .is_some()
        );
    }
    assert_eq!(
        d.pause_remaining(Duration::from_secs(1), t0 + Duration::from_millis(400)),
        Some(Duration::from_millis(700))
    );
    assert_eq!(d.tick(t0 + Duration::from_secs(3)), None);
    assert_eq!(
        d.pause_remaining(Duration::from_secs(1), t0 + Duration::from_secs(3)),
        None
    );
    let end = d.text.len();
    d.edit(end..end, "!", t0 + Duration::from_secs(5));
    assert!(d.undo());
    assert_eq!(d.text, "한글");
    assert!(d.undo());
    assert_eq!(d.text, "");
    assert!(!d.undo());
    assert!(d.redo());
    assert_eq!(d.text, "한글");
}

#[test]
fn a_step_keeps_only_what_changed_and_undoes_exactly() {
    // (before, after): the change found, and undo/redo give both texts back.
    let table = [
        ("abc", "abXc", (2, "", "X")),
        ("abc", "ac", (1, "b", "")),
        ("aaaa", "aaa", (3, "a", "")),
        ("한글", "한국어", (3, "글", "국어")),
        ("가가", "가나가", (3, "", "나")),
        ("", "새 글", (0, "", "새 글")),
        ("같다", "같다!", (6, "", "!")),
    ];
    for (before, after, (at, removed, inserted)) in table {
        let change = Change::between(before, after);
        assert_eq!(
            (change.at, change.removed.as_str(), change.inserted.as_str()),
            (at, removed, inserted),
            "{before:?} → {after:?}"
        );
        let mut d = doc(before);
        d.replace_text(after.to_owned());
        assert!(d.undo());
        assert_eq!(d.text, before);
        assert!(d.redo());
        assert_eq!(d.text, after);
    }
    // A one-character edit of a long post keeps a few bytes, not a copy of the post.
    let long = "글".repeat(100_000);
    let mut d = doc(&long);
    let t0 = Instant::now();
    for i in 0..100 {
        d.edit(0..0, "x", t0 + Duration::from_secs(2 * i));
        d.tick(t0 + Duration::from_secs(2 * i + 1));
    }
    assert!(d.history_bytes() < 1_000, "{} bytes", d.history_bytes());
    for _ in 0..100 {
        assert!(d.undo());
    }
    assert_eq!(d.text, long);
}

#[test]
fn command_edits_are_single_steps() {
    let mut d = doc("a");
    d.replace_text("b".into());
    d.replace_text("c".into());
    d.undo();
    assert_eq!(d.text, "b");
    d.replace_text("d".into());
    assert!(!d.can_redo(), "a new edit clears redo");
}

#[test]
fn typed_edits_are_kept_as_changes_and_undone_in_order() {
    let t0 = Instant::now();
    let ms = |n: u64| t0 + Duration::from_millis(n);
    // (edits typed within one burst, the text after them)
    type Edits<'a> = &'a [(std::ops::Range<usize>, &'a str)];
    let table: [(Edits, &str); 5] = [
        (&[(3..3, "한"), (6..6, "글"), (9..9, "!")], "abc한글! def"),
        (&[(3..3, "xy"), (4..5, "")], "abcx def"),
        (&[(0..3, "ABC"), (7..7, "!")], "ABC def!"),
        // Out-of-range and mid-character ranges are clamped, never a panic.
        (&[(100..200, "끝")], "abc def끝"),
        (&[(4..4, "가"), (5..6, ""), (4..7, "")], "abc def"),
    ];
    for (edits, after) in table {
        let mut d = doc("abc def");
        for (i, (range, inserted)) in edits.iter().enumerate() {
            d.edit(range.clone(), inserted, ms(10 * i as u64));
        }
        assert_eq!(d.text, after, "{edits:?}");
        assert!(d.history_bytes() < 64, "{edits:?}: {}", d.history_bytes());
        d.tick(ms(5_000));
        if after != "abc def" {
            assert!(d.undo(), "{edits:?}");
        }
        assert_eq!(d.text, "abc def", "{edits:?}");
        if after != "abc def" {
            assert!(d.redo());
            assert_eq!(d.text, after);
        }
    }
    // An ended step (an input method's commit) is undone on its own.
    let mut d = doc("");
    d.edit(0..0, "a", ms(0));
    d.end_step();
    d.edit(1..1, "한", ms(10));
    d.end_step();
    assert!(d.undo());
    assert_eq!(d.text, "a");
    assert_eq!(d.last_step_range(false), Some(1..1));
}

#[test]
fn a_read_only_document_refuses_every_edit_but_takes_a_reload() {
    let t0 = Instant::now();
    let mut d = doc("a");
    d.edit(1..1, "b", t0);
    d.end_step();
    d.read_only = Some(PathBuf::from("/elsewhere/post.md"));
    d.edit(0..1, "x", t0);
    d.type_text("typed".into(), t0);
    d.replace_text("replaced".into());
    assert!(!d.undo());
    assert!(!d.redo());
    assert_eq!(d.text, "ab");
    d.reload_from_disk("on disk".into(), Fingerprint::of(b"on disk"));
    assert_eq!(d.text, "on disk");
    assert!(!d.is_dirty());
}
