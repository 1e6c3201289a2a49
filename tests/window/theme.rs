//! The theme preview in the window (issue 22): Preview in theme asks once per site before
//! running the site's own Jekyll, the strip shows the build and the page's URL, what is
//! typed (unsaved) is on the served page after a pause, Stop and closing the window leave no
//! Jekyll running, and the site is never written to. Needs Debian's `jekyll` and
//! `jekyll-theme-minima` (CI sets `DAYBOOK_REQUIRE_JEKYLL`).

use crate::common::jekyll::{
    POST, TITLE, get, jekyll_here, minima_site, processes_with, status_but,
};
use crate::common::step_until;
use daybook::i18n::tr;
use daybook::settings::Settings;
use daybook::ui::labels;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

/// Wait (stepping the window) for up to 20 s: Jekyll's first build runs beside the tests.
fn served(h: &mut egui_kittest::Harness<'_, daybook::app::DaybookApp>, needle: &str) -> String {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(20) {
        h.step();
        if let Some(page) = h.state().theme_page_url().and_then(|u| get(&u))
            && page.contains(needle)
        {
            return page;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!(
        "{needle:?} was not served; status: {:?}",
        h.state().theme_status()
    );
}

#[test]
fn typed_text_reaches_the_theme_page_and_nothing_is_left_running() {
    if !jekyll_here() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = minima_site(dir.path());
    let data = dir.path().join("data");
    let cache = data.join("serve").to_string_lossy().into_owned();
    let mut h = crate::common::app(
        &root.join(POST),
        &data,
        Settings::default(),
        [1400.0, 900.0],
    );
    h.run_steps(2);
    h.get_by_label(tr(labels::PREVIEW_IN_THEME)).click();
    h.run_steps(2);
    // Asked first: the site's Jekyll runs the site's own code.
    step_until(&mut h, "the question", |h| {
        crate::common::has_text(h, tr(labels::THEME_TRUST))
    });
    h.get_by_label(tr(labels::THEME_TRUST)).click();
    h.run_steps(2);
    assert!(h.state().session.settings.theme_trusted.contains(&root));
    let page = served(&mut h, TITLE);
    assert!(page.contains("site-header"), "not minima's page");
    step_until(&mut h, "the strip shows which Jekyll builds", |h| {
        crate::common::has_text(h, "jekyll 4")
    });
    // Typed, not saved: on the served page after a pause, not on disk.
    h.get_by_label(tr(labels::EDITOR)).click();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.get_by_label(tr(labels::EDITOR))
        .type_text("\n\n새 문단 TYPED77\n");
    served(&mut h, "TYPED77");
    let on_disk = std::fs::read_to_string(root.join(POST)).unwrap();
    assert!(!on_disk.contains("TYPED77"));
    // Stop: no Jekyll left.
    h.get_by_label(tr(labels::STOP_THEME)).click();
    h.run_steps(2);
    let gone = (0..200).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(25));
        processes_with(&cache).is_empty()
    });
    assert!(gone, "left running: {:?}", processes_with(&cache));
    // The shortcut starts it again without asking; opening another site stops it.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run_steps(2);
    served(&mut h, "TYPED77");
    let other = tempfile::tempdir().unwrap();
    crate::common::write(other.path(), "_config.yml", "title: other\n");
    crate::common::write(
        other.path(),
        "_posts/2024-01-01-a.md",
        "---\ntitle: a\n---\n",
    );
    let open = |h: &mut egui_kittest::Harness<'_, daybook::app::DaybookApp>, path| {
        let _ = h
            .state_mut()
            .session
            .apply(daybook::command::Command::OpenPost(path));
    };
    open(&mut h, other.path().join("_posts/2024-01-01-a.md"));
    // The typed text is not saved: discard it when asked.
    let _ = h
        .state_mut()
        .session
        .apply(daybook::command::Command::AnswerPrompt(
            daybook::command::PromptChoice::Discard,
        ));
    assert_eq!(h.state().session.site().unwrap().root, other.path());
    let stopped = (0..400).any(|_| {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
        processes_with(&cache).is_empty()
    });
    assert!(stopped, "left running: {:?}", processes_with(&cache));
    // Back to the site, started again: closing the window stops it.
    open(&mut h, root.join(POST));
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run_steps(2);
    served(&mut h, TITLE);
    drop(h);
    assert_eq!(processes_with(&cache), Vec::<String>::new());
    assert_eq!(status_but(&root, "\u{0}"), Vec::<String>::new());
}

/// Full rebuild and Stop stay where they are as the status beside them changes: a click is
/// aimed at where the button was drawn, and a build finishing under the pointer (a wider
/// status, a stale-pages note) moved Stop away from it (a lost Stop, seen in CI).
#[test]
fn stop_and_full_rebuild_stay_put_whatever_the_status_says() {
    use daybook::command::Requests;
    use daybook::i18n::Words;
    use daybook::site::serve::{BuildError, BuildStatus};
    use daybook::ui::theme_preview::{ThemeView, theme_strip};

    let where_drawn = |status: BuildStatus| {
        let mut h = egui_kittest::Harness::builder()
            .with_size([900.0, 200.0])
            .build_ui(move |ui| {
                let view = ThemeView {
                    starting: false,
                    jekyll: Some("jekyll 4.3.1 (jekyll)".into()),
                    pages_not_run: None,
                    status: &status,
                    url: Some("http://127.0.0.1:4000/2024/05/06/gyeongju.html".into()),
                    message: None,
                    problems_shown: false,
                };
                theme_strip(ui, &view, &mut Requests::default());
            });
        h.run_steps(3);
        let stop = h.get_by_label(tr(labels::STOP_THEME)).rect();
        let rebuild = h.get_by_label(tr(labels::FULL_REBUILD)).rect();
        (stop, rebuild)
    };
    let building = where_drawn(BuildStatus {
        building: Some(false),
        ..BuildStatus::default()
    });
    let built_stale = where_drawn(BuildStatus {
        built: Some((0.17, false)),
        stale_pages: vec!["/index.html".into(), "/archive/".into()],
        ..BuildStatus::default()
    });
    let failed = where_drawn(BuildStatus {
        built: Some((0.17, false)),
        errors: vec![BuildError {
            message: Words::verbatim("Liquid syntax error (line 3): Unknown tag 'endfor'"),
            file: Some("_posts/2024-05-06-gyeongju.md".into()),
            line: Some(3),
        }],
        ..BuildStatus::default()
    });
    assert_eq!(building, built_stale);
    assert_eq!(building, failed);
    assert!(
        building.0.min.x > building.1.max.x,
        "Stop is the last button"
    );
}
