//! `daybook serve PATH [--port N] [--no-open]`: the theme preview from the command line.
//! Prints `serving URL` (the post's page when a post was given, else the site's root) once
//! the first build is done, opens it in the browser unless `--no-open`, and rebuilds as the
//! site changes until Ctrl+C or `SIGTERM`, which stop Jekyll with it.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::Duration;

use super::{CliError, CliResult};
use crate::site::serve::{ServeError, ServeEvent, ServeOptions, ThemeServer};
use crate::site::{Site, store};
use crate::tr;

enum Wake {
    Event(ServeEvent),
    Stop,
}

/// `daybook serve`.
pub fn run(path: &Path, port: Option<u16>, no_open: bool) -> CliResult<u8> {
    let site = Site::find(path)?;
    // A post given: its page is the one to show.
    let post = if path.is_file() {
        let loaded = store::load_post(path)?;
        let rel = crate::site::relative_slash(&site.root, &loaded.path);
        Some((rel, loaded.text))
    } else {
        None
    };
    let (tx, rx) = channel();
    let stop = tx.clone();
    // Ctrl+C, SIGTERM and SIGHUP stop the server (and Jekyll with it) before daybook exits.
    ctrlc::set_handler(move || {
        let _ = stop.send(Wake::Stop);
    })
    .map_err(|e| CliError::Failed(tr!("serve-io", error = e.to_string())))?;
    let on_event = Arc::new(move |e: ServeEvent| {
        let _ = tx.send(Wake::Event(e));
    });
    let options = ServeOptions { port, cache: None };
    eprintln!("{}", tr!("serve-preparing"));
    let server = ThemeServer::start(&site, &options, on_event).map_err(|e| match e {
        ServeError::NoJekyll(m) => CliError::Unavailable(m.to_string()),
        other => CliError::Failed(other.to_string()),
    })?;
    let setup = &server.setup;
    eprintln!(
        "{}",
        tr!(
            "serve-using",
            version = setup.version.as_str(),
            how = setup.how()
        )
    );
    match &setup.pages {
        Some(pages) if pages.not_run.is_empty() => eprintln!("{}", tr!("serve-pages")),
        Some(pages) => eprintln!(
            "{}",
            tr!("serve-pages-not-run", plugins = pages.not_run.join(", "))
        ),
        None => eprintln!("{}", tr!("serve-runs-site-code")),
    }
    let url = match &post {
        Some((rel, text)) => server.page_url(rel, text),
        None => server.url(),
    };
    let mut served = false;
    loop {
        let wake = match rx.recv_timeout(Duration::from_secs(3600)) {
            Ok(w) => w,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        match wake {
            Wake::Stop => break,
            Wake::Event(ServeEvent::Built { seconds, full, .. }) => {
                let how = if full {
                    tr!("serve-built-full")
                } else {
                    tr!("serve-built-incremental")
                };
                eprintln!(
                    "{}",
                    tr!("serve-built", seconds = format!("{seconds:.2}"), kind = how)
                );
                if !served {
                    served = true;
                    println!("serving {url}");
                    let _ = std::io::stdout().flush();
                    if !no_open && webbrowser::open(&url).is_err() {
                        eprintln!("{}", tr!("serve-no-browser", url = url.as_str()));
                    }
                }
            }
            Wake::Event(ServeEvent::Building { .. }) => {}
            Wake::Event(ServeEvent::Failed { errors }) => {
                eprintln!("{}", tr!("serve-failed", count = errors.len()));
                for e in errors {
                    let at = match (&e.file, e.line) {
                        (Some(f), Some(l)) => format!("{f}:{l}: "),
                        (Some(f), None) => format!("{f}: "),
                        _ => String::new(),
                    };
                    eprintln!("  {at}{}", e.message);
                }
            }
            Wake::Event(ServeEvent::Ended { code }) => eprintln!(
                "{}",
                tr!(
                    "serve-ended",
                    code = code.map_or_else(|| "-".to_owned(), |c| c.to_string())
                )
            ),
            Wake::Event(ServeEvent::Note(text)) => eprintln!("  {text}"),
        }
    }
    drop(server);
    Ok(0)
}
