//! Where a theme preview's builds stand, as its events tell it: what the window's strip
//! shows.

use super::{BuildError, ServeEvent};

/// Where the last builds stand.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BuildStatus {
    /// A build runs: the whole site (`true`) or what changed.
    pub building: Option<bool>,
    /// The last finished build: seconds, and whether it was the whole site.
    pub built: Option<(f64, bool)>,
    /// The last build's errors (the last good pages are still served).
    pub errors: Vec<BuildError>,
    /// Jekyll ended by itself, with this exit code.
    pub ended: Option<Option<i32>>,
    /// Pages that list a post the window changed (the index, archives), left as they were
    /// by incremental builds since the last whole build: URL paths.
    pub stale_pages: Vec<String>,
}

impl BuildStatus {
    /// Take one event; `true` when a build finished.
    pub fn take(&mut self, event: ServeEvent) -> bool {
        match event {
            ServeEvent::Building { full } => self.building = Some(full),
            ServeEvent::Built {
                seconds,
                full,
                stale,
                ..
            } => {
                self.building = None;
                self.built = Some((seconds, full));
                self.errors.clear();
                self.ended = None;
                // Jekyll's incremental build renders a page again when the page itself or
                // its layouts and includes changed, not when a post it lists did.
                if full {
                    self.stale_pages.clear();
                }
                for page in stale {
                    if !self.stale_pages.contains(&page) {
                        self.stale_pages.push(page);
                    }
                }
                return true;
            }
            ServeEvent::Failed { errors } => {
                self.building = None;
                self.errors = errors;
            }
            ServeEvent::Ended { code } => {
                self.building = None;
                self.ended = Some(code);
            }
            ServeEvent::Note(_) => {}
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_in_order() {
        let error = BuildError {
            message: crate::i18n::Words::verbatim("bad"),
            file: Some("_includes/x.html".into()),
            line: Some(2),
        };
        let built = |full, stale: &[&str]| ServeEvent::Built {
            seconds: 0.5,
            full,
            build: 1,
            stale: stale.iter().map(|s| (*s).to_owned()).collect(),
        };
        let mut s = BuildStatus::default();
        assert!(!s.take(ServeEvent::Building { full: true }));
        assert_eq!(s.building, Some(true));
        assert!(s.take(built(true, &[])));
        assert!(s.stale_pages.is_empty());
        s.take(built(false, &["/"]));
        s.take(built(false, &["/", "/archive/"]));
        assert_eq!(
            s.stale_pages,
            ["/", "/archive/"],
            "stale until a whole build"
        );
        s.take(ServeEvent::Failed {
            errors: vec![error.clone()],
        });
        assert_eq!(s.errors, vec![error]);
        assert_eq!(s.stale_pages.len(), 2);
        s.take(ServeEvent::Ended { code: Some(1) });
        assert_eq!(s.ended, Some(Some(1)));
        s.take(built(true, &[]));
        assert!(s.errors.is_empty() && s.ended.is_none() && s.stale_pages.is_empty());
    }
}
