//! One test per rule of the search.

use super::*;

const BERLIN: &str = "Europe/Berlin";

fn centre() -> GeoPoint {
    point(52.52, 13.405)
}

#[test]
fn windows_lie_within_working_hours_and_the_job_fits_before_the_end() {
    let svc = service(90, 15, &[]);
    let t = tech(1, centre(), &[("08:00", "12:00")], &[]);
    let r = rules(BERLIN, 120, 30);
    let windows = search(
        &request(&svc, centre(), "2026-11-24", 1, "2026-11-23T12:00:00Z"),
        &[t],
        &[],
        &r,
    );
    // 08:00 local is 07:00Z. The first window is the earliest one that still holds that
    // start (06:30–08:30 local); the last start is 12:00 - 105 min = 10:15 local = 09:15Z.
    assert_eq!(
        windows.first().map(|w| w.start),
        Some(ts("2026-11-24T05:30:00Z"))
    );
    assert_eq!(
        windows.first().map(|w| w.candidates[0].planned_start),
        Some(ts("2026-11-24T07:00:00Z"))
    );
    assert_eq!(
        windows.last().map(|w| w.start),
        Some(ts("2026-11-24T09:00:00Z"))
    );
    for w in &windows {
        assert_eq!(
            w.end.duration_since(w.start),
            mins(120),
            "every window is two hours"
        );
        let c = &w.candidates[0];
        assert!(c.planned_start >= w.start && c.planned_start < w.end);
        assert!(c.planned_start + mins(105) <= ts("2026-11-24T11:00:00Z"));
    }
    assert_eq!(
        windows.last().map(|w| w.candidates[0].planned_start),
        Some(ts("2026-11-24T09:00:00Z"))
    );
}

#[test]
fn travel_from_the_previous_job_and_to_the_next_is_respected() {
    let svc = service(60, 0, &[]);
    let t = tech(1, centre(), &[("08:00", "18:00")], &[]);
    let r = rules(BERLIN, 60, 30);
    let far = point(52.60, 13.50); // ~11 km away
    let jobs = vec![
        Job::new(
            1,
            ts("2026-11-24T08:00:00Z"),
            ts("2026-11-24T09:00:00Z"),
            far,
        )
        .expect("job"),
        Job::new(
            1,
            ts("2026-11-24T13:00:00Z"),
            ts("2026-11-24T14:00:00Z"),
            far,
        )
        .expect("job"),
    ];
    let travel = r.travel().between(far, centre());
    let windows = search(
        &request(&svc, centre(), "2026-11-24", 1, "2026-11-23T12:00:00Z"),
        &[t],
        &jobs,
        &r,
    );
    for w in &windows {
        let c = &w.candidates[0];
        let end = c.planned_start + mins(60);
        let before_first = end + travel <= ts("2026-11-24T08:00:00Z");
        let between = c.planned_start >= ts("2026-11-24T09:00:00Z") + travel
            && end + travel <= ts("2026-11-24T13:00:00Z");
        let after = c.planned_start >= ts("2026-11-24T14:00:00Z") + travel;
        assert!(before_first || between || after, "{c:?}");
    }
    // Right after the first job: 09:00Z plus travel, in the 09:00Z window.
    let w = windows
        .iter()
        .find(|w| w.start == ts("2026-11-24T09:00:00Z"))
        .expect("window after the job");
    assert_eq!(
        w.candidates[0].planned_start,
        ts("2026-11-24T09:00:00Z") + travel
    );
    assert_eq!(w.candidates[0].travel_in, travel);
}

#[test]
fn only_technicians_with_every_required_skill_are_offered() {
    let svc = service(60, 0, &["hvac", "gas"]);
    let techs = vec![
        tech(1, centre(), &[("08:00", "12:00")], &["hvac"]),
        tech(
            2,
            centre(),
            &[("08:00", "12:00")],
            &["HVAC", "gas", "cleaning"],
        ),
    ];
    let windows = search(
        &request(&svc, centre(), "2026-11-24", 1, "2026-11-23T00:00:00Z"),
        &techs,
        &[],
        &rules(BERLIN, 60, 30),
    );
    assert!(!windows.is_empty());
    assert!(
        windows
            .iter()
            .all(|w| w.candidates.iter().all(|c| c.technician == 2))
    );
}

#[test]
fn the_service_area_is_a_radius_or_postal_codes() {
    let svc = service(60, 0, &[]);
    let home = centre();
    let hours = tech(1, home, &[("08:00", "12:00")], &[]).hours().clone();
    let area = ServiceArea::new(Some((home, 5.0)), vec!["14467".into()]).expect("area");
    let t = Technician::new(1, "Area", vec![], home, area).with_hours(hours);
    let r = rules(BERLIN, 60, 30);
    let potsdam = point(52.3906, 13.0645);
    let mut req = request(&svc, potsdam, "2026-11-24", 1, "2026-11-23T00:00:00Z");
    assert!(
        search(&req, std::slice::from_ref(&t), &[], &r).is_empty(),
        "outside the radius, no code"
    );
    req.postal_code = Some("14467");
    assert!(
        !search(&req, std::slice::from_ref(&t), &[], &r).is_empty(),
        "listed postal code"
    );
    let near = request(
        &svc,
        point(52.53, 13.41),
        "2026-11-24",
        1,
        "2026-11-23T00:00:00Z",
    );
    assert!(
        !search(&near, &[t], &[], &r).is_empty(),
        "inside the radius"
    );
}

#[test]
fn time_off_removes_windows_and_extra_shifts_add_them() {
    let svc = service(60, 0, &[]);
    let mut t = tech(1, centre(), &[("08:00", "12:00")], &[]);
    t.add_time_off(
        Span::new(ts("2026-11-24T06:00:00Z"), ts("2026-11-24T12:00:00Z")).expect("span"),
    );
    let r = rules(BERLIN, 60, 30);
    let req = request(&svc, centre(), "2026-11-24", 1, "2026-11-23T00:00:00Z");
    assert!(search(&req, std::slice::from_ref(&t), &[], &r).is_empty());
    t.add_extra_shift(
        date("2026-11-24"),
        ShiftSpan::new(
            DayMinute::parse("18:00").expect("t"),
            DayMinute::parse("20:00").expect("t"),
        )
        .expect("span"),
    );
    let windows = search(&req, &[t], &[], &r);
    assert_eq!(
        windows.first().map(|w| w.candidates[0].planned_start),
        Some(ts("2026-11-24T17:00:00Z"))
    );
}

#[test]
fn minimum_notice_and_horizon_bound_the_offer() {
    let svc = service(60, 0, &[]);
    let t = tech(1, centre(), &[("08:00", "18:00")], &[]);
    let r = Rules::new(
        BERLIN,
        mins(24 * 60),
        2,
        mins(60),
        mins(60),
        TravelModel::new(1.3, 30.0, mins(0)).expect("t"),
    )
    .expect("rules");
    let now = "2026-11-24T09:30:00Z";
    let windows = search(
        &request(&svc, centre(), "2026-11-24", 5, now),
        &[t],
        &[],
        &r,
    );
    assert!(windows.iter().all(|w| w.start >= ts(now) + mins(24 * 60)));
    assert!(windows.iter().all(|w| w.start < ts(now) + mins(48 * 60)));
    assert_eq!(
        windows.first().map(|w| w.start),
        Some(ts("2026-11-25T10:00:00Z"))
    );
}

#[test]
fn candidates_are_ranked_by_added_travel_with_the_reason_in_data() {
    let svc = service(60, 0, &[]);
    let near = tech(7, point(52.521, 13.406), &[("08:00", "12:00")], &[]);
    let far = tech(3, point(52.60, 13.30), &[("08:00", "12:00")], &[]);
    let r = rules(BERLIN, 60, 60);
    let windows = search(
        &request(&svc, centre(), "2026-11-24", 1, "2026-11-23T00:00:00Z"),
        &[far, near],
        &[],
        &r,
    );
    let w = windows
        .iter()
        .find(|w| w.start == ts("2026-11-24T08:00:00Z"))
        .expect("window");
    assert_eq!(
        w.candidates
            .iter()
            .map(|c| c.technician)
            .collect::<Vec<_>>(),
        vec![7, 3]
    );
    assert!(w.candidates[0].added_travel < w.candidates[1].added_travel);

    let best = best_technicians(
        &svc,
        centre(),
        None,
        ts("2026-11-24T09:00:00Z"),
        &[
            tech(3, point(52.60, 13.30), &[("08:00", "12:00")], &[]),
            tech(7, point(52.521, 13.406), &[("08:00", "12:00")], &[]),
        ],
        &[],
        &r,
    );
    assert_eq!(best.first().map(|c| c.technician), Some(7));
    assert!(
        best.iter()
            .all(|c| c.planned_start == ts("2026-11-24T09:00:00Z"))
    );
}

#[test]
fn a_split_shift_goes_on_from_the_last_job_after_the_break() {
    let svc = service(30, 0, &[]);
    let t = tech(1, centre(), &[("08:00", "12:00"), ("13:00", "17:00")], &[]);
    let r = rules(BERLIN, 60, 30);
    let far = point(52.45, 13.25); // ~13 km from the centre
    let jobs = vec![
        Job::new(
            1,
            ts("2026-11-24T10:00:00Z"),
            ts("2026-11-24T11:00:00Z"),
            far,
        )
        .expect("job"),
    ];
    let windows = search(
        &request(&svc, centre(), "2026-11-24", 1, "2026-11-23T00:00:00Z"),
        &[t],
        &jobs,
        &r,
    );
    let after_break = windows
        .iter()
        .find(|w| w.start == ts("2026-11-24T12:00:00Z"))
        .expect("window");
    let c = &after_break.candidates[0];
    assert_eq!(
        c.travel_in,
        r.travel().between(far, centre()),
        "travels from the last job, not from home"
    );
}

#[test]
fn bad_inputs_are_refused_when_built() {
    let t = |s: &str| DayMinute::parse(s).expect("time");
    assert!(matches!(
        ShiftSpan::new(t("17:00"), t("08:00")),
        Err(ScheduleError::ShiftEndsBeforeItStarts { .. })
    ));
    assert!(matches!(
        ShiftSpan::new(t("08:00"), t("08:00")),
        Err(ScheduleError::ShiftEndsBeforeItStarts { .. })
    ));
    assert!(matches!(
        DayMinute::parse("25:00"),
        Err(ScheduleError::MalformedTimeOfDay(_))
    ));
    assert!(matches!(
        DayMinute::parse("71582789:00"),
        Err(ScheduleError::MalformedTimeOfDay(_))
    ));
    assert!(matches!(
        DayMinute::parse("8h"),
        Err(ScheduleError::MalformedTimeOfDay(_))
    ));
    assert_eq!(
        ServiceSpec::new(1, "x", mins(0), mins(0), vec![]).err(),
        Some(ScheduleError::InvalidDuration)
    );
    assert_eq!(
        ServiceSpec::new(1, "x", mins(30), mins(-5), vec![]).err(),
        Some(ScheduleError::InvalidBuffer)
    );
    let travel = TravelModel::new(1.3, 30.0, mins(5)).expect("travel");
    assert_eq!(
        Rules::new(BERLIN, mins(0), 30, mins(0), mins(30), travel).err(),
        Some(ScheduleError::InvalidWindow)
    );
    assert_eq!(
        Rules::new(BERLIN, mins(0), 30, mins(60), mins(0), travel).err(),
        Some(ScheduleError::InvalidStep)
    );
    assert!(matches!(
        Rules::new("Mars/Olympus_Mons", mins(0), 30, mins(60), mins(30), travel),
        Err(ScheduleError::UnknownTimeZone(_))
    ));
    assert_eq!(
        Rules::new(BERLIN, mins(0), 0, mins(60), mins(30), travel).err(),
        Some(ScheduleError::InvalidHorizon(0))
    );
    assert!(matches!(
        GeoPoint::new(120.0, 13.0),
        Err(ScheduleError::CoordinatesOutOfRange { .. })
    ));
    assert!(matches!(
        TravelModel::new(0.5, 30.0, mins(0)),
        Err(ScheduleError::InvalidRoadFactor(_))
    ));
    assert!(matches!(
        TravelModel::new(1.3, 0.0, mins(0)),
        Err(ScheduleError::InvalidSpeed(_))
    ));
    assert_eq!(
        ServiceArea::new(None, vec![" ".into()]).err(),
        Some(ScheduleError::EmptyServiceArea)
    );
    assert!(matches!(
        ServiceArea::new(Some((point(0.0, 0.0), -1.0)), vec![]),
        Err(ScheduleError::InvalidRadius(_))
    ));
    assert_eq!(
        Job::new(
            1,
            ts("2026-11-24T10:00:00Z"),
            ts("2026-11-24T09:00:00Z"),
            point(0.0, 0.0)
        )
        .err(),
        Some(ScheduleError::EmptySpan)
    );
    let mut hours = WeeklyHours::default();
    hours
        .add(
            Weekday::Monday,
            ShiftSpan::new(t("08:00"), t("12:00")).expect("span"),
        )
        .expect("first");
    assert_eq!(
        hours.add(
            Weekday::Monday,
            ShiftSpan::new(t("11:00"), t("13:00")).expect("span")
        ),
        Err(ScheduleError::OverlappingShifts)
    );
}

#[test]
fn a_job_just_before_the_shift_is_where_the_day_starts_from() {
    let svc = service(30, 0, &[]);
    let t = tech(1, centre(), &[("08:00", "12:00")], &[]);
    let r = rules(BERLIN, 60, 30);
    let far = point(52.45, 13.25);
    // An early call-out 07:00–08:00 local (06:00–07:00Z), outside working hours.
    let jobs = vec![
        Job::new(
            1,
            ts("2026-11-24T06:00:00Z"),
            ts("2026-11-24T07:00:00Z"),
            far,
        )
        .expect("job"),
    ];
    let windows = search(
        &request(&svc, centre(), "2026-11-24", 1, "2026-11-23T00:00:00Z"),
        &[t],
        &jobs,
        &r,
    );
    let first = &windows[0].candidates[0];
    assert_eq!(
        first.travel_in,
        r.travel().between(far, centre()),
        "travels from the call-out"
    );
    assert_eq!(
        first.planned_start,
        ts("2026-11-24T07:00:00Z") + r.travel().between(far, centre())
    );
}
