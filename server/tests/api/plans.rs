//! Recurring plans: the generator books each day of the rule over the horizon once, however
//! often and however concurrently it runs; a day that does not fit is flagged, never
//! dropped; customers skip a day, pause and resume; the worker keeps itself scheduled.

use crate::availability::business;
use crate::booking::{ana, anas_home};
use crate::helpers::{TestApp, next_weekday, spawn_app};
use doorstep::ids::{PlanRef, ServiceRef};
use doorstep::recurrence::{Frequency, Recurrence};
use doorstep::services::plans::{self, Generated, PlanDraft, PlanError};
use doorstep::store::audit::RequestOrigin;
use jiff::Timestamp;
use jiff::civil::{Date, Weekday};

pub async fn weekly_plan(app: &TestApp, window_start_min: u16) -> (PlanRef, Generated, Date) {
    let settings = business(app).await;
    let tz = settings.time_zone.zone();
    let (_, home) = anas_home(app).await;
    let starts = next_weekday(&tz, Weekday::Tuesday);
    let draft = PlanDraft {
        location: home,
        service: ServiceRef::from_id(1),
        recurrence: Recurrence {
            frequency: Frequency::Weeks { weeks: 1 },
            starts,
            ends: None,
        },
        window_start_min,
        notes: Some("Key under the mat".into()),
    };
    let (plan, generated) = plans::create(
        &app.store,
        &settings,
        &ana(app).await,
        &draft,
        &RequestOrigin::default(),
    )
    .await
    .expect("plan");
    (plan, generated, starts)
}

/// (day, state, visit status, window start) of the plan's rows.
async fn days(app: &TestApp, plan: PlanRef) -> Vec<(String, String, Option<String>, Option<i64>)> {
    sqlx::query_as(
        "SELECT d.day, d.state, j.status, j.window_start FROM plan_days d \
         LEFT JOIN jobs j ON j.id = d.job_id WHERE d.plan_id = $1 ORDER BY d.day",
    )
    .bind(plan.id())
    .fetch_all(app.store.pool())
    .await
    .expect("days")
}

/// The plan's visits still standing (the test plans' visits carry this note).
const STANDING: &str =
    "SELECT COUNT(*) FROM jobs WHERE notes = 'Key under the mat' AND status <> 'cancelled'";

async fn count(app: &TestApp, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql)
        .fetch_one(app.store.pool())
        .await
        .expect("count");
    n
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_weekly_plan_books_each_day_of_the_horizon_once_however_often_it_runs() {
    let app = spawn_app().await;
    let settings = business(&app).await;
    let tz = settings.time_zone.zone();
    let (plan, first, starts) = weekly_plan(&app, 14 * 60).await;
    // Every Tuesday from the start to the horizon (30 days) has a row: booked or flagged.
    let horizon = Timestamp::now()
        .to_zoned(tz.clone())
        .date()
        .checked_add(jiff::Span::new().days(30))
        .expect("date");
    let rule = Recurrence {
        frequency: Frequency::Weeks { weeks: 1 },
        starts,
        ends: None,
    };
    let expected: Vec<String> = rule
        .days(starts, horizon)
        .iter()
        .map(ToString::to_string)
        .collect();
    let rows = days(&app, plan).await;
    assert_eq!(
        rows.iter().map(|r| r.0.clone()).collect::<Vec<_>>(),
        expected
    );
    // (The server's own worker may have generated some of them first: count the rows.)
    let booked = rows.iter().filter(|r| r.1 == "booked").count();
    assert!(booked >= 2, "{first:?} {rows:?}");
    for (day, state, status, window) in &rows {
        if state == "booked" {
            assert_eq!(status.as_deref(), Some("scheduled"), "{day}");
            let local = Timestamp::from_second(window.expect("window"))
                .expect("time")
                .to_zoned(tz.clone());
            assert_eq!((local.date().to_string(), local.hour()), (day.clone(), 14));
        }
    }
    let jobs_before = count(&app, "SELECT COUNT(*) FROM jobs").await;

    // Again, and twice at once: nothing new.
    let now = Timestamp::now();
    let again = plans::generate(&app.store, &settings, plan.id(), now)
        .await
        .expect("again");
    assert_eq!(again, Generated::default());
    let (a, b) = tokio::join!(
        plans::generate_all(&app.store, &settings, now),
        plans::generate_all(&app.store, &settings, now),
    );
    assert_eq!(a.expect("a"), Generated::default());
    assert_eq!(b.expect("b"), Generated::default());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM jobs").await, jobs_before);
    assert_eq!(days(&app, plan).await, rows);

    // The visits carry the plan's notes; each booking is in the trail, naming the plan.
    let notes = count(
        &app,
        "SELECT COUNT(*) FROM jobs WHERE notes = 'Key under the mat'",
    )
    .await;
    assert_eq!(usize::try_from(notes).expect("n"), booked);
    let audited = count(
        &app,
        &format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'visit_booked' AND detail LIKE '%{plan}'"
        ),
    )
    .await;
    assert_eq!(usize::try_from(audited).expect("n"), booked);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_generators_racing_on_fresh_days_book_each_day_once() {
    let app = spawn_app().await;
    let settings = business(&app).await;
    // The plan exists, its days do not yet: forget them and race two runs over them (and
    // the server's own worker, should it wake).
    let (plan, _, _) = weekly_plan(&app, 14 * 60).await;
    let before = days(&app, plan).await;
    app.execute("UPDATE jobs SET status = 'cancelled' WHERE id IN (SELECT job_id FROM plan_days)")
        .await;
    app.execute("DELETE FROM plan_days").await;
    let now = Timestamp::now();
    let (a, b) = tokio::join!(
        plans::generate(&app.store, &settings, plan.id(), now),
        plans::generate(&app.store, &settings, plan.id(), now),
    );
    let (a, b) = (a.expect("a"), b.expect("b"));
    let after = days(&app, plan).await;
    let states = |rows: &[(String, String, Option<String>, Option<i64>)]| {
        rows.iter()
            .map(|r| (r.0.clone(), r.1.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(states(&after), states(&before), "{a:?} {b:?}");
    let booked = after.iter().filter(|r| r.1 == "booked").count();
    assert!(a.booked + b.booked <= booked);
    let open = count(&app, STANDING).await;
    assert_eq!(usize::try_from(open).expect("n"), booked, "one visit a day");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_window_nobody_can_keep_is_flagged_for_the_office_not_dropped() {
    let app = spawn_app().await;
    // Nobody works at three in the morning.
    let (plan, generated, _) = weekly_plan(&app, 3 * 60).await;
    assert_eq!(generated.booked, 0);
    let rows = days(&app, plan).await;
    assert!(rows.len() >= 4, "{rows:?}");
    assert!(rows.iter().all(|r| r.1 == "misfit"), "{rows:?}");
    let flagged = count(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'plan_day_misfit'",
    )
    .await;
    assert_eq!(
        usize::try_from(flagged).expect("n"),
        rows.len(),
        "each flagged once"
    );
    let mut conn = app.store.conn().await.expect("conn");
    let listed = doorstep::store::plans::misfits(&mut conn, "2000-01-01")
        .await
        .expect("misfits");
    assert_eq!(listed.len(), rows.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn customers_skip_a_day_pause_and_resume() {
    let app = spawn_app().await;
    let settings = business(&app).await;
    let ana = ana(&app).await;
    let origin = RequestOrigin::default();
    let (plan, _, starts) = weekly_plan(&app, 14 * 60).await;
    let booked: Vec<String> = days(&app, plan)
        .await
        .into_iter()
        .filter(|r| r.1 == "booked")
        .map(|r| r.0)
        .collect();
    assert!(booked.len() >= 2);

    // Skip the first booked day: its visit is cancelled and the day stays skipped.
    let first: Date = booked[0].parse().expect("day");
    plans::skip(&app.store, &settings, &ana, plan, first, &origin)
        .await
        .expect("skip");
    let rows = days(&app, plan).await;
    let row = rows.iter().find(|r| r.0 == booked[0]).expect("row");
    assert_eq!(
        (row.1.as_str(), row.2.as_deref()),
        ("skipped", Some("cancelled"))
    );
    plans::generate(&app.store, &settings, plan.id(), Timestamp::now())
        .await
        .expect("generate");
    assert_eq!(
        days(&app, plan).await,
        rows,
        "a skipped day is not booked again"
    );
    // A day the plan does not have, and someone else's plan: refused.
    let wednesday = starts.tomorrow().expect("day");
    assert!(matches!(
        plans::skip(&app.store, &settings, &ana, plan, wednesday, &origin).await,
        Err(PlanError::NotADay)
    ));
    let mut stranger = ana.clone();
    stranger.account = Some(doorstep::ids::AccountRef::from_id(999));
    assert!(matches!(
        plans::skip(&app.store, &settings, &stranger, plan, first, &origin).await,
        Err(PlanError::NotFound)
    ));

    // Pause past the second booked day: its visit is cancelled, its day forgotten.
    let second: Date = booked[1].parse().expect("day");
    let until = second.tomorrow().expect("day");
    let kept = plans::pause(&app.store, &settings, &ana, plan, until, &origin)
        .await
        .expect("pause");
    assert!(kept.is_empty());
    let paused = days(&app, plan).await;
    assert!(!paused.iter().any(|r| r.0 == booked[1]), "{paused:?}");
    plans::generate(&app.store, &settings, plan.id(), Timestamp::now())
        .await
        .expect("generate");
    assert!(
        !days(&app, plan).await.iter().any(|r| r.0 == booked[1]),
        "nothing inside the pause"
    );

    // Resume: the second day is booked again; the skipped one stays skipped.
    plans::resume(&app.store, &settings, &ana, plan, &origin)
        .await
        .expect("resume");
    let rows = days(&app, plan).await;
    assert!(rows.iter().any(|r| r.0 == booked[1]));
    assert_eq!(
        rows.iter().find(|r| r.0 == booked[0]).map(|r| r.1.as_str()),
        Some("skipped")
    );
    let actions = count(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action IN \
         ('plan_created', 'plan_day_skipped', 'plan_paused', 'plan_resumed')",
    )
    .await;
    assert_eq!(actions, 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_worker_generates_plans_and_keeps_its_next_run_written() {
    let app = spawn_app().await;
    let pending =
        "SELECT COUNT(*) FROM background_tasks WHERE kind = 'plans.generate' AND state = 'pending'";
    // The server wrote a run when it started, due at once; once it ran, the next is
    // pending, and asking again adds none.
    let due = format!(
        "{pending} AND run_at <= {}",
        Timestamp::now().as_second() + 60
    );
    let written = "SELECT COUNT(*) FROM background_tasks WHERE kind = 'plans.generate'";
    let mut waited = 0;
    while count(&app, written).await == 0 || count(&app, &due).await > 0 {
        app.tasks.run_once().await.expect("run");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        waited += 1;
        assert!(waited < 100, "the first run never ran");
    }
    assert_eq!(count(&app, pending).await, 1);
    plans::schedule_generator(&app.store)
        .await
        .expect("schedule");
    assert_eq!(count(&app, pending).await, 1, "one run is enough");
    let (plan, _, _) = weekly_plan(&app, 14 * 60).await;
    // As if the plan had been set up before its days came into the horizon, and the next
    // run were due now.
    app.execute("DELETE FROM plan_days").await;
    app.execute("UPDATE jobs SET status = 'cancelled' WHERE notes = 'Key under the mat'")
        .await;
    app.execute("UPDATE background_tasks SET run_at = 0 WHERE kind = 'plans.generate' AND state = 'pending'")
        .await;
    let mut waited = 0;
    while days(&app, plan).await.is_empty() {
        app.tasks.run_once().await.expect("run");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        waited += 1;
        assert!(waited < 100, "the worker never generated the plan");
    }
    // The next run is written, hours from now, once.
    let mut waited = 0;
    loop {
        let (n, run_at): (i64, Option<i64>) = sqlx::query_as(
            "SELECT COUNT(*), MIN(run_at) FROM background_tasks \
             WHERE kind = 'plans.generate' AND state = 'pending'",
        )
        .fetch_one(app.store.pool())
        .await
        .expect("next");
        if n == 1 && run_at.is_some_and(|at| at > Timestamp::now().as_second() + 3600) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        waited += 1;
        assert!(waited < 100, "{n} runs pending, first at {run_at:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plan_page_lists_its_days_and_only_its_account_reads_it() {
    use doorstep::dto::plans::PlanDayState;
    use doorstep::locale::Locale;
    use doorstep::services::plan_views;
    let app = spawn_app().await;
    let settings = business(&app).await;
    let ana = ana(&app).await;
    let (plan, _, _) = weekly_plan(&app, 14 * 60).await;
    let list = plan_views::list(&app.store, &settings, &ana, Locale::En)
        .await
        .expect("list");
    assert_eq!(list.len(), 1);
    assert!(list[0].active && list[0].next.is_some(), "{list:?}");
    assert_eq!(list[0].window_start_min, 14 * 60);
    let detail = plan_views::detail(&app.store, &settings, &ana, plan, Locale::En)
        .await
        .expect("detail");
    let booked: Vec<_> = detail
        .days
        .iter()
        .filter(|d| d.state == PlanDayState::Booked)
        .collect();
    assert!(booked.len() >= 2, "{:?}", detail.days);
    assert!(
        booked
            .iter()
            .all(|d| d.visit.is_some() && d.window.is_some())
    );
    // A few days past the horizon are listed, to skip before they are booked.
    let later = detail
        .days
        .iter()
        .filter(|d| d.state == PlanDayState::Later)
        .count();
    assert!(
        (1..=plan_views::LATER_DAYS + 1).contains(&later),
        "{:?}",
        detail.days
    );
    let mut days: Vec<&str> = detail.days.iter().map(|d| d.day.as_str()).collect();
    days.dedup();
    assert_eq!(days.len(), detail.days.len(), "each day once");

    // Someone of another account reads nothing of it.
    let mut stranger = ana.clone();
    stranger.account = Some(doorstep::ids::AccountRef::from_id(999));
    assert!(matches!(
        plan_views::detail(&app.store, &settings, &stranger, plan, Locale::En).await,
        Err(PlanError::NotFound)
    ));
    assert!(
        plan_views::list(&app.store, &settings, &stranger, Locale::En)
            .await
            .expect("list")
            .is_empty()
    );
}

/// (day, visit id, visit status) of the plan's booked days.
async fn visits_by_day(app: &TestApp, plan: PlanRef) -> Vec<(String, i64, String)> {
    sqlx::query_as(
        "SELECT d.day, j.id, j.status FROM plan_days d JOIN jobs j ON j.id = d.job_id \
         WHERE d.plan_id = $1 ORDER BY d.day, j.id",
    )
    .bind(plan.id())
    .fetch_all(app.store.pool())
    .await
    .expect("visits")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_rhythm_keeps_the_visits_it_still_wants_and_cancels_the_others() {
    use doorstep::services::plan_edits;
    use std::collections::BTreeSet;
    let app = spawn_app().await;
    let settings = business(&app).await;
    let tz = settings.time_zone.zone();
    let ana = ana(&app).await;
    let origin = RequestOrigin::default();
    let (plan, _, starts) = weekly_plan(&app, 14 * 60).await;
    let horizon = Timestamp::now()
        .to_zoned(tz)
        .date()
        .checked_add(jiff::Span::new().days(30))
        .expect("date");
    // Weekly, then every other week from the same Tuesday, then monthly on its weekday.
    for frequency in [
        Frequency::Weeks { weeks: 2 },
        Frequency::parse("monthly_weekday", starts).expect("monthly"),
    ] {
        let before = visits_by_day(&app, plan).await;
        let rule = Recurrence {
            frequency,
            starts,
            ends: None,
        };
        let wanted: BTreeSet<String> = rule
            .days(starts, horizon)
            .iter()
            .map(ToString::to_string)
            .collect();
        let changed = plan_edits::change(&app.store, &settings, &ana, plan, rule, 14 * 60, &origin)
            .await
            .expect("change");
        assert!(changed.kept.is_empty(), "{changed:?}");
        let after = visits_by_day(&app, plan).await;
        let standing: Vec<_> = after.iter().filter(|v| v.2 != "cancelled").collect();
        assert!(!standing.is_empty(), "{frequency:?} {after:?}");
        for (day, _, _) in &standing {
            assert!(
                wanted.contains(day),
                "{frequency:?}: {day} stands, {wanted:?}"
            );
        }
        for (day, id, status) in before.iter().filter(|v| v.2 != "cancelled") {
            // (A dropped day's row goes; its visit stays, cancelled.)
            let (now,): (String,) = sqlx::query_as("SELECT status FROM jobs WHERE id = $1")
                .bind(id)
                .fetch_one(app.store.pool())
                .await
                .expect("visit");
            if wanted.contains(day) {
                // A day the new rule keeps, at the same time: the very same visit stands.
                assert_eq!(now, status.as_str(), "{frequency:?} {day}");
            } else {
                assert_eq!(now, "cancelled", "{frequency:?} {day}");
            }
        }
        let open = count(&app, STANDING).await;
        assert_eq!(
            usize::try_from(open).expect("n"),
            standing.len(),
            "no stray visit"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changing_the_time_moves_the_visits_and_ending_cancels_them() {
    use doorstep::services::plan_edits;
    let app = spawn_app().await;
    let settings = business(&app).await;
    let tz = settings.time_zone.zone();
    let ana = ana(&app).await;
    let origin = RequestOrigin::default();
    let (plan, _, starts) = weekly_plan(&app, 14 * 60).await;
    let before = days(&app, plan).await;
    let booked_before = before.iter().filter(|r| r.1 == "booked").count();
    assert!(booked_before >= 2);

    // Same rhythm, ten in the morning: every visit ahead is booked again at ten.
    let rule = Recurrence {
        frequency: Frequency::Weeks { weeks: 1 },
        starts,
        ends: None,
    };
    let changed = plan_edits::change(&app.store, &settings, &ana, plan, rule, 10 * 60, &origin)
        .await
        .expect("change");
    assert!(changed.kept.is_empty(), "{changed:?}");
    let after = days(&app, plan).await;
    let booked: Vec<_> = after.iter().filter(|r| r.1 == "booked").collect();
    assert!(!booked.is_empty(), "{after:?}");
    for (day, _, status, window) in &booked {
        assert_eq!(status.as_deref(), Some("scheduled"), "{day}");
        let local = Timestamp::from_second(window.expect("window"))
            .expect("time")
            .to_zoned(tz.clone());
        assert_eq!((local.date().to_string(), local.hour()), (day.clone(), 10));
    }
    let open = count(&app, STANDING).await;
    assert_eq!(
        usize::try_from(open).expect("n"),
        booked.len(),
        "no visit twice"
    );

    // Changing nothing keeps every visit as it is.
    let rule_again = Recurrence {
        frequency: Frequency::Weeks { weeks: 1 },
        starts,
        ends: None,
    };
    plan_edits::change(
        &app.store,
        &settings,
        &ana,
        plan,
        rule_again,
        10 * 60,
        &origin,
    )
    .await
    .expect("change again");
    assert_eq!(days(&app, plan).await, after);

    // Ending: the visits ahead are cancelled, nothing more is booked, and it is final.
    let kept = plan_edits::end(&app.store, &settings, &ana, plan, &origin)
        .await
        .expect("end");
    assert!(kept.is_empty());
    let open = count(&app, STANDING).await;
    assert_eq!(open, 0);
    let generated = plans::generate(&app.store, &settings, plan.id(), Timestamp::now())
        .await
        .expect("generate");
    assert_eq!(generated, Generated::default());
    assert!(matches!(
        plan_edits::end(&app.store, &settings, &ana, plan, &origin).await,
        Err(PlanError::Ended)
    ));
    let actions = count(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action IN ('plan_changed', 'plan_ended')",
    )
    .await;
    assert_eq!(actions, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_generator_that_read_the_plan_before_a_change_books_nothing_at_the_old_time() {
    use doorstep::services::booking::{self, BookingError, BookingRequest, PlanDay};
    use doorstep::services::plan_edits;
    use doorstep::store::StoreError;
    let app = spawn_app().await;
    let settings = business(&app).await;
    let tz = settings.time_zone.zone();
    let ana = ana(&app).await;
    let (plan, _, starts) = weekly_plan(&app, 14 * 60).await;
    // What a run read before the change: the plan at its first revision, a day to book.
    let stale = {
        let mut conn = app.store.conn().await.expect("conn");
        doorstep::store::plans::get(&mut conn, plan.id())
            .await
            .expect("read")
            .expect("plan")
    };
    let rule = Recurrence {
        frequency: Frequency::Weeks { weeks: 1 },
        starts,
        ends: None,
    };
    plan_edits::change(
        &app.store,
        &settings,
        &ana,
        plan,
        rule,
        10 * 60,
        &RequestOrigin::default(),
    )
    .await
    .expect("change");
    // The change's own run has not reached a day it booked yet: its row is forgotten.
    let (day, ..) = days(&app, plan)
        .await
        .into_iter()
        .find(|r| r.1 == "booked")
        .expect("a booked day");
    app.execute(&format!(
        "UPDATE jobs SET status = 'cancelled' WHERE id IN \
         (SELECT job_id FROM plan_days WHERE day = '{day}')"
    ))
    .await;
    app.execute(&format!("DELETE FROM plan_days WHERE day = '{day}'"))
        .await;
    let date: Date = day.parse().expect("day");
    let old_time = date
        .at(14, 0, 0, 0)
        .to_zoned(tz.clone())
        .expect("zoned")
        .timestamp();
    let (account, location) = anas_home(&app).await;
    let stale_booking = booking::book(
        &app.store,
        &settings,
        &BookingRequest {
            account,
            location,
            service: doorstep::services::availability::ServiceKey::Id(stale.service_id),
            window_start: old_time,
            notes: stale.notes.as_deref(),
            now: Timestamp::now(),
            by: &ana,
            notify: None,
            replaces: None,
            plan_day: Some(PlanDay {
                plan: plan.id(),
                day: &day,
                revision: stale.revision,
            }),
            for_request: None,
            origin: &RequestOrigin::default(),
        },
    )
    .await;
    assert!(
        matches!(
            stale_booking,
            Err(BookingError::Store(StoreError::Conflict(_)))
        ),
        "{stale_booking:?}"
    );
    // Nothing was written for the day; the next run books it at the new time.
    assert!(!days(&app, plan).await.iter().any(|r| r.0 == day));
    plans::generate(&app.store, &settings, plan.id(), Timestamp::now())
        .await
        .expect("generate");
    let row = days(&app, plan)
        .await
        .into_iter()
        .find(|r| r.0 == day)
        .expect("booked again");
    let local = Timestamp::from_second(row.3.unwrap_or_else(|| panic!("{row:?}")))
        .expect("time")
        .to_zoned(tz);
    assert_eq!((row.1.as_str(), local.hour()), ("booked", 10));
}

/// Any rule, any preferred time, the generator run again (twice at once, then once more)
/// after the plan is set up: the days and their visits stay exactly as the first run left
/// them, and each booked day has one standing visit.
mod generation_is_idempotent {
    use super::*;
    use proptest::prelude::*;

    fn any_frequency() -> impl Strategy<Value = Frequency> {
        prop_oneof![
            prop::sample::select(vec![1u8, 2, 4]).prop_map(|weeks| Frequency::Weeks { weeks }),
            (1u8..=31).prop_map(|day| Frequency::MonthDay { day }),
            (prop::sample::select(vec![1i8, 2, 3, 4, -1]), 1u8..=7)
                .prop_map(|(nth, weekday)| Frequency::NthWeekday { nth, weekday }),
        ]
    }

    async fn case(frequency: Frequency, days_ahead: i64, window_start_min: u16) {
        let app = spawn_app().await;
        let settings = business(&app).await;
        let (_, home) = anas_home(&app).await;
        let starts = Timestamp::now()
            .to_zoned(settings.time_zone.zone())
            .date()
            .checked_add(jiff::Span::new().days(days_ahead))
            .expect("date");
        let draft = PlanDraft {
            location: home,
            service: ServiceRef::from_id(1),
            recurrence: Recurrence {
                frequency,
                starts,
                ends: None,
            },
            window_start_min,
            notes: Some("Key under the mat".into()),
        };
        let (plan, first) = plans::create(
            &app.store,
            &settings,
            &ana(&app).await,
            &draft,
            &RequestOrigin::default(),
        )
        .await
        .expect("plan");
        let before = days(&app, plan).await;
        let now = Timestamp::now();
        let (a, b) = tokio::join!(
            plans::generate(&app.store, &settings, plan.id(), now),
            plans::generate(&app.store, &settings, plan.id(), now),
        );
        let c = plans::generate(&app.store, &settings, plan.id(), now).await;
        for run in [a, b, c] {
            assert_eq!(run.expect("run"), Generated::default(), "{first:?}");
        }
        assert_eq!(days(&app, plan).await, before);
        let booked = before.iter().filter(|d| d.1 == "booked").count();
        // The server's own worker may have booked some days first; none is booked twice.
        assert!(booked >= first.booked, "{first:?} {before:?}");
        let standing = count(&app, STANDING).await;
        assert_eq!(usize::try_from(standing).expect("n"), booked);
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 10,
            max_shrink_iters: 16,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn for_any_rule_and_time(
            frequency in any_frequency(),
            days_ahead in 3i64..40,
            window_start_min in prop::sample::select(vec![3 * 60, 8 * 60, 10 * 60 + 30, 14 * 60]),
        ) {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(case(frequency, days_ahead, window_start_min));
        }
    }
}
