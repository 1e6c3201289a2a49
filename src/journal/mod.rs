//! The pure journal core: Jekyll's rules for posts as plain data in, plain data out.
//!
//! Nothing in here touches egui or the file system, or reads the clock; the site edge
//! (`crate::site`) and the app pass text, names and times in. Everything is table-tested.

pub mod check;
pub mod date;
pub mod form_fields;
pub mod front_matter;
pub mod gallery;
pub mod highlight;
pub mod image_kind;
pub mod jekyll_log;
pub mod kramdown;
pub mod links;
pub mod liquid;
pub mod new_post;
pub mod permalink;
pub mod photos;
pub mod post_name;
pub mod render;
pub mod reserved;
pub mod scalar;
pub mod slug;
pub mod spelling;
pub mod srcmap;
pub mod stats;
pub mod trip;
pub mod yaml;
