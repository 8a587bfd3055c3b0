//! Bookings committed per second by concurrent clients, each booking a different window, as a
//! share of the same engine's raw one-row insert rate measured in the same run (goal: at
//! least half). A booking here is the whole confirm path the booking page calls: the day's
//! search, the technician's lock, the re-check inside it, the visit, its timeline step, the
//! audit entry, the confirmation mail in the outbox and the reminder, in one transaction.
//!
//! SQLite always; PostgreSQL too when `DOORSTEP_TEST_POSTGRES` names a server (an admin URL:
//! the benchmark creates a database of its own there and drops it afterwards). Exits
//! non-zero when a goal is missed.

use doorstep::brand::Business;
use doorstep::dto::SessionUser;
use doorstep::ids::{AccountRef, LocationRef, UserRef};
use doorstep::password::PasswordHash;
use doorstep::permissions::Role;
use doorstep::scheduling::GeoPoint;
use doorstep::services::availability::{Query, ServiceKey, find_windows};
use doorstep::services::booking::{BookingError, BookingRequest, book};
use doorstep::services::demo::demo_business;
use doorstep::services::mail::Recipient;
use doorstep::store::audit::RequestOrigin;
use doorstep::store::scheduling::{
    NewJob, NewTechnician, insert_hours, insert_job, insert_service, insert_technician,
};
use doorstep::store::{Engine, Store, accounts, business, users};
use jiff::Timestamp;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const TECHNICIANS: usize = 50;
/// Concurrent clients, for both the bookings and the raw inserts.
const CLIENTS: usize = 8;
/// Days searched for windows to book: every client books a different one.
const DAYS: u16 = 14;
/// How long the raw inserts run.
const RAW_FOR: Duration = Duration::from_secs(3);
const GOAL_SHARE: f64 = 0.5;
const CENTRE: (f64, f64) = (52.52, 13.405);

fn place(i: usize) -> (f64, f64) {
    let a = (i as f64) * 2.399_963;
    let r = 0.12 * ((i % 97) as f64 / 97.0).sqrt();
    (CENTRE.0 + r * a.sin(), CENTRE.1 + 1.6 * r * a.cos())
}

struct Seeded {
    settings: Business,
    customer: SessionUser,
    account: AccountRef,
    location: LocationRef,
}

/// Fifty technicians working 07:00–19:00 Monday to Saturday with two jobs a day each, one
/// customer account with one place in the middle of them, and a 90-minute service.
async fn seed(store: &Store) -> Seeded {
    store.migrate().await.expect("migrate");
    let settings = demo_business().expect("settings");
    let now = Timestamp::now();
    let hash = PasswordHash::from_stored("$argon2id$unused-in-benchmarks".into());
    let tz = settings.time_zone.zone();
    let mut tx = store.begin().await.expect("tx");
    business::save(&mut tx, &settings, now.as_second())
        .await
        .expect("settings");
    let service = insert_service(
        &mut tx,
        "Standard clean",
        "cleaning",
        90,
        15,
        &["cleaning"],
        now.as_second(),
    )
    .await
    .expect("service");
    let account = accounts::insert(
        &mut tx,
        "Bench",
        doorstep::dto::AccountKind::Household,
        now.as_second(),
    )
    .await
    .expect("account");
    let location = accounts::insert_location(
        &mut tx,
        account,
        &accounts::NewLocation {
            label: "Home",
            line1: "Street 1",
            line2: None,
            postal_code: "10115",
            city: "Berlin",
            country: "DE",
            latitude: Some(CENTRE.0),
            longitude: Some(CENTRE.1),
            access_notes: None,
        },
        now.as_second(),
    )
    .await
    .expect("location");
    let owner = users::insert(
        &mut tx,
        &users::NewUser {
            email: "owner@bench.example",
            name: "Bench Owner",
            password_hash: &hash,
            locale: None,
            created_at: now.as_second(),
            verified_at: Some(now.as_second()),
        },
    )
    .await
    .expect("owner");
    accounts::add_member(
        &mut tx,
        account,
        owner,
        doorstep::dto::MemberRole::Owner,
        now.as_second(),
    )
    .await
    .expect("membership");
    let today = now.to_zoned(tz.clone()).date();
    for t in 0..TECHNICIANS {
        let email = format!("tech{t}@bench.example");
        let id = users::insert(
            &mut tx,
            &users::NewUser {
                email: &email,
                name: "Bench Tech",
                password_hash: &hash,
                locale: None,
                created_at: now.as_second(),
                verified_at: Some(now.as_second()),
            },
        )
        .await
        .expect("user");
        insert_technician(
            &mut tx,
            &NewTechnician {
                user_id: id,
                skills: &["cleaning"],
                home: place(1000 + t),
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
        for day in 0..i32::from(DAYS) + 2 {
            let date = today
                .checked_add(jiff::Span::new().days(day))
                .expect("date");
            for start_min in [8 * 60, 15 * 60] {
                let start = date
                    .at(i8::try_from(start_min / 60).expect("hour"), 0, 0, 0)
                    .to_zoned(tz.clone())
                    .expect("zoned")
                    .timestamp()
                    .as_second();
                let job = NewJob {
                    account_id: account,
                    location_id: location,
                    service_id: service,
                    technician_id: Some(id),
                    status: "assigned",
                    planned_start: start,
                    planned_end: start + 60 * 60,
                    window: None,
                    notes: None,
                    booked_by: None,
                };
                insert_job(&mut tx, &job, now.as_second())
                    .await
                    .expect("job");
            }
        }
    }
    tx.commit().await.expect("commit");
    Seeded {
        customer: SessionUser {
            user: UserRef::from_id(owner),
            name: "Bench Owner".into(),
            email: "owner@bench.example".into(),
            role: Role::AccountOwner,
            locale: None,
            account: Some(AccountRef::from_id(account)),
            unread: 0,
            unread_messages: 0,
            places: None,
            must_enrol: false,
        },
        settings,
        account: AccountRef::from_id(account),
        location: LocationRef::from_id(location),
    }
}

struct Run {
    bookings: usize,
    taken: usize,
    bookings_per_s: f64,
    raw_per_s: f64,
}

async fn measure(store: Store) -> Run {
    let seeded = Arc::new(seed(&store).await);
    let now = Timestamp::now();
    let query = Query {
        service: ServiceKey::from("Standard clean"),
        at: GeoPoint::new(CENTRE.0, CENTRE.1).expect("point"),
        postal_code: Some("10115"),
        from: now.to_zoned(seeded.settings.time_zone.zone()).date(),
        days: DAYS,
        now,
    };
    let (_, windows) = find_windows(&store, &seeded.settings, &query)
        .await
        .expect("windows");
    assert!(
        windows.len() >= CLIENTS * 10,
        "too few windows to book: {}",
        windows.len()
    );
    let starts: Arc<Vec<Timestamp>> = Arc::new(windows.iter().map(|w| w.start).collect());

    // Bookings: each client takes the next window nobody has taken yet, until none is left.
    let next = Arc::new(AtomicUsize::new(0));
    let taken = Arc::new(AtomicUsize::new(0));
    let began = Instant::now();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (store, seeded, starts, next, taken) = (
                store.clone(),
                seeded.clone(),
                starts.clone(),
                next.clone(),
                taken.clone(),
            );
            tokio::spawn(async move {
                let origin = RequestOrigin {
                    client_ip: Some("198.51.100.9".into()),
                    user_agent: Some("bench".into()),
                    request_id: None,
                };
                let notify = Recipient::from(&seeded.customer);
                let mut booked = 0usize;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(start) = starts.get(i) else { break };
                    let request = BookingRequest {
                        account: seeded.account,
                        location: seeded.location,
                        service: ServiceKey::from("Standard clean"),
                        window_start: *start,
                        notes: Some("Bench booking"),
                        now: Timestamp::now(),
                        by: &seeded.customer,
                        notify: Some(&notify),
                        replaces: None,
                        plan_day: None,
                        for_request: None,
                        origin: &origin,
                    };
                    match book(&store, &seeded.settings, &request).await {
                        Ok(_) => booked += 1,
                        Err(BookingError::JustTaken { .. }) => {
                            taken.fetch_add(1, Ordering::Relaxed);
                        }
                        Err(other) => panic!("booking failed: {other}"),
                    }
                }
                booked
            })
        })
        .collect();
    let mut bookings = 0;
    for client in clients {
        bookings += client.await.expect("client");
    }
    let bookings_per_s = bookings as f64 / began.elapsed().as_secs_f64();

    // Raw inserts: one row per transaction, the same clients, the same pool.
    let ddl = match store.engine() {
        Engine::Sqlite => "CREATE TABLE bench_raw (id INTEGER PRIMARY KEY, at BIGINT, note TEXT)",
        Engine::Postgres => {
            "CREATE TABLE bench_raw (id BIGSERIAL PRIMARY KEY, at BIGINT, note TEXT)"
        }
    };
    sqlx::query(ddl)
        .execute(store.pool())
        .await
        .expect("raw table");
    let began = Instant::now();
    let inserters: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move {
                let mut rows = 0usize;
                while began.elapsed() < RAW_FOR {
                    let mut tx = store.begin().await.expect("tx");
                    sqlx::query("INSERT INTO bench_raw (at, note) VALUES ($1, $2)")
                        .bind(Timestamp::now().as_second())
                        .bind("Bench row")
                        .execute(&mut *tx)
                        .await
                        .expect("insert");
                    tx.commit().await.expect("commit");
                    rows += 1;
                }
                rows
            })
        })
        .collect();
    let mut rows = 0;
    for inserter in inserters {
        rows += inserter.await.expect("inserter");
    }
    let raw_per_s = rows as f64 / began.elapsed().as_secs_f64();
    store.close().await;
    Run {
        bookings,
        taken: taken.load(Ordering::Relaxed),
        bookings_per_s,
        raw_per_s,
    }
}

async fn postgres(admin_url: &str) -> (Store, String) {
    let name = format!("bench_{}", std::process::id());
    let admin = Store::connect(admin_url, 1).await.expect("connect");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(admin.pool())
        .await
        .expect("create database");
    admin.close().await;
    let (base, _) = admin_url.rsplit_once('/').expect("URL with a database");
    let store = Store::connect(&format!("{base}/{name}"), 8)
        .await
        .expect("connect");
    (store, name)
}

fn report(engine: &str, run: &Run) -> bool {
    let share = run.bookings_per_s / run.raw_per_s;
    println!(
        "{engine:<11} {:>9} {:>7} {:>13.0} {:>13.0} {:>9.1}%  (goal >= {:.0}%)",
        run.bookings,
        run.taken,
        run.bookings_per_s,
        run.raw_per_s,
        share * 100.0,
        GOAL_SHARE * 100.0
    );
    share >= GOAL_SHARE
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    println!(
        "Booking: {CLIENTS} clients at once, each booking a different window, {TECHNICIANS} technicians"
    );
    println!(
        "{:<11} {:>9} {:>7} {:>13} {:>13} {:>10}",
        "engine", "bookings", "taken", "bookings/s", "raw rows/s", "share"
    );
    let mut met = true;
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let sqlite = runtime.block_on(async {
        let store = Store::connect(&url, 8).await.expect("connect");
        measure(store).await
    });
    met &= report("SQLite", &sqlite);
    match std::env::var("DOORSTEP_TEST_POSTGRES") {
        Ok(admin_url) if !admin_url.is_empty() => {
            let run = runtime.block_on(async {
                let (store, name) = postgres(&admin_url).await;
                let run = measure(store).await;
                let admin = Store::connect(&admin_url, 1).await.expect("connect");
                sqlx::query(&format!("DROP DATABASE {name}"))
                    .execute(admin.pool())
                    .await
                    .expect("drop database");
                admin.close().await;
                run
            });
            met &= report("PostgreSQL", &run);
        }
        _ => println!("PostgreSQL  skipped: DOORSTEP_TEST_POSTGRES is not set"),
    }
    if !met {
        println!("Booking goal missed.");
        std::process::exit(1);
    }
    println!("Booking goal met.");
}
