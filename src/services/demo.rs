//! The demo business: enough people and places to try every role, loaded into an empty
//! database by `doorstep demo` and by `make run` on first start.

use crate::brand::{BrandColour, Business, Terminology, TimeZoneName};
use crate::catalogue::PriceKind;
use crate::dto::{AccountKind, MemberRole};
use crate::error::FieldError;
use crate::locale::Locale;
use crate::money::Currency;
use crate::password::{self, Password};
use crate::permissions::{PlaceRight, Role};
use crate::services::clock;
use crate::store::scheduling::{self as sched, NewJob, NewTechnician};
use crate::store::{self, Store, StoreError, accounts, audit, business, rights, users};
use tracing::instrument;

/// The password of every demo person. Printed at start: this is demo data.
pub const DEMO_PASSWORD: &str = "doorstep-demo";

/// One demo sign-in, as printed for the person trying Doorstep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSignIn {
    pub email: &'static str,
    pub role: Role,
    pub name: &'static str,
}

pub const STAFF: [DemoSignIn; 5] = [
    DemoSignIn {
        email: "admin@example.com",
        role: Role::Admin,
        name: "Alex Admin",
    },
    DemoSignIn {
        email: "dispatch@example.com",
        role: Role::Dispatcher,
        name: "Dana Dispatch",
    },
    DemoSignIn {
        email: "tomas@example.com",
        role: Role::Technician,
        name: "Tomás Rivera",
    },
    DemoSignIn {
        email: "lena@example.com",
        role: Role::Technician,
        name: "Lena Vogel",
    },
    DemoSignIn {
        email: "yusuf@example.com",
        role: Role::Technician,
        name: "Yusuf Demir",
    },
];

pub const HOUSEHOLD_OWNER: DemoSignIn = DemoSignIn {
    email: "ana@example.com",
    role: Role::AccountOwner,
    name: "Ana López",
};
pub const COMPANY_PEOPLE: [DemoSignIn; 3] = [
    DemoSignIn {
        email: "facilities@example.com",
        role: Role::AccountOwner,
        name: "Frieda Facilities",
    },
    DemoSignIn {
        email: "office@example.com",
        role: Role::AccountMember,
        name: "Oskar Office",
    },
    DemoSignIn {
        email: "reception@example.com",
        role: Role::AccountMember,
        name: "Rita Reception",
    },
];

/// Every demo sign-in, staff first.
pub fn sign_ins() -> Vec<DemoSignIn> {
    let mut all = STAFF.to_vec();
    all.push(HOUSEHOLD_OWNER);
    all.extend(COMPANY_PEOPLE);
    all
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the database already holds people; demo data goes only into an empty database")]
    NotEmpty,
    #[error("demo settings are invalid: {0}")]
    Invalid(#[from] FieldError),
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub fn demo_business() -> Result<Business, FieldError> {
    Ok(Business {
        name: "Brightside Home Services".into(),
        logo_url: Some("/icons/logo.svg".into()),
        primary: BrandColour::parse("#0f766e")?,
        accent: BrandColour::parse("#f59e0b")?,
        default_locale: Locale::En,
        currency: Currency::parse("EUR")?,
        time_zone: TimeZoneName::parse("Europe/Berlin")?,
        terminology: Terminology::Visit,
    })
}

struct Place {
    label: &'static str,
    line1: &'static str,
    postal_code: &'static str,
    lat: f64,
    lng: f64,
    access: Option<&'static str>,
}

const HOME: Place = Place {
    label: "Home",
    line1: "Kastanienallee 12",
    postal_code: "10435",
    lat: 52.5386,
    lng: 13.4105,
    access: Some("Gate code 4711, second floor left"),
};

const OFFICES: [Place; 3] = [
    Place {
        label: "Head office",
        line1: "Friedrichstraße 68",
        postal_code: "10117",
        lat: 52.5079,
        lng: 13.3897,
        access: Some("Report to reception, badge at desk"),
    },
    Place {
        label: "Warehouse",
        line1: "Gradestraße 90",
        postal_code: "12347",
        lat: 52.4622,
        lng: 13.4327,
        access: Some("Loading dock B, ring twice"),
    },
    Place {
        label: "Shop Kreuzberg",
        line1: "Bergmannstraße 5",
        postal_code: "10961",
        lat: 52.4891,
        lng: 13.3936,
        access: None,
    },
];

/// Loads the demo business into an empty database, all in one transaction.
#[instrument(skip(store))]
pub async fn load(store: &Store) -> Result<(), DemoError> {
    let settings = demo_business()?;
    let password = Password::parse_new(DEMO_PASSWORD.to_string())?;
    // One hash for every demo person: they share the password, and argon2 is slow on purpose.
    let hash = tokio::task::spawn_blocking(move || password::hash(&password))
        .await
        .map_err(|e| DemoError::Hash(e.to_string()))?
        .map_err(|e| DemoError::Hash(e.to_string()))?;

    let now = clock::now();
    let mut tx = store.begin().await?;
    if users::count(&mut tx).await? > 0 {
        return Err(DemoError::NotEmpty);
    }
    business::save(&mut tx, &settings, now).await?;
    let new_user = |person: &DemoSignIn| users::NewUser {
        email: person.email,
        name: person.name,
        password_hash: &hash,
        locale: None,
        created_at: now,
        verified_at: Some(now),
    };
    let mut staff_ids = Vec::new();
    for (i, person) in STAFF.iter().enumerate() {
        let id = users::insert(&mut tx, &new_user(person)).await?;
        let phone = format!("+49 30 5550 10{i:02}");
        users::insert_staff_profile(&mut tx, id, person.role, Some(&phone), now).await?;
        staff_ids.push(id);
    }

    let household =
        accounts::insert(&mut tx, "López household", AccountKind::Household, now).await?;
    let ana = users::insert(&mut tx, &new_user(&HOUSEHOLD_OWNER)).await?;
    accounts::add_member(&mut tx, household, ana, MemberRole::Owner, now).await?;
    let mut places = vec![(
        household,
        insert_place(&mut tx, store.keyring()?, household, &HOME, now).await?,
    )];

    let company = accounts::insert(&mut tx, "Kiez Offices GmbH", AccountKind::Company, now).await?;
    let mut members = Vec::new();
    for person in &COMPANY_PEOPLE {
        let id = users::insert(&mut tx, &new_user(person)).await?;
        let role = if person.role == Role::AccountOwner {
            MemberRole::Owner
        } else {
            members.push(id);
            MemberRole::Member
        };
        accounts::add_member(&mut tx, company, id, role, now).await?;
    }
    let mut offices = Vec::new();
    for place in &OFFICES {
        let id = insert_place(&mut tx, store.keyring()?, company, place, now).await?;
        offices.push(id);
        places.push((company, id));
    }
    // The office manager books and pays everywhere; reception sees and books for the head
    // office only.
    if let [office, reception] = members[..] {
        let everything: Vec<PlaceRight> = offices
            .iter()
            .map(|&location| PlaceRight {
                location,
                book: true,
                pay: true,
            })
            .collect();
        rights::replace(&mut tx, office, &everything).await?;
        let head_office = PlaceRight {
            location: offices[0],
            book: true,
            pay: false,
        };
        rights::replace(&mut tx, reception, &[head_office]).await?;
    }

    let mut service_ids = Vec::new();
    for s in &SERVICES {
        let id =
            sched::insert_service(&mut tx, s.name, s.trade, s.minutes, s.buffer, s.skills, now)
                .await?;
        let amount = (s.price.0 != PriceKind::Quote).then_some(s.price.1);
        crate::store::catalogue::set_price(&mut tx, id, s.price.0, amount).await?;
        if !s.checklist.is_empty() {
            crate::store::catalogue::set_checklist(&mut tx, id, s.checklist).await?;
        }
        service_ids.push(id);
    }
    // STAFF holds the three technicians after the admin and the dispatcher.
    for (tech, user_id) in TECHNICIANS.iter().zip(staff_ids.iter().skip(2)) {
        sched::insert_technician(
            &mut tx,
            &NewTechnician {
                user_id: *user_id,
                skills: tech.skills,
                home: tech.home,
                radius_km: Some(tech.radius_km),
                postal_codes: tech.postal_codes,
            },
        )
        .await?;
        for (weekday, start, end) in tech.hours {
            sched::insert_hours(&mut tx, *user_id, *weekday, *start, *end).await?;
        }
        let card = crate::store::technicians::CardRow {
            trade: Some(tech.trade.to_string()),
            ..Default::default()
        };
        crate::store::technicians::save_card(&mut tx, *user_id, &card, now).await?;
    }
    insert_week_of_jobs(
        &mut tx,
        &settings,
        &staff_ids[2..],
        &service_ids,
        &places,
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "demo_loaded", &audit::RequestOrigin::default()),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

struct DemoService {
    name: &'static str,
    trade: &'static str,
    minutes: i64,
    buffer: i64,
    skills: &'static [&'static str],
    /// Fixed or "from", in cents; a quote has no amount.
    price: (PriceKind, i64),
    /// What the technician ticks off before completing.
    checklist: &'static [&'static str],
}

/// Seven services across two trades; one is priced only after a look.
const SERVICES: [DemoService; 7] = [
    DemoService {
        name: "Standard clean",
        trade: "cleaning",
        minutes: 120,
        buffer: 15,
        skills: &["cleaning"],
        price: (PriceKind::Fixed, 8900),
        checklist: &[
            "Kitchen surfaces wiped",
            "Bathroom cleaned",
            "Floors vacuumed and mopped",
            "Bins emptied",
        ],
    },
    DemoService {
        name: "Deep clean",
        trade: "cleaning",
        minutes: 240,
        buffer: 30,
        skills: &["cleaning"],
        price: (PriceKind::From, 18900),
        checklist: &[
            "Kitchen surfaces wiped",
            "Oven and fridge cleaned",
            "Bathroom descaled",
            "Floors vacuumed and mopped",
            "Skirting boards wiped",
        ],
    },
    DemoService {
        name: "Window cleaning",
        trade: "cleaning",
        minutes: 90,
        buffer: 15,
        skills: &["cleaning", "ladder"],
        price: (PriceKind::From, 5900),
        checklist: &[],
    },
    DemoService {
        name: "AC tune-up",
        trade: "hvac-plumbing",
        minutes: 90,
        buffer: 15,
        skills: &["hvac"],
        price: (PriceKind::Fixed, 12900),
        checklist: &[
            "Filters cleaned or replaced",
            "Coils checked",
            "Refrigerant pressure checked",
            "Test run",
        ],
    },
    DemoService {
        name: "Boiler service",
        trade: "hvac-plumbing",
        minutes: 60,
        buffer: 15,
        skills: &["hvac", "gas"],
        price: (PriceKind::Fixed, 14900),
        checklist: &[],
    },
    DemoService {
        name: "Drain inspection",
        trade: "hvac-plumbing",
        minutes: 60,
        buffer: 15,
        skills: &["plumbing"],
        price: (PriceKind::From, 7900),
        checklist: &[],
    },
    DemoService {
        name: "Mould assessment",
        trade: "cleaning",
        minutes: 60,
        buffer: 15,
        skills: &["cleaning"],
        price: (PriceKind::Quote, 0),
        checklist: &[],
    },
];

struct DemoTechnician {
    /// What customers are shown beside the first name.
    trade: &'static str,
    skills: &'static [&'static str],
    home: (f64, f64),
    radius_km: f64,
    postal_codes: &'static [&'static str],
    /// ISO weekday (Monday = 1), start and end in minutes after midnight.
    hours: &'static [(i64, i64, i64)],
    /// Indexes into SERVICES of the jobs they are booked for.
    does: [usize; 2],
}

/// Tomás, Lena and Yusuf, in the order of STAFF.
const TECHNICIANS: [DemoTechnician; 3] = [
    DemoTechnician {
        trade: "Cleaning specialist",
        skills: &["cleaning", "ladder"],
        home: (52.5163, 13.3777),
        radius_km: 12.0,
        postal_codes: &[],
        hours: &[
            (1, 480, 720),
            (1, 750, 990),
            (2, 480, 720),
            (2, 750, 990),
            (3, 480, 720),
            (3, 750, 990),
            (4, 480, 720),
            (4, 750, 990),
            (5, 480, 720),
            (5, 750, 990),
        ],
        does: [0, 2],
    },
    DemoTechnician {
        trade: "Heating and gas engineer",
        skills: &["hvac", "gas", "plumbing"],
        home: (52.4862, 13.4250),
        radius_km: 25.0,
        postal_codes: &[],
        hours: &[
            (1, 450, 930),
            (2, 450, 930),
            (3, 450, 930),
            (4, 450, 930),
            (5, 450, 930),
            (6, 540, 780),
        ],
        does: [3, 4],
    },
    DemoTechnician {
        trade: "Cleaner and plumber",
        skills: &["cleaning", "plumbing"],
        home: (52.4870, 13.4305),
        radius_km: 8.0,
        postal_codes: &[
            "10961", "10967", "10999", "12043", "12047", "12049", "12051", "12347",
        ],
        hours: &[
            (2, 600, 1080),
            (3, 600, 1080),
            (4, 600, 1080),
            (5, 600, 1080),
            (6, 600, 1080),
        ],
        does: [5, 0],
    },
];

/// A week of jobs for each technician at the demo places: one early each working day, and
/// every other day one more at the end of the day.
async fn insert_week_of_jobs(
    conn: &mut store::Conn,
    settings: &Business,
    tech_ids: &[i64],
    service_ids: &[i64],
    places: &[(i64, i64)],
    now: i64,
) -> Result<(), DemoError> {
    let tz = settings.time_zone.zone();
    let today = jiff::Timestamp::from_second(now)
        .map(|t| t.to_zoned(tz.clone()).date())
        .unwrap_or_default();
    for day in 0..7i64 {
        let Ok(date) = today.checked_add(jiff::Span::new().days(day)) else {
            continue;
        };
        let weekday = i64::from(date.weekday().to_monday_one_offset());
        for (i, (tech, user_id)) in TECHNICIANS.iter().zip(tech_ids).enumerate() {
            let spans: Vec<&(i64, i64, i64)> = tech
                .hours
                .iter()
                .filter(|(d, _, _)| *d == weekday)
                .collect();
            if spans.is_empty() {
                continue;
            }
            for (k, service) in tech.does.iter().enumerate() {
                // The first job half an hour into the day; a second one, every other day,
                // ending half an hour before the day does. The rest stays bookable.
                if k == 1 && day % 2 == 1 {
                    continue;
                }
                let (_, first_start, _) = *spans[0];
                let (_, _, day_end) = *spans[spans.len() - 1];
                let minutes_of = |i: usize| SERVICES[i].minutes;
                let start_min = if k == 0 {
                    first_start + 30
                } else {
                    day_end - 30 - minutes_of(*service)
                };
                let minutes = SERVICES[*service].minutes;
                if start_min + minutes > day_end {
                    continue;
                }
                let at = |m: i64| {
                    let t = jiff::civil::Time::new(
                        i8::try_from(m / 60).unwrap_or(0),
                        i8::try_from(m % 60).unwrap_or(0),
                        0,
                        0,
                    )
                    .unwrap_or_default();
                    date.to_datetime(t)
                        .to_zoned(tz.clone())
                        .map(|z| z.timestamp().as_second())
                        .unwrap_or(now)
                };
                let slot = usize::try_from(day).unwrap_or(0) + i + k;
                let (account_id, location_id) = places[slot % places.len()];
                let job = NewJob {
                    account_id,
                    location_id,
                    service_id: service_ids[*service],
                    technician_id: Some(*user_id),
                    status: "assigned",
                    planned_start: at(start_min),
                    planned_end: at(start_min + minutes),
                    window: None,
                    notes: None,
                    booked_by: None,
                };
                sched::insert_job(conn, &job, now).await?;
            }
        }
    }
    Ok(())
}

async fn insert_place(
    conn: &mut store::Conn,
    keyring: &crate::secrets::Keyring,
    account: i64,
    place: &Place,
    now: i64,
) -> Result<i64, StoreError> {
    accounts::insert_location(
        conn,
        account,
        &accounts::NewLocation {
            label: place.label,
            line1: place.line1,
            line2: None,
            postal_code: place.postal_code,
            city: "Berlin",
            country: "DE",
            latitude: Some(place.lat),
            longitude: Some(place.lng),
            access_notes: keyring.seal_opt(place.access).as_deref(),
        },
        now,
    )
    .await
}
