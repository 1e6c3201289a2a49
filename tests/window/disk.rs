//! The open post and the disk (issue 5): watching, reloads, conflicts, renames, deletes,
//! autosave and recovery, with the real watcher and the real app.

use crate::common::step_until_state;
use daybook::i18n::tr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use daybook::app::{DaybookApp, sample};
use daybook::settings::Settings;
use daybook::ui::labels;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::FIRST;
const SECOND: &str = "_posts/2024-05-04-부산-여행-둘째-날.md";

struct Env {
    _dir: tempfile::TempDir,
    root: PathBuf,
    data: PathBuf,
}

fn env() -> Env {
    let dir = tempfile::tempdir().unwrap();
    let root = sample::install(&dir.path().join("journal")).unwrap();
    let data = dir.path().join("data");
    Env {
        _dir: dir,
        root,
        data,
    }
}

fn app(open: &Path, data: &Path, autosave_seconds: f32) -> Harness<'static, DaybookApp> {
    crate::common::app(
        open,
        data,
        Settings {
            autosave_seconds,
            ..Settings::default()
        },
        [1400.0, 900.0],
    )
}

/// Let the watcher deliver whatever is in flight.
fn settle(h: &mut Harness<'_, DaybookApp>) {
    let until = Instant::now() + Duration::from_millis(150);
    while Instant::now() < until {
        h.step();
        std::thread::sleep(Duration::from_millis(5));
    }
}

use crate::common::doc_text as text;

fn type_in_editor(h: &mut Harness<'_, DaybookApp>, s: &str) {
    h.get_by_label(tr(labels::EDITOR)).focus();
    h.get_by_label(tr(labels::EDITOR)).type_text(s);
    h.run_steps(2);
}

fn save(h: &mut Harness<'_, DaybookApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
}

#[test]
fn a_post_written_by_another_program_appears_in_the_sidebar_quickly() {
    let e = env();
    let mut h = app(&e.root.join(FIRST), &e.data, 0.0);
    let mut times = Vec::new();
    for i in 0..7 {
        let path = e
            .root
            .join(format!("_posts/2024-06-0{}-external-{i}.md", i + 1));
        let written = Instant::now();
        std::fs::write(&path, format!("---\ntitle: 바깥에서 쓴 글 {i}\n---\n")).unwrap();
        step_until_state(&mut h, "the new post in the list", |a| {
            a.session.posts().iter().any(|p| p.path == path)
        });
        times.push(written.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    eprintln!("watch latency median: {} ms", median.as_millis());
    assert!(median < Duration::from_secs(2), "median {median:?}");
    // A deleted post leaves the list.
    let gone = e.root.join(SECOND);
    std::fs::remove_file(&gone).unwrap();
    step_until_state(&mut h, "the deleted post to leave", |a| {
        a.session.posts().iter().all(|p| p.path != gone)
    });
}

#[test]
fn a_clean_post_changed_on_disk_reloads_in_place_as_one_undo_step() {
    let e = env();
    let path = e.root.join(FIRST);
    let mut h = app(&path, &e.data, 0.0);
    let before = text(&h);
    let theirs = before.replace("KTX 첫차를", "새벽 KTX 첫차를");
    std::fs::write(&path, &theirs).unwrap();
    step_until_state(&mut h, "the reload", |a| {
        a.session.doc().unwrap().text() == theirs
    });
    assert!(!h.state().session.is_dirty() && !h.state().session.has_conflict());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(text(&h), before);
}

#[test]
fn a_dirty_post_changed_on_disk_shows_the_conflict_bar() {
    let e = env();
    let path = e.root.join(FIRST);
    let mut h = app(&path, &e.data, 0.0);
    type_in_editor(&mut h, "내 문장 ");
    let mine = text(&h);
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("KTX", "SRT");
    std::fs::write(&path, &theirs).unwrap();
    step_until_state(&mut h, "the conflict bar", |a: &DaybookApp| {
        a.session.has_conflict()
    });
    assert_eq!(text(&h), mine, "my words are kept");
    h.get_by_label("Compare").click();
    h.run_steps(3);
    h.get_by_label("On disk now");
    // Take theirs, then undo back to mine; then keep mine and save over the file on purpose.
    // (The comparison window lies over the bar; press the button the way a screen reader does.)
    h.get_by_label("Take theirs").click_accesskit();
    h.run_steps(2);
    assert_eq!(text(&h), theirs);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(text(&h), mine);
    std::fs::write(&path, theirs.replace("SRT", "ITX")).unwrap();
    step_until_state(&mut h, "the conflict bar again", |a: &DaybookApp| {
        a.session.has_conflict()
    });
    h.get_by_label("Keep mine").click();
    h.run_steps(2);
    save(&mut h);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), mine);
}

#[test]
fn saving_over_a_file_changed_since_loading_is_refused() {
    let e = env();
    let path = e.root.join(FIRST);
    let mut h = app(&path, &e.data, 0.0);
    type_in_editor(&mut h, "내 문장 ");
    let theirs = "---\ntitle: 다른 사람\n---\n";
    std::fs::write(&path, theirs).unwrap();
    // Save before the watcher reports it: the save itself notices.
    save(&mut h);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert!(h.state().session.has_conflict());
}

#[test]
fn renames_are_followed_and_deletes_keep_the_text() {
    let e = env();
    let path = e.root.join(FIRST);
    let mut h = app(&path, &e.data, 0.0);
    let renamed = e.root.join("_posts/2024-05-03-busan-day1.md");
    std::fs::rename(&path, &renamed).unwrap();
    step_until_state(&mut h, "the rename", |a| {
        a.session.doc().unwrap().path == renamed
    });
    type_in_editor(&mut h, "지워지기 전 ");
    let mine = text(&h);
    std::fs::remove_file(&renamed).unwrap();
    step_until_state(&mut h, "the deleted banner", |a: &DaybookApp| {
        a.session.is_deleted_on_disk()
    });
    assert_eq!(text(&h), mine);
    assert!(h.state().session.is_dirty());
    save(&mut h);
    assert_eq!(
        std::fs::read_to_string(&renamed).unwrap(),
        mine,
        "saving recreates the file"
    );
    assert!(!h.state().session.is_deleted_on_disk());
}

#[test]
fn own_saves_cause_no_reload_and_no_conflict() {
    let e = env();
    let path = e.root.join(FIRST);
    let mut h = app(&path, &e.data, 0.0);
    for i in 0..100 {
        type_in_editor(&mut h, &format!("{i} "));
        save(&mut h);
        h.step();
    }
    settle(&mut h);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text(&h));
    assert_eq!(
        (
            h.state().session.disk.reloads,
            h.state().session.disk.conflicts_shown
        ),
        (0, 0)
    );
}

#[test]
fn external_writes_racing_with_saves_are_never_silently_overwritten() {
    let e = env();
    let path = e.root.join(FIRST);
    let mut h = app(&path, &e.data, 0.0);
    let mut silent = 0;
    for round in 0..100 {
        type_in_editor(&mut h, &format!("r{round} "));
        let theirs = format!("---\ntitle: external {round}\n---\n");
        let (p, t) = (path.clone(), theirs.clone());
        let delay = Duration::from_micros((round * 397 % 3000) as u64);
        let writer = std::thread::spawn(move || {
            std::thread::sleep(delay);
            std::fs::write(&p, t).unwrap();
        });
        save(&mut h);
        writer.join().unwrap();
        settle(&mut h);
        let disk = std::fs::read_to_string(&path).unwrap();
        if disk != theirs && !h.state().session.has_conflict() {
            silent += 1;
        }
        // Resolve before the next round: take theirs, then go on typing on top of it.
        if h.state().session.has_conflict() {
            h.get_by_label("Take theirs").click();
            h.run_steps(2);
        }
    }
    assert_eq!(silent, 0, "external versions lost without a conflict bar");
}

/// Type `words` into the post at `path`, wait for the recovery file, then drop the window
/// without saving or closing: as if the app was killed.
fn type_then_crash(e: &Env, path: &Path, words: &str) {
    let mut h = app(path, &e.data, 0.05);
    type_in_editor(&mut h, words);
    let recovery = e.data.join("recovery");
    let start = Instant::now();
    // A finished recovery file (`….json`), not the temp file it is written through.
    let written = || {
        std::fs::read_dir(&recovery).map_or(0, |d| {
            d.flatten()
                .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
                .count()
        })
    };
    while written() == 0 {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no recovery file written"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn unsaved_text_survives_a_crash_and_is_offered_back() {
    let e = env();
    let path = e.root.join(SECOND);
    type_then_crash(&e, &path, "저장 안 한 문장 ");
    assert!(
        !std::fs::read_to_string(&path)
            .unwrap()
            .contains("저장 안 한 문장"),
        "the post itself is untouched"
    );
    let mut h = app(&e.root.join(FIRST), &e.data, 0.05);
    assert_eq!(h.state().session.recoverable(), vec![path.clone()]);
    h.get_by_label("Restore").click();
    h.run_steps(3);
    assert_eq!(h.state().session.doc().unwrap().path, path);
    assert!(text(&h).contains("저장 안 한 문장"));
    assert!(h.state().session.is_dirty());
    save(&mut h);
    settle(&mut h);
    assert_eq!(
        std::fs::read_dir(e.data.join("recovery")).unwrap().count(),
        0,
        "recovery file gone after saving"
    );
}

#[test]
fn restoring_over_a_post_changed_on_disk_since_asks_instead_of_overwriting() {
    // Issue 11: the recovery's base was never read, so saving the restored text replaced
    // what another program had written since.
    let e = env();
    let path = e.root.join(SECOND);
    type_then_crash(&e, &path, "복구할 문장 ");
    let theirs = std::fs::read_to_string(&path).unwrap() + "\n다른 곳에서 쓴 줄\n";
    std::fs::write(&path, &theirs).unwrap();
    let mut h = app(&e.root.join(FIRST), &e.data, 0.05);
    h.get_by_label("Restore").click();
    h.run_steps(3);
    assert!(text(&h).contains("복구할 문장"));
    assert!(
        h.state().session.has_conflict(),
        "the conflict bar offers keep / take / compare"
    );
    save(&mut h);
    settle(&mut h);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "not overwritten"
    );
}

#[cfg(unix)]
#[test]
fn a_post_linking_out_of_the_site_opens_read_only() {
    let e = env();
    let outside = e.root.parent().unwrap().join("elsewhere.md");
    let original = "---\ntitle: 밖\n---\n바깥 파일.\n";
    std::fs::write(&outside, original).unwrap();
    let link = e.root.join("_posts/2024-06-01-link.md");
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    let mut h = app(&link, &e.data, 0.5);
    assert!(text(&h).contains("바깥 파일."));
    // Said above the editor, with the target.
    crate::common::shows_text(&h, "read-only");
    assert!(crate::common::has_text(&h, "elsewhere.md"));
    type_in_editor(&mut h, "덧붙임");
    save(&mut h);
    settle(&mut h);
    assert_eq!(text(&h), original);
    assert!(!h.state().session.is_dirty());
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), original);
    // A post inside the site is editable as ever.
    let mut h = app(&e.root.join(FIRST), &e.data, 0.5);
    type_in_editor(&mut h, "덧붙임");
    assert!(text(&h).contains("덧붙임"));
}

/// "Kept for recovery" is said once the copy is written, and "no recovery copy" when it
/// could not be (the status bar said "kept" as soon as a copy was asked for, even when the
/// recovery folder could not be written).
#[test]
fn the_status_bar_says_whether_the_recovery_copy_was_written() {
    use crate::common::{has_text, step_until};
    let e = env();
    let mut h = app(&e.root.join(FIRST), &e.data, 0.05);
    type_in_editor(&mut h, "보관할 문장 ");
    step_until(&mut h, "kept for recovery", |h| {
        has_text(h, tr("save-state-autosaved"))
    });
    // Something takes the recovery folder's place.
    let folder = e.data.join("recovery");
    std::fs::remove_dir_all(&folder).unwrap();
    std::fs::write(&folder, "not a folder").unwrap();
    type_in_editor(&mut h, "잃을 수 있는 문장 ");
    step_until(&mut h, "no recovery copy", |h| {
        has_text(h, tr("save-state-not-kept"))
    });
    assert!(!has_text(&h, tr("save-state-autosaved")));
}
