//! A screenshot of the window without a GPU: egui's tessellated meshes filled on the CPU
//! (nearest texel, premultiplied colours blended as egui's own painters blend them). Slow
//! for a renderer, quick enough for the one picture a failing test saves.

use std::collections::HashMap;

use egui::epaint::{Color32, ImageData, Primitive, TextureId};

/// Texture pixels by id, kept from the texture deltas of every frame.
#[derive(Default)]
pub struct CpuRenderer {
    textures: HashMap<TextureId, (usize, usize, Vec<Color32>)>,
}

impl egui_kittest::TestRenderer for CpuRenderer {
    fn handle_delta(&mut self, delta: &mut egui::TexturesDelta) {
        for (id, images) in delta.set.drain() {
            for d in images {
                let ImageData::Color(image) = &d.image;
                let [w, h] = image.size;
                match d.pos {
                    None => {
                        self.textures.insert(id, (w, h, image.pixels.clone()));
                    }
                    Some([x0, y0]) => {
                        if let Some((tw, _, pixels)) = self.textures.get_mut(&id) {
                            for y in 0..h {
                                for x in 0..w {
                                    if let Some(p) = pixels.get_mut((y0 + y) * *tw + x0 + x) {
                                        *p = image.pixels[y * w + x];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for id in delta.free.drain() {
            self.textures.remove(&id);
        }
    }

    fn render(
        &mut self,
        ctx: &egui::Context,
        output: &egui::FullOutput,
    ) -> Result<image::RgbaImage, String> {
        let ppp = ctx.pixels_per_point();
        let size = ctx.content_rect().size() * ppp;
        let (w, h) = (size.x.round() as usize, size.y.round() as usize);
        let bg = ctx.global_style().visuals.panel_fill;
        let mut buf = vec![rgba(bg); w * h];
        for clipped in ctx.tessellate(output.shapes.clone(), ppp) {
            let Primitive::Mesh(mesh) = clipped.primitive else {
                continue;
            };
            let texture = self.textures.get(&mesh.texture_id);
            let clip = clipped.clip_rect;
            let (cx0, cy0) = ((clip.min.x * ppp).max(0.0), (clip.min.y * ppp).max(0.0));
            let (cx1, cy1) = (
                (clip.max.x * ppp).min(w as f32),
                (clip.max.y * ppp).min(h as f32),
            );
            for tri in mesh.indices.chunks_exact(3) {
                let v = [0, 1, 2].map(|i| &mesh.vertices[tri[i] as usize]);
                let p = v.map(|v| (v.pos.x * ppp, v.pos.y * ppp));
                let area =
                    (p[1].0 - p[0].0) * (p[2].1 - p[0].1) - (p[2].0 - p[0].0) * (p[1].1 - p[0].1);
                if area.abs() < 1e-6 {
                    continue;
                }
                let x0 = p
                    .iter()
                    .map(|q| q.0)
                    .fold(f32::MAX, f32::min)
                    .max(cx0)
                    .floor() as usize;
                let x1 = p
                    .iter()
                    .map(|q| q.0)
                    .fold(f32::MIN, f32::max)
                    .min(cx1)
                    .ceil() as usize;
                let y0 = p
                    .iter()
                    .map(|q| q.1)
                    .fold(f32::MAX, f32::min)
                    .max(cy0)
                    .floor() as usize;
                let y1 = p
                    .iter()
                    .map(|q| q.1)
                    .fold(f32::MIN, f32::max)
                    .min(cy1)
                    .ceil() as usize;
                for y in y0..y1.min(h) {
                    for x in x0..x1.min(w) {
                        let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
                        let edge = |a: (f32, f32), b: (f32, f32)| {
                            ((b.0 - a.0) * (py - a.1) - (b.1 - a.1) * (px - a.0)) / area
                        };
                        let (w0, w1, w2) = (edge(p[1], p[2]), edge(p[2], p[0]), edge(p[0], p[1]));
                        if w0 < -1e-4 || w1 < -1e-4 || w2 < -1e-4 {
                            continue;
                        }
                        let mix = |f: &dyn Fn(usize) -> f32| w0 * f(0) + w1 * f(1) + w2 * f(2);
                        let mut src = [0.0f32; 4];
                        for (c, out) in src.iter_mut().enumerate() {
                            *out = mix(&|i| f32::from(v[i].color.to_array()[c]) / 255.0);
                        }
                        if let Some((tw, th, pixels)) = texture {
                            let u = mix(&|i| v[i].uv.x);
                            let t = mix(&|i| v[i].uv.y);
                            let tx = ((u * *tw as f32) as usize).min(tw - 1);
                            let ty = ((t * *th as f32) as usize).min(th - 1);
                            let texel = rgba(pixels[ty * tw + tx]);
                            for c in 0..4 {
                                src[c] *= texel[c];
                            }
                        }
                        let dst = &mut buf[y * w + x];
                        for c in 0..4 {
                            dst[c] = src[c] + dst[c] * (1.0 - src[3]);
                        }
                    }
                }
            }
        }
        let mut image = image::RgbaImage::new(w as u32, h as u32);
        for (i, px) in image.pixels_mut().enumerate() {
            let c = buf[i];
            *px = image::Rgba([0, 1, 2, 3].map(|k| (c[k].clamp(0.0, 1.0) * 255.0) as u8));
            px.0[3] = 255;
        }
        Ok(image)
    }
}

fn rgba(c: Color32) -> [f32; 4] {
    c.to_array().map(|v| f32::from(v) / 255.0)
}
