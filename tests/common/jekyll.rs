//! The theme preview's test helpers: whether Jekyll and minima are here (CI requires
//! them), a small minima site, a page fetched over HTTP, and Jekyll processes left running.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The post of [`minima_site`], and its title.
pub const POST: &str = "_posts/2024-05-06-gyeongju-day4.md";
pub const TITLE: &str = "경주 넷째 날";

/// Whether Debian's `jekyll` with the minima theme can build here; with
/// `DAYBOOK_REQUIRE_JEKYLL` set (CI), they must.
pub fn jekyll_here() -> bool {
    let here = std::process::Command::new("jekyll")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
        && Path::new("/usr/share/rubygems-integration/all/gems")
            .read_dir()
            .is_ok_and(|mut d| {
                d.any(|e| e.is_ok_and(|e| e.file_name().to_string_lossy().starts_with("minima-")))
            });
    assert!(
        here || std::env::var_os("DAYBOOK_REQUIRE_JEKYLL").is_none(),
        "jekyll and jekyll-theme-minima are required here"
    );
    here
}

/// A site in minima's theme with one post (and a git repository), under `dir/site`.
pub fn minima_site(dir: &Path) -> PathBuf {
    let root = dir.join("site");
    super::write(
        &root,
        "_config.yml",
        "title: 여행 일기\ntheme: minima\ntimezone: Asia/Seoul\npermalink: /:year/:month/:day/:title.html\n",
    );
    super::write(
        &root,
        POST,
        format!("---\nlayout: post\ntitle: \"{TITLE}\"\n---\n\n아침 일찍 불국사에 갔다.\n"),
    );
    super::write(&root, "index.md", "---\nlayout: home\n---\n");
    super::write(&root, ".gitignore", "_site/\n");
    super::git(&root, &["init", "-q"]);
    super::git(&root, &["add", "-A"]);
    super::git(&root, &["commit", "-qm", "init"]);
    root
}

/// The body of `url` (`http://127.0.0.1:PORT/…`), or `None` when it cannot be fetched or
/// is not found.
pub fn get(url: &str) -> Option<String> {
    let rest = url.strip_prefix("http://")?;
    let (host, path) = rest
        .split_once('/')
        .map_or((rest, "/".to_owned()), |(h, p)| (h, format!("/{p}")));
    let mut stream = std::net::TcpStream::connect(host).ok()?;
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).ok()?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n")?;
    head.starts_with("HTTP/1.0 200")
        .then(|| body.to_owned())
        .or_else(|| head.starts_with("HTTP/1.1 200").then(|| body.to_owned()))
}

/// The processes whose command line mentions `needle` (a Jekyll building in this test's
/// cache folder).
pub fn processes_with(needle: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return out;
    };
    for entry in dir.flatten() {
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let line = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        if line.contains(needle) {
            out.push(format!("{} {line}", entry.file_name().to_string_lossy()));
        }
    }
    out
}

/// What `git status --ignored` says of the site, but for `except`.
pub fn status_but(root: &Path, except: &str) -> Vec<String> {
    super::git(
        root,
        &[
            "status",
            "--porcelain",
            "--ignored",
            "--untracked-files=all",
        ],
    )
    .lines()
    .filter(|l| !l.ends_with(except))
    .map(str::to_owned)
    .collect()
}
