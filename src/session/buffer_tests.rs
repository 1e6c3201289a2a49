//! The buffer's edits, selection and history: typing until a pause is one undo step, steps
//! keep changes (not copies) within a budget, character boundaries, undo restoring the
//! selection of its step, and snapshots shared rather than copied.
use super::*;

fn buf(text: &str) -> Buffer {
    Buffer::new(text.to_owned())
}

#[test]
fn typing_bursts_undo_as_one_step_and_pauses_split_them() {
    let mut d = buf("");
    let t0 = Instant::now();
    for (i, c) in "한글".chars().enumerate() {
        let end = d.text().len();
        d.type_edit(
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
    let end = d.text().len();
    d.type_edit(end..end, "!", t0 + Duration::from_secs(5));
    assert!(d.undo());
    assert_eq!(d.text(), "한글");
    assert!(d.undo());
    assert_eq!(d.text(), "");
    assert!(!d.undo());
    assert!(d.redo());
    assert_eq!(d.text(), "한글");
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
        let mut d = buf(before);
        d.replace_text(after.to_owned());
        assert!(d.undo());
        assert_eq!(d.text(), before);
        assert!(d.redo());
        assert_eq!(d.text(), after);
    }
    // A one-character edit of a long post keeps a few bytes, not a copy of the post.
    let long = "글".repeat(100_000);
    let mut d = buf(&long);
    let t0 = Instant::now();
    for i in 0..100 {
        d.type_edit(0..0, "x", t0 + Duration::from_secs(2 * i));
        d.tick(t0 + Duration::from_secs(2 * i + 1));
    }
    assert!(d.history_bytes() < 1_000, "{} bytes", d.history_bytes());
    for _ in 0..100 {
        assert!(d.undo());
    }
    assert_eq!(d.text(), long);
}

#[test]
fn command_edits_are_single_steps() {
    let mut d = buf("a");
    d.replace_text("b".into());
    d.replace_text("c".into());
    d.undo();
    assert_eq!(d.text(), "b");
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
        let mut d = buf("abc def");
        for (i, (range, inserted)) in edits.iter().enumerate() {
            d.type_edit(range.clone(), inserted, ms(10 * i as u64));
        }
        assert_eq!(d.text(), after, "{edits:?}");
        assert!(d.history_bytes() < 64, "{edits:?}: {}", d.history_bytes());
        d.tick(ms(5_000));
        if after != "abc def" {
            assert!(d.undo(), "{edits:?}");
        }
        assert_eq!(d.text(), "abc def", "{edits:?}");
        if after != "abc def" {
            assert!(d.redo());
            assert_eq!(d.text(), after);
        }
    }
    // An ended step (an input method's commit) is undone on its own.
    let mut d = buf("");
    d.type_edit(0..0, "a", ms(0));
    d.end_step();
    d.type_edit(1..1, "한", ms(10));
    d.end_step();
    assert!(d.undo());
    assert_eq!(d.text(), "a");
    assert_eq!(d.selection(), Selection::caret(1));
}

#[test]
fn undo_and_redo_restore_the_selection_of_their_step() {
    let t0 = Instant::now();
    let ms = |n: u64| t0 + Duration::from_millis(n);
    // (start text, selection before, what is done, selection after undo, after redo)
    type Act = fn(&mut Buffer, Instant);
    let table: [(&str, Selection, Act, Selection, Selection); 5] = [
        // Typing over a selection: undo selects the words again.
        (
            "한 글 abc",
            Selection { anchor: 4, head: 0 },
            |b, t| {
                let r = b.selection().range();
                b.type_edit(r, "X", t);
            },
            Selection { anchor: 4, head: 0 },
            Selection::caret(1),
        ),
        // A command's edit (a form field) keeps the caret where it was.
        (
            "abc\ndef",
            Selection::caret(6),
            |b, _| b.replace_text("title\nabc\ndef".into()),
            Selection::caret(6),
            Selection::caret(12),
        ),
        // Replace-all: undo gives the selection of before it back.
        (
            "a-a-a",
            Selection { anchor: 1, head: 3 },
            |b, _| {
                b.replace_ranges(&[0..1, 2..3, 4..5], "가");
            },
            Selection { anchor: 1, head: 3 },
            Selection { anchor: 3, head: 7 },
        ),
        // Typing at the end of the text, in two places within one burst.
        (
            "ab",
            Selection::caret(2),
            |b, t| {
                b.type_edit(2..2, "c", t);
                b.type_edit(0..0, "z", t);
            },
            Selection::caret(2),
            Selection::caret(1),
        ),
        // A click elsewhere before the pause: redo goes to where typing left the caret.
        (
            "ab",
            Selection::caret(2),
            |b, t| {
                b.type_edit(2..2, "c", t);
                b.select(0, 0);
            },
            Selection::caret(2),
            Selection::caret(3),
        ),
    ];
    for (text, before, act, undone, redone) in table {
        let mut b = buf(text);
        b.select(before.anchor, before.head);
        act(&mut b, ms(0));
        b.tick(ms(5_000));
        let after = b.text().to_owned();
        assert!(b.undo(), "{text:?}");
        assert_eq!((b.text(), b.selection()), (text, undone), "{text:?} undone");
        assert!(b.redo(), "{text:?}");
        assert_eq!(
            (b.text(), b.selection()),
            (after.as_str(), redone),
            "{text:?} redone"
        );
    }
}

#[test]
fn a_snapshot_is_shared_until_the_text_changes() {
    let mut b = buf("글");
    let (one, two) = (b.snapshot(), b.snapshot());
    assert!(Arc::ptr_eq(&one, &two), "the same text is one snapshot");
    b.select(0, 0);
    assert!(
        Arc::ptr_eq(&one, &b.snapshot()),
        "a selection is not a new text"
    );
    b.type_edit(0..0, "새 ", Instant::now());
    assert_eq!(&*b.snapshot(), "새 글");
    assert_eq!(&*one, "글", "a worker's snapshot stays as it was");
    assert!(b.undo());
    assert_eq!(&*b.snapshot(), "글");
}

#[test]
fn replace_ranges_skips_what_it_cannot_replace() {
    // (text, ranges, with, replaced, text after)
    type Row<'a> = (
        &'a str,
        Vec<std::ops::Range<usize>>,
        &'a str,
        usize,
        &'a str,
    );
    let table: [Row; 5] = [
        ("aXbXc", vec![1..2, 3..4], "--", 2, "a--b--c"),
        ("aXbXc", vec![3..4, 1..2], "-", 1, "aXb-c"),
        ("한X", vec![1..2, 3..4], "-", 1, "한-"),
        ("abc", vec![0..1, 2..3], "", 2, "b"),
        // Replacing text with itself changes nothing and makes no undo step.
        ("aa", vec![0..1, 1..2], "a", 0, "aa"),
    ];
    for (text, ranges, with, n, after) in table {
        let mut b = buf(text);
        assert_eq!(b.replace_ranges(&ranges, with), n, "{text:?} {ranges:?}");
        assert_eq!(b.text(), after, "{text:?} {ranges:?}");
        if n > 0 {
            assert!(b.undo());
            assert_eq!(b.text(), text);
        }
    }
}
