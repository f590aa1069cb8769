//! The background thread that aligns versions and then analyses their facts, so the screen stays
//! live (and `q` works) while a long comparison runs. Plain `std::thread` and channels: one job
//! at a time, in request order.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use super::store::{Analysis, CompareKey};
use crate::compare_versions;
use crate::model::Version;
use crate::options::CompareOptions;

/// What the thread sends back: the key and the analysed comparison, or the error message.
pub type Outcome = (CompareKey, Result<Analysis, String>);

/// What [`Worker::poll`] found.
#[derive(Debug)]
pub enum Poll {
    /// Nothing new.
    Idle,
    /// A comparison finished.
    Done(Outcome),
    /// The thread is gone: the aligner panicked.
    Crashed,
}

/// A handle to the background thread. Dropping it ends the thread after its current job.
#[derive(Debug)]
pub struct Worker {
    jobs: Sender<(CompareKey, CompareOptions)>,
    done: Receiver<Outcome>,
}

impl Worker {
    /// Starts the thread over a shared set of versions.
    pub fn spawn(versions: Arc<Vec<Version>>) -> std::io::Result<Self> {
        let (jobs, inbox) = mpsc::channel::<(CompareKey, CompareOptions)>();
        let (outbox, done) = mpsc::channel();
        thread::Builder::new()
            .name("storydiff-align".into())
            .spawn(move || {
                for (key, options) in inbox {
                    let result = compare_versions(versions.to_vec(), &options)
                        .map(Analysis::with_facts)
                        .map_err(|e| e.to_string());
                    if outbox.send((key, result)).is_err() {
                        break;
                    }
                }
            })?;
        Ok(Self { jobs, done })
    }

    /// Queues a comparison.
    pub fn submit(&self, key: CompareKey, options: CompareOptions) {
        // A send fails only if the thread died (a panic in the aligner); the request then stays
        // pending and the status line keeps saying so.
        let _ = self.jobs.send((key, options));
    }

    /// A finished comparison, if one is waiting.
    #[must_use]
    pub fn poll(&self) -> Poll {
        match self.done.try_recv() {
            Ok(outcome) => Poll::Done(outcome),
            Err(TryRecvError::Empty) => Poll::Idle,
            Err(TryRecvError::Disconnected) => Poll::Crashed,
        }
    }
}
