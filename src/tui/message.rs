//! The one-line message under the panes: what the last key (or a job that finished) did.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    Info(String),
    Error(String),
}

impl Message {
    pub fn info(text: impl Into<String>) -> Message {
        Message::Info(text.into())
    }

    pub fn error(text: impl Into<String>) -> Message {
        Message::Error(text.into())
    }

    pub fn text(&self) -> &str {
        match self {
            Message::Info(t) | Message::Error(t) => t,
        }
    }
}
