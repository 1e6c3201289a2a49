//! Which Jekyll builds a site's theme preview: `bundle exec jekyll` when the site has a
//! `Gemfile` and bundler is installed, else `jekyll` on the PATH; its version; and whether
//! the site is built by GitHub Pages, which runs Jekyll in safe mode with an allow-list of
//! plugins (so the preview does too, and says which plugins Pages would not run).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::words;

/// The plugins GitHub Pages runs (its `github-pages` gem's allow-list).
pub const PAGES_PLUGINS: [&str; 19] = [
    "jekyll-avatar",
    "jekyll-coffeescript",
    "jekyll-default-layout",
    "jekyll-feed",
    "jekyll-gist",
    "jekyll-github-metadata",
    "jekyll-include-cache",
    "jekyll-mentions",
    "jekyll-optional-front-matter",
    "jekyll-paginate",
    "jekyll-readme-index",
    "jekyll-redirect-from",
    "jekyll-relative-links",
    "jekyll-remote-theme",
    "jekyll-seo-tag",
    "jekyll-sitemap",
    "jekyll-titles-from-headings",
    "jemoji",
    "jekyll-commonmark-ghpages",
];

/// How the site is built where it is published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagesMode {
    /// The plugins the site asks for that GitHub Pages would not run (`_plugins/` first).
    pub not_run: Vec<String>,
}

/// The Jekyll that builds the theme preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JekyllSetup {
    pub program: PathBuf,
    /// Before Jekyll's own arguments: `exec jekyll` for bundler, nothing for `jekyll`.
    pub prefix: Vec<String>,
    /// `jekyll 4.3.1`, as Jekyll says it.
    pub version: String,
    /// Run through the site's Gemfile.
    pub bundler: bool,
    /// Built by GitHub Pages: safe mode and its allow-list.
    pub pages: Option<PagesMode>,
}

impl JekyllSetup {
    /// How it is run, for the status line: `bundle exec jekyll` or `jekyll`.
    pub fn how(&self) -> String {
        if self.bundler {
            "bundle exec jekyll".to_owned()
        } else {
            "jekyll".to_owned()
        }
    }

    /// Whether building runs the site's own Ruby code (plugins, the Gemfile's gems): not in
    /// GitHub Pages' safe mode.
    pub fn runs_site_code(&self) -> bool {
        self.pages.is_none()
    }
}

/// Why the site's Jekyll cannot build.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.words())]
pub enum NoJekyll {
    NoRuby,
    NotInstalled,
    /// It is there but would not run (the message is Jekyll's or bundler's first line).
    WontRun(String),
}

impl NoJekyll {
    /// What is missing, as words for the window or the command line.
    pub fn words(&self) -> crate::i18n::Words {
        match self {
            NoJekyll::NoRuby => words!("serve-no-ruby", install = install_command()),
            NoJekyll::NotInstalled => words!("serve-no-jekyll", install = install_command()),
            NoJekyll::WontRun(why) => words!("serve-jekyll-failed", error = why.as_str()),
        }
    }
}

/// Find the site's Jekyll (`shadow`: the site's shadow copy, where bundler may run without
/// writing into the user's site).
pub fn find(site: &Path, shadow: &Path) -> Result<JekyllSetup, NoJekyll> {
    find_with(site, shadow, std::env::var_os("PATH").as_ref())
}

/// [`find`] with the PATH to search (tests: a PATH without Jekyll).
pub fn find_with(
    site: &Path,
    shadow: &Path,
    path: Option<&std::ffi::OsString>,
) -> Result<JekyllSetup, NoJekyll> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| site.to_path_buf());
    let look = |name: &str| which::which_in(name, path, &cwd).ok();
    let pages = pages_mode(site);
    let gemfile = site.join("Gemfile").is_file();
    if gemfile && let Some(bundle) = look("bundle") {
        let prefix = vec!["exec".to_owned(), "jekyll".to_owned()];
        let version = version_of(&bundle, &prefix, shadow)?;
        return Ok(JekyllSetup {
            program: bundle,
            prefix,
            version,
            bundler: true,
            pages,
        });
    }
    let Some(jekyll) = look("jekyll") else {
        return Err(if look("ruby").is_none() {
            NoJekyll::NoRuby
        } else {
            NoJekyll::NotInstalled
        });
    };
    let version = version_of(&jekyll, &[], shadow)?;
    Ok(JekyllSetup {
        program: jekyll,
        prefix: Vec::new(),
        version,
        bundler: false,
        pages,
    })
}

/// The command that installs Jekyll here.
pub fn install_command() -> &'static str {
    if cfg!(target_os = "macos") {
        "brew install ruby && gem install bundler jekyll"
    } else if cfg!(windows) {
        "winget install RubyInstallerTeam.RubyWithDevKit.3.2 && gem install bundler jekyll"
    } else if Path::new("/usr/bin/apt-get").exists() {
        "sudo apt-get install jekyll"
    } else if Path::new("/usr/bin/dnf").exists() {
        "sudo dnf install rubygem-jekyll"
    } else if Path::new("/usr/bin/pacman").exists() {
        "sudo pacman -S ruby && gem install bundler jekyll"
    } else {
        "gem install bundler jekyll"
    }
}

/// `jekyll --version`, run in `dir`.
fn version_of(program: &Path, prefix: &[String], dir: &Path) -> Result<String, NoJekyll> {
    let out = Command::new(program)
        .args(prefix)
        .arg("--version")
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| NoJekyll::WontRun(e.to_string()))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let version = text.lines().rev().find(|l| l.starts_with("jekyll "));
    match version {
        Some(v) if out.status.success() => Ok(v.trim().to_owned()),
        _ => {
            let err = String::from_utf8_lossy(&out.stderr);
            let why = err
                .lines()
                .map(|l| {
                    crate::journal::jekyll_log::strip_colours(l)
                        .trim()
                        .to_owned()
                })
                .find(|l| !l.is_empty())
                .unwrap_or_else(|| text.trim().to_owned());
            Err(NoJekyll::WontRun(why))
        }
    }
}

/// Whether GitHub Pages builds the site: its Gemfile asks for the `github-pages` gem, or it
/// has no Gemfile and a `*.github.io` remote (or is named so).
pub fn pages_mode(site: &Path) -> Option<PagesMode> {
    let gemfile = std::fs::read_to_string(site.join("Gemfile")).ok();
    let pages = match &gemfile {
        Some(g) => g.lines().any(|l| {
            let l = l.trim_start();
            l.starts_with("gem") && (l.contains("\"github-pages\"") || l.contains("'github-pages'"))
        }),
        None => github_io_remote(site),
    };
    pages.then(|| PagesMode {
        not_run: plugins_not_run(site),
    })
}

fn github_io_remote(site: &Path) -> bool {
    let named = site.file_name().is_some_and(|n| {
        n.to_string_lossy()
            .to_ascii_lowercase()
            .ends_with(".github.io")
    });
    let config = std::fs::read_to_string(site.join(".git").join("config")).unwrap_or_default();
    named
        || config.lines().any(|l| {
            let l = l.trim();
            l.starts_with("url") && l.to_ascii_lowercase().contains(".github.io")
        })
}

/// The site's plugins GitHub Pages would not run: `_plugins/` and the `plugins:` (or old
/// `gems:`) of `_config.yml` outside its allow-list.
fn plugins_not_run(site: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(dir) = std::fs::read_dir(site.join("_plugins")) {
        let mut names: Vec<String> = dir
            .flatten()
            .map(|e| format!("_plugins/{}", e.file_name().to_string_lossy()))
            .collect();
        names.sort();
        out.extend(names);
    }
    let config = crate::site::config::SiteConfig::load(site);
    for plugin in &config.plugins {
        if !PAGES_PLUGINS.contains(&plugin.as_str()) && !out.contains(plugin) {
            out.push(plugin.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn github_pages_sites_and_the_plugins_pages_would_not_run() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("me.github.io");
        std::fs::create_dir_all(site.join("_plugins")).unwrap();
        std::fs::write(site.join("_plugins/tags.rb"), "").unwrap();
        std::fs::write(
            site.join("_config.yml"),
            "plugins:\n  - jekyll-feed\n  - jekyll-archives\n",
        )
        .unwrap();
        let mode = pages_mode(&site).unwrap();
        assert_eq!(mode.not_run, ["_plugins/tags.rb", "jekyll-archives"]);
        // A Gemfile without github-pages: built by the site's own Jekyll.
        std::fs::write(site.join("Gemfile"), "gem \"jekyll\", \"~> 4.3\"\n").unwrap();
        assert_eq!(pages_mode(&site), None);
        std::fs::write(
            site.join("Gemfile"),
            "gem 'github-pages', group: :jekyll_plugins\n",
        )
        .unwrap();
        assert!(pages_mode(&site).is_some());
        let other = dir.path().join("blog");
        std::fs::create_dir_all(other.join(".git")).unwrap();
        assert_eq!(pages_mode(&other), None);
        std::fs::write(
            other.join(".git/config"),
            "[remote \"origin\"]\n\turl = git@github.com:me/me.github.io.git\n",
        )
        .unwrap();
        assert!(pages_mode(&other).is_some());
    }

    #[test]
    fn no_jekyll_on_the_path_says_how_to_install_it() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("bin");
        std::fs::create_dir_all(&empty).unwrap();
        let err = find_with(dir.path(), dir.path(), Some(&empty.into_os_string())).unwrap_err();
        assert!(matches!(err, NoJekyll::NoRuby | NoJekyll::NotInstalled));
        assert!(err.to_string().contains(install_command()), "{err}");
    }
}
