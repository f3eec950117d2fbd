//! A full disk at the worst moment: the couple is typing, saves start to
//! fail, and tandem is told to stop. What could not be saved goes to a
//! recovery file elsewhere, and the next start puts back every word.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::pty::{
    BIN, CTRL_C, ENTER, ESC, Tui, answer_the_private_question, onboard, onboard_with_passphrase,
    start_writing, start_writing_as,
};
use expectrl::process::unix::{Signal, WaitStatus};

/// A small disk of its own for the journal, so that it can really fill up.
/// Where mounting is not allowed, the journal's folder is swapped for a
/// file instead, which makes every save fail just the same.
struct SmallDisk {
    mount: Option<PathBuf>,
}

impl SmallDisk {
    fn at(path: &Path) -> SmallDisk {
        std::fs::create_dir_all(path).expect("mount point");
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs"])
            .arg(path)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        SmallDisk {
            mount: mounted.then(|| path.to_path_buf()),
        }
    }

    /// Makes every save in `data` fail from now on.
    fn fail(&self, data: &Path) -> &'static str {
        match &self.mount {
            Some(mount) => {
                let mut filler = std::fs::File::create(mount.join("filler")).expect("filler");
                let chunk = vec![0u8; 4096];
                while filler
                    .write_all(&chunk)
                    .and_then(|()| filler.sync_all())
                    .is_ok()
                {}
                "the disk is full"
            }
            None => {
                std::fs::rename(data.join("journal"), data.join("journal.away")).expect("move");
                std::fs::write(data.join("journal"), "").expect("a file in its place");
                "part of the path is a file"
            }
        }
    }

    /// Lets saves work again.
    fn mend(&self, data: &Path) {
        match &self.mount {
            Some(mount) => std::fs::remove_file(mount.join("filler")).expect("room again"),
            None => {
                std::fs::remove_file(data.join("journal")).expect("the file");
                std::fs::rename(data.join("journal.away"), data.join("journal")).expect("back");
            }
        }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        if let Some(mount) = &self.mount {
            let _ = Command::new("umount").arg("-l").arg(mount).status();
        }
    }
}

fn spawn(data: &Path, config: &Path, state: &Path) -> Tui {
    let mut command = Command::new(BIN);
    command
        .arg("--data-dir")
        .arg(data)
        .arg("--config-dir")
        .arg(config)
        .env("XDG_STATE_HOME", state);
    Tui::spawn_command(command, 100, 30)
}

fn recovery_files(state: &Path) -> Vec<PathBuf> {
    files_in(&state.join("tandem").join("recovery"))
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(read) => read.flatten().map(|e| e.path()).collect(),
        Err(_) => Vec::new(),
    }
}

/// Waits until autosave has written the page once, while there is room.
fn wait_for_autosave(tui: &mut Tui, data: &Path) {
    let journal = data.join("journal");
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while files_in(&journal).is_empty() && std::time::Instant::now() < deadline {
        tui.pump();
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!files_in(&journal).is_empty(), "the page was autosaved");
}

/// A temporary folder with a small disk in it, and the journal (on the
/// small disk), config and state folders.
fn places() -> (tempfile::TempDir, SmallDisk, [PathBuf; 3]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let disk = SmallDisk::at(&dir.path().join("disk"));
    let folders = [
        dir.path().join("disk").join("data"),
        dir.path().join("config"),
        dir.path().join("state"),
    ];
    (dir, disk, folders)
}

#[test]
fn a_save_that_fails_at_exit_is_kept_aside_and_put_back_next_time() {
    let (_dir, disk, [data, config, state]) = places();

    let mut tui = spawn(&data, &config, &state);
    onboard(&mut tui);
    start_writing(&mut tui);
    tui.type_text("When plans are made ");
    wait_for_autosave(&mut tui, &data);
    let reason = disk.fail(&data);
    tui.type_text("without asking me first, I feel left out.");
    // Autosave keeps trying, and the footer says why it cannot.
    let screen = tui.wait_for("Not saved yet:");
    assert!(screen.contains(reason), "{screen}");

    tui.kill(Signal::SIGTERM);
    let status = tui.wait_exit();
    assert!(
        matches!(status, WaitStatus::Exited(_, code) if code != 0),
        "a lost save is not a success: {status:?}"
    );
    assert!(tui.left_alternate_screen());
    let said = tui.screen();
    assert!(said.contains("could not be saved in the journal"), "{said}");
    assert!(said.contains("offers them back"), "{said}");

    let kept = recovery_files(&state);
    assert_eq!(kept.len(), 1, "{kept:?}");
    let text = std::fs::read_to_string(&kept[0]).expect("recovery file");
    assert!(
        text.contains("When plans are made without asking me first, I feel left out."),
        "{text}"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&kept[0])
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);

    disk.mend(&data);
    let mut tui = spawn(&data, &config, &state);
    tui.wait_for("Kept from last time");
    tui.send(ENTER);
    tui.wait_for("Put back into the journal");
    tui.send(ESC);
    tui.send(CTRL_C);
    tui.wait_exit();
    let journal: Vec<String> = std::fs::read_dir(data.join("journal"))
        .expect("journal")
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).expect("page"))
        .collect();
    assert!(
        journal
            .iter()
            .any(|p| p.contains("When plans are made without asking me first, I feel left out.")),
        "{journal:?}"
    );
    assert!(recovery_files(&state).is_empty(), "put back, then removed");
}

/// With a passphrase, what is kept aside after a failed save is sealed
/// like the page would have been, and comes back whole once it is opened.
#[test]
fn a_sealed_turn_kept_aside_after_a_failed_save_stays_sealed_and_comes_back() {
    let (_dir, disk, [data, config, state]) = places();
    let passphrase = "tea for two, please";

    let mut tui = spawn(&data, &config, &state);
    onboard_with_passphrase(&mut tui, passphrase);
    start_writing_as(&mut tui, Some(passphrase));
    tui.type_text("Marzipanlighthouse ");
    wait_for_autosave(&mut tui, &data);
    disk.fail(&data);
    tui.type_text("Quillbarometer");
    tui.wait_for("Not saved yet:");
    tui.kill(Signal::SIGTERM);
    tui.wait_exit();
    let kept = recovery_files(&state);
    assert_eq!(kept.len(), 1, "{kept:?}");
    let text = std::fs::read_to_string(&kept[0]).expect("recovery file");
    assert!(text.contains("BEGIN AGE ENCRYPTED FILE"), "{text}");
    assert!(!text.contains("Marzipan") && !text.contains("Quillbarometer"));

    disk.mend(&data);
    let mut tui = spawn(&data, &config, &state);
    tui.wait_for("Kept from last time");
    tui.send(ENTER);
    tui.wait_for("Put back into the journal");
    tui.send(ESC);
    tui.send(ENTER);
    tui.wait_for("Alex, it's your turn.");
    tui.send(ENTER);
    tui.wait_for("Passphrase: ");
    tui.type_text(passphrase);
    tui.send(ENTER);
    answer_the_private_question(&mut tui);
    tui.wait_for("Marzipanlighthouse Quillbarometer");
    tui.send(CTRL_C);
    tui.wait_exit();
}

/// Alex starts writing `first`, autosave keeps it, then the disk fills.
fn writing_when_the_disk_fills(first: &str) -> (tempfile::TempDir, SmallDisk, [PathBuf; 3], Tui) {
    let (dir, disk, [data, config, state]) = places();
    let mut tui = spawn(&data, &config, &state);
    onboard(&mut tui);
    start_writing(&mut tui);
    tui.type_text(first);
    wait_for_autosave(&mut tui, &data);
    disk.fail(&data);
    (dir, disk, [data, config, state], tui)
}

/// A page left while its saves fail is held, not dropped: home names it,
/// the way out asks once, and what could not be saved is kept aside.
#[test]
fn a_page_left_while_saves_fail_is_held_named_and_kept_aside_on_the_way_out() {
    let (_dir, _disk, [_, _, state], mut tui) = writing_when_the_disk_fills("When plans are made ");
    tui.type_text("Plumbobquartet");
    tui.wait_for("Not saved yet:");
    // Paused: the page leaves the screen, its words do not.
    tui.send(ESC);
    let home = tui.wait_for_all(&["Hello, Alex and Sam.", "Not saved yet: \"Boundary map\""]);
    assert!(home.contains("Ctrl-S tries again"), "{home}");
    tui.send("q");
    tui.wait_for("could not be saved, so tandem is still open");
    tui.send(ESC);
    tui.send("q");
    let status = tui.wait_exit();
    assert!(
        matches!(status, WaitStatus::Exited(_, code) if code != 0),
        "a lost save is not a success: {status:?}"
    );
    let said = tui.screen();
    assert!(said.contains("They are kept in"), "{said}");
    let kept = recovery_files(&state);
    assert_eq!(kept.len(), 1, "{kept:?}");
    let text = std::fs::read_to_string(&kept[0]).expect("recovery file");
    assert!(
        text.contains("When plans are made Plumbobquartet"),
        "{text}"
    );
}

/// Finishing a turn while saves fail keeps the finished turn: held after
/// the page is left, and saved once there is room again.
#[test]
fn a_turn_finished_while_saves_fail_is_saved_once_there_is_room() {
    let (_dir, disk, [data, _, state], mut tui) = writing_when_the_disk_fills("Gingerlanternfish");
    for _ in 0..5 {
        tui.send(common::pty::TAB);
    }
    tui.wait_for("That's every step, Alex.");
    tui.send(ENTER);
    tui.wait_for("Sam, it's your turn.");
    tui.send(ESC);
    tui.wait_for("Not saved yet: \"Boundary map\"");
    disk.mend(&data);
    tui.send("\x13");
    tui.wait_for("Saved.");
    tui.send(CTRL_C);
    let status = tui.wait_exit();
    assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?}");
    let journal: Vec<String> = files_in(&data.join("journal"))
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("page"))
        .collect();
    assert!(
        journal
            .iter()
            .any(|p| p.contains("Gingerlanternfish") && p.contains("status: Done")),
        "{journal:?}"
    );
    assert!(recovery_files(&state).is_empty());
}
