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
    /// Pages that list posts (the index, archives) may not show what incremental builds
    /// changed since the last whole build.
    pub lists_stale: bool,
}

impl BuildStatus {
    /// Take one event; `true` when a build finished.
    pub fn take(&mut self, event: ServeEvent) -> bool {
        match event {
            ServeEvent::Building { full } => self.building = Some(full),
            ServeEvent::Built { seconds, full, .. } => {
                self.building = None;
                self.built = Some((seconds, full));
                self.errors.clear();
                self.ended = None;
                // Jekyll's incremental build renders a page again when the page itself or
                // its layouts and includes changed, not when a post it lists did.
                self.lists_stale = !full;
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
            message: "bad".into(),
            file: Some("_includes/x.html".into()),
            line: Some(2),
        };
        let built = |full| ServeEvent::Built {
            seconds: 0.5,
            full,
            build: 1,
        };
        let mut s = BuildStatus::default();
        assert!(!s.take(ServeEvent::Building { full: true }));
        assert_eq!(s.building, Some(true));
        assert!(s.take(built(true)));
        assert!(!s.lists_stale);
        s.take(built(false));
        assert!(s.lists_stale, "an incremental build leaves lists stale");
        s.take(ServeEvent::Failed {
            errors: vec![error.clone()],
        });
        assert_eq!(s.errors, vec![error]);
        assert!(s.lists_stale);
        s.take(ServeEvent::Ended { code: Some(1) });
        assert_eq!(s.ended, Some(Some(1)));
        s.take(built(true));
        assert!(s.errors.is_empty() && s.ended.is_none() && !s.lists_stale);
    }
}
