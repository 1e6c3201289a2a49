//! A document: dirty computed from its text, and a read-only post refusing every edit but
//! taking a reload.
use super::*;

fn doc(text: &str) -> Document {
    Document::from_loaded(LoadedPost {
        path: "a.md".into(),
        text: text.to_owned(),
        fingerprint: Fingerprint::of(text.as_bytes()),
    })
}

#[test]
fn dirty_is_computed_from_the_text() {
    let mut d = doc("a");
    assert!(!d.is_dirty());
    d.replace_text("ab".into());
    assert!(d.is_dirty());
    d.replace_text("a".into());
    assert!(!d.is_dirty());
}

#[test]
fn a_read_only_document_refuses_every_edit_but_takes_a_reload() {
    let t0 = Instant::now();
    let mut d = doc("a");
    d.edit(1..1, "b", t0);
    d.end_step();
    d.read_only = Some(PathBuf::from("/elsewhere/post.md"));
    d.edit(0..1, "x", t0);
    d.type_text("typed".into(), t0);
    d.replace_text("replaced".into());
    assert!(!d.undo());
    assert!(!d.redo());
    assert_eq!(d.text(), "ab");
    d.reload_from_disk("on disk".into(), Fingerprint::of(b"on disk"));
    assert_eq!(d.text(), "on disk");
    assert!(!d.is_dirty());
}
