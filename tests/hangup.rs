//! Closing the terminal window: the app notices, saves what was typed and
//! exits, instead of being left running with the journal locked.

use std::ffi::CString;
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use nix::pty::{ForkptyResult, Winsize, forkpty};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};

const BIN: &str = env!("CARGO_BIN_EXE_tandem");

/// Reads what the app drew for a while, so it never blocks on a full pty.
fn drain(master: &mut std::fs::File, for_how_long: Duration) -> String {
    let deadline = Instant::now() + for_how_long;
    let mut seen = Vec::new();
    let mut buf = [0u8; 65536];
    while Instant::now() < deadline {
        match master.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => seen.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(_) => break,
        }
    }
    String::from_utf8_lossy(&seen).into_owned()
}

#[test]
fn closing_the_terminal_saves_the_draft_and_exits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let args: Vec<CString> = [
        BIN,
        "--data-dir",
        data.to_str().expect("utf-8"),
        "--config-dir",
    ]
    .iter()
    .map(|s| CString::new(*s).expect("no NUL"))
    .chain(std::iter::once(
        CString::new(dir.path().join("config").to_str().expect("utf-8")).expect("no NUL"),
    ))
    .collect();
    let size = Winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: the child only replaces itself with the app (or exits).
    let fork = unsafe { forkpty(Some(&size), None) }.expect("forkpty");
    let (child, master) = match fork {
        ForkptyResult::Child => {
            let _ = nix::unistd::execv(&args[0], &args);
            std::process::exit(127);
        }
        ForkptyResult::Parent { child, master } => (child, master),
    };
    nix::fcntl::fcntl(
        master.as_raw_fd(),
        nix::fcntl::FcntlArg::F_SETFL(nix::fcntl::OFlag::O_NONBLOCK),
    )
    .expect("non-blocking");
    let mut master = std::fs::File::from(master);
    let send = |keys: &str, master: &mut std::fs::File| {
        master.write_all(keys.as_bytes()).expect("send keys");
        drain(master, Duration::from_millis(300))
    };
    let screen = drain(&mut master, Duration::from_millis(1500));
    assert!(screen.contains("Welcome"), "{screen}");
    send("Alex\tSam\r", &mut master);
    send("\x1b", &mut master);
    send("n", &mut master);
    send("\r", &mut master);
    send("\r", &mut master);
    // The private question before the boundary map: yes, once it has been
    // on screen past the moment in which keys typed ahead are dropped.
    drain(&mut master, Duration::from_millis(600));
    send("y", &mut master);
    send("\t", &mut master);
    send("typed just before the window closed", &mut master);

    // The window closes: the terminal is gone.
    drop(master);
    let deadline = Instant::now() + Duration::from_secs(5);
    let status = loop {
        match waitpid(child, Some(WaitPidFlag::WNOHANG)).expect("waitpid") {
            WaitStatus::StillAlive if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(50));
            }
            WaitStatus::StillAlive => {
                let _ = nix::sys::signal::kill(child, nix::sys::signal::Signal::SIGKILL);
                panic!("the app was still running 5 s after its terminal closed");
            }
            status => break status,
        }
    };
    assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?}");
    let journal = data.join("journal");
    let page = std::fs::read_dir(&journal)
        .expect("journal")
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().ends_with(".ron"))
        .expect("the draft was saved");
    let text = std::fs::read_to_string(page.path()).expect("page");
    assert!(
        text.contains("typed just before the window closed"),
        "{text}"
    );
}
