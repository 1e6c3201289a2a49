//! The open post's problems: checked on the session's worker once typing pauses, on the
//! session's clock, answers about an older text dropped, and a fix applied as one undo step.

use std::path::Path;
use std::time::{Duration, Instant};

use super::checking::Checked;
use super::tests::{journal, session_on, text, type_at_end};
use super::*;
use crate::site::sample::WELCOME_POST as FIRST;

/// A session on the sample's first post with its first check answered, and when the
/// test's clock starts.
fn opened_and_checked(root: &Path, data: &Path) -> (Session, Instant) {
    let mut s = session_on(&root.join(FIRST), data);
    let t0 = Instant::now();
    // A post just opened is checked once its first screen is drawn.
    let _ = s.tick(t0 + Duration::from_millis(400));
    let _ = s.drain_events();
    (s, t0)
}

#[test]
fn the_open_posts_problems_come_from_the_sessions_worker_once_typing_pauses() {
    let (_d, root, data) = journal();
    let (mut s, t0) = opened_and_checked(&root, &data);
    let at = |ms: u64| t0 + Duration::from_millis(ms);
    let checked = |s: &Session| s.open.as_ref().unwrap().problems_generation;
    assert_eq!(checked(&s), Some(s.doc().unwrap().generation()));
    let missing = |s: &Session| {
        s.post_problems()
            .iter()
            .any(|p| p.rule == "missing-image" && p.message.to_string().contains("없는-사진.jpg"))
    };
    assert!(!missing(&s));
    type_at_end(&mut s, "\n\n![사진](/images/없는-사진.jpg)\n", at(1_000));
    // While the user types, the problems stay as they were and a repaint is asked for
    // when the pause will be over.
    let effects = s.tick(at(1_100));
    let _ = s.drain_events();
    assert!(!missing(&s));
    assert!(
        effects.contains(&Effect::RepaintAfter(Duration::from_millis(200))),
        "{effects:?}"
    );
    // Once typing has paused, on the session's clock, the worker's answer comes in.
    let _ = s.tick(at(1_300));
    let _ = s.drain_events();
    assert!(missing(&s), "{:?}", s.post_problems());
    assert_eq!(checked(&s), Some(s.doc().unwrap().generation()));
    // An answer about an older text is not taken.
    let generation = s.doc().unwrap().generation();
    type_at_end(&mut s, "더", at(2_000));
    s.post_checked(Checked {
        path: root.join(FIRST),
        generation,
        files_generation: s.site.as_ref().unwrap().files_generation,
        problems: Vec::new(),
        uses: Vec::new(),
    });
    assert!(missing(&s), "a stale answer replaced the problems");
}

#[test]
fn a_fix_is_one_undo_step_and_refused_where_its_lines_moved() {
    let (_d, root, data) = journal();
    let (mut s, _) = opened_and_checked(&root, &data);
    let spaced = s
        .post_problems()
        .iter()
        .find(|p| p.rule == "spaced-image-url")
        .cloned()
        .expect("the sample has a spaced image path");
    // The fix wraps the path; one undo takes it back.
    let before = text(&s).to_owned();
    let _ = s.apply(Command::ApplyFix(spaced.fixes[0].clone()));
    assert!(text(&s).contains("](</images/busan2024/"), "{}", text(&s));
    let _ = s.apply(Command::Undo);
    assert_eq!(text(&s), before);
    // Where its lines no longer stand, a fix is refused with a message.
    s.doc_mut()
        .unwrap()
        .replace_text("---\ntitle: x\n---\n".into());
    let _ = s.apply(Command::ApplyFix(spaced.fixes[0].clone()));
    assert_eq!(text(&s), "---\ntitle: x\n---\n");
    assert!(s.status.as_ref().is_some_and(|st| st.is_error));
}

#[test]
fn one_check_at_a_time_and_the_newest_text_is_checked_once_it_is_answered() {
    let (_d, root, data) = journal();
    let (mut s, t0) = opened_and_checked(&root, &data);
    let at = |ms: u64| t0 + Duration::from_millis(ms);
    let asked = |s: &Session| s.open.as_ref().unwrap().checking.map(|(g, _)| g);
    type_at_end(&mut s, "가", at(1_000));
    let first = s.doc().unwrap().generation();
    let _ = s.tick(at(1_400));
    assert_eq!(asked(&s), Some(first));
    // More typing while that check runs: no second check is asked for.
    type_at_end(&mut s, "나", at(1_500));
    let _ = s.tick(at(2_000));
    assert_eq!(asked(&s), Some(first), "a second check while one runs");
    // Its answer is about an older text: taken as done, not as the problems.
    let _ = s.drain_events();
    assert_eq!(asked(&s), None);
    assert_ne!(
        s.open.as_ref().unwrap().problems_generation,
        Some(s.doc().unwrap().generation())
    );
    // The next tick checks the text as it is now.
    let _ = s.tick(at(2_100));
    let _ = s.drain_events();
    assert_eq!(
        s.open.as_ref().unwrap().problems_generation,
        Some(s.doc().unwrap().generation())
    );
    // A check never answered (its worker stopped) is asked again after a while.
    type_at_end(&mut s, "다", at(3_000));
    let _ = s.tick(at(3_400));
    let lost = asked(&s);
    s.workers.drain();
    type_at_end(&mut s, "라", at(3_500));
    let _ = s.tick(at(4_000));
    assert_eq!(asked(&s), lost);
    let _ = s.tick(at(40_000));
    assert_eq!(asked(&s), Some(s.doc().unwrap().generation()));
}
