//! Search by kode or name. Owns the last search: its text and the codes it matched, in tree
//! order (one pass over the names when a search is made; `n` and `N` then bisect the result by
//! tree position). The text being typed is `Mode::Searching`'s, updated here.

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
}

impl Search {
    /// Searches for `query` (any case) in every node's code and name.
    pub fn run(&mut self, ws: &Workspace, query: String) {
        let matches = find(ws, &query);
        self.last = Some((query, matches));
    }

    /// After the workspace was replaced: the last search again.
    pub fn refresh(&mut self, ws: &Workspace) {
        if let Some((query, _)) = self.last.take() {
            self.run(ws, query);
        }
    }

    /// Codes of every node the last search matched, in tree order.
    pub fn matches(&self) -> &[String] {
        self.last.as_ref().map_or(&[], |(_, m)| m.as_slice())
    }

    /// The next match after the node `here` (or the one before it): the code to show and what
    /// to say, or only what to say when there is nothing to go to.
    pub fn step(
        &self,
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
        // Matches are in tree order, as positions compare: the first one past the selection
        // (or the last one before it) is found by bisection.
        let here = here.and_then(|k| s.position(k));
        let index = if forward {
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

/// Codes of every node whose code or name contains `query` (any case), in tree order.
fn find(ws: &Workspace, query: &str) -> Vec<String> {
    let query = query.to_lowercase();
    ws.nodes()
        .filter(|n| {
            n.kode.to_lowercase().contains(&query) || n.nama.to_lowercase().contains(&query)
        })
        .map(|n| n.kode.clone())
        .collect()
}
