//! tandem as a command-line tool people keep for years: completion
//! scripts that shells load and answer from, a manual page that `man`
//! renders, and reminder calendars that a calendar parser accepts.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_tandem");

fn tandem(args: &[&str], data: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .env("TANDEM_DATA_DIR", data)
        .env("TANDEM_CONFIG_DIR", data.join("config"))
        .output()
        .expect("tandem runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A journal with `pages` pages, so there are page ids to complete.
fn journal_with_pages(pages: usize) -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let journal = folder.path().join("journal");
    std::fs::create_dir_all(&journal).expect("journal folder");
    let library = tandem::content::Library::load(None);
    tandem::demo::generate_until(&library, pages, 7, jiff::Timestamp::now())
        .write(folder.path())
        .expect("pages written");
    folder
}

fn page_ids(data: &Path) -> Vec<String> {
    tandem::journal::Store::open_read_only(data)
        .page_ids()
        .expect("page ids")
}

/// Writes tandem's completion script for `shell` into `data` as `name`.
fn completion_script(shell: &str, data: &Path, name: &str) -> std::path::PathBuf {
    let out = tandem(&["completions", shell], data);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let script = data.join(name);
    std::fs::write(&script, &out.stdout).expect("script written");
    script
}

/// A shell is needed for its test. `.ci/run` installs them all and says
/// so (`TANDEM_TEST_TOOLS=required`): there a missing one is a failure.
/// Elsewhere (a plain `cargo test`, another CI service) the check is
/// skipped, with a line that says so past the test harness's capture.
fn shell_present(shell: &str) -> bool {
    let present = Command::new(shell)
        .arg("-c")
        .arg("exit 0")
        .status()
        .is_ok_and(|s| s.success());
    if !present {
        if std::env::var("TANDEM_TEST_TOOLS").as_deref() == Ok("required") {
            panic!(
                "{shell} is not installed, and .ci/run requires every shell's completions tested"
            );
        }
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipped: {shell} is not installed, so its completions are not tested here"
        );
    }
    present
}

/// What bash offers after the words typed so far, driving the loaded
/// completion function the way bash does on Tab.
fn bash_completes(script: &Path, data: &Path, words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        r#"source '{}' || exit 3
complete -p tandem >/dev/null || exit 4
COMP_WORDS=({})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_TYPE=9
_clap_complete_tandem tandem "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#,
        script.display(),
        quoted.join(" ")
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(program)
        .env("TANDEM_DATA_DIR", data)
        .env("TANDEM_CONFIG_DIR", data.join("config"))
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "bash could not load the script: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn bash_loads_the_completions_and_completes_commands_page_ids_and_exercises() {
    let folder = journal_with_pages(2);
    let data = folder.path();
    let script = completion_script("bash", data, "tandem.bash");

    let commands = bash_completes(&script, data, &["tandem", ""]);
    for command in ["list", "show", "export", "remind", "completions", "man"] {
        assert!(
            commands.contains(&command.to_string()),
            "{command} in {commands:?}"
        );
    }
    let ids = page_ids(data);
    assert_eq!(ids.len(), 2);
    let offered = bash_completes(&script, data, &["tandem", "show", ""]);
    for id in &ids {
        assert!(offered.contains(id), "{id} in {offered:?}");
    }
    // The start of an id narrows the choice to that page.
    let start = &ids[0][..ids[0].len() - 3];
    let narrowed = bash_completes(&script, data, &["tandem", "export", start]);
    assert_eq!(narrowed, vec![ids[0].clone()]);
    assert_eq!(
        bash_completes(
            &script,
            data,
            &["tandem", "export", "--exercise", "needs-i"]
        ),
        vec!["needs-inventory".to_string()]
    );
    assert_eq!(
        bash_completes(&script, data, &["tandem", "remind", "--day", "fr"]),
        vec!["friday".to_string()]
    );
    // A journal named on the command line is the one whose ids complete.
    let other = journal_with_pages(5);
    let elsewhere = other.path().to_str().expect("a path");
    let offered = bash_completes(
        &script,
        data,
        &["tandem", "--data-dir", elsewhere, "show", ""],
    );
    for id in page_ids(other.path()) {
        assert!(offered.contains(&id), "{id} in {offered:?}");
    }
    for id in &ids {
        assert!(!offered.contains(id), "{id} is of the other journal");
    }
}

#[test]
fn fish_completes_page_ids_and_zsh_reads_its_script() {
    let folder = journal_with_pages(2);
    let data = folder.path();
    if shell_present("fish") {
        let script = completion_script("fish", data, "tandem.fish");
        let asked = Command::new("fish")
            .arg("-c")
            .arg(format!(
                "source '{}'; complete -C 'tandem show '",
                script.display()
            ))
            .env("TANDEM_DATA_DIR", data)
            .output()
            .expect("fish runs");
        let offered = text(&asked.stdout);
        for id in page_ids(data) {
            assert!(offered.contains(&id), "{id} in {offered}");
        }
    }
    if shell_present("zsh") {
        let script = completion_script("zsh", data, "_tandem");
        let loaded = Command::new("zsh")
            .arg("-c")
            .arg(format!(
                "autoload -U compinit && compinit -u -D && source '{}' && whence -w _clap_dynamic_completer_tandem",
                script.display()
            ))
            .output()
            .expect("zsh runs");
        assert!(
            text(&loaded.stdout).contains("function"),
            "zsh: {} {}",
            text(&loaded.stdout),
            text(&loaded.stderr)
        );
    }
}

#[test]
fn an_unknown_shell_is_named_with_the_ones_there_are() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let out = tandem(&["completions", "tcsh"], folder.path());
    assert!(!out.status.success());
    let said = text(&out.stderr);
    assert!(
        said.contains("bash") && said.contains("zsh") && said.contains("fish"),
        "{said}"
    );
}

fn man_renders(page: &Path) -> String {
    let out = Command::new("man")
        .arg("-l")
        .arg(page)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
        .expect("man runs");
    assert!(out.status.success(), "man failed: {}", text(&out.stderr));
    assert!(
        text(&out.stderr).trim().is_empty(),
        "man warned: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
}

#[test]
fn the_manual_page_renders_with_man() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let out = tandem(&["man"], folder.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let page = folder.path().join("tandem.1");
    std::fs::write(&page, &out.stdout).expect("page written");
    let shown = man_renders(&page);
    for part in [
        "NAME",
        "SYNOPSIS",
        "--data-dir",
        "tandem-remind(1)",
        "tandem-completions(1)",
        "FILES",
        "ENVIRONMENT",
        "TANDEM_DATA_DIR",
        "SAFETY",
    ] {
        assert!(shown.contains(part), "{part} in\n{shown}");
    }
    // Every command the page names has its own page.
    assert!(!shown.contains("tandem-help(1)"), "{shown}");
    let pages = folder.path().join("man1");
    let out = tandem(
        &["man", "--dir", pages.to_str().expect("a path")],
        folder.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(pages.join("tandem.1"))
            .expect("written")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644, "readable by man as any user");
    }
    let remind = man_renders(&pages.join("tandem-remind.1"));
    for part in [
        "--every",
        "EXAMPLES",
        "tandem remind --day sunday --time 19:30",
        "SEE ALSO",
    ] {
        assert!(remind.contains(part), "{part} in {remind}");
    }
    for command in [
        "list",
        "show",
        "export",
        "exercises",
        "check",
        "new-exercise",
        "completions",
        "man",
    ] {
        assert!(
            pages.join(format!("tandem-{command}.1")).is_file(),
            "{command}"
        );
    }
}

fn parse_calendar(bytes: &[u8]) -> ical::parser::ical::component::IcalCalendar {
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(bytes));
    let calendar = calendars
        .next()
        .expect("one calendar")
        .expect("the calendar parses");
    assert!(calendars.next().is_none(), "only one calendar");
    calendar
}

fn property<'a>(properties: &'a [ical::property::Property], name: &str) -> &'a str {
    properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
        .unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn a_reminder_calendar_parses_with_a_weekly_check_in_and_other_exercises() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let out = tandem(
        &[
            "remind",
            "--day",
            "wed",
            "--time",
            "8:15pm",
            "--also",
            "needs-inventory",
            "--also",
            "Boundary map",
            "--every",
            "3",
        ],
        folder.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let raw = text(&out.stdout);
    let lines: Vec<&str> = raw.split_terminator('\n').collect();
    assert!(lines.iter().all(|l| l.ends_with('\r')), "lines end in CRLF");
    assert!(lines.iter().all(|l| l.len() <= 76), "lines are folded");
    let calendar = parse_calendar(&out.stdout);
    assert_eq!(property(&calendar.properties, "VERSION"), "2.0");
    assert_eq!(calendar.events.len(), 3);

    let check_in = &calendar.events[0];
    assert_eq!(property(&check_in.properties, "SUMMARY"), "Weekly check-in");
    assert_eq!(
        property(&check_in.properties, "RRULE"),
        "FREQ=WEEKLY;BYDAY=WE"
    );
    let start: jiff::civil::DateTime =
        jiff::fmt::strtime::parse("%Y%m%dT%H%M%S", property(&check_in.properties, "DTSTART"))
            .and_then(|t| t.to_datetime())
            .expect("a floating local time");
    assert_eq!(start.weekday(), jiff::civil::Weekday::Wednesday);
    assert_eq!((start.hour(), start.minute()), (20, 15));
    let today = jiff::Zoned::now().date();
    assert!(start.date() >= today && start.date() < today + jiff::ToSpan::days(8));
    assert_eq!(check_in.alarms.len(), 1, "calendars remind at the time");
    let words = property(&check_in.properties, "DESCRIPTION");
    assert!(words.contains("nothing is counted"), "{words}");
    for guilt in ["streak", "missed", "don't forget", "overdue"] {
        assert!(!raw.to_lowercase().contains(guilt), "{guilt} in {raw}");
    }

    let inventory = &calendar.events[1];
    assert_eq!(
        property(&inventory.properties, "SUMMARY"),
        "Needs inventory"
    );
    assert_eq!(
        property(&inventory.properties, "RRULE"),
        "FREQ=WEEKLY;INTERVAL=3;BYDAY=WE"
    );
    let boundary = &calendar.events[2];
    assert_eq!(property(&boundary.properties, "SUMMARY"), "Boundary map");
    // One exercise an evening: the second comes the week after the first.
    let first = property(&inventory.properties, "DTSTART");
    let second = property(&boundary.properties, "DTSTART");
    assert_ne!(&first[..8], &second[..8]);
    assert_eq!(&first[9..], &second[9..]);
    // Made again, the events keep their ids, so a calendar moves them.
    let again = tandem(&["remind", "--day", "fri"], folder.path());
    let again = parse_calendar(&again.stdout);
    assert_eq!(
        property(&again.events[0].properties, "UID"),
        property(&check_in.properties, "UID")
    );
}

#[test]
fn a_chosen_title_leaves_the_app_and_the_exercise_unnamed() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let out = tandem(
        &[
            "remind",
            "--title",
            "Our evening, with tea",
            "--also",
            "needs-inventory",
        ],
        folder.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let calendar = parse_calendar(&out.stdout);
    for event in &calendar.events {
        assert_eq!(
            property(&event.properties, "SUMMARY"),
            "Our evening\\, with tea"
        );
        assert!(event.properties.iter().all(|p| p.name != "DESCRIPTION"));
    }
    let raw = text(&out.stdout).to_lowercase();
    for named in [
        "tandem",
        "needs inventory",
        "needs-inventory",
        "check-in",
        "check in",
    ] {
        assert!(!raw.contains(named), "{named} in {raw}");
    }
    // A notice from cron under the same title says nothing more either.
    let cron = tandem(
        &["remind", "--cron", "--title", "Our evening"],
        folder.path(),
    );
    let said = text(&cron.stdout);
    let line = said.lines().find(|l| !l.starts_with('#')).expect("a line");
    assert!(line.contains("'Our evening'"), "{line}");
    assert!(
        !line.contains("'tandem'") && !line.to_lowercase().contains("check-in"),
        "{line}"
    );
}

#[test]
fn a_reminder_file_is_new_and_private_unless_force_is_given() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().expect("a temporary folder");
    let file = folder.path().join("ours.ics");
    let path = file.to_str().expect("a path");
    let out = tandem(&["remind", "--day", "sun", "-o", path], folder.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stderr);
    assert!(said.contains("calendar app"), "{said}");
    let mode = std::fs::metadata(&file)
        .expect("written")
        .permissions()
        .mode();
    assert_eq!(mode & 0o077, 0, "private to you");
    let before = std::fs::read(&file).expect("read");

    let again = tandem(&["remind", "--day", "mon", "-o", path], folder.path());
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("--force"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(
        std::fs::read(&file).expect("read"),
        before,
        "left as it was"
    );

    let forced = tandem(
        &["remind", "--day", "mon", "-o", path, "--force"],
        folder.path(),
    );
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert!(text(&std::fs::read(&file).expect("read")).contains("BYDAY=MO"));
}

#[test]
fn the_cron_line_runs_at_the_chosen_time_each_week() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let out = tandem(
        &["remind", "--cron", "--day", "tue", "--time", "07:05"],
        folder.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    let line = said
        .lines()
        .find(|l| !l.starts_with('#'))
        .expect("a crontab line");
    let fields: Vec<&str> = line.split_whitespace().take(5).collect();
    assert_eq!(fields, ["5", "7", "*", "*", "2"]);
    assert!(
        line.contains("notify-send") && !line.contains('%'),
        "{line}"
    );
}

#[test]
fn a_wrong_time_or_day_is_explained() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let out = tandem(&["remind", "--time", "25:00"], folder.path());
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("for example 19:30"),
        "{}",
        text(&out.stderr)
    );
    // More exercises than weeks would put two on one evening: refused.
    let out = tandem(
        &[
            "remind",
            "--every",
            "2",
            "--also",
            "needs-inventory",
            "--also",
            "boundary-map",
            "--also",
            "saying-no",
        ],
        folder.path(),
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("one an evening"),
        "{}",
        text(&out.stderr)
    );
    // Days in any case, short or long.
    for day in ["Wed", "WEDNESDAY", "wed"] {
        let out = tandem(&["remind", "--day", day], folder.path());
        assert!(out.status.success(), "{day}: {}", text(&out.stderr));
        assert!(text(&out.stdout).contains("BYDAY=WE"), "{day}");
    }
    let out = tandem(&["remind", "--also", "no-such-thing"], folder.path());
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("tandem exercises"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_journal_folder_that_is_not_there_is_named_and_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-journal");
    for args in [
        vec!["list"],
        vec!["show", "2026-01-01-000000-boundary-map"],
        vec!["export", "--all"],
        vec!["check"],
    ] {
        let out = tandem(&args, &missing);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let said = text(&out.stderr);
        assert!(
            said.contains("There is no journal folder at"),
            "{args:?}: {said}"
        );
        assert!(said.contains("no-such-journal"), "{said}");
        assert!(!missing.exists(), "{args:?} made the folder");
    }
    // An empty journal that is there is still just empty.
    std::fs::create_dir(&missing).expect("make the folder");
    let out = tandem(&["list"], &missing);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("has no pages yet"));
}
