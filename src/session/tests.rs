//! The session without a window: workers run inline (each job done before the call that
//! asked for it returns), the clock is given, and worker events are applied by hand where
//! the window's watcher would send them. No threads, no sleeps.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::*;
use crate::command::{EditOp, Focus, PromptChoice};
use crate::i18n::{Language, LanguageChoice};
use crate::workers::Event;

const FIRST: &str = crate::site::sample::WELCOME_POST;
const SECOND: &str = "_posts/2024-05-04-부산-여행-둘째-날.md";

/// A copy of the sample journal, and daybook's data folder beside it.
pub(super) fn journal() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = sample::install(&dir.path().join("journal")).unwrap();
    let data = dir.path().join("data");
    (dir, root, data)
}

fn settings() -> Settings {
    Settings {
        language: LanguageChoice::Use(Language::English),
        ..Settings::default()
    }
}

/// A session on `open`, with inline workers and no watcher, its first events applied.
pub(super) fn session_on(open: &Path, data: &Path) -> Session {
    let mut s = Session::new(
        settings(),
        Workers::inline(),
        SessionStart {
            path: Some(open.to_owned()),
            sample_dir: None,
            data_dir: Some(data.to_owned()),
            watch: false,
        },
    );
    let _ = s.drain_events();
    s
}

pub(super) fn text(s: &Session) -> &str {
    s.doc().unwrap().text()
}

/// Type `more` at the end of the open post at `now`.
pub(super) fn type_at_end(s: &mut Session, more: &str, now: Instant) {
    let doc = s.doc_mut().unwrap();
    let end = doc.text().len();
    doc.edit(end..end, more, now);
}

/// What the watcher would report for `paths` of the open site.
fn files_changed(s: &mut Session, paths: &[PathBuf]) -> Vec<Effect> {
    let root = s.site().unwrap().root.clone();
    s.on_event(Event::FilesChanged {
        root,
        paths: paths.to_vec(),
        rescan: None,
    });
    let effects = s.take_effects();
    let mut more = s.drain_events();
    more.splice(0..0, effects);
    more
}

#[test]
fn opening_a_site_lists_its_posts_and_opens_the_post() {
    let (_d, root, data) = journal();
    let s = session_on(&root.join(FIRST), &data);
    assert_eq!(s.doc().unwrap().path, root.join(FIRST));
    assert!(s.posts().len() >= 3, "{} posts", s.posts().len());
    assert!(!s.is_dirty());
    assert!(
        s.window_title()
            .to_string()
            .starts_with("2024-05-03-부산-여행-첫-날.md — ")
    );
}

#[test]
fn opening_another_post_replaces_everything_about_the_last_one() {
    let (_d, root, data) = journal();
    let mut s = session_on(&root.join(FIRST), &data);
    let t0 = Instant::now();
    // The first post: edited, then changed on disk (the conflict bar), with problems.
    type_at_end(&mut s, "\n내 글", t0);
    std::fs::write(root.join(FIRST), "---\ntitle: theirs\n---\n").unwrap();
    let _ = files_changed(&mut s, &[root.join(FIRST)]);
    assert!(s.has_conflict());
    s.open.as_mut().unwrap().problems = vec![];
    // Opening the second asks first; discarding opens it with nothing of the first.
    let _ = s.apply(Command::OpenPost(root.join(SECOND)));
    assert!(s.is_prompting());
    assert_eq!(
        s.doc().unwrap().path,
        root.join(FIRST),
        "asked, not yet opened"
    );
    let effects = s.apply(Command::AnswerPrompt(PromptChoice::Discard));
    assert!(effects.contains(&Effect::PostOpened));
    let open = s.open.as_ref().unwrap();
    assert_eq!(open.doc.path, root.join(SECOND));
    assert!(open.conflict.is_none() && !open.deleted_on_disk);
    assert!(open.autosaved.is_none() && open.problems_generation.is_none());
    assert!(!s.is_dirty() && !s.is_prompting());
}

#[test]
fn saving_writes_the_text_and_refuses_a_file_changed_meanwhile() {
    let (_d, root, data) = journal();
    let mut s = session_on(&root.join(FIRST), &data);
    type_at_end(&mut s, "\n저장할 줄", Instant::now());
    let _ = s.apply(Command::SavePost);
    assert!(!s.is_dirty());
    assert_eq!(std::fs::read_to_string(root.join(FIRST)).unwrap(), text(&s));
    assert!(
        s.status
            .as_ref()
            .is_some_and(|st| st.text.to_string().starts_with("Saved"))
    );
    // Someone else writes the file; no watcher told us. Saving refuses and shows the bar.
    type_at_end(&mut s, "\n하나 더", Instant::now());
    std::fs::write(root.join(FIRST), "---\ntitle: someone else\n---\n").unwrap();
    let _ = s.apply(Command::SavePost);
    assert!(s.is_dirty() && s.has_conflict());
    assert!(s.status.as_ref().is_some_and(|st| st.is_error));
    assert_eq!(
        std::fs::read_to_string(root.join(FIRST)).unwrap(),
        "---\ntitle: someone else\n---\n"
    );
}

#[test]
fn changes_on_disk_reload_conflict_delete_or_follow_a_rename() {
    #[derive(Debug, Clone, Copy)]
    enum Change {
        Rewrite,
        Delete,
        Rename,
    }
    // (case, unsaved edits, change) → (reloaded, conflict, deleted, followed the rename)
    let table = [
        (
            "clean post rewritten",
            false,
            Change::Rewrite,
            (true, false, false, false),
        ),
        (
            "edited post rewritten",
            true,
            Change::Rewrite,
            (false, true, false, false),
        ),
        (
            "clean post deleted",
            false,
            Change::Delete,
            (false, false, true, false),
        ),
        (
            "edited post deleted",
            true,
            Change::Delete,
            (false, false, true, false),
        ),
        (
            "clean post renamed",
            false,
            Change::Rename,
            (false, false, false, true),
        ),
    ];
    for (case, edited, change, (reloaded, conflict, deleted, followed)) in table {
        let (_d, root, data) = journal();
        let post = root.join(FIRST);
        let renamed = root.join("_posts/2024-05-03-busan.md");
        let mut s = session_on(&post, &data);
        if edited {
            type_at_end(&mut s, "\n고친 줄", Instant::now());
        }
        let mine = text(&s).to_owned();
        let changed = match change {
            Change::Rewrite => {
                std::fs::write(&post, "---\ntitle: theirs\n---\n").unwrap();
                vec![post.clone()]
            }
            Change::Delete => {
                std::fs::remove_file(&post).unwrap();
                vec![post.clone()]
            }
            Change::Rename => {
                std::fs::rename(&post, &renamed).unwrap();
                vec![post.clone(), renamed.clone()]
            }
        };
        let _ = files_changed(&mut s, &changed);
        assert_eq!(s.disk.reloads == 1, reloaded, "{case}: reloaded");
        assert_eq!(s.has_conflict(), conflict, "{case}: conflict");
        assert_eq!(s.is_deleted_on_disk(), deleted, "{case}: deleted");
        assert_eq!(
            s.doc().unwrap().path == renamed,
            followed,
            "{case}: followed"
        );
        if reloaded {
            assert_eq!(text(&s), "---\ntitle: theirs\n---\n", "{case}");
            assert!(
                s.doc().unwrap().can_undo(),
                "{case}: the reload is undoable"
            );
        } else {
            assert_eq!(text(&s), mine, "{case}: my text is kept");
        }
    }
}

#[test]
fn a_conflict_keeps_mine_or_takes_theirs_undoably() {
    let (_d, root, data) = journal();
    let post = root.join(FIRST);
    for keep_mine in [true, false] {
        let mut s = session_on(&post, &data);
        type_at_end(&mut s, "\n내 글", Instant::now());
        let mine = text(&s).to_owned();
        std::fs::write(&post, "---\ntitle: theirs\n---\n").unwrap();
        let _ = files_changed(&mut s, std::slice::from_ref(&post));
        assert!(s.has_conflict());
        if keep_mine {
            let _ = s.apply(Command::KeepMine);
            let _ = s.apply(Command::SavePost);
            assert_eq!(std::fs::read_to_string(&post).unwrap(), mine);
        } else {
            let _ = s.apply(Command::TakeTheirs);
            assert_eq!(text(&s), "---\ntitle: theirs\n---\n");
            let _ = s.apply(Command::Undo);
            assert_eq!(text(&s), mine, "one undo brings mine back");
        }
        assert!(!s.has_conflict());
        // Restore the post for the next round.
        std::fs::write(&post, sample_text()).unwrap();
    }
}

fn sample_text() -> &'static [u8] {
    sample::FILES
        .iter()
        .find(|(rel, _)| *rel == FIRST)
        .map(|(_, bytes)| *bytes)
        .unwrap()
}

#[test]
fn unsaved_text_goes_to_recovery_after_a_pause_and_comes_back_in_the_next_session() {
    let (_d, root, data) = journal();
    let mut s = session_on(&root.join(FIRST), &data);
    let t0 = Instant::now();
    type_at_end(&mut s, "\n복구할 글", t0);
    let recovered = text(&s).to_owned();
    // Within the pause: nothing written, a repaint asked for when it ends.
    let effects = s.tick(t0 + Duration::from_millis(500));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::RepaintAfter(d) if *d <= Duration::from_secs(3)))
    );
    assert!(crate::site::recovery::pending(&crate::site::recovery::folder(&data)).is_empty());
    // After it: written (inline, so already on disk).
    let _ = s.tick(t0 + Duration::from_secs(4));
    let _ = s.drain_events();
    let generation = s.doc().unwrap().generation();
    assert_eq!(
        s.open.as_ref().unwrap().autosaved,
        Some(super::disk::RecoveryCopy::Kept(generation))
    );
    drop(s);
    // The next session offers it back; restoring makes it the unsaved text again.
    let mut next = session_on(&root.join(SECOND), &data);
    assert_eq!(next.recoverable(), vec![root.join(FIRST)]);
    let _ = next.apply(Command::RestoreRecovery(0));
    assert_eq!(next.doc().unwrap().path, root.join(FIRST));
    assert_eq!(text(&next), recovered);
    assert!(next.is_dirty() && next.recoverable().is_empty());
}

#[test]
fn a_recovery_copy_that_cannot_be_written_is_said_not_kept_quiet() {
    let (_d, root, data) = journal();
    let mut s = session_on(&root.join(FIRST), &data);
    // Something took the recovery folder's place: no copy can be written there.
    let folder = crate::site::recovery::folder(&data);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(folder.parent().unwrap()).unwrap();
    std::fs::write(&folder, "not a folder").unwrap();
    let t0 = Instant::now();
    type_at_end(&mut s, "\n지킬 글", t0);
    let _ = s.tick(t0 + Duration::from_secs(4));
    let _ = s.drain_events();
    let status = s.status.clone().unwrap();
    let said = status.text.say(crate::i18n::Language::English);
    assert!(status.is_error && said.contains("recovery copy"), "{said}");
    assert!(said.contains("2024-05-03-부산-여행-첫-날.md"), "{said}");
    let generation = s.doc().unwrap().generation();
    assert_eq!(
        s.open.as_ref().unwrap().autosaved,
        Some(super::disk::RecoveryCopy::Failed(generation))
    );
    // Not tried again every frame: again once the text changes and typing pauses.
    s.status = None;
    let _ = s.tick(t0 + Duration::from_secs(5));
    let _ = s.drain_events();
    assert!(s.status.is_none());
    type_at_end(&mut s, "!", t0 + Duration::from_secs(6));
    let _ = s.tick(t0 + Duration::from_secs(10));
    let _ = s.drain_events();
    assert!(s.status.as_ref().is_some_and(|st| st.is_error));
}

#[test]
fn renaming_a_spaced_image_updates_the_open_post_and_undoes() {
    let (_d, root, data) = journal();
    let mut s = session_on(&root.join(FIRST), &data);
    let rel = "images/busan2024/2024-05-03 10.12.40.jpg";
    assert!(text(&s).contains(rel));
    let _ = s.apply(Command::RenameImage(rel.to_owned()));
    let _ = s.drain_events();
    assert!(!text(&s).contains(rel), "the open post's link follows");
    assert!(!root.join(rel).exists());
    let old = s.undo_rename_name().map(str::to_owned);
    assert_eq!(old.as_deref(), Some(rel));
    let _ = s.apply(Command::UndoRename);
    let _ = s.drain_events();
    assert!(root.join(rel).is_file(), "the file has its old name back");
    assert!(s.undo_rename_name().is_none());
}

#[test]
fn photos_are_linked_at_the_caret_in_capture_order_as_one_undo_step() {
    let (d, root, data) = journal();
    let camera = d.path().join("camera");
    std::fs::create_dir_all(&camera).unwrap();
    // Given newest first; linked oldest first.
    let photos = [
        ("IMG_0002.JPG", "2024:05:03 15:00:00", 30),
        ("IMG_0001.JPG", "2024:05:03 09:00:00", 200),
    ];
    let mut paths = Vec::new();
    for (name, time, red) in photos {
        let jpeg = image::RgbImage::from_pixel(64, 48, image::Rgb([red, 30, 30]));
        let mut bytes = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90)
            .encode_image(&jpeg)
            .unwrap();
        let bytes = crate::site::photo_meta::with_exif(
            bytes,
            crate::site::exif_fixture::build(1, time, false),
        )
        .unwrap();
        std::fs::write(camera.join(name), bytes).unwrap();
        paths.push(camera.join(name));
    }
    let mut s = session_on(&root.join(FIRST), &data);
    let before = text(&s).to_owned();
    let caret = before.find("# 자갈치 시장").unwrap();
    let _ = s.apply(Command::Edit(vec![EditOp::Select {
        anchor: caret,
        head: caret,
    }]));
    let _ = s.apply(Command::ImportPhotos(paths));
    let effects = s.drain_events();
    let after = text(&s).to_owned();
    let first = after.find("2024-05-03-090000.jpg");
    let second = after.find("2024-05-03-150000.jpg");
    let (first, second) = (first.expect(&after), second.expect(&after));
    assert!(first < second, "capture order:\n{after}");
    assert!(first >= caret && after[caret..].contains("# 자갈치 시장"));
    assert!(effects.contains(&Effect::Reveal {
        focus: Focus::IfFree
    }));
    let links_end = s.doc().unwrap().selection();
    assert_eq!(links_end.anchor, links_end.head);
    assert!(
        after[caret..links_end.head].contains("2024-05-03-150000.jpg"),
        "the caret goes after the links"
    );
    assert!(s.import.as_ref().is_some_and(|b| b.finished()));
    let _ = s.apply(Command::Undo);
    assert_eq!(text(&s), before, "one undo step");
}

#[test]
fn closing_with_unsaved_changes_asks_and_closes_once_saved() {
    let (_d, root, data) = journal();
    let mut s = session_on(&root.join(FIRST), &data);
    assert!(s.close_requested(), "nothing unsaved: it closes");
    type_at_end(&mut s, "\n닫기 전에", Instant::now());
    assert!(!s.close_requested());
    assert!(s.is_prompting());
    let effects = s.apply(Command::AnswerPrompt(PromptChoice::Save));
    assert_eq!(effects, vec![Effect::CloseWindow]);
    assert!(!s.is_dirty());
}

#[test]
fn jumping_to_a_problem_in_another_post_opens_it_and_selects_the_line() {
    let (_d, root, data) = journal();
    let mut s = session_on(&root.join(FIRST), &data);
    let effects = s.apply(Command::JumpTo {
        path: SECOND.to_owned(),
        line: 2,
    });
    assert_eq!(s.doc().unwrap().path, root.join(SECOND));
    let line_two = text(&s).lines().nth(1).unwrap();
    let start = text(&s).find(line_two).unwrap();
    assert_eq!(
        s.doc().unwrap().selection().range(),
        start..start + line_two.len()
    );
    assert!(
        effects.contains(&Effect::Reveal { focus: Focus::Take }),
        "{effects:?}"
    );
}

#[test]
fn a_site_opened_without_a_post_shows_its_newest_post_once_listed() {
    let (_d, root, data) = journal();
    let s = session_on(&root, &data);
    assert_eq!(
        s.doc().map(|d| d.path.clone()),
        Some(root.join(SECOND)),
        "the newest post that is not a draft"
    );
}

#[test]
fn a_data_file_that_cannot_be_read_is_warned_of_as_it_changes() {
    let (_d, root, data) = journal();
    let mut s = session_on(&root.join(FIRST), &data);
    let warned = |s: &Session| {
        s.site()
            .unwrap()
            .config
            .warnings
            .iter()
            .any(|w| w.to_string().contains("_data/trips.yml"))
    };
    assert!(!warned(&s));
    std::fs::create_dir_all(root.join("_data")).unwrap();
    let file = root.join("_data/trips.yml");
    std::fs::write(&file, "a: [unclosed\n").unwrap();
    let changed = |s: &mut Session, paths: Vec<PathBuf>| {
        s.on_event(crate::workers::Event::FilesChanged {
            root: root.clone(),
            paths,
            rescan: None,
        });
    };
    changed(&mut s, vec![file.clone()]);
    assert!(warned(&s), "{:?}", s.site().unwrap().config.warnings);
    // A change of `_config.yml` keeps the warning while the file is still broken.
    changed(&mut s, vec![root.join("_config.yml")]);
    assert!(warned(&s));
    std::fs::write(&file, "a: [1]\n").unwrap();
    changed(&mut s, vec![file]);
    assert!(!warned(&s));
}
