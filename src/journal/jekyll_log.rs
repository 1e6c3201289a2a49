//! Reading what `jekyll build --watch` prints, a line at a time: when a build starts and
//! ends, how long it took, and its errors with the file and line they name (a Liquid error
//! in an include names the include, not the post it is included in). Pure text in, facts
//! out: the theme preview (`site::serve`) turns them into status and problems.

/// What one line of Jekyll's output says.
#[derive(Debug, Clone, PartialEq)]
pub enum LogLine {
    /// `Generating...` (a whole build) or `Regenerating: N file(s) changed` (incremental).
    BuildStarted { full: bool },
    /// `done in 0.3 seconds.`
    BuildDone { seconds: f64 },
    /// An error, with the file (as Jekyll printed it: absolute, under the source) and the
    /// 1-based line it names, when it names them.
    Error(JekyllError),
    /// `Error: Run jekyll build --trace for more information.`: the build stopped.
    BuildFailed,
    /// `Auto-regeneration: enabled`: the first build is over and Jekyll watches.
    Watching,
    /// Anything else worth showing as it is (warnings, the configuration file).
    Other(String),
    /// Nothing to show (blank, a backtrace line).
    Quiet,
}

/// An error Jekyll printed.
#[derive(Debug, Clone, PartialEq)]
pub struct JekyllError {
    pub message: String,
    pub file: Option<String>,
    /// As Jekyll counts it: see `content_line`.
    pub line: Option<usize>,
    /// The line counts from the first line after the file's front matter (an error in a
    /// page's own text); else from the file's first line (an include, named in brackets).
    pub content_line: bool,
}

impl JekyllError {
    fn message(text: &str) -> JekyllError {
        JekyllError {
            message: text.to_owned(),
            file: None,
            line: None,
            content_line: false,
        }
    }
}

/// The line without terminal colour codes (`ESC [ … m`).
pub fn strip_colours(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // Skip `[`, the parameters and the final letter.
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Read one line of Jekyll's (or bundler's) output.
pub fn read_line(raw: &str) -> LogLine {
    let line = strip_colours(raw);
    let text = line.trim();
    if text.is_empty() || is_backtrace(text) || text.starts_with("----") {
        return LogLine::Quiet;
    }
    if text.starts_with("Generating...") {
        return LogLine::BuildStarted { full: true };
    }
    if text.starts_with("Regenerating:") {
        return LogLine::BuildStarted { full: false };
    }
    if let Some(rest) = text
        .strip_prefix("...done in ")
        .or_else(|| text.strip_prefix("done in "))
    {
        let seconds = rest
            .split_whitespace()
            .next()
            .and_then(|n| n.parse::<f64>().ok());
        if let Some(seconds) = seconds {
            return LogLine::BuildDone { seconds };
        }
    }
    if text.starts_with("Auto-regeneration: enabled") {
        return LogLine::Watching;
    }
    if text.starts_with("Error: Run jekyll build --trace")
        || text.starts_with("Error: Run jekyll serve --trace")
    {
        return LogLine::BuildFailed;
    }
    if let Some(rest) = text.strip_prefix("Liquid Exception:") {
        return LogLine::Error(liquid_error(rest.trim()));
    }
    for prefix in ["Error:", "Conversion error:", "Dependency Error:", "ERROR:"] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return LogLine::Error(JekyllError::message(rest.trim()));
        }
    }
    // bundler: `Could not find gem 'x' in locally installed gems.`, `… (Bundler::GemNotFound)`.
    if text.starts_with("Could not find gem")
        || text.contains("Bundler::GemNotFound")
        || text.starts_with("Could not locate Gemfile")
    {
        return LogLine::Error(JekyllError::message(text));
    }
    // The first lines Jekyll prints, and what every build prints about plugins.
    let chatter = [
        "Configuration file:",
        "Source:",
        "Destination:",
        "Incremental build:",
        "Jekyll Feed:",
        "Jekyll ",
    ];
    if chatter.iter().any(|c| text.starts_with(c)) || looks_like_changed_file(&line) {
        return LogLine::Quiet;
    }
    LogLine::Other(text.to_owned())
}

/// `/usr/lib/ruby/…:123:in 'sleep'` and `from …`: Ruby's backtrace.
fn is_backtrace(text: &str) -> bool {
    text.starts_with("from /")
        || text.starts_with("from <")
        || (text.starts_with('/') && text.contains(":in `"))
        || (text.starts_with('/') && text.contains(":in '"))
}

/// The indented names of changed files that follow `Regenerating:`.
fn looks_like_changed_file(line: &str) -> bool {
    line.starts_with("                    ") && !line.trim().contains(' ')
}

/// `Liquid syntax error (/site/_includes/bad.html line 2): … included in /site/_posts/x.md`,
/// `Liquid syntax error (line 5): … in /site/_posts/x.md`, `Could not locate … in /site/x.md`.
fn liquid_error(rest: &str) -> JekyllError {
    // `(PATH line N)` or `(line N)` right after the kind of error.
    let mut file = None;
    let mut line = None;
    let mut content_line = false;
    let mut message = rest.to_owned();
    if let Some(open) = rest.find(" (")
        && let Some(close) = rest[open..].find("): ")
    {
        let inside = &rest[open + 2..open + close];
        if let Some(at) = inside.rfind("line ")
            && let Ok(n) = inside[at + 5..].trim().parse::<usize>()
        {
            line = Some(n);
            let path = inside[..at].trim();
            if path.is_empty() {
                content_line = true;
            } else {
                file = Some(path.to_owned());
            }
            message = format!("{}: {}", &rest[..open], &rest[open + close + 3..]);
        }
    }
    // The page the error happened in, when the parenthesis named no file.
    for marker in [" included in ", " in "] {
        if let Some(at) = message.rfind(marker) {
            let path = message[at + marker.len()..].trim();
            if path.starts_with('/') || path.contains(":\\") {
                if file.is_none() {
                    file = Some(path.to_owned());
                }
                message.truncate(at);
                break;
            }
        }
    }
    JekyllError {
        message: message.trim().to_owned(),
        file,
        line,
        content_line,
    }
}

/// The number of lines before a page's content starts, to turn Jekyll's content line into
/// the file's line: the front matter, its `---` lines, and the blank lines after it (Jekyll's
/// pattern ends in `\s*$\n?`, which takes them too).
pub fn front_matter_lines(text: &str) -> usize {
    // The block as Jekyll finds it (BOM, CRLF, `...` closings): `front_matter::layout`.
    let Some(Ok(block)) = super::front_matter::layout(text).block else {
        return 0;
    };
    let blank = text[block.end..]
        .split_inclusive('\n')
        .take_while(|l| l.ends_with('\n') && l.trim().is_empty())
        .count();
    text[..block.end].matches('\n').count() + blank
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(message: &str, file: Option<&str>, line: Option<usize>) -> LogLine {
        LogLine::Error(JekyllError {
            message: message.to_owned(),
            file: file.map(str::to_owned),
            line,
            content_line: false,
        })
    }

    #[test]
    fn lines_jekyll_prints() {
        let cases: Vec<(&str, LogLine)> = vec![
            ("      Generating... ", LogLine::BuildStarted { full: true }),
            (
                "      Regenerating: 1 file(s) changed at 2026-12-05 10:35:56",
                LogLine::BuildStarted { full: false },
            ),
            (
                "                    done in 0.301 seconds.",
                LogLine::BuildDone { seconds: 0.301 },
            ),
            (
                "                    ...done in 0.035849562 seconds.",
                LogLine::BuildDone {
                    seconds: 0.035849562,
                },
            ),
            (" Auto-regeneration: enabled for 'site'", LogLine::Watching),
            (
                "\u{1b}[33m             Error: Run jekyll build --trace for more information.\u{1b}[0m",
                LogLine::BuildFailed,
            ),
            (
                "\u{1b}[31m  Liquid Exception: Liquid syntax error (/s/_includes/bad.html line 2): Syntax Error in tag 'if' - Valid syntax: if [expression] included in /s/_posts/2024-05-06-a.md\u{1b}[0m",
                error(
                    "Liquid syntax error: Syntax Error in tag 'if' - Valid syntax: if [expression]",
                    Some("/s/_includes/bad.html"),
                    Some(2),
                ),
            ),
            (
                "  Liquid Exception: Liquid syntax error (line 5): Unknown tag 'foo' in /s/_posts/x.md",
                LogLine::Error(JekyllError {
                    message: "Liquid syntax error: Unknown tag 'foo'".to_owned(),
                    file: Some("/s/_posts/x.md".to_owned()),
                    line: Some(5),
                    content_line: true,
                }),
            ),
            (
                "  Liquid Exception: Could not locate the included file 'nope.html' in any of [\"/s/_includes\"]. Ensure it exists. in /s/_posts/x.md",
                error(
                    "Could not locate the included file 'nope.html' in any of [\"/s/_includes\"]. Ensure it exists.",
                    Some("/s/_posts/x.md"),
                    None,
                ),
            ),
            (
                "             Error: Could not locate the included file 'nope.html'",
                error("Could not locate the included file 'nope.html'", None, None),
            ),
            (
                "Could not find gem 'github-pages' in locally installed gems.",
                error(
                    "Could not find gem 'github-pages' in locally installed gems.",
                    None,
                    None,
                ),
            ),
            (
                "/usr/lib/ruby/vendor_ruby/jekyll/watcher.rb:123:in `sleep': SIGTERM (SignalException)",
                LogLine::Quiet,
            ),
            (
                "\tfrom /usr/lib/ruby/vendor_ruby/jekyll/watcher.rb:123:in `loop'",
                LogLine::Quiet,
            ),
            ("                    _posts/2024-05-06-a.md", LogLine::Quiet),
            ("Configuration file: /s/_config.yml", LogLine::Quiet),
            (
                "       Jekyll Feed: Generating feed for posts",
                LogLine::Quiet,
            ),
            (
                "       Deprecation: You appear to have pagination turned on",
                LogLine::Other("Deprecation: You appear to have pagination turned on".to_owned()),
            ),
        ];
        for (line, want) in cases {
            assert_eq!(read_line(line), want, "{line:?}");
        }
    }

    #[test]
    fn content_lines_start_after_the_front_matter() {
        let cases = [
            ("---\ntitle: a\n---\nbody\n", 3),
            ("---\ntitle: a\n---\n\n  \nbody\n", 5),
            ("---\n---\nbody", 2),
            ("no front matter\n", 0),
            ("---\nunclosed\n", 0),
        ];
        for (text, want) in cases {
            assert_eq!(front_matter_lines(text), want, "{text:?}");
        }
    }
}
