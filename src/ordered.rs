//! A parallel map whose results come out in input order, through a bounded reorder buffer.
//!
//! [`map`] reads items on a thread of its own, hands them to `threads` workers and passes each
//! result to a sink on the calling thread, in the order the items were read, as soon as every
//! earlier result has been passed. At most `window` items are between being read and being
//! passed on (queued, being worked on, or finished and waiting for an earlier one), so memory
//! stays flat however long the input is, and the output does not depend on the thread count.
//!
//! The reader is not joined: when the sink fails (a closed pipe) the map returns at once even
//! if the reader is blocked on input that never ends; the reader stops at its next item.

use std::collections::{BTreeMap, VecDeque};
use std::io;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

/// Where results go, in input order.
pub trait Sink<R> {
    /// Takes the next result.
    fn put(&mut self, result: R) -> io::Result<()>;
    /// Called when no further result is ready yet (a moment to flush).
    fn idle(&mut self) -> io::Result<()> {
        Ok(())
    }
}

struct State<T, R> {
    /// Read and not yet taken by a worker, with their positions.
    queue: VecDeque<(usize, T)>,
    /// Finished and waiting for an earlier result.
    ready: BTreeMap<usize, R>,
    /// Items read so far.
    read: usize,
    /// Results passed to the sink so far.
    written: usize,
    /// The reader is done (end of input, or an input error).
    input_done: bool,
    input_error: Option<io::Error>,
    /// Stop everything: the sink failed or a worker panicked.
    stop: bool,
    worker_panicked: bool,
    /// The most items ever between read and written.
    most_in_flight: usize,
}

struct Shared<T, R> {
    state: Mutex<State<T, R>>,
    changed: Condvar,
}

impl<T, R> Shared<T, R> {
    fn lock(&self) -> MutexGuard<'_, State<T, R>> {
        // No code panics while holding the lock; recover the state if one ever did.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn wait<'a>(&self, g: MutexGuard<'a, State<T, R>>) -> MutexGuard<'a, State<T, R>> {
        self.changed.wait(g).unwrap_or_else(|p| p.into_inner())
    }
}

/// How a map went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Report {
    /// Items read and results passed on.
    pub items: usize,
    /// The most items that were ever between being read and being passed on (≤ `window`).
    pub most_in_flight: usize,
}

/// Maps `items` through `work` on `threads` workers, passing results to `sink` in input order
/// with at most `window` items in flight. An input error ends the map after every item read
/// before it has been passed on; a sink error ends it at once. Either is returned.
pub fn map<T, R, I, W, S>(
    items: I,
    threads: usize,
    window: usize,
    work: &W,
    sink: &mut S,
) -> io::Result<Report>
where
    T: Send + 'static,
    R: Send + 'static,
    I: Iterator<Item = io::Result<T>> + Send + 'static,
    W: Fn(T) -> R + Sync,
    S: Sink<R> + ?Sized,
{
    let window = window.max(1);
    let shared = Arc::new(Shared {
        state: Mutex::new(State {
            queue: VecDeque::new(),
            ready: BTreeMap::new(),
            read: 0,
            written: 0,
            input_done: false,
            input_error: None,
            stop: false,
            worker_panicked: false,
            most_in_flight: 0,
        }),
        changed: Condvar::new(),
    });
    let reader = Arc::clone(&shared);
    std::thread::spawn(move || read_all(items, window, &reader));
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(|| work_all(work, &shared));
        }
        let result = write_all(sink, &shared);
        if result.is_err() {
            shared.lock().stop = true;
            shared.changed.notify_all();
        }
        result
    })
}

fn read_all<T, R, I>(items: I, window: usize, shared: &Shared<T, R>)
where
    I: Iterator<Item = io::Result<T>>,
{
    for item in items {
        let mut g = shared.lock();
        match item {
            Ok(item) => {
                while !g.stop && g.read - g.written >= window {
                    g = shared.wait(g);
                }
                if g.stop {
                    return;
                }
                let seq = g.read;
                g.queue.push_back((seq, item));
                g.read += 1;
                g.most_in_flight = g.most_in_flight.max(g.read - g.written);
            }
            Err(e) => {
                g.input_error = Some(e);
                break;
            }
        }
        drop(g);
        shared.changed.notify_all();
    }
    shared.lock().input_done = true;
    shared.changed.notify_all();
}

fn work_all<T, R, W>(work: &W, shared: &Shared<T, R>)
where
    W: Fn(T) -> R + Sync,
{
    loop {
        let (seq, item) = {
            let mut g = shared.lock();
            loop {
                if g.stop {
                    return;
                }
                if let Some(next) = g.queue.pop_front() {
                    break next;
                }
                if g.input_done {
                    return;
                }
                g = shared.wait(g);
            }
        };
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(item)));
        let mut g = shared.lock();
        match result {
            Ok(r) => {
                g.ready.insert(seq, r);
            }
            Err(_) => {
                g.worker_panicked = true;
                g.stop = true;
            }
        }
        drop(g);
        shared.changed.notify_all();
    }
}

fn write_all<T, R, S>(sink: &mut S, shared: &Shared<T, R>) -> io::Result<Report>
where
    S: Sink<R> + ?Sized,
{
    loop {
        let mut batch = Vec::new();
        {
            let mut g = shared.lock();
            loop {
                if g.worker_panicked {
                    return Err(io::Error::other("a worker stopped with an internal error"));
                }
                let next = g.written + batch.len();
                if let Some(r) = g.ready.remove(&next) {
                    batch.push(r);
                    continue;
                }
                if !batch.is_empty() {
                    break;
                }
                if g.input_done && g.written == g.read {
                    return match g.input_error.take() {
                        Some(e) => Err(e),
                        None => Ok(Report {
                            items: g.written,
                            most_in_flight: g.most_in_flight,
                        }),
                    };
                }
                g = shared.wait(g);
            }
        }
        let n = batch.len();
        for r in batch {
            sink.put(r)?;
        }
        sink.idle()?;
        shared.lock().written += n;
        shared.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    struct Collect(Vec<usize>);

    impl Sink<usize> for Collect {
        fn put(&mut self, r: usize) -> io::Result<()> {
            self.0.push(r);
            Ok(())
        }
    }

    fn slow_square(i: usize) -> usize {
        // Later items often finish first.
        std::thread::sleep(Duration::from_micros(((i * 7919) % 13) as u64 * 100));
        i * i
    }

    #[test]
    fn results_come_in_input_order_with_a_bounded_buffer() {
        for threads in [1, 2, 5] {
            let mut out = Collect(Vec::new());
            let items = (0..300).map(Ok);
            let report = map(items, threads, 8, &slow_square, &mut out).unwrap();
            assert_eq!(out.0, (0..300).map(|i| i * i).collect::<Vec<_>>());
            assert_eq!(report.items, 300);
            assert!(report.most_in_flight <= 8, "{report:?}");
        }
    }

    #[test]
    fn an_input_error_comes_after_what_was_read_before_it() {
        let mut out = Collect(Vec::new());
        let items = (0..10).map(|i| {
            if i == 6 {
                Err(io::Error::other("bad list"))
            } else {
                Ok(i)
            }
        });
        let err = map(items, 2, 4, &|i: usize| i, &mut out).unwrap_err();
        assert_eq!(err.to_string(), "bad list");
        assert_eq!(out.0, [0, 1, 2, 3, 4, 5]);
    }

    struct Closed(usize);

    impl Sink<usize> for Closed {
        fn put(&mut self, _: usize) -> io::Result<()> {
            self.0 += 1;
            if self.0 > 3 {
                return Err(io::ErrorKind::BrokenPipe.into());
            }
            Ok(())
        }
    }

    #[test]
    fn a_failing_sink_ends_the_map_even_on_endless_input() {
        let mut sink = Closed(0);
        let err = map((0..).map(Ok), 2, 16, &|i: usize| i, &mut sink).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
    }

    #[test]
    fn a_panicking_worker_ends_the_map_with_an_error() {
        let mut out = Collect(Vec::new());
        let work = |i: usize| {
            if i == 5 {
                panic!("test panic");
            }
            i
        };
        assert!(map((0..20).map(Ok), 2, 4, &work, &mut out).is_err());
        assert!(out.0.len() <= 5);
    }
}
