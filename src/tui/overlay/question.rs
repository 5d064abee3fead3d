//! The question a removal asks first: what goes with it (children, indicators, figures
//! entered, Rupiah spent), and yes or no. Holds the changes that make the removal, made from
//! the workspace as it was shown: should another user's save change what they remove before
//! the answer, they are refused rather than remove something else.

use crate::model::Change;

#[derive(Clone, Debug)]
pub struct Question {
    pub title: String,
    /// What is removed, and what goes with it, one line each.
    pub lines: Vec<String>,
    pub changes: Vec<Change>,
    /// The node to select once done (the parent of a node removed).
    pub then: Option<String>,
    /// The node the question is about (it closes when another user's save removes it).
    pub about: Option<String>,
}
