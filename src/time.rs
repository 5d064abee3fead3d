//! Times as people on the server read them: the machine's local time zone (`TZ`, else
//! `/etc/localtime`), shown with its offset — `2026-12-01T06:22:24+07:00` — for the journal, the
//! kept versions' names and the exports' dated names. Every function taking an instant has a
//! twin taking the zone too, so the clock and the zone can be fixed in tests.

use jiff::Timestamp;
use jiff::tz::{Offset, TimeZone};
use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds and nanoseconds since 1970-01-01 UTC.
pub fn now() -> (i64, u32) {
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    (d.as_secs() as i64, d.subsec_nanos())
}

/// The machine's time zone; UTC when none is configured or it cannot be read.
pub fn local_zone() -> TimeZone {
    TimeZone::try_system().unwrap_or(TimeZone::UTC)
}

fn instant(secs: i64, nanos: u32) -> Timestamp {
    Timestamp::new(secs, nanos as i32).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// Today's date in the machine's time zone.
pub fn today() -> (i32, u32, u32) {
    let (secs, nanos) = now();
    today_at(secs, nanos, &local_zone())
}

/// The date at an instant in a zone.
pub fn today_at(secs: i64, nanos: u32, tz: &TimeZone) -> (i32, u32, u32) {
    let date = instant(secs, nanos).to_zoned(tz.clone()).date();
    (
        i32::from(date.year()),
        date.month() as u32,
        date.day() as u32,
    )
}

/// `2026-12-01T06:22:24+07:00`: local time with its offset.
pub fn rfc3339(secs: i64) -> String {
    rfc3339_in(secs, &local_zone())
}

/// [`rfc3339`] in a given zone.
pub fn rfc3339_in(secs: i64, tz: &TimeZone) -> String {
    instant(secs, 0)
        .to_zoned(tz.clone())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// `20261201T062224.000000123+0700`: local time with its offset and nanoseconds, for file names
/// (no colons). Names in one zone sort by time as text; [`instant_of_compact`] reads the instant
/// back to sort names written under different offsets.
pub fn compact(secs: i64, nanos: u32) -> String {
    compact_in(secs, nanos, &local_zone())
}

/// [`compact`] in a given zone.
pub fn compact_in(secs: i64, nanos: u32, tz: &TimeZone) -> String {
    instant(secs, nanos)
        .to_zoned(tz.clone())
        .strftime("%Y%m%dT%H%M%S.%9f%z")
        .to_string()
}

/// The instant (seconds, nanoseconds since the epoch) a [`compact`] name starts with; also
/// reads the UTC form of earlier versions, `20261128T234332Z-000123456`.
pub fn instant_of_compact(name: &str) -> Option<(i64, u32)> {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let date_time = name.get(..15)?;
    let (date, time) = (date_time.get(..8)?, date_time.get(9..15)?);
    if !digits(date) || !digits(time) || date_time.as_bytes()[8] != b'T' {
        return None;
    }
    let civil = jiff::civil::DateTime::strptime("%Y%m%dT%H%M%S", date_time).ok()?;
    let rest = &name[15..];
    let (nanos, offset) = if let Some(legacy) = rest.strip_prefix("Z-") {
        (legacy.get(..9).filter(|n| digits(n))?, Offset::UTC)
    } else {
        let rest = rest.strip_prefix('.')?;
        let nanos = rest.get(..9).filter(|n| digits(n))?;
        let sign = match rest.as_bytes().get(9)? {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let hhmm = rest.get(10..14).filter(|n| digits(n))?;
        let minutes: i32 = hhmm[..2].parse::<i32>().ok()? * 60 + hhmm[2..].parse::<i32>().ok()?;
        (nanos, Offset::from_seconds(sign * minutes * 60).ok()?)
    };
    let ts = offset.to_timestamp(civil).ok()?;
    Some((ts.as_second(), nanos.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-12-01 06:22:24 WIB = 2026-11-30 23:22:24 UTC: 20 787 days after 1970-01-01 (hand
    /// count: 56 years with 14 leap days = 20 454 days to 2026-01-01, then 333 days to
    /// 30 November), plus 23:22:24.
    const BEFORE_SEVEN_WIB: i64 = 20_787 * 86_400 + 23 * 3600 + 22 * 60 + 24;

    fn jakarta() -> TimeZone {
        TimeZone::get("Asia/Jakarta").expect("the system's time zone database has Asia/Jakarta")
    }

    #[test]
    fn before_seven_in_jakarta_it_is_already_the_next_day() {
        assert_eq!(
            today_at(BEFORE_SEVEN_WIB, 0, &TimeZone::UTC),
            (2026, 11, 30)
        );
        assert_eq!(today_at(BEFORE_SEVEN_WIB, 0, &jakarta()), (2026, 12, 1));
        assert_eq!(
            rfc3339_in(BEFORE_SEVEN_WIB, &jakarta()),
            "2026-12-01T06:22:24+07:00"
        );
        assert_eq!(
            rfc3339_in(BEFORE_SEVEN_WIB, &TimeZone::UTC),
            "2026-11-30T23:22:24+00:00"
        );
    }

    #[test]
    fn compact_names_read_back_as_the_same_instant_in_any_zone() {
        let jkt = compact_in(BEFORE_SEVEN_WIB, 123, &jakarta());
        assert_eq!(jkt, "20261201T062224.000000123+0700");
        let utc = compact_in(BEFORE_SEVEN_WIB, 123, &TimeZone::UTC);
        assert_eq!(utc, "20261130T232224.000000123+0000");
        // Nanoseconds keep their nine digits, trailing zeros included, so names sort as text.
        assert_eq!(
            compact_in(BEFORE_SEVEN_WIB, 790_643_680, &TimeZone::UTC),
            "20261130T232224.790643680+0000"
        );
        for name in [&jkt, &utc] {
            assert_eq!(instant_of_compact(name), Some((BEFORE_SEVEN_WIB, 123)));
        }
        // A western offset: 2026-11-30 18:22:24 at UTC−05:00 is the same instant.
        assert_eq!(
            instant_of_compact("20261130T182224.000000123-0500-abc"),
            Some((BEFORE_SEVEN_WIB, 123))
        );
        // The UTC names of earlier versions.
        assert_eq!(
            instant_of_compact("20261130T232224Z-000000123"),
            Some((BEFORE_SEVEN_WIB, 123))
        );
        for bad in [
            "",
            "2026",
            "20261130X232224Z-000000123",
            "20261130T232224.12+0700",
        ] {
            assert_eq!(instant_of_compact(bad), None, "{bad}");
        }
    }
}
