//! The viewer's state and its one entry for change, [`App::update`].
//!
//! The state is small parts with one job each: the [`Store`] of comparisons, the [`Pair`] the
//! user asked for, what is [`Shown`] (comparison, facts, prepared layout, overview), the
//! navigation ([`Nav`]), what `n`/`p` stop at ([`Stepping`]), the [`Mode`] and the search. Whenever the wanted pair, the fold state or the
//! terminal size changes, [`App::refresh`] brings what is shown up to date, building a new
//! layout only if its key changed.

mod browse;
mod facts;
mod jump;
mod modes;
mod notice;
mod refresh;
mod settings;
mod within;

pub use notice::Notice;
pub use settings::Stepping;

pub(super) use modes::{PRESENCE_FOOTER, PRESENCE_HEADER};

use std::sync::Arc;
use std::time::Instant;

use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

pub use super::effect::Effect;

use super::keymap::{self, Action, Context};
use super::layout::{Fold, Ids, PairRows};
use super::list::ListState;
use super::nav::{Direction, Nav};
use super::overview::Overview;
use super::presence::{self, PresenceTable};
use super::screen::Screen;
use super::search::Search;
use super::store::{Analysis, Collected, CompareKey, Place, Store, Words};
use super::theme::{THEME, Theme};
use crate::facts::FactReport;
use crate::model::{Comparison, Version, VersionId};
use crate::options::{CompareOptions, IgnoreOptions};
use crate::present::facts::FactsTable;
use crate::present::labels::Labels;
use crate::present::outline::Tally;

/// The pair of versions and the settings the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// Left pane.
    pub base: VersionId,
    /// Right pane.
    pub compared: VersionId,
    /// What counts as different.
    pub ignore: IgnoreOptions,
    /// Folding of same passages.
    pub fold: Fold,
}

/// What is on screen: the comparison of all versions and the one the panes read, and everything
/// prepared from them for the current pair.
#[derive(Debug)]
pub struct Shown {
    /// The comparison of all versions (for the pair's base and ignore options): what the
    /// presence view, the facts panel and the version bar read.
    pub comparison: Arc<Comparison>,
    /// The facts of the comparison (`None` while the background thread finds them).
    pub facts: Option<Arc<FactReport>>,
    /// What the panes read: the pair's own comparison (the same as `comparison` with two
    /// versions).
    pub panes: Panes,
    /// The laid-out rows of `panes`.
    pub layout: PairRows,
    /// The overview strip.
    pub overview: Overview,
    /// How each version differs from the base.
    pub summaries: Vec<Tally>,
    /// The presence table: prepared in the background, or built the first time the view opens.
    pub presence: Option<Arc<PresenceTable>>,
    /// The facts panel's table: prepared in the background once the facts are found, or built
    /// the first time the panel opens.
    pub facts_table: Option<Arc<FactsTable>>,
    /// Whether the word diffs are in: until they are, changed passages show without highlights
    /// or similarity, and the presence view (which shows similarities) waits.
    pub words: Words,
}

/// The comparison the panes read, which is the pair's own: with more than two versions, the
/// two versions compared alone (numbered 0 and 1, see [`Ids`]), so that the pair reads as it
/// would if only its two files were given.
#[derive(Debug)]
pub struct Panes {
    /// The comparison.
    pub comparison: Arc<Comparison>,
    /// Its facts (`None` while the background thread finds them).
    pub facts: Option<Arc<FactReport>>,
    /// Which loaded version each of its versions is.
    pub ids: Ids,
}

impl Panes {
    /// Whether the panes read the comparison of all versions itself (two versions, or a
    /// comparison made elsewhere), so that its passage numbers are theirs.
    #[must_use]
    pub fn is_all(&self, all: &Arc<Comparison>) -> bool {
        Arc::ptr_eq(&self.comparison, all)
    }
}

/// Layouts of other pairs kept besides the one shown, so that switching back (`b`, `]`) is
/// instant: each holds a book's inked text, so only a few.
const SPARE_LAYOUTS: usize = 2;

/// What the keys currently do.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// Reading the panes.
    Browse,
    /// Typing a search; Esc goes back to where the search started and to the previous search.
    Search {
        /// Where the reader was when the search started.
        origin: Nav,
        /// The search before this one.
        previous: Option<Search>,
    },
    /// Typing a passage number to go to (`:`).
    Goto {
        /// The digits typed so far.
        typed: String,
    },
    /// The presence view.
    Presence(ListState),
    /// The facts panel.
    Facts(ListState),
    /// The help overlay, over the panes, the presence view or the facts panel.
    Help {
        /// Lines scrolled.
        scroll: u16,
        /// What is under it.
        under: Underlay,
    },
}

/// What the help overlay covers (and returns to).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Underlay {
    /// The panes.
    Browse,
    /// The presence view.
    Presence(ListState),
    /// The facts panel.
    Facts(ListState),
}

/// Ticks (of [`super::TICK`]) a message stays in the status line without a key pressed.
const NOTICE_TICKS: usize = 50;

/// Whether the program goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flow {
    /// Keep going.
    Running,
    /// The user quit.
    Quit,
    /// The background aligner died; the program ends with this error.
    Crashed,
}

/// A comparison being computed in the background.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy {
    /// When it was asked for.
    pub since: Instant,
    /// Ticks seen, for the spinner.
    pub ticks: usize,
}

/// The whole state of the viewer.
#[derive(Debug)]
pub struct App {
    pub(super) store: Store,
    pub(super) pair: Pair,
    pub(super) shown: Option<Shown>,
    /// What was shown for other pairs before, most recent last.
    pub(super) spare: Vec<Shown>,
    pub(super) screen: Screen,
    pub(super) nav: Nav,
    pub(super) stepping: Stepping,
    pub(super) mode: Mode,
    pub(super) search: Option<Search>,
    pub(super) notice: Option<Notice>,
    /// Ticks since the last key, for the notice to expire.
    pub(super) idle_ticks: usize,
    pub(super) effect: Option<Effect>,
    pub(super) busy: Option<Busy>,
    pub(super) flow: Flow,
    pub(super) theme: &'static Theme,
    /// The versions' labels, as every front end names them (`000`, or `v0`).
    pub(super) labels: Labels,
}

impl App {
    /// A viewer over loaded versions, comparing the base of `options` with the next version.
    /// The first comparison is requested at once; `place` says where it is computed.
    #[must_use]
    pub fn new(versions: Vec<Version>, options: CompareOptions, place: Place) -> Self {
        let ignore = options.ignore;
        let base = options.base;
        Self::assemble(Store::new(versions, options, place), base, ignore)
    }

    /// A viewer over a comparison made elsewhere (tests, other programs); further comparisons
    /// (another base, other ignore options) are computed inline. The panes show its passages
    /// as made, whatever the number of versions (no pair is compared on its own).
    #[must_use]
    pub fn from_comparison(comparison: Comparison) -> Self {
        let options = comparison.options.clone();
        let key = CompareKey {
            base: comparison.base,
            ignore: options.ignore,
        };
        // The panes show the comparison as made, whatever the number of versions.
        let mut store =
            Store::new(comparison.versions.clone(), options.clone(), Place::Inline).shared_pairs();
        store.insert(key, Analysis::with_facts(comparison));
        Self::assemble(store, key.base.0, key.ignore)
    }

    fn assemble(store: Store, base: usize, ignore: IgnoreOptions) -> Self {
        let count = store.versions().len();
        let labels = store.labels().clone();
        let base = VersionId(base.min(count.saturating_sub(1)));
        let compared = presence::cycle(count, base, base, Direction::Forward);
        let mut app = Self {
            store,
            pair: Pair {
                base,
                compared,
                ignore,
                fold: Fold::Open,
            },
            shown: None,
            spare: Vec::new(),
            // No layout until the first resize says how big the screen is.
            screen: Screen::TooSmall {
                width: 0,
                height: 0,
            },
            nav: Nav::default(),
            stepping: Stepping::Divergent,
            mode: Mode::Browse,
            search: None,
            notice: None,
            idle_ticks: 0,
            effect: None,
            busy: None,
            flow: Flow::Running,
            theme: &THEME,
            labels,
        };
        app.refresh();
        app.prepare_screen();
        app
    }

    /// Uses another theme (`NO_COLOR` selects [`super::theme::MONO`]).
    #[must_use]
    pub fn with_theme(mut self, theme: &'static Theme) -> Self {
        self.theme = theme;
        self
    }

    /// Whether the program goes on.
    #[must_use]
    pub fn flow(&self) -> &Flow {
        &self.flow
    }

    /// The current mode.
    #[must_use]
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// What `n`/`p` stop at.
    #[must_use]
    pub fn stepping(&self) -> Stepping {
        self.stepping
    }

    /// The pair of versions on screen (or asked for).
    #[must_use]
    pub fn pair(&self) -> Pair {
        self.pair
    }

    /// The current passage: its position among the passages shown (0-based) and their count.
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        let shown = self.shown.as_ref()?;
        (!shown.layout.entries.is_empty())
            .then_some((self.nav.current.0, shown.layout.entries.len()))
    }

    /// The first row on screen.
    #[must_use]
    pub fn top(&self) -> usize {
        self.nav.top
    }

    /// The active search, if any.
    #[must_use]
    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// The message in the status line, if any.
    #[must_use]
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The key context of the current mode.
    #[must_use]
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Browse => Context::Browse,
            Mode::Search { .. } => Context::Search,
            Mode::Goto { .. } => Context::Goto,
            Mode::Presence(_) => Context::Presence,
            Mode::Facts(_) => Context::Facts,
            Mode::Help { .. } => Context::Help,
        }
    }

    /// The action for a terminal event, if any (key presses only, not releases or repeats).
    #[must_use]
    pub fn action_for_event(&self, event: &Event) -> Option<Action> {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                keymap::action_for(key, self.context())
            }
            Event::Resize(width, height) => Some(Action::Resize {
                width: *width,
                height: *height,
            }),
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::ScrollDown => Some(Action::Wheel(Direction::Forward)),
                MouseEventKind::ScrollUp => Some(Action::Wheel(Direction::Backward)),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                    column: mouse.column,
                    row: mouse.row,
                }),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether a comparison or its facts are still being computed in the background.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.busy.is_some()
            || self
                .shown
                .as_ref()
                .is_some_and(|s| s.facts.is_none() || s.panes.facts.is_none())
    }

    /// Whether what is shown still waits for its word diffs (changed words are not highlighted
    /// yet).
    #[must_use]
    pub fn highlights_pending(&self) -> bool {
        self.shown
            .as_ref()
            .is_some_and(|s| s.words == Words::Pending)
    }

    /// Applies an action.
    pub fn update(&mut self, action: Action) {
        self.apply(action);
        self.prepare_screen();
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Quit => self.flow = Flow::Quit,
            Action::Resize { width, height } => {
                self.screen = Screen::new(width, height, self.store.versions().len());
                self.refresh();
            }
            Action::Tick => self.tick(),
            Action::Suspend => self.effect = Some(Effect::Suspend),
            Action::Unbound(key) => {
                self.idle_ticks = 0;
                self.notice = Some(Notice::UnknownKey(key.label()));
            }
            _ => {
                self.notice = None;
                self.idle_ticks = 0;
                match self.mode {
                    Mode::Browse => self.browse(action),
                    Mode::Search { .. } => self.searching(action),
                    Mode::Goto { .. } => self.goto(action),
                    Mode::Presence(state) => self.presence(action, state),
                    Mode::Facts(state) => self.facts_panel(action, state),
                    Mode::Help { scroll, under } => self.help(action, scroll, under),
                }
            }
        }
    }

    /// Rows of passage text on screen.
    pub(super) fn height(&self) -> usize {
        self.screen
            .areas()
            .map_or(1, super::screen::Areas::body_height)
            .max(1)
    }

    /// What the event loop is to do for the state, once.
    pub fn take_effect(&mut self) -> Option<Effect> {
        self.effect.take()
    }

    /// Takes in background results, moves the spinner, lets an old message go.
    fn tick(&mut self) {
        if let Some(busy) = &mut self.busy {
            busy.ticks += 1;
        }
        self.idle_ticks += 1;
        if self.idle_ticks >= NOTICE_TICKS {
            self.notice = None;
        }
        self.collect();
    }

    /// Takes in what the background thread finished (a comparison, its tables, its facts) and
    /// shows it. The event loop calls this often while something is pending, so that a
    /// comparison shows as soon as it exists; it changes nothing else.
    pub fn collect(&mut self) {
        match self.store.collect() {
            Collected::Nothing => {}
            Collected::Something => {
                self.refresh();
                self.prepare_screen();
            }
            Collected::Crashed => self.flow = Flow::Crashed,
        }
    }
}

#[cfg(test)]
mod tests;
