//! Creating a new post file in the site without ever overwriting one.

use std::path::PathBuf;

use super::{Site, SiteError, store};
use crate::journal::new_post::NewPost;
use crate::journal::post_name::numbered;

/// Write `post` into the site as a new file; a taken name gets `-2`, `-3`… Returns the path.
pub fn create_post(site: &Site, post: &NewPost) -> Result<PathBuf, SiteError> {
    let dir = site.root.join(post.folder());
    std::fs::create_dir_all(&dir).map_err(|e| SiteError::io(&dir, e))?;
    let name = post.file_name();
    let text = post.text();
    for n in 1..10_000 {
        let candidate = if n == 1 {
            name.clone()
        } else {
            numbered(&name, n)
        };
        let path = dir.join(candidate);
        if !super::within(&site.root, &path) {
            return Err(SiteError::io(
                &path,
                std::io::Error::other(crate::words!("outside-site-not-written")),
            ));
        }
        if store::create_new_atomic(&path, text.as_bytes())? {
            return Ok(path);
        }
    }
    Err(SiteError::io(
        &dir.join(name),
        std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            crate::words!("too-many-posts-with-name"),
        ),
    ))
}
