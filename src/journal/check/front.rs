//! Front-matter rules: `front-matter-invalid`, `missing-title`, `missing-layout`,
//! `date-mismatch`, `date-without-offset`, `future-date`, `unpublished`.

use chrono::NaiveTime;

use super::{CheckContext, Fix, PostInput, Report};
use crate::i18n::Words;
use crate::journal::date::{format_with_offset, parse_written_date};
use crate::journal::front_matter::{FrontMatter, FrontMatterError, NewValue, layout, set_field};
use crate::journal::post_name::parse_post_file_name;

/// The smallest edit turning `old` into `new`, as a fix.
pub(super) fn fix_between(old: &str, new: &str, label: Words) -> Fix {
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

fn set_fix(text: &str, key: &str, value: &NewValue, label: Words) -> Vec<Fix> {
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
                crate::words!("rule-front-matter-invalid", error = e.words()),
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
            crate::words!("rule-missing-title"),
            set_fix(
                text,
                "title",
                &NewValue::Text(guess.clone()),
                crate::words!("fix-set-title", title = guess.as_str()),
            ),
        );
    }
    if fm.layout_name().is_none() && ctx.default_layout.is_none() {
        report.add(
            "missing-layout",
            start,
            crate::words!("rule-missing-layout"),
            set_fix(
                text,
                "layout",
                &NewValue::Text("post".into()),
                crate::words!("fix-set-layout"),
            ),
        );
    }
    check_date(report, post, &fm, ctx);
    if !fm.published() {
        report.add(
            "unpublished",
            key_offset(&fm, "published").unwrap_or(start),
            crate::words!("rule-unpublished"),
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
                    crate::words!("rule-invalid-date", date = text.as_str()),
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
                        crate::words!("fix-local-time", date = format_with_offset(&meant)),
                    );
                    fixes.extend(set_fix(
                        post.text,
                        "date",
                        &NewValue::Raw(format!(
                            "{} +0000",
                            written.local.format("%Y-%m-%d %H:%M:%S")
                        )),
                        crate::words!("fix-utc"),
                    ));
                    report.add(
                        "date-without-offset",
                        at,
                        crate::words!(
                            "rule-date-without-offset",
                            date = text.as_str(),
                            shown = shown.format("%Y-%m-%d %H:%M").to_string()
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
            crate::words!(
                "rule-date-mismatch",
                date = date.format("%Y-%m-%d").to_string(),
                name = name.date.format("%Y-%m-%d").to_string()
            ),
            Vec::new(),
        );
    }
    if date > ctx.now {
        report.add(
            "future-date",
            at,
            crate::words!(
                "rule-future-date",
                date = date.format("%Y-%m-%d %H:%M").to_string()
            ),
            Vec::new(),
        );
    }
}
