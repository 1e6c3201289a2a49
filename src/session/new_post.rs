//! A new post from the new-post dialog's fields: what it would be, or why it cannot be made
//! yet (the dialog shows the file name and URL before anything is created).

use crate::command::NewPostForm;
use crate::journal::date::{Zone, parse_user_date};
use crate::journal::new_post::{NewPost, split_list};
use crate::site::SiteConfig;
use crate::words;

/// The site facts the new-post dialog shows its preview with.
pub struct NewPostSite<'a> {
    pub zone: Zone,
    pub permalink: &'a str,
    pub baseurl: &'a str,
    pub layout: &'a str,
}

impl NewPostSite<'_> {
    /// The facts of the site with these settings.
    pub fn of(config: &SiteConfig) -> NewPostSite<'_> {
        NewPostSite {
            zone: config.zone(),
            permalink: &config.permalink,
            baseurl: &config.baseurl,
            layout: &config.post_layout,
        }
    }
}

/// Why the form does not describe a post yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.words())]
pub enum FormError {
    NoTitle,
    BadDate,
}

impl FormError {
    /// What is missing, as words for the dialog.
    pub fn words(self) -> crate::i18n::Words {
        match self {
            FormError::NoTitle => words!("new-post-needs-title"),
            FormError::BadDate => words!("new-post-bad-date"),
        }
    }
}

/// The post the form describes, or why it cannot be made yet.
pub fn post_from_form(form: &NewPostForm, site: &NewPostSite<'_>) -> Result<NewPost, FormError> {
    if form.title.trim().is_empty() {
        return Err(FormError::NoTitle);
    }
    let date = parse_user_date(&form.date, &site.zone).ok_or(FormError::BadDate)?;
    Ok(NewPost {
        title: form.title.trim().to_owned(),
        categories: split_list(&form.categories),
        tags: split_list(&form.tags),
        draft: form.draft,
        date,
        slug_style: form.slug_style,
        layout: site.layout.to_owned(),
    })
}
