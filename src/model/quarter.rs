use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A quarter (triwulan) of the reporting year, I–IV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter(u8);

impl Quarter {
    pub const I: Quarter = Quarter(1);
    pub const II: Quarter = Quarter(2);
    pub const III: Quarter = Quarter(3);
    pub const IV: Quarter = Quarter(4);
    pub const ALL: [Quarter; 4] = [Quarter::I, Quarter::II, Quarter::III, Quarter::IV];

    /// `1..=4`, else `None`.
    pub fn new(n: u8) -> Option<Quarter> {
        (1..=4).contains(&n).then_some(Quarter(n))
    }

    /// 1 for TW I … 4 for TW IV.
    pub fn number(self) -> u8 {
        self.0
    }

    /// 0-based slot in a `[_; 4]` array.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }

    pub fn roman(self) -> &'static str {
        ["I", "II", "III", "IV"][self.index()]
    }
}

impl Default for Quarter {
    fn default() -> Self {
        Quarter::IV
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.roman())
    }
}

impl Serialize for Quarter {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Quarter {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = u8::deserialize(d)?;
        Quarter::new(n)
            .ok_or_else(|| serde::de::Error::custom(format!("triwulan harus 1–4, bukan {n}")))
    }
}
