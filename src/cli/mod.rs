//! The command line: `daybook [PATH…]` opens the window; subcommands (one file each) run
//! the same core for scripts and git hooks. Raw arguments (clap) are turned into core calls
//! here. Messages for the user are one line on stderr (a [`CliError`], printed once by
//! `main`). Exit codes: 0 ok; 1 refused or failed (`check`: the posts have errors;
//! `attach`: a photo failed); 2 what the command needs is missing (`check`: the site cannot
//! be read; `publish`: no git, or not a repository).

mod attach;
mod check;
mod new;
mod publish;
mod render;
mod serve;
mod set;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::site::photos::ImportOptions;

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
    New(new::NewArgs),
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
        /// What the photos become: jpeg, webp or keep (default: `daybook: photo_format` in
        /// `_config.yml`, else jpeg).
        #[arg(long, value_parser = parse_photo_format)]
        format: Option<crate::site::photos::PhotoFormat>,
        /// How the photos go in: lines (a Markdown image each), figure (a `<figure>` each)
        /// or gallery (one gallery of them all, plain HTML).
        #[arg(long = "as", value_parser = parse_insert_as, default_value = "lines")]
        insert_as: crate::journal::gallery::InsertAs,
        /// With `--as gallery`: the site's gallery include to write it for (a file under
        /// `_includes/` taking a list of photos), or `plain` for daybook's own HTML (default:
        /// the site's, when it has one).
        #[arg(long)]
        gallery: Option<String>,
        /// JPEG or WebP quality, 30–100 (default: `daybook: photo_quality`, else 85).
        #[arg(long, value_parser = clap::value_parser!(u8).range(30..=100))]
        quality: Option<u8>,
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
        /// Also note misspelt words (rule `spelling`, with suggestions as fixes), through
        /// the system's Hunspell and its Korean and English dictionaries. Notes never fail.
        #[arg(long)]
        spelling: bool,
    },
    /// Print a post's body as the HTML Jekyll publishes for its `{{ content }}` (Liquid and
    /// kramdown applied; no layout).
    Render { post: PathBuf },
    /// Preview the site in its own theme: the site's Jekyll builds a copy of it in daybook's
    /// cache folder, served on 127.0.0.1 until Ctrl+C. Prints `serving URL` when the first
    /// build is done. Exit 2 when Ruby or Jekyll is missing.
    Serve {
        /// The site folder, or a post (its page is the one opened).
        path: PathBuf,
        /// The port on 127.0.0.1 (default: a free one).
        #[arg(long)]
        port: Option<u16>,
        /// Do not open the page in the browser.
        #[arg(long)]
        no_open: bool,
    },
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

/// Why a subcommand could not do what was asked. Printed once, as one line, by `main`
/// (messages carry their own context; nothing is printed again from a source chain).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Refused or failed: bad input, a post that cannot be read or written (exit 1).
    #[error("{0}")]
    Failed(String),
    /// What the command needs is missing: the site cannot be read (`check`), no git or not
    /// a repository (`publish`) (exit 2).
    #[error("{0}")]
    Unavailable(String),
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Failed(_) => 1,
            CliError::Unavailable(_) => 2,
        }
    }
}

impl From<crate::site::SiteError> for CliError {
    fn from(e: crate::site::SiteError) -> Self {
        CliError::Failed(e.to_string())
    }
}

impl From<crate::site::photos::PhotoError> for CliError {
    fn from(e: crate::site::photos::PhotoError) -> Self {
        CliError::Failed(e.to_string())
    }
}

/// What a subcommand returns: the exit code (0, or 1 when `check` found errors or a photo
/// failed), or why it stopped.
pub type CliResult<T> = Result<T, CliError>;

/// Run a subcommand; `Ok` carries the exit code, output lines go to stdout.
pub fn run(command: Command) -> CliResult<u8> {
    match command {
        Command::Check {
            paths,
            format,
            staged,
            install_hook,
            spelling,
        } => check::run(&paths, format, staged, install_hook, spelling),
        Command::Attach {
            post,
            photos,
            folder,
            no_resize,
            keep_gps,
            at_line,
            keep_order,
            by_day,
            format,
            quality,
            insert_as,
            gallery,
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
            let how = attach::AttachHow {
                folder: folder.as_deref(),
                at_line,
                keep_order,
                by_day,
                format,
                quality,
                insert_as,
                gallery: gallery.as_deref(),
            };
            attach::run(&post, &photos, &options, &how)
        }
        Command::New(args) => new::run(&args),
        Command::Set { post, fields } => set::run(&post, &fields).map(|()| 0),
        Command::Render { post } => render::run(&post).map(|()| 0),
        Command::Serve {
            path,
            port,
            no_open,
        } => serve::run(&path, port, no_open),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, "daybook", &mut out);
            print_all(&out).map(|()| 0)
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut out).map_err(|e| {
                CliError::Failed(crate::tr!("cli-man-failed", error = e.to_string()))
            })?;
            print_all(&out).map(|()| 0)
        }
        Command::Publish {
            post,
            message,
            push,
            allow_errors,
        } => publish::run(&post, message.as_deref(), push, allow_errors),
    }
}

/// Write `bytes` to stdout; a reader that stops early (`| head`) is not an error.
fn print_all(bytes: &[u8]) -> CliResult<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(bytes) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::Failed(crate::tr!(
            "cli-stdout-failed",
            error = e.to_string()
        ))),
        _ => Ok(()),
    }
}

fn parse_photo_format(s: &str) -> Result<crate::site::photos::PhotoFormat, CliError> {
    crate::site::photos::PhotoFormat::parse(s)
        .ok_or_else(|| CliError::Failed(crate::tr!("bad-photo-format", format = s)))
}

fn parse_insert_as(s: &str) -> Result<crate::journal::gallery::InsertAs, CliError> {
    crate::journal::gallery::InsertAs::parse(s)
        .ok_or_else(|| CliError::Failed(crate::tr!("bad-insert-as", how = s)))
}
