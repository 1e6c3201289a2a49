//! The built site served on 127.0.0.1 as `jekyll serve` serves it (under `baseurl`, a
//! folder's `index.html`, `/about` for `about.html`, the site's `404.html`), with a small
//! script of daybook's in every page that reloads it when a newer build is done — so the
//! served page needs neither Jekyll's `WEBrick` nor its livereload gems.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use tiny_http::{Header, Request, Response, Server};

/// The path the reload script asks for the build number.
pub const BUILD_PATH: &str = "/__daybook/build";

/// The threads answering requests.
pub const THREADS: usize = 4;

/// How often the served pages ask whether a newer build is done.
const POLL_MS: u32 = 400;

/// What the request threads share.
pub struct Served {
    /// Jekyll's destination folder.
    pub dest: PathBuf,
    /// `baseurl`, without a trailing `/` (empty for none).
    pub baseurl: String,
    /// Counts finished builds: pages reload when it changes.
    pub build: AtomicU64,
    pub stop: AtomicBool,
}

/// Serve on `listener` from a few threads until [`Served::stop`] is set and the server is
/// unblocked.
pub fn start(
    listener: std::net::TcpListener,
    served: &Arc<Served>,
) -> std::io::Result<(Arc<Server>, Vec<std::thread::JoinHandle<()>>)> {
    let server = Server::from_listener(listener, None).map_err(std::io::Error::other)?;
    let server = Arc::new(server);
    let mut threads = Vec::new();
    for i in 0..THREADS {
        let (server, served) = (server.clone(), served.clone());
        threads.push(
            std::thread::Builder::new()
                .name(format!("daybook-serve-http-{i}"))
                .spawn(move || {
                    while !served.stop.load(Ordering::Relaxed) {
                        match server.recv() {
                            Ok(request) => answer(request, &served),
                            Err(_) => break,
                        }
                    }
                })?,
        );
    }
    Ok((server, threads))
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn add<R: std::io::Read>(response: &mut Response<R>, name: &str, value: &str) {
    if let Some(h) = header(name, value) {
        response.add_header(h);
    }
}

fn answer(request: Request, served: &Served) {
    let url = request.url().to_owned();
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let no_store = header("Cache-Control", "no-store");
    if path == BUILD_PATH {
        let body = served.build.load(Ordering::Relaxed).to_string();
        let mut response = Response::from_string(body);
        add(&mut response, "Content-Type", "text/plain");
        respond(request, response, no_store);
        return;
    }
    match resolve(&served.dest, &served.baseurl, path) {
        Resolved::File(file) => send_file(request, &file, 200, no_store),
        Resolved::Redirect(to) => {
            let mut response = Response::empty(301);
            add(&mut response, "Location", &to);
            respond(request, response, no_store);
        }
        Resolved::NotFound => {
            let page = served.dest.join("404.html");
            if page.is_file() {
                send_file(request, &page, 404, no_store);
            } else {
                respond(
                    request,
                    Response::from_string("404").with_status_code(404),
                    no_store,
                );
            }
        }
    }
}

fn respond<R: std::io::Read>(request: Request, response: Response<R>, extra: Option<Header>) {
    let mut response = response;
    if let Some(h) = extra {
        response.add_header(h);
    }
    // A browser that went away is no error of ours.
    let _ = request.respond(response);
}

fn send_file(request: Request, file: &Path, status: u16, no_store: Option<Header>) {
    let mime = mime_guess::from_path(file).first_or_octet_stream();
    let is_html = mime.essence_str() == "text/html";
    let content_type = if mime.type_() == "text" || is_html {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_owned()
    };
    if is_html {
        let Ok(bytes) = std::fs::read(file) else {
            respond(request, Response::empty(404), no_store);
            return;
        };
        let page = with_reload_script(&String::from_utf8_lossy(&bytes));
        let mut response = Response::from_data(page.into_bytes()).with_status_code(status);
        add(&mut response, "Content-Type", &content_type);
        respond(request, response, no_store);
        return;
    }
    match std::fs::File::open(file) {
        Ok(f) => {
            let mut response = Response::from_file(f).with_status_code(status);
            add(&mut response, "Content-Type", &content_type);
            respond(request, response, no_store);
        }
        Err(_) => respond(request, Response::empty(404), no_store),
    }
}

/// The page with daybook's reload script before its `</body>` (or at its end).
pub fn with_reload_script(page: &str) -> String {
    let script = format!(
        "<script>(function(){{var seen=null;function ask(){{fetch('{BUILD_PATH}',{{cache:'no-store'}})\
.then(function(r){{return r.text();}}).then(function(n){{if(seen!==null&&n!==seen){{location.reload();}}seen=n;}})\
.catch(function(){{}}).then(function(){{setTimeout(ask,{POLL_MS});}});}}ask();}})();</script>"
    );
    let lower = page.to_ascii_lowercase();
    match lower.rfind("</body>") {
        Some(at) => format!("{}{script}{}", &page[..at], &page[at..]),
        None => format!("{page}{script}"),
    }
}

/// Where a request for a URL path leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    File(PathBuf),
    Redirect(String),
    NotFound,
}

/// The file for a URL path, as `jekyll serve` finds it.
pub fn resolve(dest: &Path, baseurl: &str, url_path: &str) -> Resolved {
    let decoded = crate::journal::permalink::percent_decode(url_path);
    let rest = if baseurl.is_empty() {
        decoded.as_str()
    } else if let Some(rest) = decoded.strip_prefix(baseurl)
        && (rest.is_empty() || rest.starts_with('/'))
    {
        rest
    } else if decoded == "/" {
        return Resolved::Redirect(format!("{baseurl}/"));
    } else {
        return Resolved::NotFound;
    };
    let mut file = dest.to_path_buf();
    for part in Path::new(rest.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => file.push(p),
            Component::CurDir => {}
            // `..`, a root or a drive: nothing outside the destination is served.
            _ => return Resolved::NotFound,
        }
    }
    if file.is_dir() {
        if !rest.is_empty() && !rest.ends_with('/') {
            return Resolved::Redirect(format!("{url_path}/"));
        }
        let index = file.join("index.html");
        return if index.is_file() {
            Resolved::File(index)
        } else {
            Resolved::NotFound
        };
    }
    if file.is_file() {
        return Resolved::File(file);
    }
    if file.extension().is_none() {
        let html = file.with_extension("html");
        if html.is_file() {
            return Resolved::File(html);
        }
    }
    Resolved::NotFound
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn urls_lead_where_jekyll_serve_leads_them() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path();
        for rel in [
            "index.html",
            "about.html",
            "여행/2024/a.html",
            "blog/index.html",
        ] {
            let path = dest.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let file = |rel: &str| Resolved::File(dest.join(rel));
        let cases = [
            ("", "/", file("index.html")),
            ("", "/about", file("about.html")),
            ("", "/about.html", file("about.html")),
            (
                "",
                "/%EC%97%AC%ED%96%89/2024/a.html",
                file("여행/2024/a.html"),
            ),
            ("", "/blog", Resolved::Redirect("/blog/".into())),
            ("", "/blog/", file("blog/index.html")),
            ("", "/../etc/passwd", Resolved::NotFound),
            ("", "/none.html", Resolved::NotFound),
            ("/me", "/me/about", file("about.html")),
            ("/me", "/me/", file("index.html")),
            ("/me", "/", Resolved::Redirect("/me/".into())),
            ("/me", "/about", Resolved::NotFound),
        ];
        for (baseurl, url, want) in cases {
            assert_eq!(resolve(dest, baseurl, url), want, "{baseurl} {url}");
        }
    }

    #[test]
    fn the_reload_script_goes_before_the_body_ends() {
        let page = with_reload_script("<html><BODY>x</BODY></html>");
        assert!(page.ends_with("</script></BODY></html>"), "{page}");
        assert!(page.contains(BUILD_PATH));
        assert!(with_reload_script("x").starts_with("x<script>"));
    }
}
