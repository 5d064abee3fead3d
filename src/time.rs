//! Calendar dates and timestamps from the system clock, without a date library: the journal's
//! and the backups' times and the exports' dated names.

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds and nanoseconds since 1970-01-01 UTC.
pub fn now() -> (i64, u32) {
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    (d.as_secs() as i64, d.subsec_nanos())
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

/// Today's date (UTC).
pub fn today() -> (i32, u32, u32) {
    civil_from_days(now().0.div_euclid(86_400))
}

/// `2026-11-28T23:43:32Z`
pub fn rfc3339(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// `20261128T234332Z`, for file names that sort by time.
pub fn compact(secs: i64) -> String {
    rfc3339(secs).replace(['-', ':'], "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        // 2026-11-28 is day 20.785 since the epoch (hand count: 56 years incl. 14 leap days
        // = 20.454 days to 2026-01-01, then 331 days to 28 November).
        assert_eq!(civil_from_days(20_785), (2026, 11, 28));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn timestamps() {
        // 20.785 days and 23:43:32 = 20.785 × 86.400 + 85.412 seconds.
        let secs = 20_785 * 86_400 + 23 * 3600 + 43 * 60 + 32;
        assert_eq!(rfc3339(secs), "2026-11-28T23:43:32Z");
        assert_eq!(compact(secs), "20261128T234332Z");
    }
}
