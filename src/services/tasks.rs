//! The one place background work runs. A use case writes a task with
//! [`enqueue`] in its own transaction; a [`Runner`] in every server instance claims due
//! tasks with a lease, hands each to the [`TaskHandler`] for its kind, and records the end:
//! done, tried again later (growing pauses), or given up after the last attempt, loudly
//! (an error in the log, the error kept on the task).
//!
//! A handler must be safe to run again for the same task: a worker that dies after doing
//! the work but before recording it leaves the task to be claimed once its lease runs out.

use crate::services::clock;
use crate::store::tasks::{self, ClaimedTask, Ending, NewTask};
use crate::store::{Conn, Store, StoreError};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// What a handler's attempt returns when it did not succeed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TaskError {
    /// Worth another attempt (a server did not answer, a connection dropped).
    #[error("{0}")]
    Retry(String),
    /// Will never succeed (the payload is unusable): no further attempts.
    #[error("{0}")]
    Permanent(String),
}

/// The future a handler returns.
pub type TaskFuture<'a> = Pin<Box<dyn Future<Output = Result<(), TaskError>> + Send + 'a>>;

/// Does the tasks of one kind.
pub trait TaskHandler: Send + Sync {
    /// The name tasks of this kind are written with.
    fn kind(&self) -> &'static str;
    /// One attempt at a task; `attempt` counts from 1.
    fn run<'a>(&'a self, payload: &'a str, attempt: i64) -> TaskFuture<'a>;
}

/// Writes a task for `kind` with `payload`, due `after` from now; use the transaction of
/// the change that causes it, so that the task exists exactly when the change does.
pub async fn enqueue(
    conn: &mut Conn,
    kind: &str,
    payload: &str,
    after: Duration,
    max_attempts: i64,
) -> Result<i64, StoreError> {
    let now = clock::now();
    let delay = i64::try_from(after.as_secs()).unwrap_or(i64::MAX / 2);
    tasks::enqueue(
        conn,
        &NewTask {
            kind,
            payload,
            run_at: now.saturating_add(delay),
            max_attempts,
        },
        now,
    )
    .await
}

/// How a runner paces itself.
#[derive(Clone, Copy, Debug)]
pub struct RunnerSettings {
    /// How long a claimed task is this worker's; an attempt running longer is abandoned
    /// (and counts as failed) so that the lease never runs out under a live attempt.
    pub lease: Duration,
    /// How often to look for due tasks when nothing wakes the runner sooner.
    pub poll: Duration,
    /// The pause after a first failed attempt; it doubles with each further one…
    pub retry_base: Duration,
    /// …up to this.
    pub retry_max: Duration,
}

impl Default for RunnerSettings {
    fn default() -> Self {
        Self {
            lease: Duration::from_secs(120),
            poll: Duration::from_secs(5),
            retry_base: Duration::from_secs(30),
            retry_max: Duration::from_secs(3600),
        }
    }
}

impl RunnerSettings {
    /// The pause before the attempt after `attempts` failed ones.
    pub fn pause_after(&self, attempts: i64) -> Duration {
        let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
        self.retry_base
            .saturating_mul(2u32.saturating_pow(doublings))
            .min(self.retry_max)
    }
}

/// What became of one claimed task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Done {
        id: i64,
    },
    /// Failed; the next attempt is due at `at`.
    WillRetry {
        id: i64,
        error: String,
        at: i64,
    },
    GaveUp {
        id: i64,
        error: String,
    },
    /// The lease ran out before the end was recorded; another worker owns the task now.
    LostLease {
        id: i64,
    },
}

/// Claims and runs tasks for the handlers it knows.
#[derive(Clone)]
pub struct Runner {
    store: Store,
    worker: Arc<str>,
    handlers: Arc<HashMap<&'static str, Arc<dyn TaskHandler>>>,
    settings: RunnerSettings,
    wake: Arc<Notify>,
}

impl Runner {
    /// A runner named `worker` (unique per process: host and process id do).
    pub fn new(
        store: Store,
        worker: &str,
        handlers: Vec<Arc<dyn TaskHandler>>,
        settings: RunnerSettings,
    ) -> Self {
        Self {
            store,
            worker: worker.into(),
            handlers: Arc::new(handlers.into_iter().map(|h| (h.kind(), h)).collect()),
            settings,
            wake: Arc::new(Notify::new()),
        }
    }

    /// Makes a sleeping runner look for due tasks now (after enqueueing in this process).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Claims the task due first, if any, runs it and records how it ended.
    pub async fn run_once(&self) -> Result<Option<Outcome>, StoreError> {
        let now = clock::now();
        let lease = i64::try_from(self.settings.lease.as_secs()).unwrap_or(3600);
        let claimed = {
            let mut conn = self.store.conn().await?;
            tasks::claim(
                &mut conn,
                self.store.engine(),
                &self.worker,
                now,
                now + lease,
            )
            .await?
        };
        let Some(task) = claimed else {
            return Ok(None);
        };
        let result = self.attempt(&task).await;
        let now = clock::now();
        let outcome = match result {
            Ok(()) => Outcome::Done { id: task.id },
            Err(TaskError::Retry(error)) if task.attempts < task.max_attempts => {
                let pause = self.settings.pause_after(task.attempts);
                let at = now + i64::try_from(pause.as_secs()).unwrap_or(3600);
                tracing::warn!(task = task.id, kind = %task.kind, attempt = task.attempts, %error,
                    retry_in_secs = pause.as_secs(), "background task failed; will try again");
                Outcome::WillRetry {
                    id: task.id,
                    error,
                    at,
                }
            }
            Err(TaskError::Retry(error) | TaskError::Permanent(error)) => {
                tracing::error!(task = task.id, kind = %task.kind, attempts = task.attempts,
                    %error, "background task failed for good; giving up");
                Outcome::GaveUp { id: task.id, error }
            }
        };
        let ending = match &outcome {
            Outcome::WillRetry { error, at, .. } => Ending::Retry { at: *at, error },
            Outcome::GaveUp { error, .. } => Ending::Failed { error },
            Outcome::Done { .. } | Outcome::LostLease { .. } => Ending::Done,
        };
        let mut conn = self.store.conn().await?;
        if tasks::finish(&mut conn, task.id, &self.worker, &ending, now).await? {
            Ok(Some(outcome))
        } else {
            tracing::warn!(task = task.id, kind = %task.kind,
                "background task outlived its lease; another worker has it now");
            Ok(Some(Outcome::LostLease { id: task.id }))
        }
    }

    async fn attempt(&self, task: &ClaimedTask) -> Result<(), TaskError> {
        let Some(handler) = self.handlers.get(task.kind.as_str()) else {
            return Err(TaskError::Permanent(format!(
                "no handler for tasks of kind {:?}",
                task.kind
            )));
        };
        // Leave a little of the lease for recording the end.
        let limit = self.settings.lease.mul_f64(0.9);
        match tokio::time::timeout(limit, handler.run(&task.payload, task.attempts)).await {
            Ok(result) => result,
            Err(_) => Err(TaskError::Retry(format!(
                "the attempt took longer than {} s",
                limit.as_secs()
            ))),
        }
    }

    /// Runs due tasks until there are none, then waits for a wake-up or the next poll;
    /// forever (abort the task to stop it).
    pub async fn run(self) {
        loop {
            match self.run_once().await {
                Ok(Some(_)) => continue,
                Ok(None) => {}
                Err(err) => tracing::error!(%err, "background tasks could not be claimed"),
            }
            tokio::select! {
                () = self.wake.notified() => {}
                () = tokio::time::sleep(self.settings.poll) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_double_up_to_the_cap() {
        let s = RunnerSettings::default();
        assert_eq!(s.pause_after(1), Duration::from_secs(30));
        assert_eq!(s.pause_after(2), Duration::from_secs(60));
        assert_eq!(s.pause_after(4), Duration::from_secs(240));
        assert_eq!(s.pause_after(50), Duration::from_secs(3600));
        assert_eq!(s.pause_after(0), Duration::from_secs(30));
    }
}
