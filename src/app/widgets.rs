//! The viewer's widgets. Each draws prepared content by shared reference and computes nothing.

mod bar;
mod facts_panel;
mod help;
mod message;
mod overview;
mod pane;
mod presence;

pub use bar::{Bar, Tab, VersionBar};
pub use facts_panel::{FactsPanel, LIST_HEADER as FACTS_LIST_HEADER, shape as facts_panel_shape};
pub use help::{HelpOverlay, HelpSection, max_scroll as help_max_scroll};
pub use message::Message;
pub use overview::OverviewStrip;
pub use pane::Pane;
pub use presence::PresenceView;
