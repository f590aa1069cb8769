//! A parallel map over a slice on scoped std threads, one chunk per core.
//!
//! The pipeline has a few embarrassingly parallel steps (segmenting each version, aligning each
//! version to the base, word-diffing each passage). Chunked scoped threads cover them without a
//! thread-pool dependency; results come back in input order, so output stays deterministic.

use std::num::NonZeroUsize;

/// Below this many items the work is done on the calling thread.
const MIN_PARALLEL_ITEMS: usize = 64;

/// Maps `f` over `items` on up to one thread per core, keeping the order of `items`.
/// With fewer than `min_items` items (default 64) it stays on the calling thread.
pub fn map<T: Sync, R: Send>(
    items: &[T],
    min_items: Option<usize>,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    if threads < 2 || items.len() < min_items.unwrap_or(MIN_PARALLEL_ITEMS) {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_input_order() {
        let items: Vec<usize> = (0..1000).collect();
        assert_eq!(
            super::map(&items, None, |x| x * 2),
            items.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
    }

    #[test]
    fn few_items_can_still_go_parallel_when_asked() {
        assert_eq!(super::map(&[1, 2, 3], Some(2), |x| x + 1), [2, 3, 4]);
    }
}
