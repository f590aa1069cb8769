//! The background thread that aligns versions and then prepares what the views need from the
//! comparison, so the screen stays live (and `q` works) while a long comparison runs. Plain
//! `std::thread` and channels: one job at a time, in request order.
//!
//! A job sends its results as they come, so that the panes show the comparison as soon as it
//! exists: the comparison, laid out for the pair and width the viewer asked for (inking and
//! wrapping a book is the costly part of a layout, and here it does not hold up the screen); the
//! presence table; then the facts (found into the comparison's [`Analysis`], which the viewer
//! already holds) with the facts panel's table.
//!
//! The jobs run in a rayon pool of their own: the viewer lays a new comparison out on rayon's
//! global pool while the facts are being found, and in one shared pool it would queue behind
//! the facts' long tasks.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use super::layout::{PairRows, PairRowsKey};
use super::store::{Analysis, CompareKey};
use crate::compare_versions;
use crate::model::Version;
use crate::options::CompareOptions;
use crate::present::facts::{FactRows, FactsTable};
use crate::present::presence::PresenceTable;

/// What the thread sends back, in this order for each job.
#[derive(Debug)]
pub enum Outcome {
    /// The comparison (its facts not found yet) and its layout if one was asked for, or the
    /// error message.
    Compared(
        CompareKey,
        Result<(Analysis, Option<Box<PairRows>>), String>,
    ),
    /// The presence table of the comparison.
    Presence(CompareKey, Arc<PresenceTable>),
    /// The facts are found (the analysis sent before now has them), with the facts table.
    Facts(CompareKey, Arc<FactsTable>),
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
}

impl Worker {
    /// Starts the thread over a shared set of versions.
    pub fn spawn(versions: Arc<Vec<Version>>) -> std::io::Result<Self> {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, done) = mpsc::channel();
        let pool = rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("storydiff-background-{i}"))
            .build()
            .map_err(std::io::Error::other)?;
        thread::Builder::new()
            .name("storydiff-align".into())
            .spawn(move || {
                for job in inbox {
                    if pool.install(|| run(&job, &versions, &outbox)).is_err() {
                        break;
                    }
                }
            })?;
        Ok(Self { jobs, done })
    }

    /// Queues a comparison, to be laid out for `layout` if given.
    pub fn submit(&self, key: CompareKey, options: CompareOptions, layout: Option<PairRowsKey>) {
        // A send fails only if the thread died (a panic in the aligner); the request then stays
        // pending and the status line keeps saying so.
        let _ = self.jobs.send(Job {
            key,
            options,
            layout,
        });
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

/// A comparison to make.
#[derive(Debug)]
struct Job {
    key: CompareKey,
    options: CompareOptions,
    /// The pair, width and fold state to lay it out for (the pair on screen when asked).
    layout: Option<PairRowsKey>,
}

/// One job; fails only if the viewer has gone.
fn run(
    job: &Job,
    versions: &[Version],
    outbox: &Sender<Outcome>,
) -> Result<(), mpsc::SendError<Outcome>> {
    let key = job.key;
    let analysis = match compare_versions(versions.to_vec(), &job.options) {
        Ok(comparison) => Analysis::new(comparison),
        Err(e) => return outbox.send(Outcome::Compared(key, Err(e.to_string()))),
    };
    let layout = job
        .layout
        .filter(|l| l.base == key.base && l.ignore == key.ignore)
        .map(|l| Box::new(PairRows::build(&analysis.comparison, None, l)));
    outbox.send(Outcome::Compared(key, Ok((analysis.clone(), layout))))?;
    let presence = PresenceTable::build(&analysis.comparison);
    outbox.send(Outcome::Presence(key, Arc::new(presence)))?;
    let table = FactsTable::build(&analysis.comparison, analysis.facts(), FactRows::Divergent);
    outbox.send(Outcome::Facts(key, Arc::new(table)))
}
