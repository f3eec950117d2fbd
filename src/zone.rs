//! The couple's local time zone, found without a slow start.

use std::sync::OnceLock;

use jiff::tz::TimeZone;

const LOCALTIME: &str = "/etc/localtime";

/// A day as the couple reads it, in their zone: "23 Nov 2026".
pub fn day(ts: jiff::Timestamp, tz: &TimeZone) -> String {
    ts.to_zoned(tz.clone()).strftime("%-d %b %Y").to_string()
}

/// A day and the time of day, for telling apart two things of one day.
pub fn day_and_time(ts: jiff::Timestamp, tz: &TimeZone) -> String {
    ts.to_zoned(tz.clone())
        .strftime("%-d %b %Y %H:%M")
        .to_string()
}

/// The system's time zone. The usual set-up (no `TZ`, `/etc/localtime` a
/// link into the zone database) is read directly: asking jiff first lists
/// the whole zone database, a few milliseconds that would delay the first
/// frame. Anything else is left to jiff. Found once per run: exports ask
/// for it once per page.
pub fn local() -> TimeZone {
    static LOCAL: OnceLock<TimeZone> = OnceLock::new();
    LOCAL
        .get_or_init(|| {
            std::env::var_os("TZ")
                .is_none()
                .then(from_localtime_link)
                .flatten()
                .unwrap_or_else(TimeZone::system)
        })
        .clone()
}

fn from_localtime_link() -> Option<TimeZone> {
    let target = std::fs::read_link(LOCALTIME).ok()?;
    let target = target.to_str()?;
    let (_, name) = target.split_once("zoneinfo/")?;
    let bytes = std::fs::read(LOCALTIME).ok()?;
    TimeZone::tzif(name, &bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_local_zone_agrees_with_jiff() {
        let now = jiff::Timestamp::now();
        assert_eq!(
            now.to_zoned(local()).offset(),
            now.to_zoned(TimeZone::system()).offset()
        );
    }
}
