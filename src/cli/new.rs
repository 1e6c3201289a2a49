//! `daybook new`: create a post with generated front matter and print its path.

use std::path::PathBuf;

use super::{CliError, CliResult};
use crate::journal::date::parse_user_date;
use crate::journal::new_post::{NewPost, split_list};
use crate::journal::slug::SlugStyle;
use crate::site::{Site, create};

/// The arguments of `daybook new`.
pub struct NewArgs {
    pub site: Option<PathBuf>,
    pub title: String,
    pub categories: String,
    pub tags: String,
    pub draft: bool,
    pub date: Option<String>,
    pub ascii_slug: bool,
}

pub fn run(a: &NewArgs) -> CliResult<u8> {
    let site_path = a.site.clone().unwrap_or_else(|| PathBuf::from("."));
    let site = Site::find(&site_path)?;
    let zone = site.config.zone();
    let date = match &a.date {
        Some(text) => parse_user_date(text, &zone)
            .ok_or_else(|| CliError::Failed(format!("--date `{text}` is not YYYY-MM-DD HH:MM")))?,
        None => zone.to_zone(chrono::Utc::now().fixed_offset()),
    };
    if a.title.trim().is_empty() {
        return Err(CliError::Failed("--title is empty".into()));
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
