//! The real window driven by `egui_kittest` (AccessKit queries, simulated typing, input
//! method events, dropped files), on temp copies of the sample journal and real-looking
//! sites: one test binary for every window test (the Korean window is `tests/korean.rs`,
//! a process of its own because the language is process-wide).

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../common/mod.rs"]
mod common;

mod disk;
mod editing;
mod editor;
mod photos;
mod photos_web;
mod preview;
mod publish;
mod publish_stalls;
mod spelling;
mod theme;

use std::path::{Path, PathBuf};

use daybook::app::{DaybookApp, sample};
use daybook::settings::Settings;
use egui_kittest::Harness;

pub(crate) const FIRST: &str = sample::WELCOME_POST;
pub(crate) const SECOND: &str = "_posts/2024-05-04-부산-여행-둘째-날.md";

pub(crate) fn site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = sample::install(&dir.path().join("journal")).unwrap();
    (dir, root)
}

pub(crate) fn harness(open: &Path) -> Harness<'static, DaybookApp> {
    harness_sized(open, [1400.0, 900.0])
}

/// The test's own data folder (recovery files), beside its journal.
pub(crate) fn data_dir(open: &Path) -> PathBuf {
    let journal = open.ancestors().find(|a| a.ends_with("journal")).unwrap();
    journal.parent().unwrap().join("data")
}

pub(crate) fn harness_sized(open: &Path, size: [f32; 2]) -> Harness<'static, DaybookApp> {
    common::app(open, &data_dir(open), Settings::default(), size)
}

pub(crate) fn open_path(h: &Harness<'_, DaybookApp>) -> PathBuf {
    h.state().session.doc().unwrap().path.clone()
}

/// A file dropped on the window, as winit hands it over.
#[derive(Debug)]
pub(crate) struct Dropped(pub(crate) PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drop `names` from `camera` on the window.
pub(crate) fn drop_files(h: &mut Harness<'_, DaybookApp>, camera: &Path, names: &[&str]) {
    for name in names {
        h.input_mut()
            .dropped_files
            .push(std::sync::Arc::new(Dropped(camera.join(name))));
    }
}
