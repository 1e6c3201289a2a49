//! Atomic save under kill (issue 5): `daybook set` on a 1 MB post, killed with SIGKILL at
//! random moments 1,000 times. After every kill the post is byte-identical to the old or the
//! new text — never empty, truncated or mixed — and no temp files pile up in `_posts/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use daybook::journal::front_matter::{NewValue, set_field};

const KILLS: usize = 1_000;

fn temp_files(dir: &Path) -> usize {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .count()
}

#[test]
fn killed_saves_leave_the_old_or_the_new_post_never_a_torn_one() {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("_posts");
    fs::create_dir_all(&posts).unwrap();
    let post = posts.join("2016-11-03-big.md");
    let mut text = String::from("---\nlayout: post\ntitle: \"시작\"\n---\n");
    let mut i = 0;
    while text.len() < 1_000_000 {
        i += 1;
        text.push_str(&format!(
            "{i}번째 문단: 샌프란시스코의 아침, a paragraph that makes the post big.\n\n"
        ));
    }
    fs::write(&post, &text).unwrap();
    let exe = env!("CARGO_BIN_EXE_daybook");
    let run = |title: &str| {
        Command::new(exe)
            .args(["set", post.to_str().unwrap(), &format!("title={title}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // How long one save takes here, to spread the kills over it.
    let start = Instant::now();
    assert!(run("측정").wait().unwrap().success());
    let full = start.elapsed().max(Duration::from_millis(2));
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let (mut torn, mut old_kept, mut new_written, mut max_temps) = (0, 0, 0, 0);
    for k in 0..KILLS {
        let old = fs::read_to_string(&post).unwrap();
        let title = format!("제목 {k}");
        let new = set_field(&old, "title", &NewValue::Text(title.clone())).unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let at = full.mul_f64((seed % 1000) as f64 / 1000.0 * 1.2);
        let mut child = run(&title);
        std::thread::sleep(at);
        let _ = child.kill();
        let _ = child.wait();
        let now = fs::read(&post).unwrap();
        if now == old.as_bytes() {
            old_kept += 1;
        } else if now == new.as_bytes() {
            new_written += 1;
        } else {
            torn += 1;
        }
        max_temps = max_temps.max(temp_files(&posts));
    }
    eprintln!(
        "kills={KILLS} old={old_kept} new={new_written} torn={torn} most_temp_files={max_temps} save_ms={}",
        full.as_millis()
    );
    assert_eq!(torn, 0);
    assert!(
        old_kept > 0 && new_written > 0,
        "kills should land both before and after the rename"
    );
    assert!(max_temps <= 1, "temp files piled up: {max_temps}");
    // The next save clears what a killed one left behind.
    assert!(run("끝").wait().unwrap().success());
    assert_eq!(temp_files(&posts), 0);
}
