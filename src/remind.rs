//! Reminders without guilt: an iCalendar file (RFC 5545) with repeating
//! events, which any calendar app turns into reminders. tandem runs no
//! background process, and nothing here counts weeks kept or missed.
//!
//! Times are "floating" (no time zone): 19:30 stays 19:30 wherever the
//! couple is, which is what a weekly evening together means.

use jiff::civil::{Date, DateTime, Time, Weekday};
use jiff::{Timestamp, ToSpan};

/// One repeating event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// Stays the same when the file is made again, so importing a new
    /// file moves the event instead of adding a second one.
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub start: DateTime,
    pub minutes: u32,
    /// 1 for every week, 4 for every fourth week.
    pub every_weeks: u32,
}

/// What the couple chose.
#[derive(Clone, Debug)]
pub struct Plan<'a> {
    pub weekday: Weekday,
    pub time: Time,
    /// The first day on or after which the events begin (today).
    pub from: DateTime,
    /// A title the couple chose for every event, in place of the
    /// exercises' titles: for a calendar others can see.
    pub title: Option<&'a str>,
    /// The weekly check-in's title and length.
    pub check_in: (&'a str, u32),
    /// Other exercises (id, title, minutes), each every `every_weeks`.
    pub others: Vec<(&'a str, &'a str, u32)>,
    pub every_weeks: u32,
    /// Tells this journal's events from another's in a shared calendar
    /// (a short fingerprint of when the couple began the journal).
    pub household: &'a str,
}

/// A check-in's length when its exercise gives none.
pub const DEFAULT_MINUTES: u32 = 20;

const NOTHING_COUNTED: &str =
    "A week you skip is fine: nothing is counted, and there is nothing to catch up on.";

/// The events of a plan: the check-in every week on the chosen day and
/// time, and each other exercise every few weeks, right after it.
pub fn reminders(plan: &Plan) -> Vec<Reminder> {
    let first = first_day(plan.from, plan.weekday, plan.time);
    let check_in_start = first.to_datetime(plan.time);
    let described = |what: &str| match plan.title {
        // A chosen title is for a calendar others may see: the event then
        // says nothing of the app or the exercise.
        Some(_) => String::new(),
        None => format!("Time for {what} in tandem, when you are both ready. {NOTHING_COUNTED}"),
    };
    let titled = |title: &str| plan.title.unwrap_or(title).to_string();
    let mut events = vec![Reminder {
        uid: uid(plan, "weekly-check-in", 0),
        summary: titled(plan.check_in.0),
        description: described("your weekly check-in"),
        start: check_in_start,
        minutes: plan.check_in.1,
        every_weeks: 1,
    }];
    // Each other exercise gets its own week of the cycle, so an evening
    // holds one at most (until there are more exercises than weeks),
    // starting when the check-in ends.
    let every = plan.every_weeks.max(1);
    let after_check_in = check_in_start
        .checked_add((plan.check_in.1 as i64).minutes())
        .unwrap_or(check_in_start);
    let mut next_in_week: Vec<DateTime> = (0..every)
        .map(|week| {
            after_check_in
                .checked_add((week as i64).weeks())
                .unwrap_or(after_check_in)
        })
        .collect();
    for (n, (id, title, minutes)) in plan.others.iter().enumerate() {
        let slot = &mut next_in_week[n % every as usize];
        let start = *slot;
        *slot = start
            .checked_add((*minutes as i64).minutes())
            .unwrap_or(start);
        events.push(Reminder {
            uid: uid(plan, id, n + 1),
            summary: titled(title),
            description: described(&format!("the exercise \"{title}\"")),
            start,
            minutes: *minutes,
            every_weeks: every,
        });
    }
    events
}

/// An event's id: named after its exercise, or, under a chosen title,
/// after its place in the file only, so the id says nothing either.
fn uid(plan: &Plan, exercise: &str, n: usize) -> String {
    match plan.title {
        Some(_) => format!("reminder-{n}-{}@local.invalid", plan.household),
        None => format!("{exercise}-{}@tandem.invalid", plan.household),
    }
}

/// The first `weekday` from `from` on whose `time` is still ahead.
pub fn first_day(from: DateTime, weekday: Weekday, time: Time) -> Date {
    let today = from.date();
    if today.weekday() == weekday && time > from.time() {
        return today;
    }
    today.nth_weekday(1, weekday).unwrap_or(today)
}

/// The whole calendar file, lines ending in CRLF and folded at 75 bytes
/// as RFC 5545 asks.
/// `discreet` leaves the program's name out of the file.
pub fn calendar(events: &[Reminder], stamp: Timestamp, discreet: bool) -> String {
    let product = if discreet {
        "PRODID:-//reminders//EN"
    } else {
        "PRODID:-//tandem//reminders//EN"
    };
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        product.to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    let stamp = stamp.strftime("%Y%m%dT%H%M%SZ").to_string();
    for event in events {
        let rule = if event.every_weeks > 1 {
            format!(
                "RRULE:FREQ=WEEKLY;INTERVAL={};BYDAY={}",
                event.every_weeks,
                day_code(event.start.weekday())
            )
        } else {
            format!(
                "RRULE:FREQ=WEEKLY;BYDAY={}",
                day_code(event.start.weekday())
            )
        };
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", text_value(&event.uid)),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART:{}", event.start.strftime("%Y%m%dT%H%M%S")),
            format!("DURATION:PT{}M", event.minutes.max(1)),
            rule,
            format!("SUMMARY:{}", text_value(&event.summary)),
        ]);
        if !event.description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", text_value(&event.description)));
        }
        lines.extend([
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            format!("DESCRIPTION:{}", text_value(&event.summary)),
            "TRIGGER:PT0M".to_string(),
            "END:VALARM".to_string(),
            "END:VEVENT".to_string(),
        ]);
    }
    lines.push("END:VCALENDAR".to_string());
    let mut out = String::new();
    for line in &lines {
        fold(line, &mut out);
    }
    out
}

/// A crontab line that shows a desktop notification at the check-in's
/// time each week; cron cannot count weeks, so only the weekly one. A
/// chosen title heads the notice in place of the program's name.
pub fn cron_line(
    weekday: Weekday,
    time: Time,
    summary: &str,
    title: Option<&str>,
    user_id: u32,
) -> String {
    // `%` ends a crontab command; quotes keep the rest one argument.
    let safe = |words: &str| -> String {
        words
            .chars()
            .filter(|c| !matches!(c, '%' | '\'' | '\\') && !c.is_control())
            .collect()
    };
    let (heading, message) = match title {
        Some(title) => (safe(title), "When you are both ready".to_string()),
        None => (
            "tandem".to_string(),
            format!("{}, when you are both ready", safe(summary)),
        ),
    };
    format!(
        "{} {} * * {} DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/{user_id}/bus notify-send '{heading}' '{message}'",
        time.minute(),
        time.hour(),
        weekday.to_sunday_zero_offset()
    )
}

fn day_code(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

/// A TEXT value: backslashes, commas, semicolons and line breaks escaped,
/// and no other control character at all.
fn text_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded into pieces of at most 75 bytes, never inside a
/// character, each continuation starting with a space.
fn fold(line: &str, out: &mut String) {
    let mut room = 75;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > room {
            out.push_str("\r\n ");
            used = 0;
            // The leading space counts toward the next line's 75.
            room = 74;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// A time as people write it: 19:30, 7:30pm, 7pm.
pub fn parse_time(text: &str) -> Result<Time, String> {
    let lower = text.trim().to_lowercase().replace(' ', "");
    let (clock, offset) = if let Some(rest) = lower.strip_suffix("pm") {
        (rest, 12)
    } else if let Some(rest) = lower.strip_suffix("am") {
        (rest, 0)
    } else {
        (lower.as_str(), -1)
    };
    let (hour, minute) = match clock.split_once([':', '.', 'h']) {
        Some((h, m)) => (h, if m.is_empty() { "0" } else { m }),
        None => (clock, "0"),
    };
    let wrong = || {
        format!(
            "write the time as hours and minutes, for example 19:30 or 7:30pm, not {:?}",
            crate::model::visible(text)
        )
    };
    let hour: i8 = hour.parse().map_err(|_| wrong())?;
    let minute: i8 = minute.parse().map_err(|_| wrong())?;
    let hour = match offset {
        -1 if (0..24).contains(&hour) => hour,
        12 if (1..=12).contains(&hour) => hour % 12 + 12,
        0 if (1..=12).contains(&hour) => hour % 12,
        _ => return Err(wrong()),
    };
    Time::new(hour, minute, 0, 0).map_err(|_| wrong())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_as_people_write_them() {
        assert_eq!(parse_time("19:30"), Ok(Time::constant(19, 30, 0, 0)));
        assert_eq!(parse_time("7:30pm"), Ok(Time::constant(19, 30, 0, 0)));
        assert_eq!(parse_time("7 PM"), Ok(Time::constant(19, 0, 0, 0)));
        assert_eq!(parse_time("12am"), Ok(Time::constant(0, 0, 0, 0)));
        assert_eq!(parse_time("12pm"), Ok(Time::constant(12, 0, 0, 0)));
        assert_eq!(parse_time("9"), Ok(Time::constant(9, 0, 0, 0)));
        for wrong in ["25:00", "7:61", "13pm", "evening", ""] {
            assert!(parse_time(wrong).is_err(), "{wrong} was taken");
        }
    }

    #[test]
    fn the_first_day_is_the_next_one_still_ahead() {
        // 2026-12-03 is a Thursday.
        let thursday = jiff::civil::date(2026, 12, 3);
        let at = |h| thursday.to_datetime(Time::constant(h, 0, 0, 0));
        let evening = Time::constant(19, 0, 0, 0);
        assert_eq!(first_day(at(12), Weekday::Thursday, evening), thursday);
        assert_eq!(
            first_day(at(20), Weekday::Thursday, evening),
            jiff::civil::date(2026, 12, 10)
        );
        assert_eq!(
            first_day(at(12), Weekday::Monday, evening),
            jiff::civil::date(2026, 12, 7)
        );
    }

    #[test]
    fn long_lines_fold_between_characters() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "é".repeat(60)), &mut out);
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} bytes", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(60)));
    }
}
