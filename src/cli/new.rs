//! `daybook new`: create a post with generated front matter and print its path.

use std::path::PathBuf;

use super::{CliError, CliResult};
use crate::journal::date::parse_user_date;
use crate::journal::new_post::{NewPost, split_list};
use crate::journal::slug::SlugStyle;
use crate::site::{Site, create};

/// The arguments of `daybook new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The site folder (default: the site containing the current folder).
    #[arg(long)]
    pub site: Option<PathBuf>,
    #[arg(long)]
    pub title: String,
    /// Space-separated categories.
    #[arg(long, default_value = "")]
    pub categories: String,
    /// Space-separated tags.
    #[arg(long, default_value = "")]
    pub tags: String,
    /// Create the post in _drafts/ instead of _posts/.
    #[arg(long)]
    pub draft: bool,
    /// "YYYY-MM-DD HH:MM" in the site's timezone (default: now).
    #[arg(long)]
    pub date: Option<String>,
    /// Use an ASCII file name (Korean romanised).
    #[arg(long)]
    pub ascii_slug: bool,
}

pub fn run(a: &NewArgs) -> CliResult<u8> {
    let site_path = a.site.clone().unwrap_or_else(|| PathBuf::from("."));
    let site = Site::find(&site_path)?;
    let zone = site.config.zone();
    let date = match &a.date {
        Some(text) => parse_user_date(text, &zone)
            .ok_or_else(|| CliError::Failed(crate::tr!("cli-bad-date", date = text)))?,
        None => zone.to_zone(chrono::Utc::now().fixed_offset()),
    };
    if a.title.trim().is_empty() {
        return Err(CliError::Failed(crate::tr!("cli-empty-title")));
    }
    let post = NewPost {
        title: a.title.clone(),
        categories: split_list(&a.categories),
        tags: split_list(&a.tags),
        draft: a.draft,
        date,
        slug_style: if a.ascii_slug {
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
