//! Search by kode or name. Owns the last search: its text and the codes it matched (one pass
//! over the names when a search is made). A search that is a kode (digits and dots) ranks the
//! exact code first, then codes that end with it, then codes that contain it, then names;
//! `n` and `N` go through that order. Any other search matches codes and names in tree order,
//! and `n` and `N` go to the next match after the selection (a bisection by tree position).
//! The text being typed is `Mode::Searching`'s, updated here.

use super::action::Action;
use super::message::Message;
use super::session::Session;
use crate::locale::Lang;
use crate::model::Workspace;
use tui_input::Input;

pub enum PromptOutcome {
    Typing(Input),
    Cancelled,
    /// Search for this text (not empty).
    Search(String),
}

/// A key while the search text is typed.
pub fn update_prompt(mut input: Input, action: Action) -> PromptOutcome {
    match action {
        Action::Input(req) => {
            input.handle(req);
            PromptOutcome::Typing(input)
        }
        Action::Submit => {
            let query = input.value().trim().to_string();
            if query.is_empty() {
                PromptOutcome::Cancelled
            } else {
                PromptOutcome::Search(query)
            }
        }
        Action::Cancel => PromptOutcome::Cancelled,
        _ => PromptOutcome::Typing(input),
    }
}

#[derive(Default)]
pub struct Search {
    last: Option<(String, Vec<String>)>,
    /// A kode search not stepped through yet: its first step is to the best match.
    fresh: bool,
}

/// Whether a search is for a kode: digits and dots, with a digit.
fn is_kode(query: &str) -> bool {
    query.chars().any(|c| c.is_ascii_digit())
        && query.chars().all(|c| c.is_ascii_digit() || c == '.')
}

impl Search {
    /// Searches for `query` (any case) in every node's code and name. The next step of a kode
    /// search goes to its best match, wherever the selection is.
    pub fn run(&mut self, ws: &Workspace, query: String) {
        let matches = find(ws, &query);
        self.fresh = is_kode(&query);
        self.last = Some((query, matches));
    }

    /// After the workspace was replaced: the last search again.
    pub fn refresh(&mut self, ws: &Workspace) {
        if let Some((query, _)) = self.last.take() {
            self.run(ws, query);
        }
    }

    /// Nodes recoded: their new codes in the last search's matches.
    pub fn recoded(&mut self, pairs: &[(String, String)]) {
        let Some((_, matches)) = self.last.as_mut() else {
            return;
        };
        let renames: std::collections::HashMap<&str, &str> = pairs
            .iter()
            .map(|(o, n)| (o.as_str(), n.as_str()))
            .collect();
        for m in matches.iter_mut() {
            if let Some(new) = renames.get(m.as_str()) {
                *m = new.to_string();
            }
        }
    }

    /// Codes of every node the last search matched, in the order `n` visits them.
    pub fn matches(&self) -> &[String] {
        self.last.as_ref().map_or(&[], |(_, m)| m.as_slice())
    }

    /// The next match after the node `here` (or the one before it): the code to show and what
    /// to say, or only what to say when there is nothing to go to.
    pub fn step(
        &mut self,
        s: &Session,
        here: Option<&str>,
        forward: bool,
        lang: Lang,
    ) -> (Option<String>, Message) {
        let Some((query, matches)) = &self.last else {
            return (
                None,
                Message::info(lang.pick(
                    "Belum ada pencarian; tekan / dulu.",
                    "No search yet; press / first.",
                )),
            );
        };
        if matches.is_empty() {
            let text = format!("{} «{query}»", lang.pick("Tidak ditemukan:", "Not found:"));
            return (None, Message::error(text));
        }
        let ranked = is_kode(query);
        let fresh = std::mem::take(&mut self.fresh);
        let at = here.and_then(|h| {
            if ranked && !fresh {
                matches.iter().position(|k| k == h)
            } else {
                None
            }
        });
        // A kode: through the ranking, from where the selection is in it (else from the top).
        // Otherwise matches are in tree order, as positions compare: the first one past the
        // selection (or the last one before it) is found by bisection.
        let here = here.and_then(|k| s.position(k));
        let index = if ranked {
            match (at, forward) {
                (Some(i), true) => (i + 1) % matches.len(),
                (Some(i), false) => i.checked_sub(1).unwrap_or(matches.len() - 1),
                (None, true) => 0,
                (None, false) => matches.len() - 1,
            }
        } else if forward {
            let after = matches.partition_point(|k| here.is_some_and(|h| s.position(k) <= Some(h)));
            if after < matches.len() { after } else { 0 }
        } else {
            let before = matches.partition_point(|k| here.is_some_and(|h| s.position(k) < Some(h)));
            before.checked_sub(1).unwrap_or(matches.len() - 1)
        };
        let text = format!("«{query}» {}/{}", index + 1, matches.len());
        (Some(matches[index].clone()), Message::info(text))
    }
}

/// Codes of every node whose code or name contains `query` (any case): for a kode, the exact
/// code, then codes ending with it, then codes containing it (each in kode order), then names
/// (in tree order); otherwise in tree order.
fn find(ws: &Workspace, query: &str) -> Vec<String> {
    let query = query.to_lowercase();
    if is_kode(&query) {
        let mut groups: [Vec<String>; 4] = Default::default();
        for n in ws.nodes() {
            let kode = n.kode.to_lowercase();
            let group = if kode == query {
                0
            } else if kode.ends_with(&query) {
                1
            } else if kode.contains(&query) {
                2
            } else if n.nama.to_lowercase().contains(&query) {
                3
            } else {
                continue;
            };
            groups[group].push(n.kode.clone());
        }
        // The codes in kode order (the Renja's: 7.01.01 before 7.01.02), names in tree order.
        for codes in &mut groups[..3] {
            codes.sort_by(|a, b| kode_order(a, b));
        }
        return groups.concat();
    }
    ws.nodes()
        .filter(|n| {
            n.kode.to_lowercase().contains(&query) || n.nama.to_lowercase().contains(&query)
        })
        .map(|n| n.kode.clone())
        .collect()
}

/// Kode order: segment by segment, numbers as numbers (`7.01.9` before `7.01.10`).
fn kode_order(a: &str, b: &str) -> std::cmp::Ordering {
    let key = |s: &str| -> Vec<(u64, String)> {
        s.split('.')
            .map(|p| (p.parse::<u64>().unwrap_or(u64::MAX), p.to_string()))
            .collect()
    };
    key(a).cmp(&key(b))
}
