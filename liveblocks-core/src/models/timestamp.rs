//! How the models read a [`Timestamp`]: RFC 3339 (`2024-05-01T10:00:00.000Z`, what the API
//! sends) by a small parser of our own, so a wasm32 module does not carry jiff's general
//! parser (about 165 KB after `wasm-opt -Oz`).
//!
//! Natively, any other text goes to jiff's parser, as before (ISO 8601 forms beyond RFC 3339,
//! RFC 9557 annotations); on wasm32 it is a decode error. Writing a timestamp is jiff's
//! `Serialize`, unchanged.

use serde::de::{Deserializer, Error, Unexpected, Visitor};

use super::Timestamp;

/// Reads a [`Timestamp`] field (`#[serde(deserialize_with = ...)]`).
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Timestamp, D::Error> {
    deserializer.deserialize_str(TimestampVisitor)
}

/// Reads an `Option<Timestamp>` field: `null` is `None` (with `#[serde(default)]`, a missing
/// field is too).
pub(crate) fn option<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Timestamp>, D::Error> {
    deserializer.deserialize_option(OptionVisitor)
}

struct TimestampVisitor;

impl Visitor<'_> for TimestampVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an RFC 3339 timestamp")
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<Timestamp, E> {
        if let Some(timestamp) = parse_rfc3339(text) {
            return Ok(timestamp);
        }
        #[cfg(not(target_arch = "wasm32"))]
        if let Ok(timestamp) = text.parse::<Timestamp>() {
            return Ok(timestamp);
        }
        Err(E::invalid_value(Unexpected::Str(text), &self))
    }
}

struct OptionVisitor;

impl<'de> Visitor<'de> for OptionVisitor {
    type Value = Option<Timestamp>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an RFC 3339 timestamp or null")
    }

    fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserialize(deserializer).map(Some)
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction]` then `Z` or `±HH:MM` (`t`, `z` and a space for `T`
/// accepted, a leap second read as `:59` as jiff does); `None` for anything else.
pub(crate) fn parse_rfc3339(text: &str) -> Option<Timestamp> {
    let b = text.as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    if !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let num = |from: usize, len: usize| -> Option<i64> {
        b[from..from + len].iter().try_fold(0i64, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0'))
        })
    };
    let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    let (hour, minute, second) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let second = second.min(59);
    let mut i = 19;
    let mut nanos = 0i32;
    if matches!(b[i], b'.' | b',') {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            if i - start < 9 {
                nanos = nanos * 10 + i32::from(b[i] - b'0');
            }
            i += 1;
        }
        let digits = i - start;
        if digits == 0 || digits > 9 {
            return None;
        }
        nanos *= 10i32.pow(9 - digits as u32);
    }
    let offset = match b.get(i..)? {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let digits = [*h1, *h2, *m1, *m2];
            if !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let d = |k: usize| i64::from(digits[k] - b'0');
            let (hours, minutes) = (d(0) * 10 + d(1), d(2) * 10 + d(3));
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = hours * 3600 + minutes * 60;
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset;
    Timestamp::new(seconds, nanos).ok()
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parser agrees with jiff on every RFC 3339 text, and refuses what is not one.
    #[test]
    fn agrees_with_jiff() {
        let texts = [
            "2024-05-01T10:00:00.000Z",
            "2024-05-01T10:00:00Z",
            "2024-02-29t23:59:59.999999999z",
            "2000-02-29 00:00:00,5+05:30",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.1-00:01",
            "0001-01-01T00:00:00Z",
            "9999-12-30T22:00:00Z",
            "9999-12-31T23:59:59.999999999Z", // past jiff's range: both refuse it
            "2016-12-31T23:59:60Z",
            "2024-12-31T12:00:00-23:59",
            "1900-03-01T00:00:00.123456+14:00",
        ];
        for text in texts {
            let jiff = text.parse::<Timestamp>().ok();
            assert_eq!(parse_rfc3339(text), jiff, "{text}");
        }
        // Instants across the range, printed by jiff in several offsets.
        let mut second = -62_135_596_800i64; // 0001-01-01
        while second < 253_402_207_200 {
            for nanos in [0, 1, 999_999_999, 120_000_000] {
                let t = Timestamp::new(second, nanos).unwrap();
                for offset in [0, 19_800, -30_600, 86_340 - 60] {
                    let zoned = t.to_zoned(jiff::tz::TimeZone::fixed(
                        jiff::tz::Offset::from_seconds(offset).unwrap(),
                    ));
                    let text = zoned.strftime("%Y-%m-%dT%H:%M:%S%.f%:z").to_string();
                    assert_eq!(parse_rfc3339(&text), Some(t), "{text}");
                }
            }
            second += 77_777_777 + second.rem_euclid(86_399);
        }
        for text in [
            "",
            "2024-05-01",
            "2024-05-01T10:00:00",
            "2024-02-30T10:00:00Z",
            "2023-02-29T10:00:00Z",
            "2024-13-01T10:00:00Z",
            "2024-05-01T24:00:00Z",
            "2024-05-01T10:60:00Z",
            "2024-05-01T10:00:00.Z",
            "2024-05-01T10:00:00.1234567890Z",
            "2024-05-01T10:00:00+24:00",
            "2024-05-01T10:00:00+0530",
            "2024-05-01T10:00:00Z[UTC]",
            "2024-05-01X10:00:00Z",
            "+2024-05-01T10:00:00Z",
            "2024-05-01T10:00:00ZZ",
        ] {
            assert_eq!(parse_rfc3339(text), None, "{text}");
        }
    }
}
