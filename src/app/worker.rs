//! The background thread that aligns versions and then prepares what the views need from the
//! comparison, so the screen stays live (and `q` works) while a long comparison runs. Plain
//! `std::thread` and channels: one job at a time, in request order.
//!
//! A job sends its results as they come, so that the panes show the comparison as soon as it
//! exists: the comparison without the word diffs of the passages that differ (a quarter of the
//! comparison's cost on a book, and the first screen needs none of them to show where the
//! versions differ), laid out for the pair and width on screen (inking and wrapping a book is the
//! costly part of a layout, and here it does not hold up the screen); the same with the word
//! diffs, laid out again (a pair's own comparison, among more than two versions, comes whole:
//! a seed-sized story's word diffs take milliseconds); the presence table; then the facts (found into the comparison's
//! [`Analysis`], which the viewer already holds) with the facts panel's table.
//!
//! With more than two versions the panes read the pair's own comparison: its job compares the
//! two versions alone and lays them out, and finds their facts later. Facts wait while a
//! comparison is queued (comparisons come first, in request order), so that the pair on screen,
//! asked first, and then the comparison of all versions show before any facts are found.
//!
//! The jobs run in a rayon pool of their own: the viewer lays a new comparison out on rayon's
//! global pool while the facts are being found, and in one shared pool it would queue behind
//! the facts' long tasks.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex};
use std::thread;

use super::layout::{Ids, LayoutFacts, PairRows, PairRowsKey};
use super::store::{Analysis, CompareKey, PairKey, Words};
use crate::model::{Comparison, Version};
use crate::options::CompareOptions;
use crate::present::facts::{FactRows, FactsTable};
use crate::present::labels::Labels;
use crate::present::outline::Tally;
use crate::present::presence::{self, PresenceTable};
use crate::{align_versions, compare_pair};

/// Work for the thread.
#[derive(Debug)]
pub enum Job {
    /// The comparison of all versions for a base, its tables, then its facts. `panes`: the
    /// panes read it (two versions), so it is laid out and underlined for the pair on screen.
    All {
        /// What it is for.
        key: CompareKey,
        /// The options, base included.
        options: CompareOptions,
        /// Whether the panes read this comparison.
        panes: bool,
    },
    /// A pair's own comparison, laid out if it is on screen; its facts follow later.
    Pair {
        /// The pair.
        key: PairKey,
        /// The options (the base is the pair's).
        options: CompareOptions,
    },
}

/// Facts to find once no comparison waits.
enum Later {
    All {
        key: CompareKey,
        analysis: Analysis,
        panes: bool,
    },
    Pair {
        key: PairKey,
        analysis: Analysis,
    },
}

/// What the thread sends back, in this order for each job.
#[derive(Debug)]
pub enum Outcome {
    /// The comparison (its facts not found yet, perhaps its word diffs neither: then it comes
    /// again with them) with what the screen needs of it first, or the error message.
    Compared(CompareKey, Result<Box<NewComparison>, String>),
    /// The presence table of the comparison.
    Presence(CompareKey, Arc<PresenceTable>),
    /// The facts are found (the analysis sent before now has them), with the facts table and,
    /// if the panes read this comparison, the facts of the pair on screen's layout.
    Facts(
        CompareKey,
        Arc<FactsTable>,
        Option<Box<(PairKey, LayoutFacts)>>,
    ),
    /// A pair's own comparison (its facts not found yet), laid out if it was on screen.
    PairCompared(PairKey, Result<Box<(Analysis, Option<PairRows>)>, String>),
    /// The facts of a pair's own comparison are found (into the analysis sent before), with
    /// the facts of the pair's layout.
    PairFacts(PairKey, Box<LayoutFacts>),
}

/// A comparison and what showing it takes, made on the background thread.
#[derive(Debug)]
pub struct NewComparison {
    /// The comparison.
    pub analysis: Analysis,
    /// Laid out for the pair on screen (if the panes read it and the screen shows one of its
    /// pairs).
    pub layout: Option<PairRows>,
    /// How each version differs from the base, for the version bar.
    pub summaries: Vec<Tally>,
    /// Whether the comparison has its word diffs.
    pub words: Words,
}

/// What [`Worker::poll`] found.
#[derive(Debug)]
pub enum Poll {
    /// Nothing new.
    Idle,
    /// A part of a job is done.
    Done(Outcome),
    /// The thread is gone: the aligner panicked.
    Crashed,
}

/// A handle to the background thread. Dropping it ends the thread after its current job.
#[derive(Debug)]
pub struct Worker {
    jobs: Sender<Job>,
    done: Receiver<Outcome>,
    /// The pair, width and fold state on screen, which the viewer keeps up to date: a new
    /// comparison is laid out for it if it is the comparison the panes read for it.
    wanted: Arc<Mutex<Option<PairRowsKey>>>,
}

/// What a job reads besides its own parameters.
struct Context {
    versions: Arc<Vec<Version>>,
    labels: Labels,
    wanted: Arc<Mutex<Option<PairRowsKey>>>,
    outbox: Sender<Outcome>,
    /// Whether a layout was made already: the first one is what the first frame waits for.
    laid_out: AtomicBool,
}

impl Worker {
    /// Starts the thread over a shared set of versions, named by `labels` in notes.
    pub fn spawn(versions: Arc<Vec<Version>>, labels: Labels) -> std::io::Result<Self> {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let wanted = Arc::new(Mutex::new(None));
        let (outbox, done) = mpsc::channel();
        let cx = Context {
            versions,
            labels,
            wanted: Arc::clone(&wanted),
            outbox,
            laid_out: AtomicBool::new(false),
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("storydiff-background-{i}"))
            .build()
            .map_err(std::io::Error::other)?;
        thread::Builder::new()
            .name("storydiff-align".into())
            .spawn(move || {
                let mut queued = VecDeque::new();
                let mut later = VecDeque::new();
                loop {
                    // Everything asked so far, so that comparisons go before facts.
                    loop {
                        match inbox.try_recv() {
                            Ok(job) => queued.push_back(job),
                            // The viewer is gone: nothing more to do.
                            Err(TryRecvError::Disconnected) if queued.is_empty() => return,
                            Err(_) => break,
                        }
                    }
                    let sent = if let Some(job) = queued.pop_front() {
                        pool.install(|| compare(job, &cx, &mut later))
                    } else if let Some(facts) = later.pop_front() {
                        pool.install(|| find_facts(facts, &cx))
                    } else {
                        match inbox.recv() {
                            Ok(job) => {
                                queued.push_back(job);
                                Ok(())
                            }
                            Err(_) => return,
                        }
                    };
                    if sent.is_err() {
                        return;
                    }
                }
            })?;
        Ok(Self { jobs, done, wanted })
    }

    /// Queues a job.
    pub fn submit(&self, job: Job) {
        // A send fails only if the thread died (a panic in the aligner); the request then stays
        // pending and the status line keeps saying so.
        let _ = self.jobs.send(job);
    }

    /// Says what is on screen now (`None`: nothing yet, the size is not known).
    pub fn want(&self, layout: Option<PairRowsKey>) {
        // A poisoned lock means the thread panicked; the request then stays pending anyway.
        if let Ok(mut wanted) = self.wanted.lock() {
            *wanted = layout;
        }
    }

    /// A finished part of a job, if one is waiting.
    #[must_use]
    pub fn poll(&self) -> Poll {
        match self.done.try_recv() {
            Ok(outcome) => Poll::Done(outcome),
            Err(TryRecvError::Empty) => Poll::Idle,
            Err(TryRecvError::Disconnected) => Poll::Crashed,
        }
    }
}

impl Context {
    /// The layout on screen now, if any.
    fn wanted(&self) -> Option<PairRowsKey> {
        self.wanted.lock().ok().and_then(|w| *w)
    }
}

/// Passages laid out for the first screens of a book ([`PairRows::build_first`]): more rows
/// than a terminal has, unless most of them are same passages folded away (and then the whole
/// layout follows a tenth of a second later).
const FIRST_SCREENS: usize = 1024;

/// Before the program's first layout of a book, its first screens: the whole layout takes a
/// tenth of a second more, and replaces this one when it is sent.
fn send_first_screens(
    cx: &Context,
    key: CompareKey,
    panes: bool,
    interim: &Analysis,
) -> Result<(), mpsc::SendError<Outcome>> {
    let comparison = &interim.comparison;
    let wanted = cx
        .wanted()
        .filter(|l| panes && l.base == key.base && l.ignore == key.ignore)
        // The program's first layout is this one, so the whole layout after it is indexed
        // for finding the reader's place (it replaces this one under the reader).
        .filter(|_| {
            comparison.passages.len() > 2 * FIRST_SCREENS
                && !cx.laid_out.swap(true, Ordering::Relaxed)
        });
    let Some(wanted) = wanted else {
        return Ok(());
    };
    let ids = Ids::all(cx.versions.len());
    let layout = PairRows::build_first(comparison, wanted, &ids, cx.labels.clone(), FIRST_SCREENS);
    cx.outbox.send(Outcome::Compared(
        key,
        Ok(Box::new(NewComparison {
            layout: Some(layout),
            summaries: presence::summaries(comparison),
            analysis: interim.clone(),
            words: Words::Pending,
        })),
    ))
}

/// The comparison part of a job; its facts are left for later. Fails only if the viewer has
/// gone.
fn compare(
    job: Job,
    cx: &Context,
    later: &mut VecDeque<Later>,
) -> Result<(), mpsc::SendError<Outcome>> {
    match job {
        Job::All {
            key,
            options,
            panes,
        } => {
            let aligned = match align_versions(cx.versions.to_vec(), &options) {
                Ok(aligned) => aligned,
                Err(e) => return cx.outbox.send(Outcome::Compared(key, Err(e.to_string()))),
            };
            // The pair on screen, if the panes read this comparison for it, indexed for folds
            // and switches (the reader's place is found in it when it replaces a screen) but
            // for the program's very first layout: the first frame waits for it, and the one
            // with the word diffs soon replaces it.
            let lay_out = |comparison: &Comparison, words| {
                cx.wanted()
                    .filter(|l| panes && l.base == key.base && l.ignore == key.ignore)
                    .map(|l| {
                        let ids = Ids::all(cx.versions.len());
                        let mut layout =
                            PairRows::build_in(comparison, None, l, &ids, cx.labels.clone());
                        let first = !cx.laid_out.swap(true, Ordering::Relaxed);
                        if words == Words::Diffed || !first {
                            layout.index_for_switches(comparison);
                        }
                        layout
                    })
            };
            let new = |analysis: &Analysis, words| {
                let comparison = &analysis.comparison;
                let new = NewComparison {
                    layout: lay_out(comparison, words),
                    summaries: presence::summaries(comparison),
                    analysis: analysis.clone(),
                    words,
                };
                Outcome::Compared(key, Ok(Box::new(new)))
            };
            let (comparison, words) = aligned.into_parts();
            let analysis = if words.is_empty() {
                Analysis::new(comparison)
            } else {
                let interim = Analysis::new(comparison);
                send_first_screens(cx, key, panes, &interim)?;
                cx.outbox.send(new(&interim, Words::Pending))?;
                // The word diffs go into a copy: the screen shows the comparison meanwhile.
                let mut full = Comparison::clone(&interim.comparison);
                words.fill(&mut full.passages, &full.versions, &full.options);
                Analysis::new(full)
            };
            cx.outbox.send(new(&analysis, Words::Diffed))?;
            let comparison = &analysis.comparison;
            let presence = PresenceTable::build(comparison);
            cx.outbox.send(Outcome::Presence(key, Arc::new(presence)))?;
            later.push_back(Later::All {
                key,
                analysis,
                panes,
            });
            Ok(())
        }
        Job::Pair { key, options } => {
            let analysis = match compare_pair(&cx.versions, key.base, key.compared, &options) {
                Ok(comparison) => Analysis::new(comparison),
                Err(e) => {
                    return cx
                        .outbox
                        .send(Outcome::PairCompared(key, Err(e.to_string())));
                }
            };
            let layout = cx.wanted().filter(|l| PairKey::of(l) == key).map(|l| {
                let ids = Ids::pair(key.base, key.compared);
                let comparison = &analysis.comparison;
                let mut layout = PairRows::build_in(comparison, None, l, &ids, cx.labels.clone());
                layout.index_for_switches(comparison);
                layout
            });
            cx.outbox.send(Outcome::PairCompared(
                key,
                Ok(Box::new((analysis.clone(), layout))),
            ))?;
            later.push_back(Later::Pair { key, analysis });
            Ok(())
        }
    }
}

/// The facts part of a job. Fails only if the viewer has gone.
fn find_facts(job: Later, cx: &Context) -> Result<(), mpsc::SendError<Outcome>> {
    match job {
        Later::All {
            key,
            analysis,
            panes,
        } => {
            let comparison = &analysis.comparison;
            let facts = analysis.facts();
            let table = FactsTable::build(comparison, facts, FactRows::Divergent);
            let underlines = cx
                .wanted()
                .filter(|l| panes && l.base == key.base && l.ignore == key.ignore)
                .map(|l| {
                    let marks = LayoutFacts::find(comparison, facts, [l.base, l.compared]);
                    Box::new((PairKey::of(&l), marks))
                });
            cx.outbox
                .send(Outcome::Facts(key, Arc::new(table), underlines))
        }
        Later::Pair { key, analysis } => {
            let facts = analysis.facts();
            let ids = Ids::pair(key.base, key.compared);
            let local = [key.base, key.compared].map(|v| ids.local(v).unwrap_or(v));
            let marks = LayoutFacts::find(&analysis.comparison, facts, local);
            cx.outbox.send(Outcome::PairFacts(key, Box::new(marks)))
        }
    }
}
