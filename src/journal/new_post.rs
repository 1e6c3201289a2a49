//! A new post: its file name and the front matter daybook generates for it.
//!
//! `_posts/YYYY-MM-DD-<slug>.md` (or `_drafts/<slug>.md`), with `layout`, `title`, a `date`
//! that always carries an explicit offset, `categories` and `tags` when given. The caller
//! picks the date (already in the site zone); nothing here reads the clock.

use chrono::{DateTime, FixedOffset};

use super::date::format_with_offset;
use super::post_name::post_file_name;
use super::scalar::{self, Quoting};
use super::slug::{SlugStyle, slugify};

/// Everything needed to write a new post.
#[derive(Debug, Clone)]
pub struct NewPost {
    pub title: String,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    pub draft: bool,
    /// The post date, as wall-clock time with the site's offset.
    pub date: DateTime<FixedOffset>,
    pub slug_style: SlugStyle,
    /// `post`, or the site's default layout for posts.
    pub layout: String,
}

impl NewPost {
    /// The slug of the title, short enough for a file name on every file system.
    pub fn slug(&self) -> String {
        super::slug::fit_file_name(&slugify(&self.title, self.slug_style))
    }

    /// The folder under the site root: `_posts` or `_drafts`.
    pub fn folder(&self) -> &'static str {
        if self.draft { "_drafts" } else { "_posts" }
    }

    /// The file name Jekyll expects.
    pub fn file_name(&self) -> String {
        if self.draft {
            format!("{}.md", self.slug())
        } else {
            post_file_name(self.date.date_naive(), &self.slug(), "md")
        }
    }

    /// The text of the new file: front matter and an empty body line.
    pub fn text(&self) -> String {
        let mut out = String::from("---\n");
        out.push_str(&format!(
            "layout: {}\n",
            scalar::render_string(&self.layout, Quoting::Plain)
        ));
        out.push_str(&format!(
            "title: {}\n",
            scalar::render_string(&self.title, Quoting::Plain)
        ));
        out.push_str(&format!("date: {}\n", format_with_offset(&self.date)));
        if let Some(v) = list_value(&self.categories) {
            out.push_str(&format!("categories: {v}\n"));
        }
        if let Some(v) = list_value(&self.tags) {
            out.push_str(&format!("tags: {v}\n"));
        }
        out.push_str("---\n\n");
        out
    }
}

/// A space-separated string when no item has spaces (Jekyll splits it back), else a list.
fn list_value(items: &[String]) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    if items
        .iter()
        .any(|i| i.contains(char::is_whitespace) || !scalar::flow_plain_is_safe(i))
    {
        let quoted: Vec<String> = items.iter().map(|i| scalar::render_flow_item(i)).collect();
        return Some(format!("[{}]", quoted.join(", ")));
    }
    Some(items.join(" "))
}

/// Split a user's space-separated list (`"샌프란시스코 QCon"`) into items.
pub fn split_list(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::front_matter::FrontMatter;

    fn sample(draft: bool) -> NewPost {
        NewPost {
            title: "QCon 2016 둘째 날: Netflix #2".to_owned(),
            categories: split_list("샌프란시스코 QCon"),
            tags: vec!["conference".to_owned(), "2016".to_owned()],
            draft,
            date: DateTime::parse_from_rfc3339("2016-11-04T23:30:00+09:00").unwrap(),
            slug_style: SlugStyle::Default,
            layout: "post".to_owned(),
        }
    }

    #[test]
    fn new_post_names_follow_jekyll() {
        assert_eq!(
            sample(false).file_name(),
            "2016-11-04-qcon-2016-둘째-날-netflix-2.md"
        );
        assert_eq!(sample(false).folder(), "_posts");
        assert_eq!(sample(true).file_name(), "qcon-2016-둘째-날-netflix-2.md");
        assert_eq!(sample(true).folder(), "_drafts");
    }

    #[test]
    fn generated_front_matter_reads_back() {
        let text = sample(false).text();
        assert!(
            text.contains("\ndate: 2016-11-04 23:30:00 +0900\n"),
            "{text}"
        );
        let fm = FrontMatter::parse(&text).unwrap();
        assert_eq!(fm.title().as_deref(), Some("QCon 2016 둘째 날: Netflix #2"));
        assert_eq!(fm.layout_name().as_deref(), Some("post"));
        assert_eq!(fm.categories(), ["샌프란시스코", "QCon"]);
        assert_eq!(fm.tags(), ["conference", "2016"]);
    }

    #[test]
    fn items_with_spaces_are_written_as_a_list() {
        let mut post = sample(false);
        post.categories = vec!["San Francisco".to_owned(), "QCon".to_owned()];
        post.tags.clear();
        let text = post.text();
        assert!(
            text.contains("categories: [San Francisco, QCon]\n"),
            "{text}"
        );
        assert!(!text.contains("tags:"));
        let fm = FrontMatter::parse(&text).unwrap();
        assert_eq!(fm.categories(), ["San Francisco", "QCon"]);
    }
}
