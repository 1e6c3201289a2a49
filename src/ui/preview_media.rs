//! The pieces of the preview that show something other than text: a photo as the page
//! shows it (its width and height, or why it cannot be shown), typeset math, and a framed
//! notice; and [`DrawCtx`], what every drawing function is given.

use std::collections::HashMap;

use egui::{RichText, Stroke, TextureHandle, Ui};

use crate::tr;
use crate::ui::preview_worker::{ImageView, Prepared};

/// What drawing needs besides the block.
pub struct DrawCtx<'a> {
    pub prepared: &'a Prepared,
    pub math: &'a HashMap<String, TextureHandle>,
    /// A link the user clicked this frame.
    pub clicked: Option<String>,
}

pub(super) fn math(ui: &mut Ui, cx: &DrawCtx<'_>, key: &str) {
    match (cx.math.get(key), cx.prepared.math.get(key)) {
        (Some(tex), Some(Some(m))) => {
            let size = egui::vec2(m.image.size[0] as f32, m.image.size[1] as f32) / m.scale;
            let tint = ui.visuals().text_color();
            ui.add(
                egui::Image::new((tex.id(), size))
                    .tint(tint)
                    .alt_text(&key[1..]),
            )
            .on_hover_text(&key[1..]);
        }
        _ => {
            ui.label(RichText::new(&key[1..]).monospace().italics());
        }
    }
}

/// `60%` → 60% of the width; `300` or `300px` → 300 points.
pub(super) fn length(value: Option<&str>, full: f32) -> Option<f32> {
    let v = value?.trim();
    if let Some(p) = v.strip_suffix('%') {
        return p.trim().parse::<f32>().ok().map(|p| full * p / 100.0);
    }
    v.trim_end_matches("px").trim().parse::<f32>().ok()
}

pub(super) fn image(ui: &mut Ui, cx: &DrawCtx<'_>, n: usize, max_width: f32) {
    let (Some(view), Some(img)) = (cx.prepared.images.get(n), cx.prepared.doc.images.get(n)) else {
        return;
    };
    let full = max_width.min(ui.available_width().max(40.0));
    match view {
        ImageView::File { uri } => {
            let asked = length(img.width.as_deref(), full).map(|w| w.clamp(8.0, full));
            let mut widget = match asked {
                // A width on the page scales the photo to it, up or down.
                Some(w) => egui::Image::new(uri.as_str()).fit_to_exact_size(egui::vec2(w, w * 8.0)),
                None => egui::Image::new(uri.as_str())
                    .fit_to_original_size(1.0)
                    .max_width(full),
            };
            if let Some(h) = length(img.height.as_deref(), full) {
                widget = widget.max_height(h);
            }
            // A picture that cannot be drawn (damaged, cut short) says why, in words.
            if let Err(egui::load::LoadError::Loading(why)) =
                widget.load_for_size(ui.ctx(), egui::vec2(full, f32::INFINITY))
            {
                notice(ui, &tr!("preview-unviewable-image", why = why), true);
                return;
            }
            let r = ui.add(widget.alt_text(&img.alt));
            if !img.alt.is_empty() {
                r.on_hover_text(&img.alt);
            }
        }
        ImageView::Missing { target, why } => notice(
            ui,
            &tr!(
                "preview-missing-image",
                target = target,
                why = why.to_string()
            ),
            true,
        ),
        ImageView::Remote { url } => notice(ui, &tr!("preview-remote-image", url = url), false),
        ImageView::Unresolved { expr } => {
            notice(ui, &tr!("preview-liquid-image", expr = expr), false)
        }
        ImageView::NotShown { why } => notice(
            ui,
            &tr!("preview-unviewable-image", why = why.to_string()),
            true,
        ),
    }
}

pub(super) fn notice(ui: &mut Ui, text: &str, error: bool) {
    let color = if error {
        ui.visuals().error_fg_color
    } else {
        ui.visuals().weak_text_color()
    };
    egui::Frame::group(ui.style())
        .stroke(Stroke::new(1.0, color))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(color));
        });
}
