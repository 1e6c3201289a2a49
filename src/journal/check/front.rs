//! Front-matter rules: `front-matter-invalid`, `missing-title`, `missing-layout`,
//! `date-mismatch`, `date-without-offset`, `future-date`, `unpublished`.

use chrono::NaiveTime;

use super::{CheckContext, Fix, PostInput, Report};
use crate::journal::date::{format_with_offset, parse_written_date};
use crate::journal::front_matter::{FrontMatter, FrontMatterError, NewValue, layout, set_field};
use crate::journal::post_name::parse_post_file_name;

/// The smallest edit turning `old` into `new`, as a fix.
pub(super) fn fix_between(old: &str, new: &str, label: String) -> Fix {
    let prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let prefix = (0..=prefix)
        .rev()
        .find(|i| old.is_char_boundary(*i) && new.is_char_boundary(*i))
        .unwrap_or(0);
    let max_suffix = old.len().min(new.len()) - prefix;
    let suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = (0..=suffix)
        .rev()
        .find(|s| old.is_char_boundary(old.len() - s) && new.is_char_boundary(new.len() - s))
        .unwrap_or(0);
    Fix::new(
        label,
        prefix..old.len() - suffix,
        new[prefix..new.len() - suffix].to_owned(),
    )
}

fn set_fix(text: &str, key: &str, value: &NewValue, label: String) -> Vec<Fix> {
    set_field(text, key, value)
        .map(|new| fix_between(text, &new, label))
        .into_iter()
        .collect()
}

fn key_offset(fm: &FrontMatter, key: &str) -> Option<usize> {
    fm.entries
        .iter()
        .find(|e| e.key == key)
        .map(|e| e.line_start)
}

/// Run the front-matter rules; returns the front matter when it can be read.
pub(super) fn check(
    report: &mut Report<'_>,
    post: PostInput<'_>,
    ctx: &CheckContext,
) -> Option<FrontMatter> {
    let text = post.text;
    let start = layout(text).content_start();
    let fm = match FrontMatter::parse(text) {
        Ok(fm) => fm,
        Err(e) => {
            let line_offset = match &e {
                FrontMatterError::InvalidYaml { line, .. } => text
                    .split_inclusive('\n')
                    .take(line.saturating_sub(1))
                    .map(str::len)
                    .sum(),
                _ => start,
            };
            report.add(
                "front-matter-invalid",
                line_offset,
                format!("{e}; Jekyll cannot build this post"),
                Vec::new(),
            );
            return None;
        }
    };
    if fm.title().is_none_or(|t| t.trim().is_empty()) {
        let slug = parse_post_file_name(post.file_name()).map_or(post.file_name(), |p| p.slug);
        let guess = slug.replace('-', " ");
        report.add(
            "missing-title",
            start,
            "no `title:`: the page heading and the browser tab fall back to the file name"
                .to_owned(),
            set_fix(
                text,
                "title",
                &NewValue::Text(guess.clone()),
                format!("Set the title to “{guess}”"),
            ),
        );
    }
    if fm.layout_name().is_none() && ctx.default_layout.is_none() {
        report.add(
            "missing-layout",
            start,
            "no `layout:` and no default layout for posts in _config.yml: the page is published without the site's design".to_owned(),
            set_fix(text, "layout", &NewValue::Text("post".into()), "Set layout: post".to_owned()),
        );
    }
    check_date(report, post, &fm, ctx);
    if !fm.published() {
        report.add(
            "unpublished",
            key_offset(&fm, "published").unwrap_or(start),
            "`published: false`: Jekyll will not publish this post".to_owned(),
            Vec::new(),
        );
    }
    Some(fm)
}

fn check_date(report: &mut Report<'_>, post: PostInput<'_>, fm: &FrontMatter, ctx: &CheckContext) {
    let zone = &ctx.zone;
    let name = parse_post_file_name(post.file_name());
    let at = key_offset(fm, "date").unwrap_or(0);
    let date = match fm.date() {
        None => name
            .as_ref()
            .map(|n| zone.resolve(n.date.and_time(NaiveTime::MIN))),
        Some((text, quoted)) => match parse_written_date(&text) {
            None => {
                report.add(
                    "front-matter-invalid",
                    at,
                    format!("`date: {text}` is not a date Jekyll can read; the build stops with “Invalid date”"),
                    Vec::new(),
                );
                return;
            }
            Some(written) => {
                let instant = written.instant(quoted, zone);
                if !quoted && !written.date_only && written.offset.is_none() {
                    let shown = zone.to_zone(instant);
                    let meant = zone.resolve(written.local);
                    let mut fixes = set_fix(
                        post.text,
                        "date",
                        &NewValue::Raw(format_with_offset(&meant)),
                        format!("It is local time: write {}", format_with_offset(&meant)),
                    );
                    fixes.extend(set_fix(
                        post.text,
                        "date",
                        &NewValue::Raw(format!(
                            "{} +0000",
                            written.local.format("%Y-%m-%d %H:%M:%S")
                        )),
                        "It is UTC: write +0000".to_owned(),
                    ));
                    report.add(
                        "date-without-offset",
                        at,
                        format!(
                            "`date: {text}` has no offset: Jekyll reads it as UTC and publishes it as {} in the site's zone",
                            shown.format("%Y-%m-%d %H:%M")
                        ),
                        fixes,
                    );
                }
                Some(zone.to_zone(instant))
            }
        },
    };
    let Some(date) = date else { return };
    if let Some(name) = &name
        && !post.is_draft()
        && fm.date().is_some()
        && date.date_naive() != name.date
    {
        report.add(
            "date-mismatch",
            at,
            format!(
                "the date is {} in the site's zone but the file name says {}; Jekyll uses the date for the URL",
                date.format("%Y-%m-%d"),
                name.date.format("%Y-%m-%d")
            ),
            Vec::new(),
        );
    }
    if date > ctx.now {
        report.add(
            "future-date",
            at,
            format!(
                "dated in the future ({}): plain Jekyll skips it until then (GitHub Pages builds it)",
                date.format("%Y-%m-%d %H:%M")
            ),
            Vec::new(),
        );
    }
}
