//! Properties of the search over random technicians, shifts, jobs and areas around a city,
//! across a daylight-saving change.

use super::*;
use proptest::prelude::*;

const TZ: &str = "Europe/Berlin";
const FROM: &str = "2026-03-27";
const DAYS: u16 = 4; // covers the change of 2026-03-29
const NOW: &str = "2026-03-26T18:00:00Z";

#[derive(Clone, Debug)]
struct World {
    techs: Vec<Technician>,
    jobs: Vec<Job>,
    service: ServiceSpec,
    customer: GeoPoint,
    rules: Rules,
}

fn place() -> impl Strategy<Value = GeoPoint> {
    (52.40f64..52.62, 13.20f64..13.60).prop_map(|(lat, lng)| point(lat, lng))
}

fn spans() -> impl Strategy<Value = Vec<(u32, u32)>> {
    // One or two spans a day on a quarter-hour grid between 06:00 and 21:00.
    prop_oneof![
        (24u32..40, 4u32..20).prop_map(|(s, len)| vec![(s * 15, (s + len).min(84) * 15)]),
        (24u32..34, 4u32..12, 1u32..5, 4u32..16).prop_map(|(s, l1, gap, l2)| {
            let e1 = s + l1;
            let s2 = e1 + gap;
            vec![(s * 15, e1 * 15), (s2 * 15, (s2 + l2).min(84) * 15)]
        }),
    ]
}

fn technician(id: i64) -> impl Strategy<Value = Technician> {
    (place(), spans(), 3.0f64..40.0, any::<bool>(), any::<bool>()).prop_map(
        move |(home, spans, radius, a, b)| {
            let mut hours = WeeklyHours::default();
            for day in WEEK {
                for (s, e) in &spans {
                    let span = ShiftSpan::new(
                        DayMinute::new(*s).expect("s"),
                        DayMinute::new(*e).expect("e"),
                    )
                    .expect("span");
                    hours.add(day, span).expect("no overlap");
                }
            }
            let mut skills = vec![];
            if a {
                skills.push("a".to_string());
            }
            if b {
                skills.push("b".to_string());
            }
            let area = ServiceArea::new(Some((home, radius)), vec![]).expect("area");
            Technician::new(id, "t", skills, home, area).with_hours(hours)
        },
    )
}

/// Jobs that respect the technician's own rule: within working spans, with travel between.
fn feasible_jobs(tech: &Technician, rules: &Rules, seeds: &[(u8, u8, f64, f64)]) -> Vec<Job> {
    let mut jobs = Vec::new();
    let mut seed = seeds.iter().cycle();
    for day in 0..i32::from(DAYS) {
        let d = date(FROM)
            .checked_add(jiff::Span::new().days(day))
            .expect("date");
        let mut at = tech.home();
        let mut free: Option<Timestamp> = None;
        for span in crate::scheduling::search::shift_spans(tech, d, rules) {
            let mut t = free.map_or(span.start(), |f| f.max(span.start()));
            for _ in 0..3 {
                let Some((gap, len, lat, lng)) = seed.next() else {
                    break;
                };
                let loc = point(*lat, *lng);
                let start = t + rules.travel().between(at, loc) + mins(i64::from(*gap % 90));
                let end = start + mins(30 + i64::from(*len % 120));
                if end > span.end() {
                    break;
                }
                jobs.push(Job::new(tech.id, start, end, loc).expect("job"));
                t = end;
                at = loc;
            }
            free = Some(t);
        }
    }
    jobs
}

fn world() -> impl Strategy<Value = World> {
    (
        (1usize..4).prop_flat_map(|n| (1..=n).map(|id| technician(id as i64)).collect::<Vec<_>>()),
        prop::collection::vec(
            (any::<u8>(), any::<u8>(), 52.40f64..52.62, 13.20f64..13.60),
            1..12,
        ),
        place(),
        (2i64..10, 0i64..3, any::<bool>()),
        (1i64..5, 1i64..4, 0i64..30),
        (1.0f64..1.6, 20.0f64..60.0, 0i64..10),
    )
        .prop_map(
            |(
                techs,
                seeds,
                customer,
                (dur, buf, skill),
                (window, step, notice),
                (factor, speed, fixed),
            )| {
                let travel = TravelModel::new(factor, speed, mins(fixed)).expect("travel");
                let rules = Rules::new(
                    TZ,
                    mins(notice * 60),
                    30,
                    mins(window * 60),
                    mins(step * 15),
                    travel,
                )
                .expect("rules");
                let jobs = techs
                    .iter()
                    .flat_map(|t| feasible_jobs(t, &rules, &seeds))
                    .collect();
                let skills = if skill { vec!["a".to_string()] } else { vec![] };
                let service = ServiceSpec::new(9, "s", mins(dur * 15), mins(buf * 10), skills)
                    .expect("service");
                World {
                    techs,
                    jobs,
                    service,
                    customer,
                    rules,
                }
            },
        )
}

fn run(w: &World) -> Vec<Window> {
    let req = Request {
        service: &w.service,
        at: w.customer,
        postal_code: None,
        from: date(FROM),
        days: DAYS,
        now: ts(NOW),
    };
    search(&req, &w.techs, &w.jobs, &w.rules)
}

fn local_date(t: Timestamp, rules: &Rules) -> Date {
    t.to_zoned(rules.time_zone().clone()).date()
}

/// Consecutive same-day jobs of each technician leave time to travel between them.
fn all_feasible(jobs: &[Job], rules: &Rules) -> bool {
    let mut sorted: Vec<&Job> = jobs.iter().collect();
    sorted.sort_by_key(|j| (j.technician, j.start()));
    sorted.windows(2).all(|p| {
        p[0].technician != p[1].technician
            || local_date(p[0].start(), rules) != local_date(p[1].start(), rules)
            || p[0].end() + rules.travel().between(p[0].location(), p[1].location()) <= p[1].start()
    })
}

fn window_starts(windows: &[Window]) -> Vec<Timestamp> {
    windows.iter().map(|w| w.start).collect()
}

proptest! {
    // Failures are reported with their minimal input; nothing is written to the tree.
    #![proptest_config(ProptestConfig { cases: 256, max_global_rejects: 20_000, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn offered_windows_never_collide_with_the_candidates_work(w in world()) {
        prop_assume!(all_feasible(&w.jobs, &w.rules));
        let work = w.service.duration() + w.service.buffer();
        for window in run(&w) {
            prop_assert!(!window.candidates.is_empty());
            for c in &window.candidates {
                prop_assert!(c.planned_start >= window.start && c.planned_start < window.end);
                let day = local_date(c.planned_start, &w.rules);
                for j in w.jobs.iter().filter(|j| j.technician == c.technician && local_date(j.start(), &w.rules) == day) {
                    let before = c.planned_start + work + w.rules.travel().between(w.customer, j.location()) <= j.start();
                    let after = j.end() + w.rules.travel().between(j.location(), w.customer) <= c.planned_start;
                    prop_assert!(before || after, "candidate {:?} collides with {:?}", c, j);
                }
            }
        }
    }

    #[test]
    fn booking_an_offered_window_keeps_every_job_feasible(w in world(), pick in any::<prop::sample::Index>()) {
        prop_assume!(all_feasible(&w.jobs, &w.rules));
        let windows = run(&w);
        prop_assume!(!windows.is_empty());
        let chosen = &windows[pick.index(windows.len())];
        let c = &chosen.candidates[0];
        let booked = Job::new(c.technician, c.planned_start, c.planned_start + w.service.duration() + w.service.buffer(), w.customer)
            .expect("job");
        let mut after = w.clone();
        after.jobs.push(booked);
        prop_assert!(all_feasible(&after.jobs, &after.rules));
        // And searching again still only offers what fits around the new job.
        for window in run(&after) {
            for c2 in window.candidates.iter().filter(|c2| c2.technician == c.technician) {
                if local_date(c2.planned_start, &w.rules) == local_date(booked.start(), &w.rules) {
                    let fits_before = c2.planned_start + w.service.duration() + w.service.buffer() <= booked.start();
                    let fits_after = booked.end() <= c2.planned_start;
                    prop_assert!(fits_before || fits_after);
                }
            }
        }
    }

    #[test]
    fn adding_a_technician_never_removes_a_window(w in world(), extra in technician(99)) {
        let before = window_starts(&run(&w));
        let mut more = w.clone();
        more.techs.push(extra);
        let after = window_starts(&run(&more));
        prop_assert!(before.iter().all(|s| after.contains(s)));
    }

    #[test]
    fn removing_a_job_never_removes_a_window(w in world(), pick in any::<prop::sample::Index>()) {
        prop_assume!(!w.jobs.is_empty() && all_feasible(&w.jobs, &w.rules));
        let before = window_starts(&run(&w));
        let mut fewer = w.clone();
        fewer.jobs.remove(pick.index(w.jobs.len()));
        let after = window_starts(&run(&fewer));
        prop_assert!(before.iter().all(|s| after.contains(s)), "lost {:?}", before.iter().find(|s| !after.contains(s)));
    }

    #[test]
    fn results_are_deterministic_whatever_the_input_order(w in world()) {
        let first = run(&w);
        prop_assert_eq!(&first, &run(&w));
        let mut shuffled = w.clone();
        shuffled.techs.reverse();
        shuffled.jobs.reverse();
        prop_assert_eq!(&first, &run(&shuffled));
    }
}
