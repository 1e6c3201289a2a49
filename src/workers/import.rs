//! Photo import on a worker pool (both cores) and the file picker off the UI thread.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::{Event, Workers};
use crate::site::photos::{ImportOptions, import};

/// A picker that answers this fast did not show a dialog: no desktop portal or zenity.
const NO_DIALOG: Duration = Duration::from_millis(400);

impl Workers {
    /// Import `sources` into `dest` on two threads, reporting [`Event::PhotoStarted`] and
    /// [`Event::PhotoImported`] for each; `cancel` stops the photos not started yet.
    pub fn import_photos(
        &self,
        batch: u64,
        sources: Vec<PathBuf>,
        dest: PathBuf,
        options: ImportOptions,
        cancel: &Arc<AtomicBool>,
    ) {
        let shared = Arc::new((sources, dest, AtomicUsize::new(0)));
        for n in 0..2 {
            let (tx, ctx, shared, cancel) = (
                self.tx.clone(),
                self.ctx.clone(),
                Arc::clone(&shared),
                Arc::clone(cancel),
            );
            let spawned = std::thread::Builder::new()
                .name(format!("daybook-import-{n}"))
                .spawn(move || {
                    let (sources, dest, next) = &*shared;
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(source) = sources.get(index) else {
                            break;
                        };
                        let result = if cancel.load(Ordering::Relaxed) {
                            Err(format!("{}: cancelled", source.display()))
                        } else {
                            let _ = tx.send(Event::PhotoStarted { batch, index });
                            ctx.request_repaint();
                            import(source, dest, &options).map_err(|e| e.to_string())
                        };
                        if tx
                            .send(Event::PhotoImported {
                                batch,
                                index,
                                result,
                            })
                            .is_err()
                        {
                            return;
                        }
                        ctx.request_repaint();
                    }
                });
            if let Err(e) = spawned {
                eprintln!("daybook: could not start a photo import thread: {e}");
            }
        }
    }

    /// Show the system's multi-select picker for images off the UI thread; reports
    /// [`Event::PhotosPicked`].
    pub fn pick_photos(&self, start_in: Option<PathBuf>) {
        let (tx, ctx) = (self.tx.clone(), self.ctx.clone());
        let spawned = std::thread::Builder::new()
            .name("daybook-picker".into())
            .spawn(move || {
                let opened = Instant::now();
                let mut dialog = rfd::FileDialog::new()
                    .set_title("Insert photos")
                    .add_filter(
                        "Photos",
                        &[
                            "jpg", "jpeg", "png", "gif", "webp", "heic", "JPG", "JPEG", "PNG",
                        ],
                    );
                if let Some(dir) = start_in {
                    dialog = dialog.set_directory(dir);
                }
                let paths = dialog.pick_files();
                let no_dialog = paths.is_none() && opened.elapsed() < NO_DIALOG;
                let _ = tx.send(Event::PhotosPicked { paths, no_dialog });
                ctx.request_repaint();
            });
        if let Err(e) = spawned {
            eprintln!("daybook: could not start the file picker: {e}");
        }
    }
}
