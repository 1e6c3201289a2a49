//! The editor widget as a user drives it: the mouse (click, shift-click, double and triple
//! click, drag), the keyboard
//! (characters, words with Korean boundaries, rows, pages, the ends of the post, select all), the clipboard, Tab, the input method (composition kept
//! out of the text, commits as undo steps, a click, a jump or focus loss mid-composition, late
//! commits, surrounding-text deletion, the candidate window's rectangle), find highlights,
//! scrolling both ways, and the node screen readers read.

use crate::common::step_until;
use crate::{FIRST, SECOND, harness, harness_sized, site};
use daybook::app::DaybookApp;
use daybook::i18n::tr;
use daybook::ui::{editor, labels};
use egui::{Event, ImeEvent, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common::doc_text as text;

fn selected(h: &Harness<'_, DaybookApp>) -> String {
    let (a, b) = crate::common::selection(h);
    text(h)[a.min(b)..a.max(b)].to_owned()
}

fn caret(h: &Harness<'_, DaybookApp>) -> usize {
    crate::common::selection(h).1
}

/// Put the caret at byte `at` (as a jump does) and return where it is drawn on screen.
fn place(h: &mut Harness<'_, DaybookApp>, at: usize) -> egui::Rect {
    crate::common::select(h, at..at);
    h.run_steps(3);
    h.output()
        .platform_output
        .ime
        .as_ref()
        .expect("the editor tells the input method where the caret is")
        .cursor_rect
}

fn press(h: &mut Harness<'_, DaybookApp>, pos: Pos2, pressed: bool, modifiers: Modifiers) {
    h.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers,
    });
}

/// `count` clicks at `pos` (a double or triple click when more than one).
fn click(h: &mut Harness<'_, DaybookApp>, pos: Pos2, count: usize, modifiers: Modifiers) {
    h.event(Event::PointerMoved(pos));
    h.event(Event::ModifiersChanged(modifiers));
    h.run_steps(1);
    for _ in 0..count {
        if count == 1 {
            press(h, pos, true, modifiers);
            h.run_steps(1);
            press(h, pos, false, modifiers);
        } else {
            // A press and its release in one frame: the harness's frames are a quarter of
            // a second apart (each queued event gets its own), and clicks make a double
            // click within 0.3 s.
            for pressed in [true, false] {
                h.input_mut().events.push(Event::PointerButton {
                    pos,
                    button: PointerButton::Primary,
                    pressed,
                    modifiers,
                });
            }
        }
        h.run_steps(1);
    }
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run_steps(1);
}

fn key(h: &mut Harness<'_, DaybookApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run_steps(1);
}

#[test]
fn a_click_puts_the_caret_and_typing_goes_there() {
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    h.run_steps(3);
    let t = text(&h);
    let at = t.find("KTX").unwrap();
    let rect = place(&mut h, at + 1);
    // Move the caret away, then click where it was drawn.
    place(&mut h, 0);
    h.ctx.memory_mut(|m| m.surrender_focus(editor::editor_id()));
    h.run_steps(2);
    click(&mut h, rect.center(), 1, Modifiers::NONE);
    assert_eq!(caret(&h), at + 1);
    h.event(Event::Text("!".into()));
    h.run_steps(2);
    assert!(text(&h).contains("K!TX"), "typed where clicked");
}

#[test]
fn the_mouse_places_the_caret_and_shift_click_selects() {
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    h.run_steps(3);
    let t = text(&h);
    let line = t.find("KTX").unwrap();
    let word = line + t[line..].find("부산에").unwrap();
    let start = place(&mut h, line).center();
    let end = place(&mut h, word).center();
    let inside = place(&mut h, word + 3).center();
    place(&mut h, 0);
    click(&mut h, start, 1, Modifiers::NONE);
    assert_eq!(caret(&h), line);
    // A shift-click selects from the caret.
    click(&mut h, inside, 1, Modifiers::SHIFT);
    assert_eq!(selected(&h), &t[line..word + 3]);
    // A double click selects the word (Korean: the word with its particle), a triple
    // click the line.
    click(&mut h, inside, 2, Modifiers::NONE);
    assert_eq!(selected(&h), "부산에");
    click(&mut h, inside, 3, Modifiers::NONE);
    let row_end = line + t[line..].find('\n').unwrap();
    let row_start = t[..line].rfind('\n').map_or(0, |i| i + 1);
    assert_eq!(selected(&h).trim_end(), &t[row_start..row_end]);
    // A drag selects from where it started to where the pointer is.
    press(&mut h, start, true, Modifiers::NONE);
    h.run_steps(1);
    for i in 1..=6 {
        h.event(Event::PointerMoved(
            start + (end - start) * (i as f32 / 6.0),
        ));
        h.run_steps(1);
    }
    press(&mut h, end, false, Modifiers::NONE);
    h.run_steps(1);
    assert_eq!(selected(&h), &t[line..word]);
    let _ = end;
}

#[test]
fn the_keyboard_moves_by_character_word_row_page_and_post() {
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    h.run_steps(3);
    let t = text(&h);
    let line = t.find("KTX").unwrap();
    let next_line = line + t[line..].find('\n').unwrap() + 1;
    place(&mut h, line);
    let none = Modifiers::NONE;
    let ctrl = Modifiers::COMMAND;
    key(&mut h, none, Key::ArrowRight);
    assert_eq!(caret(&h), line + 1);
    key(&mut h, ctrl, Key::ArrowRight);
    assert_eq!(&t[line..caret(&h)], "KTX");
    key(&mut h, ctrl, Key::ArrowRight);
    assert_eq!(
        &t[line..caret(&h)],
        "KTX 첫차를",
        "a Korean word ends after its particle"
    );
    key(&mut h, ctrl, Key::ArrowLeft);
    assert_eq!(&t[line..caret(&h)], "KTX ");
    key(&mut h, none, Key::ArrowLeft);
    assert_eq!(&t[line..caret(&h)], "KTX");
    key(&mut h, Modifiers::SHIFT | ctrl, Key::ArrowLeft);
    assert_eq!(selected(&h), "KTX");
    key(&mut h, none, Key::End);
    assert_eq!(caret(&h), next_line - 1, "End: the row's end");
    key(&mut h, Modifiers::SHIFT, Key::Home);
    assert_eq!(selected(&h), &t[line..next_line - 1]);
    key(&mut h, none, Key::Home);
    key(&mut h, none, Key::ArrowDown);
    assert_eq!(caret(&h), next_line, "down a row");
    key(&mut h, none, Key::ArrowUp);
    assert_eq!(caret(&h), line, "and back up");
    key(&mut h, none, Key::PageDown);
    let paged = caret(&h);
    assert!(paged > next_line + 200, "a page down: {paged}");
    key(&mut h, none, Key::PageUp);
    assert!(caret(&h) < paged);
    key(&mut h, ctrl, Key::End);
    assert_eq!(caret(&h), t.len());
    key(&mut h, ctrl, Key::Home);
    assert_eq!(caret(&h), 0);
    key(&mut h, ctrl, Key::A);
    assert_eq!(selected(&h), t);
    key(&mut h, none, Key::ArrowRight);
    assert_eq!(caret(&h), t.len(), "right collapses a selection to its end");
}

#[test]
fn cut_copy_paste_tab_and_delete_edit_the_text() {
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    h.run_steps(3);
    let t = text(&h);
    let line = t.find("KTX").unwrap();
    place(&mut h, line);
    key(
        &mut h,
        Modifiers::SHIFT | Modifiers::COMMAND,
        Key::ArrowRight,
    );
    h.event(Event::Copy);
    h.run_steps(1);
    let copied = |h: &Harness<'_, DaybookApp>| {
        h.output()
            .platform_output
            .commands
            .iter()
            .any(|c| matches!(c, egui::OutputCommand::CopyText(s) if s == "KTX"))
    };
    assert!(copied(&h), "{:?}", h.output().platform_output.commands);
    h.event(Event::Cut);
    h.run_steps(1);
    assert!(copied(&h));
    assert!(text(&h)[line..].starts_with(" 첫차를"));
    key(&mut h, Modifiers::NONE, Key::End);
    h.event(Event::Paste("KTX".into()));
    h.run_steps(1);
    assert!(text(&h).contains("도착했다.KTX\n"));
    key(&mut h, Modifiers::NONE, Key::Home);
    key(&mut h, Modifiers::NONE, Key::Tab);
    assert!(text(&h)[line..].starts_with("\t 첫차를"));
    key(&mut h, Modifiers::SHIFT, Key::Tab);
    assert!(text(&h)[line..].starts_with(" 첫차를"));
    key(&mut h, Modifiers::NONE, Key::Delete);
    key(&mut h, Modifiers::COMMAND, Key::Delete);
    assert!(
        text(&h)[line..].starts_with(" 타고"),
        "{}",
        &text(&h)[line..line + 20]
    );
    key(&mut h, Modifiers::NONE, Key::Enter);
    key(&mut h, Modifiers::NONE, Key::Backspace);
    assert!(text(&h)[line..].starts_with(" 타고"));
}

fn preedit(h: &mut Harness<'_, DaybookApp>, s: &str) {
    h.event(Event::Ime(ImeEvent::Preedit {
        text: s.to_owned(),
        active_range_chars: None,
    }));
    h.run_steps(1);
}

fn commit(h: &mut Harness<'_, DaybookApp>, s: &str) {
    h.event(Event::Ime(ImeEvent::Commit(s.to_owned())));
    h.run_steps(1);
}

#[test]
fn a_composition_stays_out_of_the_text_and_a_commit_is_one_undo_step() {
    let (_d, root) = site();
    let mut h = harness(&root.join(SECOND));
    h.run_steps(3);
    let t = text(&h);
    let end = t.len();
    let before = place(&mut h, end);
    for s in ["ㅎ", "하", "한"] {
        preedit(&mut h, s);
        assert_eq!(text(&h), t, "the composition is not in the text");
        assert!(!h.state().session.is_dirty());
    }
    // The candidate window follows the caret, after the composition.
    let composing = h.output().platform_output.ime.as_ref().unwrap().cursor_rect;
    assert!(
        composing.min.x > before.min.x,
        "{composing:?} vs {before:?}"
    );
    commit(&mut h, "한");
    preedit(&mut h, "ㄱ");
    preedit(&mut h, "글");
    commit(&mut h, "글");
    assert_eq!(text(&h), format!("{t}한글"));
    // Each commit is its own undo step.
    key(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(text(&h), format!("{t}한"));
    assert!(
        h.state().session.doc().unwrap().can_undo(),
        "the first commit is a step too"
    );
    h.get_by_label(tr("undo")).click();
    h.run_steps(2);
    assert_eq!(text(&h), t);
}

#[test]
fn ending_a_composition_early_keeps_the_syllable_once() {
    let (_d, root) = site();
    let mut h = harness(&root.join(SECOND));
    h.run_steps(3);
    let t = text(&h);
    let line = t.find("\n\n").unwrap() + 2;
    let elsewhere = place(&mut h, line).center();
    let end = t.len();
    place(&mut h, end);
    // A click mid-composition: the syllable stays where it was composed, once, even if
    // the input method commits it late.
    preedit(&mut h, "한");
    click(&mut h, elsewhere, 1, Modifiers::NONE);
    commit(&mut h, "한");
    h.run_steps(2);
    assert_eq!(text(&h), format!("{t}한"));
    assert_eq!(caret(&h), line);
    // Typed text arriving before the commit (space ends a syllable) comes after it:
    // 한글 then a space, never 한 글.
    let t = text(&h);
    let end = t.len();
    place(&mut h, end);
    preedit(&mut h, "글");
    h.event(Event::Text(" ".into()));
    h.event(Event::Ime(ImeEvent::Commit("글".into())));
    h.run_steps(2);
    assert_eq!(text(&h), format!("{t}글 "));
    // A jump (the outline, a problem) mid-composition: the syllable stays where it was
    // composed, once, and the caret goes where the jump asked.
    let t = text(&h);
    let end = t.len();
    place(&mut h, end);
    preedit(&mut h, "녕");
    crate::common::select(&mut h, line..line);
    h.run_steps(1);
    commit(&mut h, "녕");
    h.run_steps(2);
    assert_eq!(text(&h), format!("{t}녕"));
    assert_eq!(caret(&h), line);
    // Focus leaving mid-composition keeps it too.
    let t = text(&h);
    preedit(&mut h, "끝");
    h.get_by_label(tr(labels::TITLE)).focus();
    h.run_steps(1);
    commit(&mut h, "끝");
    h.run_steps(2);
    assert_eq!(text(&h).matches('끝').count(), t.matches('끝').count() + 1);
}

fn ime(h: &mut Harness<'_, DaybookApp>, e: ImeEvent) {
    h.event(Event::Ime(e));
}

fn cleared() -> ImeEvent {
    ImeEvent::Preedit {
        text: String::new(),
        active_range_chars: None,
    }
}

fn key_event(key: Key, pressed: bool) -> Event {
    Event::Key {
        key,
        physical_key: Some(key),
        pressed,
        repeat: false,
        modifiers: Modifiers::NONE,
    }
}

/// The orders ibus-hangul's events arrive in through X11 (logged under Xvfb): the
/// composition cleared, then committed, then the key that ended it forwarded — in one frame,
/// or with the forwarded key a frame before the commit.
#[test]
fn keys_the_input_method_forwards_around_its_commit_come_after_the_syllable() {
    let (_d, root) = site();
    let mut h = harness(&root.join(SECOND));
    h.run_steps(3);
    let t = text(&h);
    place(&mut h, t.len());
    // Space or Enter on a focused widget is also a click in egui; the input method's own
    // Space must not end the composition (that put 글 in twice).
    preedit(&mut h, "글");
    h.key_press(Key::Space);
    h.run_steps(2);
    assert_eq!(text(&h), t, "the composition is still the input method's");
    // So are the arrows, Enter and Backspace: the text and the caret stay as they were.
    for k in [Key::ArrowLeft, Key::Enter, Key::Backspace, Key::ArrowUp] {
        h.key_press(k);
        h.run_steps(1);
        assert_eq!(text(&h), t, "{k:?} during the composition");
        assert_eq!(caret(&h), t.len(), "{k:?} during the composition");
    }
    ime(&mut h, cleared());
    ime(&mut h, ImeEvent::Commit("글".into()));
    h.event(key_event(Key::Space, true));
    h.event(Event::Text(" ".into()));
    h.run_steps(1);
    h.event(key_event(Key::Space, false));
    h.run_steps(2);
    assert_eq!(text(&h), format!("{t}글 "));
    // Enter a frame before the commit: the line breaks after the syllable.
    let t = text(&h);
    preedit(&mut h, "녕");
    ime(&mut h, cleared());
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(1);
    commit(&mut h, "녕");
    h.run_steps(1);
    assert_eq!(text(&h), format!("{t}녕\n"));
    assert_eq!(
        caret(&h),
        text(&h).len(),
        "the caret stays after the line break"
    );
    // A space a frame before the commit: 하 then the space, never a space then 하.
    let t = text(&h);
    preedit(&mut h, "하");
    ime(&mut h, cleared());
    h.run_steps(1);
    h.event(Event::Text(" ".into()));
    h.run_steps(1);
    commit(&mut h, "하");
    assert_eq!(text(&h), format!("{t}하 "));
    // A composition the input method clears and never commits (deleted jamo by jamo)
    // leaves nothing, and a later commit goes to the caret.
    let t = text(&h);
    preedit(&mut h, "ㅎ");
    ime(&mut h, cleared());
    h.run_steps(1);
    preedit(&mut h, "ㅇ");
    preedit(&mut h, "아");
    commit(&mut h, "아");
    assert_eq!(text(&h), format!("{t}아"));
}

#[test]
fn the_input_method_may_delete_around_the_caret() {
    let (_d, root) = site();
    let mut h = harness(&root.join(SECOND));
    h.run_steps(3);
    let t = text(&h);
    let end = t.len();
    place(&mut h, end);
    h.event(Event::Text("가나다".into()));
    h.run_steps(1);
    key(&mut h, Modifiers::NONE, Key::ArrowLeft);
    h.event(Event::Ime(ImeEvent::DeleteSurrounding {
        before_chars: 1,
        after_chars: 1,
    }));
    h.run_steps(1);
    assert_eq!(text(&h), format!("{t}가"));
}

#[test]
fn the_node_screen_readers_read_is_a_text_input_with_the_text_on_screen() {
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    h.run_steps(3);
    let node = h.get_by_role_and_label(
        egui::accesskit::Role::MultilineTextInput,
        tr(labels::EDITOR),
    );
    let value = node.value().unwrap();
    assert!(value.contains("KTX 첫차를 타고"), "{value}");
}

#[test]
fn scrolling_the_preview_scrolls_the_editor_with_it() {
    let (_d, root) = site();
    let mut h = harness_sized(&root.join(FIRST), [1400.0, 600.0]);
    h.run_steps(3);
    step_until(&mut h, "the preview", |h| h.state().preview_is_current());
    assert!(h.state().editor_offset() < 1.0);
    let at = egui::pos2(1200.0, 400.0);
    h.event(Event::PointerMoved(at));
    for _ in 0..6 {
        h.event(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run_steps(2);
    }
    h.run_steps(3);
    assert!(h.state().preview_offset() > 100.0);
    assert!(
        h.state().editor_offset() > 50.0,
        "editor at {}",
        h.state().editor_offset()
    );
}

/// The pixels of `rect` (points; the harness draws one pixel per point).
fn pixels(h: &mut Harness<'_, DaybookApp>, rect: egui::Rect) -> Vec<[u8; 4]> {
    let image = h.render().unwrap();
    let mut out = Vec::new();
    for y in rect.min.y as u32..rect.max.y as u32 {
        for x in rect.min.x as u32..rect.max.x as u32 {
            out.push(image.get_pixel(x, y).0);
        }
    }
    out
}

/// How many pixels of `rect` are tinted warm (the find highlight over the grey text and the
/// dark editor, which are neutral).
fn tinted(h: &mut Harness<'_, DaybookApp>, rect: egui::Rect) -> usize {
    pixels(h, rect)
        .iter()
        .filter(|p| i32::from(p[0]) - i32::from(p[2]) > 20)
        .count()
}

/// Find (Ctrl+F): every match on screen highlighted, Find next selects the next one and
/// wraps, Replace changes the selected match, Replace all every one as one undo step.
#[test]
fn find_highlights_matches_jumps_to_them_and_replaces() {
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    h.run_steps(3);
    let t = text(&h);
    let matches: Vec<usize> = t.match_indices("시장").map(|(i, _)| i).collect();
    assert_eq!(matches.len(), 5);
    // Where the last match on screen is drawn, and a stretch of text without a match.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    let (a, b) = (
        place(&mut h, matches[3]),
        place(&mut h, matches[3] + "시장".len()),
    );
    let word = egui::Rect::from_min_max(a.min, egui::pos2(b.min.x, a.max.y)).shrink(1.0);
    let body = t.find("KTX").unwrap();
    place(&mut h, body);
    let (c, d) = (place(&mut h, body), place(&mut h, body + 3));
    let plain = egui::Rect::from_min_max(c.min, egui::pos2(d.min.x, c.max.y)).shrink(1.0);
    assert_eq!(
        tinted(&mut h, word),
        0,
        "nothing highlighted before a query"
    );
    let query = h.get_by_role_and_label(egui::accesskit::Role::TextInput, tr(labels::FIND));
    query.focus();
    query.type_text("시장");
    h.run_steps(2);
    assert!(tinted(&mut h, word) > 20, "the match is highlighted");
    assert_eq!(tinted(&mut h, plain), 0, "text without a match is not");
    // Find next goes from the caret to each match in turn and wraps around.
    for &at in matches.iter().chain(&matches[..1]) {
        h.get_by_label(tr("find-next")).click();
        h.run_steps(2);
        assert_eq!(crate::common::selection(&h), (at, at + "시장".len()));
    }
    // Replace changes the selected match only; Replace all the rest, as one undo step.
    let replace = h.get_by_role_and_label(egui::accesskit::Role::TextInput, tr(labels::REPLACE));
    replace.focus();
    replace.type_text("마켓");
    h.run_steps(1);
    h.get_by_label(tr("replace-one")).click();
    h.run_steps(2);
    assert_eq!(text(&h), t.replacen("시장", "마켓", 1));
    h.get_by_label(tr("replace-all")).click();
    h.run_steps(2);
    assert_eq!(text(&h), t.replace("시장", "마켓"));
    h.get_by_label(tr("undo")).click();
    h.run_steps(2);
    assert_eq!(text(&h), t.replacen("시장", "마켓", 1));
}

/// Which pixel rows of `rect` have text on them (light on the dark editor): where the lines
/// are, whatever the glyph atlas does to the glyphs' own pixels.
fn ink_rows(h: &mut Harness<'_, DaybookApp>, rect: egui::Rect) -> Vec<usize> {
    let width = (rect.width() as usize).max(1);
    pixels(h, rect)
        .chunks(width)
        .enumerate()
        .filter(|(_, row)| row.iter().any(|p| p[0] > 120 && p[1] > 120 && p[2] > 120))
        .map(|(y, _)| y)
        .collect()
}

/// Scrolling into lines never drawn (their heights estimated): as they are measured, the
/// text on screen stays where it is — no jump in the frames after the scroll.
#[test]
fn the_text_on_screen_stays_put_while_heights_settle() {
    let (_d, root) = site();
    let mut body = String::from("---\ntitle: 긴 글\ndate: 2024-05-06 10:00:00 +0900\n---\n");
    for i in 0..400 {
        // Paragraphs of different lengths, Hangul and ASCII: estimates from bytes are off.
        let words = [
            "바다를 따라 걸었다",
            "KTX",
            "자갈치 시장의 저녁",
            "a quick walk",
        ];
        let line: Vec<&str> = (0..(i % 7) * 9 + 1).map(|k| words[(i + k) % 4]).collect();
        body.push_str(&format!("{i}번째 문단 {}\n\n", line.join(" ")));
    }
    let path = root.join("_posts/2024-05-06-long.md");
    std::fs::write(&path, &body).unwrap();
    let mut h = harness(&path);
    h.run_steps(3);
    let middle = body.find("300번째").unwrap();
    place(&mut h, middle);
    h.run_steps(3);
    let editor = h
        .get_by_role_and_label(
            egui::accesskit::Role::MultilineTextInput,
            tr(labels::EDITOR),
        )
        .rect();
    let area = egui::Rect::from_min_max(
        egui::pos2(editor.min.x as f32, editor.min.y as f32),
        egui::pos2(editor.max.x as f32, editor.max.y as f32),
    )
    .shrink(4.0);
    // The text, not the scroll bar (whose thumb follows the total height as it settles).
    let text_area = egui::Rect::from_min_max(area.min, egui::pos2(area.max.x - 24.0, area.max.y));
    // The wheel scrolls at once (in small steps, which egui applies in the frame they come,
    // and not animated), so the frames after it have nothing left to move but what settling
    // heights would move.
    h.ctx
        .all_styles_mut(|s| s.scroll_animation = egui::style::ScrollAnimation::none());
    h.event(Event::PointerMoved(area.center()));
    h.run_steps(1);
    for _ in 0..4 {
        for _ in 0..150 {
            h.input_mut().events.push(Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, 6.0),
                modifiers: Modifiers::NONE,
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
            });
        }
        // The scroll area applies the wheel in the frame after it.
        h.run_steps(2);
        let shown = ink_rows(&mut h, text_area);
        h.run_steps(1);
        assert_eq!(
            ink_rows(&mut h, text_area),
            shown,
            "the text moved a frame after a scroll"
        );
    }
    assert!(h.state().editor_offset() > 0.0);
}

#[test]
fn undo_gives_back_the_text_and_the_selection_of_its_step() {
    let (_d, root) = site();
    let mut h = harness(&root.join(FIRST));
    h.run_steps(3);
    let t = text(&h);
    let at = t.find("KTX").unwrap();
    crate::common::select(&mut h, at..at + 3);
    h.run_steps(2);
    h.event(Event::Text("기차".into()));
    h.run_steps(2);
    assert!(text(&h).contains("기차 첫차를"), "typed over the selection");
    assert_eq!(caret(&h), at + "기차".len());
    // Elsewhere, then undo: the text and the selection come back.
    place(&mut h, 0);
    key(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(text(&h), t);
    assert_eq!(selected(&h), "KTX", "undo selects what the step replaced");
    key(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert!(text(&h).contains("기차 첫차를"));
    assert_eq!((selected(&h).as_str(), caret(&h)), ("", at + "기차".len()));
    // The editor drew the caret where the session keeps it.
    let rect = h
        .output()
        .platform_output
        .ime
        .as_ref()
        .map(|i| i.cursor_rect);
    assert!(rect.is_some(), "the caret is on screen with the focus");
}
