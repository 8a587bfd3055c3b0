//! The scheduling engine under load: a 14-day search for one service with 10, 50 and 200
//! technicians, each with 6 jobs a day. Measured three ways: the engine alone on data in
//! memory, loading that data from SQLite through the store, and the whole path from the
//! database to windows. `make bench` prints the medians and their ratios.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use doorstep::brand::Business;
use doorstep::password::PasswordHash;
use doorstep::scheduling::{self, GeoPoint, Request};
use doorstep::services::availability::{Query, ServiceKey, find_windows, snapshot};
use doorstep::services::demo::demo_business;
use doorstep::store::scheduling::{
    NewJob, NewTechnician, insert_hours, insert_job, insert_service, insert_technician,
};
use doorstep::store::{Store, accounts, business, users};
use jiff::Timestamp;
use jiff::civil::Date;
use std::hint::black_box;
use std::time::Duration;

const SIZES: [usize; 3] = [10, 50, 200];
const DAYS: u16 = 14;
/// Six 45-minute jobs a working day, leaving room before lunch and at the end of the day.
const JOB_STARTS_MIN: [i64; 6] = [450, 540, 630, 780, 870, 960];
const FROM: &str = "2026-12-01";
const NOW: &str = "2026-11-30T06:00:00Z";
const CENTRE: (f64, f64) = (52.52, 13.405);

/// A small deterministic spread of places around the centre (no RNG: same data each run).
fn place(i: usize) -> (f64, f64) {
    let a = (i as f64) * 2.399_963; // golden angle
    let r = 0.12 * ((i % 97) as f64 / 97.0).sqrt();
    (CENTRE.0 + r * a.sin(), CENTRE.1 + 1.6 * r * a.cos())
}

/// A database with `n` technicians working 07:00–19:00 Monday to Saturday and six jobs a
/// working day each over the searched fortnight; the service takes an hour.
async fn seed(n: usize) -> (Store, Business, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let store = Store::connect(&url, 4).await.expect("connect");
    store.migrate().await.expect("migrate");
    let settings = demo_business().expect("settings");
    let now = Timestamp::now().as_second();
    let hash = PasswordHash::from_stored("$argon2id$unused-in-benchmarks".into());
    let tz = settings.time_zone.zone();
    let mut tx = store.begin().await.expect("tx");
    business::save(&mut tx, &settings, now)
        .await
        .expect("settings");
    let service = insert_service(
        &mut tx,
        "Standard clean",
        "cleaning",
        90,
        15,
        &["cleaning"],
        now,
    )
    .await
    .expect("service");
    let account = accounts::insert(&mut tx, "Bench", doorstep::dto::AccountKind::Company, now)
        .await
        .expect("account");
    let mut locations = Vec::new();
    for i in 0..200 {
        let (lat, lng) = place(i);
        let loc = accounts::NewLocation {
            label: "Site",
            line1: "Street 1",
            line2: None,
            postal_code: "10115",
            city: "Berlin",
            country: "DE",
            latitude: Some(lat),
            longitude: Some(lng),
            access_notes: None,
        };
        locations.push(
            accounts::insert_location(&mut tx, account, &loc, now)
                .await
                .expect("location"),
        );
    }
    let from: Date = FROM.parse().expect("date");
    for t in 0..n {
        let email = format!("tech{t}@bench.example");
        let user = users::NewUser {
            email: &email,
            name: "Bench tech",
            password_hash: &hash,
            locale: None,
            created_at: now,
            verified_at: Some(now),
        };
        let id = users::insert(&mut tx, &user).await.expect("user");
        let home = place(1000 + t);
        insert_technician(
            &mut tx,
            &NewTechnician {
                user_id: id,
                skills: &["cleaning"],
                home,
                radius_km: Some(30.0),
                postal_codes: &[],
            },
        )
        .await
        .expect("technician");
        for weekday in 1..=6 {
            insert_hours(&mut tx, id, weekday, 7 * 60, 19 * 60)
                .await
                .expect("hours");
        }
        for day in 0..i32::from(DAYS) {
            let date = from.checked_add(jiff::Span::new().days(day)).expect("date");
            if date.weekday().to_monday_one_offset() == 7 {
                continue;
            }
            for (k, start_min) in JOB_STARTS_MIN.into_iter().enumerate() {
                let local = date.at(
                    i8::try_from(start_min / 60).expect("h"),
                    i8::try_from(start_min % 60).expect("m"),
                    0,
                    0,
                );
                let start = local
                    .to_zoned(tz.clone())
                    .expect("zoned")
                    .timestamp()
                    .as_second();
                let job = NewJob {
                    account_id: account,
                    location_id: locations
                        [(t * 7 + usize::try_from(day).expect("day") * 3 + k) % locations.len()],
                    service_id: service,
                    technician_id: Some(id),
                    status: "assigned",
                    planned_start: start,
                    planned_end: start + 45 * 60,
                    window: None,
                    notes: None,
                    booked_by: None,
                };
                insert_job(&mut tx, &job, now).await.expect("job");
            }
        }
    }
    tx.commit().await.expect("commit");
    (store, settings, dir)
}

fn benches(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let customer = GeoPoint::new(52.5386, 13.4105).expect("point");
    let from: Date = FROM.parse().expect("date");
    let now: Timestamp = NOW.parse().expect("now");
    let mut group = c.benchmark_group("scheduling");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for n in SIZES {
        let (store, settings, _dir) = runtime.block_on(seed(n));
        let snap = runtime
            .block_on(snapshot(
                &store,
                &settings,
                ServiceKey::from("Standard clean"),
                from,
                DAYS,
            ))
            .expect("snapshot");
        assert_eq!(snap.technicians.len(), n);
        let request = Request {
            service: &snap.service,
            at: customer,
            postal_code: None,
            from,
            days: DAYS,
            now,
        };
        let windows = scheduling::search(&request, &snap.technicians, &snap.jobs, &snap.rules);
        assert!(!windows.is_empty(), "the benchmark must find windows");

        group.bench_with_input(BenchmarkId::new("engine", n), &n, |b, _| {
            b.iter(|| {
                black_box(scheduling::search(
                    &request,
                    &snap.technicians,
                    &snap.jobs,
                    &snap.rules,
                ))
            });
        });
        group.bench_with_input(BenchmarkId::new("load", n), &n, |b, _| {
            b.to_async(&runtime).iter(|| async {
                black_box(
                    snapshot(
                        &store,
                        &settings,
                        ServiceKey::from("Standard clean"),
                        from,
                        DAYS,
                    )
                    .await
                    .expect("load"),
                )
            });
        });
        let query = Query {
            service: ServiceKey::from("Standard clean"),
            at: customer,
            postal_code: None,
            from,
            days: DAYS,
            now,
        };
        group.bench_with_input(BenchmarkId::new("whole_path", n), &n, |b, _| {
            b.to_async(&runtime).iter(|| async {
                black_box(
                    find_windows(&store, &settings, &query)
                        .await
                        .expect("search"),
                )
            });
        });
        runtime.block_on(store.close());
    }
    group.finish();
}

criterion_group!(scheduling_benches, benches);
criterion_main!(scheduling_benches);
