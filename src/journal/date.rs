//! Post dates as Jekyll reads them, and as we write them (always with an explicit offset).
//!
//! Jekyll's rules, which decide a post's URL: an unquoted YAML timestamp without an offset
//! is read as UTC; a quoted date string without an offset, a date-only value and the date in
//! a file name are read in the site's `timezone`; an explicit offset always wins. The caller
//! passes the zone in, so nothing here reads the clock or the environment.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};

/// The zone the site's dates are read in: `timezone:` from `_config.yml`, else the machine's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Zone {
    Named(chrono_tz::Tz),
    Fixed(FixedOffset),
    Local,
}

impl Zone {
    /// Parse an IANA zone name such as `Asia/Seoul`.
    pub fn named(name: &str) -> Option<Zone> {
        name.trim().parse::<chrono_tz::Tz>().ok().map(Zone::Named)
    }

    /// The instant a wall-clock time in this zone stands for (the earlier one in a DST fold,
    /// the time after the gap in a DST gap).
    pub fn resolve(&self, local: NaiveDateTime) -> DateTime<FixedOffset> {
        fn pick<Tz: TimeZone>(tz: &Tz, local: NaiveDateTime) -> DateTime<FixedOffset> {
            let found = tz
                .from_local_datetime(&local)
                .earliest()
                .or_else(|| {
                    tz.from_local_datetime(&(local + chrono::Duration::hours(1)))
                        .earliest()
                })
                .map(|d| d.fixed_offset());
            found.unwrap_or_else(|| local.and_utc().fixed_offset())
        }
        match self {
            Zone::Named(tz) => pick(tz, local),
            Zone::Fixed(off) => pick(off, local),
            Zone::Local => pick(&Local, local),
        }
    }

    /// An instant shown as wall-clock time in this zone.
    pub fn to_zone(&self, instant: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        match self {
            Zone::Named(tz) => instant.with_timezone(tz).fixed_offset(),
            Zone::Fixed(off) => instant.with_timezone(off),
            Zone::Local => {
                let off = Local.offset_from_utc_datetime(&instant.naive_utc()).fix();
                instant.with_timezone(&off)
            }
        }
    }
}

/// A date as written in front matter, before Jekyll's reading rules are applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrittenDate {
    pub local: NaiveDateTime,
    pub offset: Option<FixedOffset>,
    pub date_only: bool,
}

impl WrittenDate {
    /// The instant Jekyll takes this date for. `quoted` says whether the YAML value was a
    /// quoted string (read in the site zone) or a plain timestamp (read as UTC).
    pub fn instant(&self, quoted: bool, zone: &Zone) -> DateTime<FixedOffset> {
        match self.offset {
            Some(off) => off
                .from_local_datetime(&self.local)
                .single()
                .unwrap_or_else(|| zone.resolve(self.local)),
            None if quoted || self.date_only => zone.resolve(self.local),
            None => self.local.and_utc().fixed_offset(),
        }
    }
}

/// Parse the date forms Jekyll accepts: `YYYY-MM-DD`, then optionally `[T ]HH:MM[:SS[.frac]]`,
/// then optionally an offset `Z`, `+HH`, `+HHMM` or `+HH:MM` (with or without a space).
pub fn parse_written_date(text: &str) -> Option<WrittenDate> {
    let s = text.trim();
    let (date_part, rest) = split_at_first(s, |c| c == ' ' || c == 'T' || c == 't');
    let date = parse_ymd(date_part)?;
    let rest = rest.trim_start();
    if rest.is_empty() {
        return Some(WrittenDate {
            local: date.and_time(NaiveTime::MIN),
            offset: None,
            date_only: true,
        });
    }
    let time_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(rest.len());
    let time = parse_hms(&rest[..time_end])?;
    let zone_text = rest[time_end..].trim();
    let offset = if zone_text.is_empty() {
        None
    } else {
        Some(parse_offset(zone_text)?)
    };
    Some(WrittenDate {
        local: date.and_time(time),
        offset,
        date_only: false,
    })
}

fn split_at_first(s: &str, pred: impl Fn(char) -> bool) -> (&str, &str) {
    match s.find(pred) {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => (s, ""),
    }
}

/// `YYYY-M-D` (one- or two-digit month and day, as Jekyll's file-name rule allows).
pub fn parse_ymd(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || !(2..=4).contains(&y.len())
        || !(1..=2).contains(&m.len())
        || !(1..=2).contains(&d.len())
    {
        return None;
    }
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn parse_hms(s: &str) -> Option<NaiveTime> {
    let (main, frac) = match s.split_once('.') {
        Some((m, f)) => (m, Some(f)),
        None => (s, None),
    };
    let mut parts = main.split(':');
    let h: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let sec: u32 = match parts.next() {
        Some(p) => p.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    let nanos = match frac {
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => {
            let digits: String = f.chars().chain(std::iter::repeat('0')).take(9).collect();
            digits.parse().ok()?
        }
        Some(_) => return None,
        None => 0,
    };
    NaiveTime::from_hms_nano_opt(h, m, sec, nanos)
}

fn parse_offset(s: &str) -> Option<FixedOffset> {
    if s.eq_ignore_ascii_case("z") || s == "UTC" || s == "GMT" {
        return FixedOffset::east_opt(0);
    }
    let (sign, digits) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if h > 23 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// The one way daybook writes a date: `YYYY-MM-DD HH:MM:SS +ZZZZ`.
pub fn format_with_offset(dt: &DateTime<FixedOffset>) -> String {
    dt.format("%Y-%m-%d %H:%M:%S %z").to_string()
}

/// Parse a date typed by a user (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]`, optional offset) as
/// an instant, reading a missing offset in `zone`.
pub fn parse_user_date(text: &str, zone: &Zone) -> Option<DateTime<FixedOffset>> {
    parse_written_date(text).map(|w| w.instant(true, zone))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seoul() -> Zone {
        Zone::named("Asia/Seoul").unwrap()
    }

    #[test]
    fn written_dates_resolve_the_way_jekyll_reads_them() {
        // (text, quoted, expected instant as written with offset)
        let cases = [
            (
                "2016-11-03 13:00:00 +0000",
                false,
                "2016-11-03 13:00:00 +0000",
            ),
            (
                "2016-11-03 13:00:00 +0900",
                false,
                "2016-11-03 13:00:00 +0900",
            ),
            (
                "2016-11-03 13:00:00 +09:00",
                false,
                "2016-11-03 13:00:00 +0900",
            ),
            ("2016-11-03T13:00:00Z", false, "2016-11-03 13:00:00 +0000"),
            ("2016-11-03 13:00:00 -5", false, "2016-11-03 13:00:00 -0500"),
            // Unquoted without offset: UTC.
            ("2016-11-04 23:30:00", false, "2016-11-04 23:30:00 +0000"),
            // Quoted without offset: the site zone.
            ("2016-11-04 23:30:00", true, "2016-11-04 23:30:00 +0900"),
            ("2016-11-04 23:30", true, "2016-11-04 23:30:00 +0900"),
            // Date only: midnight in the site zone.
            ("2016-11-04", false, "2016-11-04 00:00:00 +0900"),
            ("2016-1-4", false, "2016-01-04 00:00:00 +0900"),
            (
                "2016-11-03 13:00:00.25 +0900",
                false,
                "2016-11-03 13:00:00 +0900",
            ),
        ];
        for (text, quoted, want) in cases {
            let w = parse_written_date(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                format_with_offset(&w.instant(quoted, &seoul())),
                want,
                "{text}"
            );
        }
    }

    #[test]
    fn malformed_dates_are_rejected() {
        for text in [
            "",
            "yesterday",
            "2016-13-01",
            "2016-02-30",
            "2016-11-03 25:00",
            "2016-11-03 13:00 +99",
            "2016-11-03 13:00 Seoul",
            "16-11",
        ] {
            assert_eq!(parse_written_date(text), None, "{text}");
        }
    }

    #[test]
    fn unquoted_utc_date_shifts_the_day_in_the_site_zone() {
        let w = parse_written_date("2016-11-04 23:30:00").unwrap();
        let shown = seoul().to_zone(w.instant(false, &seoul()));
        assert_eq!(format_with_offset(&shown), "2016-11-05 08:30:00 +0900");
    }

    #[test]
    fn dst_gap_and_fold_pick_a_real_instant() {
        let ny = Zone::named("America/New_York").unwrap();
        let gap = parse_user_date("2021-03-14 02:30", &ny).unwrap();
        assert_eq!(format_with_offset(&gap), "2021-03-14 03:30:00 -0400");
        let fold = parse_user_date("2021-11-07 01:30", &ny).unwrap();
        assert_eq!(format_with_offset(&fold), "2021-11-07 01:30:00 -0400");
    }
}
