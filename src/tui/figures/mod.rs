//! Derived figures the interface shows on every frame, computed once for the whole tree and
//! then kept current along the path of each edit — never recomputed for the whole tree per key
//! or per edit. Owned by the session's index (`session::Index`):
//! - [`Budgets`]: every node's budget at every quarter (`rules::budget_of`), so the detail pane
//!   of a Misi over 200 000 indicators costs the same as a Sub Kegiatan's;
//! - [`Dashboard`]: the dashboard's rating counts, programs, total and red list at one quarter
//!   (`report::summary` and `report::red_list`, which stay the reference: a randomized test
//!   checks these against them after every edit).

mod budgets;
mod dashboard;

pub use budgets::{Budgets, YearBudget};
pub use dashboard::{DashProgram, Dashboard};

use rust_decimal::Decimal;

/// A sum of optional figures that can also take one away: the sum of those present and how
/// many were present (none present is "not entered", not zero).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Acc {
    sum: Decimal,
    n: u32,
}

impl Acc {
    pub(crate) fn add(&mut self, v: Option<Decimal>) {
        if let Some(v) = v {
            self.sum += v;
            self.n += 1;
        }
    }

    pub(crate) fn sub(&mut self, v: Option<Decimal>) {
        if let Some(v) = v {
            self.sum -= v;
            self.n = self.n.saturating_sub(1);
        }
    }

    pub(crate) fn get(self) -> Option<Decimal> {
        (self.n > 0).then_some(self.sum)
    }
}
