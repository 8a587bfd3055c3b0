//! `doorstep availability`: the arrival windows and candidates the engine finds in the
//! configured database, for support and for trying the demo data.

use crate::config::Config;
use crate::startup::{self, StartError};
use doorstep::brand::Business;
use doorstep::scheduling::GeoPoint;
use doorstep::services::availability::{self, AvailabilityError, Query, ServiceKey};
use doorstep::store::{business, scheduling as sched};
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use std::fmt::Write as _;
use std::io::Write as _;

#[derive(Debug, clap::Args)]
pub struct Availability {
    /// The service's name, as listed by an unknown name.
    #[arg(long)]
    service: String,
    /// First local date to search (YYYY-MM-DD); today if left out.
    #[arg(long, value_parser = parse_date)]
    from: Option<Date>,
    /// How many days to search (1 to 60).
    #[arg(long, default_value_t = 3)]
    days: u16,
    /// The customer's position, LAT,LNG.
    #[arg(long, value_parser = parse_point, allow_hyphen_values = true)]
    at: GeoPoint,
    /// The customer's postal code, for technicians who serve listed codes.
    #[arg(long)]
    postal_code: Option<String>,
    /// Search as if it were this moment (RFC 3339), instead of now.
    #[arg(long, value_parser = parse_timestamp)]
    now: Option<Timestamp>,
}

fn parse_date(raw: &str) -> Result<Date, String> {
    raw.parse()
        .map_err(|_| format!("{raw:?} is not a date like 2026-11-24"))
}

fn parse_point(raw: &str) -> Result<GeoPoint, String> {
    GeoPoint::parse(raw).map_err(|e| e.to_string())
}

fn parse_timestamp(raw: &str) -> Result<Timestamp, String> {
    raw.parse()
        .map_err(|_| format!("{raw:?} is not a time like 2026-11-24T08:00:00Z"))
}

pub async fn run(config: &Config, args: Availability) -> Result<(), StartError> {
    let store = startup::open_store(config).await?;
    let settings = {
        let mut conn = store.conn().await?;
        business::load(&mut conn).await?.unwrap_or_default()
    };
    let result = report(&store, &settings, &args).await;
    store.close().await;
    result.map_err(StartError::Command)
}

async fn report(
    store: &doorstep::store::Store,
    settings: &Business,
    args: &Availability,
) -> Result<(), String> {
    let tz = settings.time_zone.zone();
    let now = args.now.unwrap_or_else(Timestamp::now);
    let from = args.from.unwrap_or_else(|| now.to_zoned(tz.clone()).date());
    let query = Query {
        service: ServiceKey::from(&args.service),
        at: args.at,
        postal_code: args.postal_code.as_deref(),
        from,
        days: args.days,
        now,
    };
    let (snapshot, windows) = match availability::find_windows(store, settings, &query).await {
        Ok(found) => found,
        Err(AvailabilityError::UnknownService(_)) => {
            let mut conn = store.conn().await.map_err(|e| e.to_string())?;
            let known = sched::services(&mut conn)
                .await
                .map_err(|e| e.to_string())?;
            let names: Vec<String> = known.iter().map(|s| s.name.clone()).collect();
            return Err(format!(
                "no bookable service is called {:?}; known services: {}",
                args.service,
                names.join(", ")
            ));
        }
        Err(e) => return Err(e.to_string()),
    };
    let mut out = String::new();
    let names = availability::names(&snapshot.technicians);
    let service = &snapshot.service;
    let _ = writeln!(
        out,
        "{} ({} min + {} min buffer) at {:.4},{:.4}, {} day(s) from {from}, times in {}:",
        service.name,
        service.duration().as_mins(),
        service.buffer().as_mins(),
        args.at.lat(),
        args.at.lng(),
        args.days,
        settings.time_zone.as_str()
    );
    if windows.is_empty() {
        let _ = writeln!(
            out,
            "  no window is free: no qualified technician covers this place with time left on these days"
        );
        let _ = std::io::stdout().write_all(out.as_bytes());
        return Ok(());
    }
    let local = |t: Timestamp| t.to_zoned(tz.clone());
    for w in &windows {
        let (s, e) = (local(w.start), local(w.end));
        let _ = writeln!(
            out,
            "  {} {}–{}",
            s.strftime("%a %Y-%m-%d"),
            s.strftime("%H:%M"),
            e.strftime("%H:%M %Z")
        );
        for c in &w.candidates {
            let _ = writeln!(
                out,
                "      {:<20} starts {}  +{} min travel  {} min left in the gap",
                names.get(&c.technician).map(String::as_str).unwrap_or("?"),
                local(c.planned_start).strftime("%H:%M"),
                minutes(c.added_travel),
                minutes(c.gap_left)
            );
        }
    }

    let _ = writeln!(out, "{} window(s).", windows.len());
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(())
}

fn minutes(d: SignedDuration) -> i64 {
    (d.as_secs() + 59) / 60
}
