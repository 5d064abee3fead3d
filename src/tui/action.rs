//! What a key asks for. Keys become actions (see `keymap`), actions change the state (see
//! `App::update`), and drawing only reads the state.

use crate::model::Quarter;
use tui_input::InputRequest;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    /// Fold or unfold the selected node.
    Toggle,
    /// Move the focus between the tree and the detail pane.
    SwitchFocus,
    /// Start typing into the selected cell.
    Edit,
    /// Report figures as of this quarter.
    Quarter(Quarter),
    /// Show or leave the dashboard.
    Dashboard,
    /// Show only red and unentered indicators and the nodes above them.
    RedFilter,
    /// From the dashboard's red list: open the node in the tree.
    Jump,
    Search,
    SearchNext,
    SearchPrev,
    Undo,
    Redo,
    Save,
    /// Export the tables: asks for the format first.
    Export,
    /// Write the tables in this format to a dated file in the export folder (never over an
    /// existing one).
    ExportAs(crate::export::Format),
    /// Write the meeting pack (bahan rapat): asks for the format first.
    Pack,
    /// Write the meeting pack in this format (HTML or Markdown) to a dated file in the export
    /// folder (never over an existing one).
    PackAs(crate::export::Format),
    Help,
    /// Quit (asks first when there are unsaved changes).
    Quit,
    /// Edit a text field (the figure being typed, the search text).
    Input(InputRequest),
    /// Accept the text field.
    Submit,
    /// Go back one level, never out of the app: leave a text field, help, the journal or a
    /// question without doing anything; from the detail pane or the dashboard back to the
    /// tree; in the tree, leave the red filter.
    Cancel,
    /// In the figure being typed: edit the text there instead of replacing it.
    EditText,
    /// At the unsaved-changes question: save, then quit.
    SaveAndQuit,
    /// At the unsaved-changes question: quit and lose the changes.
    Discard,
    /// At the start, unsaved changes of a session that ended: re-apply them.
    Reapply,
    /// At the start, unsaved changes of a session that ended: keep them aside, unapplied.
    SetAside,
    /// At a save conflict: keep this user's figure.
    KeepMine,
    /// At a save conflict: take the figure on disk.
    TakeTheirs,
    /// At a conflict about a change the file refuses: drop it (it leaves the unsaved changes
    /// and the screen).
    DropMine,
    /// Show the saved changes of the selected node (the journal).
    History,
    /// In a form: the next field (Tab, ↓).
    NextField,
    /// In a form: the field before (Shift-Tab, ↑).
    PrevField,
    /// On a tree node: add a child (its level follows the node's).
    AddChild,
    /// On a tree node: add a node after it, under the same parent.
    AddSibling,
    Rename,
    /// A new kode for the node (the nodes below whose codes extend it follow).
    Recode,
    /// The node one place up among its siblings.
    MoveUp,
    /// The node one place down among its siblings.
    MoveDown,
    /// The node under another parent.
    MoveUnder,
    /// Remove the node (or, in the detail, the indicator), asking first.
    Delete,
    /// In the detail: a new indicator on the node.
    AddIndicator,
    /// In the detail: the indicator under the cursor, in a form.
    EditIndicator,
    /// The node's budget: pagu, pagu murni, sumber dana.
    Budget,
    /// The node's penanggung jawab.
    AssignOfficer,
    /// The list of officers (pejabat).
    Officers,
    /// In the officers' list: a new officer.
    AddOfficer,
    /// At a question: yes, do it.
    Confirm,
    /// Import a spreadsheet: asks for the file, then shows what it would change.
    Import,
    /// In an import's preview: every node, or only those with something changing.
    ShowAll,
    /// The explanation of the selected quarter of an indicator (the detail's cursor, the
    /// dashboard's row), in a form.
    Note,
    /// Lock the selected quarter as verified, or (when locked) open it again with a reason.
    Lock,
    /// The terminal has this size (sent at start and on every resize): the layout that keys
    /// depend on (the tree's height for paging and scrolling) is computed from it.
    Resize {
        width: u16,
        height: u16,
    },
}
