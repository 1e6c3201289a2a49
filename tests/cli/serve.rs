//! `daybook serve` and the theme preview's server (issue 22), with Debian's Jekyll and the
//! minima theme: the served page is the theme's with the post's title, an edit reaches it,
//! a second server on the site is refused, SIGTERM leaves no Jekyll and the site as it was,
//! a broken include is an error with its file and line, and no Jekyll says how to install
//! it.

use std::io::BufRead;
use std::process::{Command, Stdio};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use crate::common::jekyll::{
    POST, TITLE, get, jekyll_here, minima_site, processes_with, status_but,
};
use crate::common::write;
use daybook::site::Site;
use daybook::site::serve::{ServeEvent, ServeOptions, ThemeServer};

fn serve(site: &std::path::Path, cache: &std::path::Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_daybook"));
    cmd.env("LANGUAGE", "en")
        .env("XDG_CACHE_HOME", cache)
        .arg("serve")
        .arg(site)
        .args(args);
    cmd
}

/// The theme preview of the site at `root`, its shadows under `cache`, and its events.
fn start(
    root: &std::path::Path,
    cache: &std::path::Path,
) -> (ThemeServer, std::sync::mpsc::Receiver<ServeEvent>) {
    let (on_event, rx) = daybook::site::serve::event_channel();
    let options = ServeOptions {
        port: None,
        cache: Some(cache.to_path_buf()),
    };
    let site = Site::find(root).unwrap();
    (ThemeServer::start(&site, &options, on_event).unwrap(), rx)
}

/// Poll `f` for up to `seconds`.
fn within<T>(seconds: u64, mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(seconds) {
        if let Some(t) = f() {
            return Some(t);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

#[test]
fn serve_shows_the_theme_page_follows_edits_and_stops_clean() {
    if !jekyll_here() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = minima_site(dir.path());
    let cache = dir.path().join("cache");
    let mut child = serve(&root.join(POST), &cache, &["--no-open"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let _ = tx.send(line);
        }
    });
    let line = rx.recv_timeout(Duration::from_secs(60)).unwrap();
    let url = line.strip_prefix("serving ").unwrap().to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    assert!(url.ends_with("/2024/05/06/gyeongju-day4.html"), "{url}");
    let page = get(&url).unwrap();
    assert!(page.contains("site-header"), "not minima's page: {page}");
    assert!(page.contains(TITLE));
    assert!(
        page.contains(daybook::site::serve::http::BUILD_PATH),
        "no reload script"
    );
    // An edit made on disk (another editor, a pull) is on the served page soon after.
    let post = root.join(POST);
    let text = std::fs::read_to_string(&post).unwrap();
    std::fs::write(&post, format!("{text}\n새로 쓴 문단 48151623.\n")).unwrap();
    within(10, || get(&url).filter(|p| p.contains("48151623"))).expect("the edit was not served");
    // A second server on the same site is refused, naming the first.
    let second = serve(&root, &cache, &["--no-open"]).output().unwrap();
    assert_eq!(second.status.code(), Some(1));
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(
        err.contains("already previewed") && err.contains(&url[..22]),
        "{err}"
    );
    // SIGTERM: daybook stops, and Jekyll with it.
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let ended = within(10, || child.try_wait().unwrap());
    assert_eq!(ended.map(|s| s.code()), Some(Some(0)));
    let cache_text = cache.to_string_lossy().into_owned();
    let left = within(5, || processes_with(&cache_text).is_empty().then_some(()));
    assert!(
        left.is_some(),
        "left running: {:?}",
        processes_with(&cache_text)
    );
    assert_eq!(status_but(&root, POST), Vec::<String>::new());
}

#[test]
fn no_jekyll_says_how_to_install_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "_config.yml", "title: t\n");
    let empty = dir.path().join("bin");
    std::fs::create_dir_all(&empty).unwrap();
    let out = serve(dir.path(), &dir.path().join("cache"), &["--no-open"])
        .env("PATH", &empty)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("is not installed") && err.contains("install"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn build_errors_name_the_include_or_the_post_with_the_files_line() {
    if !jekyll_here() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = minima_site(dir.path());
    write(&root, "_includes/bad.html", "<p>ok</p>\n{% if %}\n");
    let (server, rx) = start(&root, &dir.path().join("cache"));
    let failed = |rx: &std::sync::mpsc::Receiver<ServeEvent>| {
        within(60, || match rx.try_recv() {
            Ok(ServeEvent::Failed { errors }) => Some(errors),
            _ => None,
        })
        .expect("no failed build")
    };
    let built = |rx: &std::sync::mpsc::Receiver<ServeEvent>| {
        within(60, || match rx.try_recv() {
            Ok(ServeEvent::Built { stale, .. }) => Some(stale),
            Ok(ServeEvent::Failed { errors }) => panic!("the build failed: {errors:?}"),
            Ok(ServeEvent::Ended { code }) => panic!("Jekyll ended: {code:?}"),
            _ => None,
        })
        .expect("no build")
    };
    assert_eq!(
        built(&rx),
        Vec::<String>::new(),
        "a whole build leaves nothing stale"
    );
    let text = std::fs::read_to_string(root.join(POST)).unwrap();
    // A new title from the window: the post's page is built again, the index that lists
    // it (minima's home) is not, and is named stale.
    server
        .set_text(POST, Some(text.replace(TITLE, "경주 넷째 날, 고쳐 씀")))
        .unwrap();
    assert_eq!(built(&rx), ["/"]);
    // The window's text (not the file) includes the broken include.
    let with_include = format!("{text}\n{{% include bad.html %}}\n");
    server.set_text(POST, Some(with_include)).unwrap();
    let errors = failed(&rx);
    let e = &errors[0];
    assert_eq!(
        (e.file.as_deref(), e.line),
        (Some("_includes/bad.html"), Some(2)),
        "{errors:?}"
    );
    assert!(
        e.message.to_string().contains("Liquid syntax error"),
        "{errors:?}"
    );
    // A Liquid error in the post itself: its line in the file, front matter counted.
    let lines_before = text.lines().count();
    server
        .set_text(POST, Some(format!("{text}{{% if %}}\n")))
        .unwrap();
    let errors = failed(&rx);
    assert_eq!(
        (errors[0].file.as_deref(), errors[0].line),
        (Some(POST), Some(lines_before + 1)),
        "{errors:?}"
    );
    // The last good page is still served, and a fixed text builds again.
    let url = server.page_url(POST, &text);
    assert!(get(&url).is_some_and(|p| p.contains(TITLE)));
    server.set_text(POST, None).unwrap();
    built(&rx);
    drop(server);
    assert_eq!(
        status_but(&root, "_includes/bad.html"),
        Vec::<String>::new()
    );
}

#[test]
fn a_site_with_a_gemfile_is_built_by_bundler_without_writing_into_the_site() {
    if !jekyll_here() || which::which("bundle").is_err() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = minima_site(dir.path());
    write(
        &root,
        "Gemfile",
        "source \"https://rubygems.org\"\ngem \"jekyll\"\ngem \"minima\"\n",
    );
    crate::common::git(&root, &["add", "Gemfile"]);
    crate::common::git(&root, &["commit", "-qm", "gemfile"]);
    let (server, rx) = start(&root, &dir.path().join("cache"));
    assert!(server.setup.bundler, "{:?}", server.setup);
    assert_eq!(server.setup.how(), "bundle exec jekyll");
    assert!(server.setup.version.starts_with("jekyll "));
    let built = within(60, || match rx.try_recv() {
        Ok(ServeEvent::Built { .. }) => Some(true),
        Ok(ServeEvent::Failed { errors }) => panic!("{errors:?}"),
        _ => None,
    });
    assert_eq!(built, Some(true));
    let page = get(&server.page_url(POST, "")).unwrap_or_default();
    assert!(page.contains("site-header"));
    drop(server);
    // bundler's Gemfile.lock went to the shadow, not the site.
    assert_eq!(status_but(&root, "\u{0}"), Vec::<String>::new());
}
