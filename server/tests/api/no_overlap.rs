//! Whatever customers and the office do, two at a time, a technician is never planned at two
//! places at once: random sequences of bookings, reschedules, board moves and cancellations,
//! each step two of them racing, leave no overlapping visits, and every refusal is one of
//! the named ones (taken, does not fit, too late, closed), never a store error.

use crate::availability::business;
use crate::booking::{ana, anas_home};
use crate::helpers::{TestApp, spawn_app};
use doorstep::brand::Business;
use doorstep::dto::SessionUser;
use doorstep::ids::{AccountRef, LocationRef, UserRef, VisitRef};
use doorstep::permissions::Role;
use doorstep::scheduling::GeoPoint;
use doorstep::services::availability::{Query, ServiceKey, find_windows};
use doorstep::services::board::{self, BoardError};
use doorstep::services::booking::{self, BookingError, BookingRequest};
use doorstep::services::changes::{self, ChangeError};
use doorstep::store::audit::RequestOrigin;
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

/// How many of the offered windows the operations aim at: few, so they collide.
const WINDOWS: usize = 6;

#[derive(Clone, Debug)]
enum Op {
    /// Ana books window `w`.
    Book { w: usize },
    /// Ana moves her visit `v` to window `w`.
    Reschedule { v: usize, w: usize },
    /// The dispatcher moves visit `v` to technician `t` at window `w`'s start.
    Move { v: usize, t: usize, w: usize },
    /// Ana cancels visit `v`.
    Cancel { v: usize },
}

fn op() -> impl Strategy<Value = Op> {
    let w = 0..WINDOWS;
    prop_oneof![
        3 => w.clone().prop_map(|w| Op::Book { w }),
        2 => (0..8usize, w.clone()).prop_map(|(v, w)| Op::Reschedule { v, w }),
        2 => (0..8usize, 0..4usize, w).prop_map(|(v, t, w)| Op::Move { v, t, w }),
        1 => (0..8usize).prop_map(|v| Op::Cancel { v }),
    ]
}

struct World {
    app: TestApp,
    settings: Business,
    ana: SessionUser,
    dispatcher: SessionUser,
    home: (AccountRef, LocationRef),
    windows: Vec<Timestamp>,
    technicians: Vec<UserRef>,
}

impl World {
    async fn new() -> Self {
        let app = spawn_app().await;
        let settings = business(&app).await;
        let home = anas_home(&app).await;
        let (lat, lng, postal): (f64, f64, String) =
            sqlx::query_as("SELECT latitude, longitude, postal_code FROM locations WHERE id = $1")
                .bind(home.1.id())
                .fetch_one(app.store.pool())
                .await
                .expect("home");
        // Past any notice rule and the demo's own week of jobs.
        let now = Timestamp::now();
        let from = (now + SignedDuration::from_hours(24 * 8))
            .to_zoned(settings.time_zone.zone())
            .date();
        let query = Query {
            service: ServiceKey::from("Standard clean"),
            at: GeoPoint::new(lat, lng).expect("point"),
            postal_code: Some(&postal),
            from,
            days: 5,
            now,
        };
        let (_, offered) = find_windows(&app.store, &settings, &query)
            .await
            .expect("windows");
        let windows: Vec<Timestamp> = offered.iter().take(WINDOWS).map(|w| w.start).collect();
        assert_eq!(windows.len(), WINDOWS, "enough windows to aim at");
        let technicians: Vec<(i64,)> = sqlx::query_as("SELECT user_id FROM technicians")
            .fetch_all(app.store.pool())
            .await
            .expect("technicians");
        let (dispatcher_id,): (i64,) =
            sqlx::query_as("SELECT id FROM users WHERE email = 'dispatch@example.com'")
                .fetch_one(app.store.pool())
                .await
                .expect("dispatcher");
        let ana = ana(&app).await;
        Self {
            settings,
            dispatcher: SessionUser {
                user: UserRef::from_id(dispatcher_id),
                name: "Dispatch".into(),
                email: "dispatch@example.com".into(),
                role: Role::Dispatcher,
                locale: None,
                account: None,
                unread: 0,
                unread_messages: 0,
                places: None,
                must_enrol: false,
            },
            ana,
            home,
            windows,
            technicians: technicians
                .into_iter()
                .map(|(id,)| UserRef::from_id(id))
                .collect(),
            app,
        }
    }

    /// Runs one operation; a booked visit comes back. Panics on any refusal that is not a
    /// named one.
    async fn run(&self, op: &Op, visits: &[VisitRef]) -> Option<VisitRef> {
        let origin = RequestOrigin::default();
        let now = Timestamp::now();
        let visit = |v: usize| (!visits.is_empty()).then(|| visits[v % visits.len()]);
        match *op {
            Op::Book { w } => {
                let notify = doorstep::services::mail::Recipient::from(&self.ana);
                let request = BookingRequest {
                    account: self.home.0,
                    location: self.home.1,
                    service: ServiceKey::from("Standard clean"),
                    window_start: self.windows[w],
                    notes: None,
                    now,
                    by: &self.ana,
                    notify: Some(&notify),
                    replaces: None,
                    plan_day: None,
                    for_request: None,
                    origin: &origin,
                };
                match booking::book(&self.app.store, &self.settings, &request).await {
                    Ok(booked) => return Some(booked.visit),
                    Err(BookingError::JustTaken { .. }) => {}
                    Err(other) => panic!("{op:?}: {other:?}"),
                }
            }
            Op::Reschedule { v, w } => {
                let visit = visit(v)?;
                let done = changes::reschedule(
                    &self.app.store,
                    &self.settings,
                    &self.ana,
                    visit,
                    self.windows[w],
                    now,
                    &origin,
                )
                .await;
                match done {
                    Ok(_)
                    | Err(ChangeError::Closed)
                    | Err(ChangeError::Booking(BookingError::JustTaken { .. })) => {}
                    Err(other) => panic!("{op:?}: {other:?}"),
                }
            }
            Op::Move { v, t, w } => {
                let visit = visit(v)?;
                let technician = self.technicians[t % self.technicians.len()];
                let done = board::move_visit(
                    &self.app.store,
                    &self.settings,
                    &self.dispatcher,
                    visit,
                    technician,
                    self.windows[w],
                    &origin,
                )
                .await;
                match done {
                    Ok(_) | Err(BoardError::DoesNotFit { .. }) | Err(BoardError::Closed) => {}
                    Err(other) => panic!("{op:?}: {other:?}"),
                }
            }
            Op::Cancel { v } => {
                let visit = visit(v)?;
                let done = changes::cancel(
                    &self.app.store,
                    &self.settings,
                    &self.ana,
                    visit,
                    "Plans changed",
                    now,
                    &origin,
                )
                .await;
                match done {
                    Ok(()) | Err(ChangeError::Closed) => {}
                    Err(other) => panic!("{op:?}: {other:?}"),
                }
            }
        }
        None
    }

    /// Every technician's visits that still stand, in order, do not overlap.
    async fn assert_no_overlap(&self, after: &[(Op, Op)]) {
        let rows: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT technician_id, id, planned_start, planned_end FROM jobs \
             WHERE technician_id IS NOT NULL AND status <> 'cancelled' \
             ORDER BY technician_id, planned_start, id",
        )
        .fetch_all(self.app.store.pool())
        .await
        .expect("jobs");
        for pair in rows.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            assert!(
                a.0 != b.0 || a.3 <= b.2,
                "visits {} and {} of technician {} overlap after {after:?}",
                a.1,
                b.1,
                a.0
            );
        }
    }
}

async fn sequence(steps: Vec<(Op, Op)>) {
    let world = World::new().await;
    let mut visits: Vec<VisitRef> = Vec::new();
    for (i, (first, second)) in steps.iter().enumerate() {
        let (a, b) = tokio::join!(world.run(first, &visits), world.run(second, &visits));
        visits.extend(a.into_iter().chain(b));
        world.assert_no_overlap(&steps[..=i]).await;
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 12,
        max_shrink_iters: 32,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_sequence_of_bookings_moves_and_cancellations_double_books_anyone(
        steps in prop::collection::vec((op(), op()), 4..12)
    ) {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(sequence(steps));
    }
}
