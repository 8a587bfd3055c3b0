//! Background tasks: written with the change that causes them, claimed by one worker at a
//! time, retried with growing pauses, taken over when a worker dies, given up loudly.
//! The database here has no server on it, so only the workers of each test claim tasks.

use crate::helpers::{TestStore, test_store};
use doorstep::services::tasks::{
    Outcome, Runner, RunnerSettings, TaskError, TaskFuture, TaskHandler, enqueue,
};
use doorstep::store::tasks;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Fails the first `failures` attempts of every task, then succeeds; counts runs per payload.
struct Flaky {
    failures: i64,
    permanent: bool,
    runs: Mutex<HashMap<String, i64>>,
}

impl Flaky {
    fn new(failures: i64) -> Arc<Self> {
        Arc::new(Self {
            failures,
            permanent: false,
            runs: Mutex::new(HashMap::new()),
        })
    }

    fn runs(&self, payload: &str) -> i64 {
        self.runs
            .lock()
            .expect("lock")
            .get(payload)
            .copied()
            .unwrap_or(0)
    }
}

impl TaskHandler for Flaky {
    fn kind(&self) -> &'static str {
        "flaky"
    }

    fn run<'a>(&'a self, payload: &'a str, attempt: i64) -> TaskFuture<'a> {
        Box::pin(async move {
            *self
                .runs
                .lock()
                .expect("lock")
                .entry(payload.to_string())
                .or_default() += 1;
            // Long enough for a second worker to try for the same task meanwhile.
            tokio::time::sleep(Duration::from_millis(5)).await;
            match (attempt <= self.failures, self.permanent) {
                (false, _) => Ok(()),
                (true, false) => Err(TaskError::Retry(format!("attempt {attempt} failed"))),
                (true, true) => Err(TaskError::Permanent("unusable payload".into())),
            }
        })
    }
}

/// Retries at once, so tests need not wait for the pauses.
fn no_pause() -> RunnerSettings {
    RunnerSettings {
        retry_base: Duration::ZERO,
        retry_max: Duration::ZERO,
        ..RunnerSettings::default()
    }
}

async fn add(app: &TestStore, payload: &str, max_attempts: i64) -> i64 {
    let mut tx = app.store.begin().await.expect("tx");
    let id = enqueue(&mut tx, "flaky", payload, Duration::ZERO, max_attempts)
        .await
        .expect("enqueue");
    tx.commit().await.expect("commit");
    id
}

async fn row(app: &TestStore, id: i64) -> tasks::TaskRow {
    let mut conn = app.store.conn().await.expect("conn");
    tasks::by_id(&mut conn, id).await.expect("task")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_task_exists_only_if_the_change_that_wrote_it_does() {
    let app = test_store().await;
    let mut tx = app.store.begin().await.expect("tx");
    enqueue(&mut tx, "flaky", "rolled back", Duration::ZERO, 3)
        .await
        .expect("enqueue");
    tx.rollback().await.expect("rollback");
    let handler = Flaky::new(0);
    let runner = Runner::new(app.store.clone(), "w1", vec![handler.clone()], no_pause());
    assert_eq!(runner.run_once().await.expect("run"), None);
    assert_eq!(handler.runs("rolled back"), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_task_is_retried_after_a_pause_then_done_once() {
    let app = test_store().await;
    let id = add(&app, "twice", 5).await;
    let handler = Flaky::new(2);
    // With the real pauses, a failed task waits before its next attempt.
    let patient = Runner::new(
        app.store.clone(),
        "w1",
        vec![handler.clone()],
        RunnerSettings::default(),
    );
    assert!(matches!(
        patient.run_once().await.expect("run"),
        Some(Outcome::WillRetry { .. })
    ));
    let waiting = row(&app, id).await;
    assert_eq!(waiting.state, "pending");
    assert!(
        waiting.run_at >= doorstep::services::clock::now() + 25,
        "{waiting:?}"
    );
    assert_eq!(waiting.last_error.as_deref(), Some("attempt 1 failed"));
    assert_eq!(patient.run_once().await.expect("run"), None, "not due yet");

    let eager = Runner::new(app.store.clone(), "w1", vec![handler.clone()], no_pause());
    app.execute(&format!(
        "UPDATE background_tasks SET run_at = 0 WHERE id = {id}"
    ))
    .await;
    assert!(matches!(
        eager.run_once().await.expect("run"),
        Some(Outcome::WillRetry { .. })
    ));
    assert_eq!(
        eager.run_once().await.expect("run"),
        Some(Outcome::Done { id })
    );
    assert_eq!(eager.run_once().await.expect("run"), None);
    assert_eq!(handler.runs("twice"), 3);
    let done = row(&app, id).await;
    assert_eq!((done.state.as_str(), done.attempts), ("done", 3));
    assert!(done.finished_at.is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_task_that_keeps_failing_is_given_up_with_its_error() {
    let app = test_store().await;
    let id = add(&app, "hopeless", 3).await;
    let handler = Flaky::new(i64::MAX);
    let runner = Runner::new(app.store.clone(), "w1", vec![handler.clone()], no_pause());
    let mut outcomes = Vec::new();
    while let Some(outcome) = runner.run_once().await.expect("run") {
        outcomes.push(outcome);
    }
    assert_eq!(outcomes.len(), 3);
    assert!(matches!(outcomes[2], Outcome::GaveUp { .. }));
    let failed = row(&app, id).await;
    assert_eq!(failed.state, "failed");
    assert_eq!(failed.last_error.as_deref(), Some("attempt 3 failed"));

    // A permanent error, or a kind nobody handles, is given up at once.
    let unknown = {
        let mut tx = app.store.begin().await.expect("tx");
        let id = enqueue(&mut tx, "nobody-does-this", "{}", Duration::ZERO, 5)
            .await
            .expect("enqueue");
        tx.commit().await.expect("commit");
        id
    };
    assert!(matches!(
        runner.run_once().await.expect("run"),
        Some(Outcome::GaveUp { id, .. }) if id == unknown
    ));
    let permanent = Arc::new(Flaky {
        failures: 1,
        permanent: true,
        runs: Mutex::new(HashMap::new()),
    });
    let id = add(&app, "broken", 5).await;
    let runner = Runner::new(app.store.clone(), "w1", vec![permanent], no_pause());
    assert!(matches!(
        runner.run_once().await.expect("run"),
        Some(Outcome::GaveUp { .. })
    ));
    assert_eq!(row(&app, id).await.attempts, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dead_workers_task_is_taken_over_when_its_lease_runs_out() {
    let app = test_store().await;
    let id = add(&app, "orphan", 3).await;
    // A worker claims it and dies before recording anything.
    {
        let mut conn = app.store.conn().await.expect("conn");
        let now = doorstep::services::clock::now();
        let claimed = tasks::claim(&mut conn, app.store.engine(), "dead", now, now + 120)
            .await
            .expect("claim");
        assert_eq!(claimed.map(|t| t.id), Some(id));
    }
    let handler = Flaky::new(0);
    let runner = Runner::new(
        app.store.clone(),
        "alive",
        vec![handler.clone()],
        no_pause(),
    );
    assert_eq!(
        runner.run_once().await.expect("run"),
        None,
        "the lease still holds"
    );
    app.execute(&format!(
        "UPDATE background_tasks SET locked_until = 1 WHERE id = {id}"
    ))
    .await;
    assert_eq!(
        runner.run_once().await.expect("run"),
        Some(Outcome::Done { id })
    );
    assert_eq!(handler.runs("orphan"), 1);
    // The dead worker, back, cannot overwrite the end another worker recorded.
    let mut conn = app.store.conn().await.expect("conn");
    let changed = tasks::finish(
        &mut conn,
        id,
        "dead",
        &tasks::Ending::Failed { error: "late" },
        doorstep::services::clock::now(),
    )
    .await
    .expect("finish");
    assert!(!changed);
    drop(conn);
    assert_eq!(row(&app, id).await.state, "done");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workers_running_side_by_side_never_run_a_task_twice() {
    let app = test_store().await;
    for n in 0..30 {
        add(&app, &format!("task {n}"), 3).await;
    }
    let handler = Flaky::new(0);
    let workers: Vec<_> = (0..3)
        .map(|w| {
            let runner = Runner::new(
                app.store.clone(),
                &format!("w{w}"),
                vec![handler.clone()],
                no_pause(),
            );
            tokio::spawn(async move {
                let mut done = 0;
                while let Some(outcome) = runner.run_once().await.expect("run") {
                    assert!(matches!(outcome, Outcome::Done { .. }), "{outcome:?}");
                    done += 1;
                }
                done
            })
        })
        .collect();
    let mut total = 0;
    for worker in workers {
        total += worker.await.expect("worker");
    }
    assert_eq!(total, 30);
    for n in 0..30 {
        assert_eq!(handler.runs(&format!("task {n}")), 1, "task {n}");
    }
}
