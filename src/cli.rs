//! The command line: `daybook [PATH]` opens the window; subcommands run the same core for
//! scripts and git hooks. Raw arguments (clap) are turned into core calls here; messages
//! for the user are one line on stderr, and exit codes are 0 (ok) and 1 (user error).

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::journal::date::{format_with_offset, parse_user_date};
use crate::journal::front_matter::{self, FrontMatter, NewValue, Value};
use crate::journal::new_post::{NewPost, split_list};
use crate::journal::slug::SlugStyle;
use crate::site::photos::ImportOptions;
use crate::site::{Site, create, store};

/// A Markdown journal editor for photo-heavy Jekyll blogs kept in git.
#[derive(Debug, Parser)]
#[command(name = "daybook", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A Jekyll site folder or a post in it (a file manager may pass several: the first is
    /// opened). Without it: the last site, or the sample journal.
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new post with generated front matter and print its path.
    New {
        /// The site folder (default: the site containing the current folder).
        #[arg(long)]
        site: Option<PathBuf>,
        #[arg(long)]
        title: String,
        /// Space-separated categories.
        #[arg(long, default_value = "")]
        categories: String,
        /// Space-separated tags.
        #[arg(long, default_value = "")]
        tags: String,
        /// Create the post in _drafts/ instead of _posts/.
        #[arg(long)]
        draft: bool,
        /// "YYYY-MM-DD HH:MM" in the site's timezone (default: now).
        #[arg(long)]
        date: Option<String>,
        /// Use an ASCII file name (Korean romanised).
        #[arg(long)]
        ascii_slug: bool,
    },
    /// Set front-matter fields in place (format-preserving, atomic). `KEY=` removes a field.
    Set {
        post: PathBuf,
        #[arg(required = true, value_name = "KEY=VALUE")]
        fields: Vec<String>,
    },
    /// Copy photos into the site's images folder (upright, resized, without location), link
    /// them in the post and save it. Prints each link; exit 1 if any photo failed.
    Attach {
        post: PathBuf,
        #[arg(required = true)]
        photos: Vec<PathBuf>,
        /// The folder under the images folder (default: the one the post's images use).
        #[arg(long)]
        folder: Option<String>,
        /// Keep the photos' size.
        #[arg(long)]
        no_resize: bool,
        /// Keep location and other metadata.
        #[arg(long)]
        keep_gps: bool,
        /// Insert the links before this line (default: append at the end).
        #[arg(long)]
        at_line: Option<usize>,
        /// Link the photos in the order given (default: the order they were taken in).
        #[arg(long)]
        keep_order: bool,
        /// Put a heading (`## 5월 3일`, in the post's language) where the day changes.
        #[arg(long)]
        by_day: bool,
    },
    /// Check a site (or some posts) for broken images and other mistakes. Exit 0: no errors,
    /// 1: errors, 2: the site cannot be read.
    Check {
        /// A site folder, or post files (default: the site containing the current folder).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Check the posts staged in git (their staged text), for a pre-commit hook.
        #[arg(long)]
        staged: bool,
        /// Add `daybook check --staged` to the repository's pre-commit hook.
        #[arg(long)]
        install_hook: bool,
    },
    /// Print a post's body as the HTML Jekyll publishes for its `{{ content }}` (Liquid and
    /// kramdown applied; no layout).
    Render { post: PathBuf },
    /// Print a completion script for a shell (bash, zsh, fish, powershell, elvish).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `daybook man > ~/.local/share/man/man1/daybook.1`.
    Man,
    /// Commit the post with exactly the files its page uses, through git; then push.
    /// Exit 0 done, 1 refused or failed, 2 not a git repository or no git.
    Publish {
        post: PathBuf,
        /// The commit message (default: "Add post: TITLE" or "Update post: TITLE").
        #[arg(short, long)]
        message: Option<String>,
        /// Push to the branch's upstream after committing.
        #[arg(long)]
        push: bool,
        /// Commit even when the post has check errors.
        #[arg(long)]
        allow_errors: bool,
    },
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Run a subcommand; `Ok` carries the exit code, output lines go to stdout.
pub fn run(command: Command) -> anyhow::Result<u8> {
    match command {
        Command::Check {
            paths,
            format,
            staged,
            install_hook,
        } => Ok(crate::cli_check::run(&paths, format, staged, install_hook)),
        Command::Attach {
            post,
            photos,
            folder,
            no_resize,
            keep_gps,
            at_line,
            keep_order,
            by_day,
        } => {
            let options = ImportOptions {
                max_edge: if no_resize {
                    None
                } else {
                    ImportOptions::default().max_edge
                },
                strip_metadata: !keep_gps,
                ..ImportOptions::default()
            };
            let how = AttachHow {
                folder: folder.as_deref(),
                at_line,
                keep_order,
                by_day,
            };
            attach(&post, &photos, &options, &how)
        }
        Command::New {
            site,
            title,
            categories,
            tags,
            draft,
            date,
            ascii_slug,
        } => {
            let site_path = site.unwrap_or_else(|| PathBuf::from("."));
            let site = Site::find(&site_path)?;
            let zone = site.config.zone();
            let date = match date {
                Some(text) => parse_user_date(&text, &zone)
                    .with_context(|| format!("--date `{text}` is not YYYY-MM-DD HH:MM"))?,
                None => zone.to_zone(chrono::Utc::now().fixed_offset()),
            };
            if title.trim().is_empty() {
                bail!("--title is empty");
            }
            let post = NewPost {
                title,
                categories: split_list(&categories),
                tags: split_list(&tags),
                draft,
                date,
                slug_style: if ascii_slug {
                    SlugStyle::Ascii
                } else {
                    SlugStyle::Default
                },
                layout: site.config.post_layout.clone(),
            };
            let path = create::create_post(&site, &post)?;
            println!("{}", path.display());
            Ok(0)
        }
        Command::Set { post, fields } => set_fields(&post, &fields).map(|()| 0),
        Command::Render { post } => render(&post).map(|()| 0),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, "daybook", &mut out);
            print_all(&out).map(|()| 0)
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_mangen::Man::new(cmd)
                .render(&mut out)
                .context("could not make the manual page")?;
            print_all(&out).map(|()| 0)
        }
        Command::Publish {
            post,
            message,
            push,
            allow_errors,
        } => Ok(crate::cli_publish::run(
            &post,
            message.as_deref(),
            push,
            allow_errors,
        )),
    }
}

/// `daybook render`: the post's body as published HTML on stdout.
fn render(post: &Path) -> anyhow::Result<()> {
    let site = Site::find(post)?;
    let loaded = store::load_post(post)?;
    let now = site
        .config
        .zone()
        .to_zone(chrono::Utc::now().fixed_offset());
    let renderer = crate::site::render::Renderer::new(&site, now);
    let rel = crate::site::check::relative_slash(&site.root, &loaded.path);
    let doc = renderer.prepare(&rel, &loaded.text);
    print!("{}", crate::journal::render::to_html(&doc));
    Ok(())
}

/// Write `bytes` to stdout; a reader that stops early (`| head`) is not an error.
fn print_all(bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(bytes) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("could not write to standard output")
        }
        _ => Ok(()),
    }
}

/// Where and how `daybook attach` links photos.
struct AttachHow<'a> {
    folder: Option<&'a str>,
    at_line: Option<usize>,
    keep_order: bool,
    by_day: bool,
}

/// `daybook attach`: import the photos (on both cores), link the ones that worked in the
/// order they were taken (alt texts never camera names, day headings when asked), save.
fn attach(
    post: &Path,
    photos: &[PathBuf],
    options: &ImportOptions,
    how: &AttachHow<'_>,
) -> anyhow::Result<u8> {
    let site = Site::find(post)?;
    let loaded = store::load_post(post)?;
    let target =
        crate::site::photos::PhotoTarget::for_post(&site, &loaded.path, &loaded.text, how.folder);
    let dest = target.dir_within(&site.root)?;
    // A Live Photo's video beside its still is not a photo: skipped, with a note.
    let videos = crate::journal::trip::live_photo_videos(photos);
    for i in &videos {
        eprintln!(
            "daybook: note: {} is the video of a Live Photo; its still is linked",
            photos[*i].display()
        );
    }
    let photos: Vec<PathBuf> = photos
        .iter()
        .enumerate()
        .filter(|(i, _)| !videos.contains(i))
        .map(|(_, p)| p.clone())
        .collect();
    let results = crate::site::photos::import_all(&photos, &dest, options);
    let mut batch = Vec::new();
    let mut failed = 0;
    for result in results {
        match result {
            Ok(imported) => batch.push(crate::site::trip::batch_photo(
                &target,
                &imported,
                "",
                "",
                &site.config.baseurl,
            )),
            Err(e) => {
                eprintln!("daybook: {e}");
                failed += 1;
            }
        }
    }
    if !batch.is_empty() {
        let layout = crate::site::trip::layout_for(&site, &loaded.text, how.by_day, how.keep_order);
        let paragraphs = crate::journal::trip::lay_out(&batch, &layout);
        for p in &paragraphs {
            println!("{p}");
        }
        let text =
            crate::journal::photos::insert_links_at_line(&loaded.text, how.at_line, &paragraphs);
        store::write_atomic(
            &loaded.path,
            text.as_bytes(),
            Some(Some(loaded.fingerprint)),
        )?;
    }
    Ok(u8::from(failed > 0))
}

/// How a `KEY=VALUE` from the command line becomes a front-matter value.
fn new_value(
    key: &str,
    value: &str,
    current: Option<&Value>,
    post: &Path,
) -> anyhow::Result<NewValue> {
    Ok(match key {
        "date" => {
            let site = Site::find(post)?;
            let instant = parse_user_date(value, &site.config.zone())
                .with_context(|| format!("date `{value}` is not YYYY-MM-DD HH:MM[:SS] [+ZZZZ]"))?;
            NewValue::Raw(format_with_offset(&instant))
        }
        _ if value == "true" || value == "false" => NewValue::Bool(value == "true"),
        "categories" | "tags" if matches!(current, Some(Value::List(_))) => {
            NewValue::List(split_list(value))
        }
        _ => NewValue::Text(value.to_owned()),
    })
}

fn set_fields(post: &Path, fields: &[String]) -> anyhow::Result<()> {
    // A file Jekyll ignores is not a post: say so rather than edit it.
    let abs = std::path::absolute(post).unwrap_or_else(|_| post.to_owned());
    let parts: Vec<String> = abs
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .skip_while(|c| c != "_posts")
        .skip(1)
        .collect();
    if !parts.is_empty() {
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        if let Some(reason) = crate::journal::post_name::ignored_reason(&parts) {
            bail!(
                "{}: {reason}; rename it before editing it as a post",
                post.display()
            );
        }
    }
    let loaded = store::load_post(post)?;
    let mut text = loaded.text.clone();
    let mut expected = Vec::new();
    for field in fields {
        let (key, value) = field
            .split_once('=')
            .with_context(|| format!("`{field}` is not KEY=VALUE"))?;
        let key = key.trim();
        if key.is_empty() {
            bail!("`{field}` has an empty key");
        }
        let current =
            FrontMatter::parse(&text).map_err(|source| crate::site::SiteError::FrontMatter {
                path: post.to_owned(),
                source,
            })?;
        text = if value.is_empty() {
            front_matter::remove_field(&text, key)
        } else {
            let v = new_value(key, value, current.get(key).as_ref(), post)?;
            expected.push((key.to_owned(), v.clone()));
            front_matter::set_field(&text, key, &v)
        }
        .map_err(|source| crate::site::SiteError::FrontMatter {
            path: post.to_owned(),
            source,
        })?;
    }
    verify_read_back(&text, &expected).with_context(|| format!("{}: not saved", post.display()))?;
    if text != loaded.text {
        store::write_atomic(post, text.as_bytes(), Some(Some(loaded.fingerprint)))?;
    }
    println!("{}", post.display());
    Ok(())
}

/// A last check before writing: every field reads back as the value asked for.
fn verify_read_back(text: &str, expected: &[(String, NewValue)]) -> anyhow::Result<()> {
    let fm = FrontMatter::parse(text)?;
    for (key, value) in expected {
        let got = fm.get(key);
        let ok = match (value, &got) {
            (NewValue::Text(t), Some(Value::Str { text, .. })) => text == t,
            (NewValue::Bool(b), Some(Value::Bool(g))) => b == g,
            (NewValue::Raw(r), Some(v)) => v.as_text().as_deref() == Some(r.as_str()),
            (NewValue::List(l), Some(Value::List(items))) => {
                items.iter().filter_map(Value::as_text).collect::<Vec<_>>() == *l
            }
            _ => false,
        };
        if !ok {
            bail!("`{key}` would read back as {got:?}, not as what was asked");
        }
    }
    Ok(())
}
