//! Reading git's machine formats, table-style.
use super::*;

#[test]
fn porcelain_v2_is_read_with_spaces_korean_and_renames() {
    let out =
        b"# branch.oid abc\0# branch.head main\0# branch.upstream origin/main\0# branch.ab +2 -1\0\
1 .M N... 100644 100644 100644 aaa bbb _posts/2016-11-07-a b.md\0\
1 A. N... 000000 100644 100644 000 ccc images/\xec\x97\xac\xed\x96\x89/new photo.jpg\0\
2 R. N... 100644 100644 100644 ddd eee R100 images/new.jpg\0images/old.jpg\0\
? images/untracked one.jpg\0";
    let s = parse_status(out);
    assert_eq!(s.branch.as_deref(), Some("main"));
    assert_eq!(s.upstream.as_deref(), Some("origin/main"));
    assert_eq!((s.ahead, s.behind), (2, 1));
    assert_eq!(
        s.files.get("_posts/2016-11-07-a b.md"),
        Some(&FileState::Modified)
    );
    assert_eq!(
        s.files.get("images/여행/new photo.jpg"),
        Some(&FileState::Added)
    );
    assert_eq!(s.files.get("images/new.jpg"), Some(&FileState::Renamed));
    assert_eq!(
        s.files.get("images/untracked one.jpg"),
        Some(&FileState::Untracked)
    );
    assert!(!s.files.contains_key("images/old.jpg"));
    let detached = parse_status(b"# branch.oid abc\0# branch.head (detached)\0");
    assert_eq!(detached.branch, None);
}

#[test]
fn a_site_path_is_read_from_the_site_folder_inside_the_repository() {
    let out = b"# branch.head main\0# branch.upstream origin/main\0# branch.ab +1 -2\0\
1 .M N... 100644 100644 100644 aaa bbb docs/_posts/2016-11-07-a.md\0\
? docs/images/new one.jpg\0! docs/images/big.psd\0";
    let state = GitState {
        status: parse_status(out),
        unpushed: ["docs/_posts/2016-11-06-b.md".to_owned()].into(),
        prefix: "docs/".into(),
    };
    let table = [
        ("_posts/2016-11-07-a.md", PathState::Modified),
        ("images/new one.jpg", PathState::New),
        ("images/big.psd", PathState::Ignored),
        ("_posts/2016-11-06-b.md", PathState::Unpushed),
        ("_posts/2016-11-05-c.md", PathState::Committed),
    ];
    for (path, want) in table {
        assert_eq!(state.state_of(path), want, "{path}");
    }
    assert_eq!(state.summary().to_string(), "main: 1 to push, 2 to pull");
    let detached = GitState {
        status: parse_status(b"# branch.head (detached)\0"),
        ..GitState::default()
    };
    assert_eq!(detached.summary().to_string(), "detached HEAD");
    let local = GitState {
        status: parse_status(b"# branch.head draft\0"),
        ..GitState::default()
    };
    assert_eq!(local.summary().to_string(), "draft (no upstream)");
}
