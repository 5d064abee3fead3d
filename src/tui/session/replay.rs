//! The unsaved changes put onto the file as last read, off the key path (an export writes the
//! workspace as the user sees it without copying it): each change as on screen — a figure
//! set to the user's value whatever the file holds, a change that no longer applies left
//! out — and taken off again afterwards, newest first, so the file's copy is exactly as it
//! was.

use crate::model::change::{self, Applied, Locator, Remembered};
use crate::model::{Change, Op, Workspace};
use std::collections::HashMap;

/// Puts `changes` onto `ws` as the screen shows them; returns them as applied (for
/// [`take_off`]).
pub fn put_on(ws: &mut Workspace, changes: &[Change]) -> Vec<Applied> {
    let memo = Remembered::new(ws.locate(changes.iter().filter_map(Change::kode)));
    let mut applied = Vec::with_capacity(changes.len());
    for c in changes {
        let forced;
        let c = match c {
            Change::Figure { indikator, op } => {
                let now = memo.node(ws, &op.kode).and_then(|at| {
                    let node = ws.node_at(&at)?;
                    let field = match (op.field.indicator(), indikator) {
                        (None, _) => op.field,
                        (Some(_), Some(id)) => op
                            .field
                            .with_indicator(node.indikator.iter().position(|i| i.id == *id)?),
                        (Some(_), None) => return None,
                    };
                    Some((field, field.get(node)?))
                });
                let Some((field, old)) = now else { continue };
                forced = Change::Figure {
                    indikator: *indikator,
                    op: Op {
                        kode: op.kode.clone(),
                        field,
                        old,
                        new: op.new,
                    },
                };
                &forced
            }
            other => other,
        };
        if let Ok(Some(a)) = change::apply_with(ws, c, &memo) {
            applied.push(a);
        }
    }
    applied
}

/// Takes off what [`put_on`] put on, newest first.
pub fn take_off(ws: &mut Workspace, applied: Vec<Applied>) {
    let memo = Remembered::new(HashMap::new());
    for a in applied.into_iter().rev() {
        if let Err(why) = change::apply_with(ws, &a.inverse(), &memo) {
            unreachable!("the inverse of an applied change applies: {why:?}");
        }
    }
}
