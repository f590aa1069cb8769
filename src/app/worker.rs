//! The background thread that aligns versions and then prepares what the views need from the
//! comparison, so the screen stays live (and `q` works) while a long comparison runs. Plain
//! `std::thread` and channels: one job at a time, in request order.
//!
//! A job sends its results as they come, so that the panes show the comparison as soon as it
//! exists: the comparison, laid out for the pair and width on screen when it is done (inking and
//! wrapping a book is the costly part of a layout, and here it does not hold up the screen); the
//! presence table; then the facts (found into the comparison's [`Analysis`], which the viewer
//! already holds) with the facts panel's table.
//!
//! The jobs run in a rayon pool of their own: the viewer lays a new comparison out on rayon's
//! global pool while the facts are being found, and in one shared pool it would queue behind
//! the facts' long tasks.

use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex};
use std::thread;

use super::layout::{PairFacts, PairRows, PairRowsKey};
use super::store::{Analysis, CompareKey};
use crate::compare_versions;
use crate::model::Version;
use crate::model::VersionId;
use crate::options::CompareOptions;
use crate::present::facts::{FactRows, FactsTable};
use crate::present::outline::Tally;
use crate::present::presence::{self, PresenceTable};

/// What the thread sends back, in this order for each job.
#[derive(Debug)]
pub enum Outcome {
    /// The comparison (its facts not found yet) with what the screen needs of it first, or the
    /// error message.
    Compared(CompareKey, Result<Box<NewComparison>, String>),
    /// The presence table of the comparison.
    Presence(CompareKey, Arc<PresenceTable>),
    /// The facts are found (the analysis sent before now has them), with the facts table and
    /// the underlines of the pair on screen.
    Facts(CompareKey, Arc<FactsTable>, Option<Arc<Underlines>>),
}

/// A comparison and what showing it takes, made on the background thread.
#[derive(Debug)]
pub struct NewComparison {
    /// The comparison.
    pub analysis: Analysis,
    /// Laid out for the pair on screen (if the screen shows one of its pairs).
    pub layout: Option<PairRows>,
    /// How each version differs from the base, for the version bar.
    pub summaries: Vec<Tally>,
}

/// The fact underlines of one pair of a comparison.
#[derive(Debug, Clone)]
pub struct Underlines {
    /// The compared version of the pair (the base is the comparison's).
    pub compared: VersionId,
    /// The underlines.
    pub marks: PairFacts,
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
    jobs: Sender<(CompareKey, CompareOptions)>,
    done: Receiver<Outcome>,
    /// The pair, width and fold state on screen, which the viewer keeps up to date: a new
    /// comparison is laid out for it if it has the comparison's base and ignore options.
    wanted: Arc<Mutex<Option<PairRowsKey>>>,
}

impl Worker {
    /// Starts the thread over a shared set of versions.
    pub fn spawn(versions: Arc<Vec<Version>>) -> std::io::Result<Self> {
        let (jobs, inbox) = mpsc::channel::<(CompareKey, CompareOptions)>();
        let wanted = Arc::new(Mutex::new(None));
        let layout = Arc::clone(&wanted);
        let (outbox, done) = mpsc::channel();
        let pool = rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("storydiff-background-{i}"))
            .build()
            .map_err(std::io::Error::other)?;
        thread::Builder::new()
            .name("storydiff-align".into())
            .spawn(move || {
                for (key, options) in inbox {
                    let job = || run(key, &options, &versions, &layout, &outbox);
                    if pool.install(job).is_err() {
                        break;
                    }
                }
            })?;
        Ok(Self { jobs, done, wanted })
    }

    /// Queues a comparison.
    pub fn submit(&self, key: CompareKey, options: CompareOptions) {
        // A send fails only if the thread died (a panic in the aligner); the request then stays
        // pending and the status line keeps saying so.
        let _ = self.jobs.send((key, options));
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

/// One job; fails only if the viewer has gone.
fn run(
    key: CompareKey,
    options: &CompareOptions,
    versions: &[Version],
    wanted: &Mutex<Option<PairRowsKey>>,
    outbox: &Sender<Outcome>,
) -> Result<(), mpsc::SendError<Outcome>> {
    let analysis = match compare_versions(versions.to_vec(), options) {
        Ok(comparison) => Analysis::new(comparison),
        Err(e) => return outbox.send(Outcome::Compared(key, Err(e.to_string()))),
    };
    // The pair on screen, if it is one of this comparison's.
    let pair = || {
        wanted
            .lock()
            .ok()
            .and_then(|w| *w)
            .filter(|l| l.base == key.base && l.ignore == key.ignore)
    };
    let comparison = &analysis.comparison;
    let new = NewComparison {
        layout: pair().map(|l| PairRows::build(comparison, None, l)),
        summaries: presence::summaries(comparison),
        analysis: analysis.clone(),
    };
    outbox.send(Outcome::Compared(key, Ok(Box::new(new))))?;
    let presence = PresenceTable::build(comparison);
    outbox.send(Outcome::Presence(key, Arc::new(presence)))?;
    let facts = analysis.facts();
    let table = FactsTable::build(comparison, facts, FactRows::Divergent);
    let underlines = pair().map(|l| {
        Arc::new(Underlines {
            compared: l.compared,
            marks: PairFacts::build(comparison, facts, [l.base, l.compared]),
        })
    });
    outbox.send(Outcome::Facts(key, Arc::new(table), underlines))
}
