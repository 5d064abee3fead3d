//! The user's unsaved work: an ordered list of `model::Change`s of every kind (figures
//! included), each as it goes to the save and as it was applied to the screen. Owned by the
//! session.
//!
//! The list is kept compact as it grows: a figure (or a name, a unit, an officer's details)
//! changed twice is one change from its first old value to its last new one, and one that is
//! back where it started disappears; so the list is empty exactly when nothing differs from
//! the file as last read or saved, whatever was typed and undone meanwhile. A change of the
//! tree that renames, removes or takes away what such a slot addresses ends its merging: a
//! later change of the same slot is a change of its own. Entries are numbered in the order
//! made (a sequence number that never repeats), so the recovery file, the undo history and a
//! save's conflicts can name one.

mod slot;

use crate::model::{Applied, Change};
use slot::{Slot, ends, is_noop, merged, slot, swapped};
use std::collections::{BTreeMap, HashMap};

/// How a change stands on the screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// As applied to the workspace on screen (its inverse undoes it exactly).
    Exact(Applied),
    /// Several changes of one slot made one (a figure or a text: its inverse swaps old and
    /// new).
    Merged(Change),
    /// Not on screen: the file refused it when another user's save was put in (a conflict
    /// waiting for the user's answer; it stays in the list until dropped).
    Refused,
}

impl Shown {
    /// The change that takes this one off the screen (`None` when it is not on it).
    pub fn undo(&self) -> Option<Change> {
        match self {
            Shown::Exact(a) => Some(a.inverse()),
            Shown::Merged(c) => Some(swapped(c)),
            Shown::Refused => None,
        }
    }

    /// The change as on screen.
    pub fn change(&self) -> Option<&Change> {
        match self {
            Shown::Exact(a) => Some(a.change()),
            Shown::Merged(c) => Some(c),
            Shown::Refused => None,
        }
    }
}

/// One unsaved change.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The change as the save gives it to the file: a figure's `old` is the value the user
    /// saw (so a figure someone else changed meanwhile is a conflict, never overwritten).
    pub change: Change,
    pub shown: Shown,
}

/// What recording a change did to the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recorded {
    /// A new entry.
    Added(u64),
    /// Merged into this entry, which now holds both.
    Merged(u64),
    /// Merged into this entry, which is gone: the slot is as in the file again.
    Cancelled(u64),
}

impl Recorded {
    pub fn seq(self) -> u64 {
        match self {
            Recorded::Added(s) | Recorded::Merged(s) | Recorded::Cancelled(s) => s,
        }
    }

    /// The entry that now carries the change, if one does.
    pub fn carrier(self) -> Option<u64> {
        match self {
            Recorded::Cancelled(_) => None,
            Recorded::Added(s) | Recorded::Merged(s) => Some(s),
        }
    }
}

#[derive(Default)]
pub struct Unsaved {
    entries: BTreeMap<u64, Entry>,
    next: u64,
    /// The entry each slot merges into, while nothing since ended its merging.
    slots: HashMap<Slot, u64>,
}

impl Unsaved {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn get(&self, seq: u64) -> Option<&Entry> {
        self.entries.get(&seq)
    }

    pub fn get_mut(&mut self, seq: u64) -> Option<&mut Entry> {
        self.entries.get_mut(&seq)
    }

    /// The entries in the order made.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (u64, &Entry)> {
        self.entries.iter().map(|(s, e)| (*s, e))
    }

    pub fn last_seq(&self) -> Option<u64> {
        self.entries.keys().next_back().copied()
    }

    /// A change made by the user (or an undo), as given and as applied to the screen.
    pub fn record(&mut self, change: Change, shown: Applied) -> Recorded {
        let key = slot(&change);
        if let Some(key) = &key
            && let Some(&seq) = self.slots.get(key)
            && let Some(entry) = self.entries.get(&seq)
            && let (Some(c), Some(s)) = (
                merged(&entry.change, &change),
                entry.shown.change().and_then(|s| merged(s, shown.change())),
            )
        {
            if is_noop(&c) {
                self.entries.remove(&seq);
                self.slots.remove(key);
                return Recorded::Cancelled(seq);
            }
            let entry = self.entries.get_mut(&seq).expect("looked up above");
            entry.change = c;
            entry.shown = Shown::Merged(s);
            return Recorded::Merged(seq);
        }
        self.end_merging(&change);
        let seq = self.next;
        self.next += 1;
        if let Some(key) = key {
            self.slots.insert(key, seq);
        }
        self.entries.insert(
            seq,
            Entry {
                change,
                shown: Shown::Exact(shown),
            },
        );
        Recorded::Added(seq)
    }

    /// A change kept but not on screen (refused when put back onto another user's save).
    pub fn push_refused(&mut self, change: Change) -> u64 {
        self.end_merging(&change);
        let seq = self.next;
        self.next += 1;
        self.entries.insert(
            seq,
            Entry {
                change,
                shown: Shown::Refused,
            },
        );
        seq
    }

    fn end_merging(&mut self, change: &Change) {
        if slot(change).is_none() && !self.slots.is_empty() {
            self.slots.retain(|s, _| !ends(change, s));
        }
    }

    /// Takes entry `seq` out of the list.
    pub fn remove(&mut self, seq: u64) -> Option<Entry> {
        let entry = self.entries.remove(&seq)?;
        if slot(&entry.change).is_none() {
            // It may have ended the merging of slots that now merge again.
            self.reslot();
        } else {
            self.slots.retain(|_, s| *s != seq);
        }
        Some(entry)
    }

    /// Every entry, taken out (a save sends them).
    pub fn take_all(&mut self) -> Vec<(u64, Entry)> {
        self.slots.clear();
        std::mem::take(&mut self.entries).into_iter().collect()
    }

    /// Entries given back (a save that did not land): they go in before what was made since,
    /// and the list is compacted again.
    pub fn put_back(&mut self, entries: Vec<(u64, Entry)>) {
        let later = std::mem::take(&mut self.entries);
        self.slots.clear();
        for (seq, e) in entries.into_iter().chain(later) {
            self.next = self.next.max(seq + 1);
            self.insert_compacting(seq, e);
        }
    }

    /// Every entry in order, with a new form of each (after another user's save was put in:
    /// what is on screen is applied anew).
    pub fn replace_all(&mut self, entries: Vec<(u64, Entry)>) {
        self.entries.clear();
        self.slots.clear();
        for (seq, e) in entries {
            self.next = self.next.max(seq + 1);
            self.insert_compacting(seq, e);
        }
    }

    fn insert_compacting(&mut self, seq: u64, e: Entry) {
        let key = slot(&e.change);
        if let Some(key) = &key
            && let Some(&earlier) = self.slots.get(key)
            && let Some(first) = self.entries.get(&earlier)
            && let Some(c) = merged(&first.change, &e.change)
        {
            let shown = match (first.shown.change(), e.shown.change()) {
                (Some(a), Some(b)) => merged(a, b).map(Shown::Merged),
                _ => None,
            };
            if let Some(shown) = shown {
                if is_noop(&c) {
                    self.entries.remove(&earlier);
                    self.slots.remove(key);
                } else {
                    let first = self.entries.get_mut(&earlier).expect("looked up above");
                    first.change = c;
                    first.shown = shown;
                }
                return;
            }
        }
        self.end_merging(&e.change);
        if let Some(key) = key {
            self.slots.insert(key, seq);
        }
        self.entries.insert(seq, e);
    }

    /// The slots again from the entries, in order: a slot's latest entry, unless a change of
    /// the tree ended its merging since.
    fn reslot(&mut self) {
        let mut slots = HashMap::new();
        for (seq, e) in &self.entries {
            match slot(&e.change) {
                Some(k) => {
                    slots.insert(k, *seq);
                }
                None => slots.retain(|s, _| !ends(&e.change, s)),
            }
        }
        self.slots = slots;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Field, Node, NodeKind, Quarter, Workspace, change};
    use rust_decimal::Decimal;

    fn ws() -> Workspace {
        let mut ws = crate::store::parse(crate::store::SAMPLE_JSON).unwrap();
        ws.pohon.truncate(1);
        ws
    }

    /// TW IV, where the sample has IP ASN's 70,85 (the seed's E-81).
    fn fig(ws: &Workspace, kode: &str, v: i64) -> Change {
        Change::figure(
            ws,
            kode,
            Field::Realisasi(0, Quarter::IV),
            Some(Decimal::from(v)),
        )
        .unwrap()
    }

    fn apply(ws: &mut Workspace, u: &mut Unsaved, c: Change) -> Recorded {
        let a = change::apply(ws, &c).unwrap().unwrap();
        u.record(c, a)
    }

    #[test]
    fn a_figure_changed_twice_is_one_change_and_back_where_it_started_is_none() {
        let mut w = ws();
        let kode = "7.01.01.2.05";
        let mut u = Unsaved::default();
        let c = fig(&w, kode, 1);
        let first = apply(&mut w, &mut u, c);
        assert!(matches!(first, Recorded::Added(_)));
        let c = fig(&w, kode, 2);
        assert_eq!(apply(&mut w, &mut u, c), Recorded::Merged(first.seq()));
        assert_eq!(u.len(), 1);
        let Change::Figure { op, .. } = &u.get(first.seq()).unwrap().change else {
            panic!()
        };
        assert_eq!(
            (op.old, op.new),
            (Some(Decimal::new(7085, 2)), Some(2.into()))
        );
        let back = Change::figure(
            &w,
            kode,
            Field::Realisasi(0, Quarter::IV),
            Some(Decimal::new(7085, 2)),
        )
        .unwrap();
        assert_eq!(
            apply(&mut w, &mut u, back),
            Recorded::Cancelled(first.seq())
        );
        assert!(u.is_empty());
    }

    #[test]
    fn a_recode_ends_the_merging_of_the_nodes_below_it_and_removing_it_merges_again() {
        let mut w = ws();
        let mut u = Unsaved::default();
        let kode = "7.01.01.2.05";
        let c = fig(&w, kode, 1);
        apply(&mut w, &mut u, c);
        let recode = Change::NodeRecode {
            kode: "7.01.01".into(),
            new: "7.01.09".into(),
        };
        let r = apply(&mut w, &mut u, recode);
        let c = fig(&w, "7.01.09.2.05", 2);
        assert!(matches!(apply(&mut w, &mut u, c), Recorded::Added(_)));
        assert_eq!(u.len(), 3);
        // A node added elsewhere does not end it.
        let mut u2 = Unsaved::default();
        let mut w2 = ws();
        let c = fig(&w2, kode, 1);
        let a = apply(&mut w2, &mut u2, c);
        let add = Change::add_node(
            Some("7.01.01"),
            None,
            // Free in the sample (7.01.01.2.09 is Pemeliharaan Barang Milik Daerah).
            Node::new(NodeKind::Kegiatan, "7.01.01.2.99", "Baru"),
        );
        apply(&mut w2, &mut u2, add);
        let c = fig(&w2, kode, 3);
        assert_eq!(apply(&mut w2, &mut u2, c), Recorded::Merged(a.seq()));
        // Taken out, the recode leaves the two figures (of two codes) as they were.
        u.remove(r.seq());
        assert_eq!(u.len(), 2);
    }
}
