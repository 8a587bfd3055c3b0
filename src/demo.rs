//! The demo business: enough people and places to try every role, loaded into an empty
//! database by `doorstep demo` and by `make run` on first start.

use crate::brand::{BrandColour, Business, Terminology, TimeZoneName};
use crate::error::FieldError;
use crate::locale::Locale;
use crate::money::Currency;
use crate::password::{self, Password};
use crate::permissions::Role;
use crate::store::{self, Store, StoreError, accounts, audit, business, users};
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
#[instrument(skip(store), err)]
pub async fn load(store: &Store) -> Result<(), DemoError> {
    let settings = demo_business()?;
    let password = Password::parse_new(DEMO_PASSWORD.to_string())?;
    // One hash for every demo person: they share the password, and argon2 is slow on purpose.
    let hash = tokio::task::spawn_blocking(move || password::hash(&password))
        .await
        .map_err(|e| DemoError::Hash(e.to_string()))?
        .map_err(|e| DemoError::Hash(e.to_string()))?;

    let now = store::now();
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
    };
    for (i, person) in STAFF.iter().enumerate() {
        let id = users::insert(&mut tx, &new_user(person)).await?;
        let phone = format!("+49 30 5550 10{i:02}");
        users::insert_staff_profile(&mut tx, id, person.role, Some(&phone), now).await?;
    }

    let household = accounts::insert(&mut tx, "López household", "household", now).await?;
    let ana = users::insert(&mut tx, &new_user(&HOUSEHOLD_OWNER)).await?;
    accounts::add_member(&mut tx, household, ana, "owner", now).await?;
    insert_place(&mut tx, household, &HOME, now).await?;

    let company = accounts::insert(&mut tx, "Kiez Offices GmbH", "company", now).await?;
    for person in &COMPANY_PEOPLE {
        let id = users::insert(&mut tx, &new_user(person)).await?;
        let role = if person.role == Role::AccountOwner {
            "owner"
        } else {
            "member"
        };
        accounts::add_member(&mut tx, company, id, role, now).await?;
    }
    for place in &OFFICES {
        insert_place(&mut tx, company, place, now).await?;
    }
    audit::record(&mut tx, now, None, "demo_loaded", None, None).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}

async fn insert_place(
    conn: &mut store::Conn,
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
            latitude: place.lat,
            longitude: place.lng,
            access_notes: place.access,
        },
        now,
    )
    .await
}
