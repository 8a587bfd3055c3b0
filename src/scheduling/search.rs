//! The search: from technicians, their work and the rules to bookable arrival windows.

use super::geo::GeoPoint;
use super::model::{Job, Rules, ServiceSpec, Span, Technician};
use jiff::civil::Date;
use jiff::tz::AmbiguousOffset;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a customer asks for.
#[derive(Clone, Debug)]
pub struct Request<'a> {
    pub service: &'a ServiceSpec,
    pub at: GeoPoint,
    pub postal_code: Option<&'a str>,
    /// First local date to search, in the business time zone.
    pub from: Date,
    pub days: u16,
    /// The moment of the search; minimum notice and horizon count from here.
    pub now: Timestamp,
}

/// One technician who could take a window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub technician: i64,
    /// When the technician would arrive and start: inside the window.
    pub planned_start: Timestamp,
    /// Travel this job adds to the technician's day (the insertion cost).
    pub added_travel: SignedDuration,
    /// Travel from the previous stop (a job, or home at shift start) to the customer.
    pub travel_in: SignedDuration,
    /// Idle time left in the technician's gap once this job and its travel are in.
    pub gap_left: SignedDuration,
}

/// An arrival window offered to the customer, with who could come, best first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub start: Timestamp,
    pub end: Timestamp,
    pub candidates: Vec<Candidate>,
}

/// A stretch in which a technician could start the job, with what it would cost.
#[derive(Clone, Copy, Debug)]
struct Opening {
    earliest: Timestamp,
    latest: Timestamp,
    added_travel: SignedDuration,
    travel_in: SignedDuration,
    gap_left: SignedDuration,
}

/// Every arrival window that some technician can take, in time order. See the module
/// documentation for the rule; this function is that rule, applied to each technician.
pub fn search(
    request: &Request<'_>,
    technicians: &[Technician],
    jobs: &[Job],
    rules: &Rules,
) -> Vec<Window> {
    let starts = window_starts(request, rules);
    let mut found: Vec<BTreeMap<i64, Candidate>> = vec![BTreeMap::new(); starts.len()];
    let by_technician = jobs_by_technician(jobs);
    let width = rules.window();

    for tech in technicians {
        if !tech.qualified_for(request.service)
            || !tech.area().covers(request.at, request.postal_code)
        {
            continue;
        }
        let own_jobs = by_technician
            .get(&tech.id)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for opening in openings(request, tech, own_jobs, rules) {
            // Windows whose start lies in (earliest - width, latest] can hold a start.
            let first = starts.partition_point(|s| *s <= opening.earliest - width);
            let last = starts.partition_point(|s| *s <= opening.latest);
            for (slot, start) in starts.iter().enumerate().take(last).skip(first) {
                let candidate = Candidate {
                    technician: tech.id,
                    planned_start: opening.earliest.max(*start),
                    added_travel: opening.added_travel,
                    travel_in: opening.travel_in,
                    gap_left: opening.gap_left,
                };
                let best = found[slot]
                    .entry(tech.id)
                    .or_insert_with(|| candidate.clone());
                if rank(&candidate) < rank(best) {
                    *best = candidate;
                }
            }
        }
    }

    starts
        .into_iter()
        .zip(found)
        .filter(|(_, c)| !c.is_empty())
        .map(|(start, by_tech)| {
            let mut candidates: Vec<Candidate> = by_tech.into_values().collect();
            candidates.sort_by_key(rank);
            Window {
                start,
                end: start + width,
                candidates,
            }
        })
        .collect()
}

/// Less travel first; then the tighter fit (less idle time left over); then the earlier
/// start; then the technician id, so that results never depend on input order.
fn rank(c: &Candidate) -> (SignedDuration, SignedDuration, Timestamp, i64) {
    (c.added_travel, c.gap_left, c.planned_start, c.technician)
}

fn jobs_by_technician(jobs: &[Job]) -> BTreeMap<i64, Vec<Job>> {
    let mut map: BTreeMap<i64, Vec<Job>> = BTreeMap::new();
    for job in jobs {
        map.entry(job.technician).or_default().push(*job);
    }
    for list in map.values_mut() {
        list.sort_by_key(|j| (j.start(), j.end()));
    }
    map
}

/// Window starts: every instant whose local wall-clock time in the business zone is a
/// multiple of the step after midnight, on the requested dates; local times skipped by a
/// DST change do not exist and give none, local times that occur twice give two. Only
/// starts from `now + min_notice` to `now + horizon` are kept.
fn window_starts(request: &Request<'_>, rules: &Rules) -> Vec<Timestamp> {
    let tz = rules.time_zone();
    let earliest = request.now + rules.min_notice();
    let horizon = request.now + SignedDuration::from_hours(24 * i64::from(rules.horizon_days()));
    let step_minutes = rules.step().as_secs() / 60;
    let mut starts = Vec::new();
    for date in dates(request.from, request.days) {
        let mut minute = 0;
        while minute < 24 * 60 {
            let Ok(time) = jiff::civil::Time::new(
                i8::try_from(minute / 60).unwrap_or(0),
                i8::try_from(minute % 60).unwrap_or(0),
                0,
                0,
            ) else {
                break;
            };
            let local = date.to_datetime(time);
            let instants: Vec<Timestamp> = match tz.to_ambiguous_timestamp(local).offset() {
                AmbiguousOffset::Unambiguous { offset } => {
                    offset.to_timestamp(local).ok().into_iter().collect()
                }
                AmbiguousOffset::Gap { .. } => Vec::new(),
                AmbiguousOffset::Fold { before, after } => [before, after]
                    .iter()
                    .filter_map(|o| o.to_timestamp(local).ok())
                    .collect(),
            };
            starts.extend(
                instants
                    .into_iter()
                    .filter(|t| *t >= earliest && *t < horizon),
            );
            minute += step_minutes;
        }
    }
    starts.sort();
    starts.dedup();
    starts
}

fn dates(from: Date, days: u16) -> impl Iterator<Item = Date> {
    (0..i32::from(days)).filter_map(move |d| from.checked_add(jiff::Span::new().days(d)).ok())
}

/// The technician's working time on a date as absolute spans: regular hours and extra
/// shifts, merged, minus time off. Local times are resolved the way clocks are read on the
/// day (a time skipped by DST moves forward, a repeated one takes its first occurrence).
pub(crate) fn shift_spans(tech: &Technician, date: Date, rules: &Rules) -> Vec<Span> {
    let tz = rules.time_zone();
    let mut local: Vec<(u32, u32)> = tech
        .hours()
        .on(date.weekday())
        .iter()
        .chain(
            tech.extra_shifts()
                .iter()
                .filter(|(d, _)| *d == date)
                .map(|(_, s)| s),
        )
        .map(|s| (s.start().minutes(), s.end().minutes()))
        .collect();
    local.sort();
    let mut merged: Vec<(u32, u32)> = Vec::new();
    for (start, end) in local {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let instant = |minute: u32| -> Option<Timestamp> {
        let day = if minute >= 1440 {
            date.tomorrow().ok()?
        } else {
            date
        };
        let m = minute % 1440;
        let time =
            jiff::civil::Time::new(i8::try_from(m / 60).ok()?, i8::try_from(m % 60).ok()?, 0, 0)
                .ok()?;
        tz.to_ambiguous_timestamp(day.to_datetime(time))
            .compatible()
            .ok()
    };
    let mut spans = Vec::new();
    for (start, end) in merged {
        let (Some(start), Some(end)) = (instant(start), instant(end)) else {
            continue;
        };
        let mut pieces = vec![(start, end)];
        for off in tech.time_off() {
            pieces = pieces
                .into_iter()
                .flat_map(|(s, e)| {
                    if off.end() <= s || off.start() >= e {
                        vec![(s, e)]
                    } else {
                        [(s, off.start()), (off.end(), e)]
                            .into_iter()
                            .filter(|(a, b)| a < b)
                            .collect()
                    }
                })
                .collect();
        }
        spans.extend(pieces.into_iter().filter_map(|(s, e)| Span::new(s, e).ok()));
    }
    spans
}

/// The openings of one technician: for each gap between consecutive stops inside a working
/// span, the range of start times at which the job fits.
fn openings(request: &Request<'_>, tech: &Technician, jobs: &[Job], rules: &Rules) -> Vec<Opening> {
    let travel = rules.travel();
    let service = request.service;
    let work = service.duration() + service.buffer();
    let not_before = request.now + rules.min_notice();
    let customer = request.at;
    let mut out = Vec::new();
    for date in dates(request.from, request.days) {
        let spans = shift_spans(tech, date, rules);
        let Some(first) = spans.first() else { continue };
        // Every job of the date counts, even one before the first span or in a break.
        let midnight = date
            .to_zoned(rules.time_zone().clone())
            .map(|z| z.timestamp())
            .unwrap_or(first.start());
        let mut day_jobs = jobs.iter().filter(|j| j.end() > midnight).peekable();
        // The day starts at home; after a break or time off it goes on from the last stop.
        let mut prev_place = tech.home();
        let mut prev_time: Option<Timestamp> = None;
        for span in spans {
            let (shift_start, shift_end) = (span.start(), span.end());
            while let Some(job) = day_jobs.next_if(|j| j.end() <= shift_start) {
                prev_time = Some(prev_time.map_or(job.end(), |t| t.max(job.end())));
                prev_place = job.location();
            }
            // After a break the technician may set off as soon as the last stop is free,
            // but the job itself starts within the span.
            let mut free_at = prev_time.unwrap_or(shift_start);
            let mut gaps = Vec::new();
            // Jobs overlapping this span, in order of start (the list is sorted by start).
            while let Some(job) = day_jobs.next_if(|j| j.start() < shift_end) {
                gaps.push((free_at, prev_place, Some((job.start(), job.location()))));
                free_at = free_at.max(job.end());
                prev_place = job.location();
            }
            // The last gap of a span must still leave time to reach the day's next job,
            // even one in a later span.
            let later = day_jobs.peek().map(|j| (j.start(), j.location()));
            gaps.push((free_at, prev_place, later));
            prev_time = Some(free_at);
            for (free_from, from_place, next) in gaps {
                if free_from >= shift_end {
                    continue;
                }
                let travel_in = travel.between(from_place, customer);
                let earliest = (free_from + travel_in).max(not_before).max(shift_start);
                let mut latest = shift_end - work;
                let mut travel_out = SignedDuration::ZERO;
                let mut saved = SignedDuration::ZERO;
                let mut gap_end = shift_end;
                if let Some((next_start, next_place)) = next {
                    travel_out = travel.between(customer, next_place);
                    saved = travel.between(from_place, next_place);
                    latest = latest.min(next_start - travel_out - work);
                    gap_end = next_start.min(shift_end);
                }
                if earliest > latest {
                    continue;
                }
                // Idle time is counted within the span; travel to a job after it is not.
                let next_in_span = next.is_some_and(|(n, _)| n <= shift_end);
                let leg_out = if next_in_span {
                    travel_out
                } else {
                    SignedDuration::ZERO
                };
                let used = travel_in + work + leg_out;
                out.push(Opening {
                    earliest,
                    latest,
                    added_travel: travel_in + travel_out - saved,
                    travel_in,
                    gap_left: (gap_end.duration_since(free_from.max(shift_start)) - used)
                        .max(SignedDuration::ZERO),
                });
            }
        }
    }
    out
}

/// A dispatcher's question: who is best placed to do this job starting at `start`?
/// Every qualified technician in whose day the job fits at exactly that time, best first,
/// with the reasons (added travel, gap left) in the data.
pub fn best_technicians(
    service: &ServiceSpec,
    at: GeoPoint,
    postal_code: Option<&str>,
    start: Timestamp,
    technicians: &[Technician],
    jobs: &[Job],
    rules: &Rules,
) -> Vec<Candidate> {
    let date = start.to_zoned(rules.time_zone().clone()).date();
    let request = Request {
        service,
        at,
        postal_code,
        from: date,
        days: 1,
        now: start - rules.min_notice(),
    };
    let by_technician = jobs_by_technician(jobs);
    let mut out: Vec<Candidate> = technicians
        .iter()
        .filter(|t| t.qualified_for(service) && t.area().covers(at, postal_code))
        .filter_map(|tech| {
            let own = by_technician
                .get(&tech.id)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            openings(&request, tech, own, rules)
                .into_iter()
                .filter(|o| o.earliest <= start && start <= o.latest)
                .map(|o| Candidate {
                    technician: tech.id,
                    planned_start: start,
                    added_travel: o.added_travel,
                    travel_in: o.travel_in,
                    gap_left: o.gap_left,
                })
                .min_by_key(rank)
        })
        .collect();
    out.sort_by_key(rank);
    out
}
