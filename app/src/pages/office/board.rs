//! `/office/board?day=2026-12-08`: the dispatcher runs the day from here. One lane per
//! technician (hours, blocked time, the visits in order with the travel before each), the
//! visits nobody is assigned to, the regular-visit days to arrange and the open requests.
//! Moving a visit or blocking time are plain forms; the page says what the engine found
//! (the travel a move adds, the time it leaves free) or who could take the visit instead.

use crate::api::office::{BlockTime, MoveVisit, PlaceFlagged, get_board};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::{self, Arg, t, t_with};
use crate::pages::allowed;
use crate::pages::booking::window_times;
use crate::pages::plans::{day_text, time_of_day};
use crate::pages::requests::{kind_title, visit_link};
use crate::request;
use doorstep::dto::board::{Board, BoardLane, BoardStop, FlaggedDay};
use doorstep::dto::{RequestView, WindowOffer};
use doorstep::permissions::Permission;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn BoardPage() -> impl IntoView {
    let may = allowed(Permission::ManageScheduling);
    let day = use_query_map()
        .get_untracked()
        .get("day")
        .unwrap_or_default();
    let body = if may {
        Either::Left(view! {
            <Suspense fallback=crate::pages::loading>
                {
                    let day = day.clone();
                    Suspend::new(async move {
                        match get_board(Some(day)).await {
                            Ok(board) => Either::Left(view! { <BoardView board /> }),
                            Err(error) => {
                                #[cfg(feature = "ssr")]
                                crate::pages::set_status(&error);
                                Either::Right(view! { <ErrorAlert error /> })
                            }
                        }
                    })
                }
            </Suspense>
        })
    } else {
        #[cfg(feature = "ssr")]
        crate::pages::set_status(&ApiError::Forbidden);
        Either::Right(view! { <crate::pages::Refused error=ApiError::Forbidden /> })
    };
    view! {
        <Page title=t("board-title")>
            <h1>{t("board-title")}</h1>
            {body}
        </Page>
    }
}

/// `09:30` in the business's zone, for a time field's value.
fn clock(at: i64) -> String {
    let tz = request::current().business.time_zone.zone();
    jiff::Timestamp::from_second(at)
        .map(|s| s.to_zoned(tz).strftime("%H:%M").to_string())
        .unwrap_or_default()
}

fn times(w: &WindowOffer) -> String {
    let tz = request::current().business.time_zone.zone();
    window_times(w, &tz, i18n::locale())
}

/// What the last move or block did, from the query it landed with.
fn done_notice() -> Option<impl IntoView + use<>> {
    let query = use_query_map().get_untracked();
    let num = |name: &str| {
        query
            .get(name)
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let line = if let Some(visit) = query.get("placed") {
        t_with(
            "board-placed",
            &[
                ("visit", visit.into()),
                ("travel", Arg::Num(num("travel"))),
                ("gap", Arg::Num(num("gap"))),
            ],
        )
    } else if let Some(visit) = query.get("moved") {
        t_with(
            "board-moved",
            &[
                ("visit", visit.into()),
                ("travel", Arg::Num(num("travel"))),
                ("gap", Arg::Num(num("gap"))),
            ],
        )
    } else if query.get("blocked").is_some() {
        t_with("board-blocked", &[("count", Arg::Num(num("clashes")))])
    } else {
        return None;
    };
    Some(view! { <crate::components::alert::DoneAlert text=line /> })
}

#[component]
fn BoardView(board: Board) -> impl IntoView {
    let move_action = ServerAction::<MoveVisit>::new();
    let block_action = ServerAction::<BlockTime>::new();
    let place_action = ServerAction::<PlaceFlagged>::new();
    let place_error = place_action.value().get_untracked().and_then(Result::err);
    let move_error = move_action.value().get_untracked().and_then(Result::err);
    let block_error = block_action.value().get_untracked().and_then(Result::err);
    let day: jiff::civil::Date = board.day.parse().unwrap_or_default();
    let link = |d: Result<jiff::civil::Date, jiff::Error>| {
        d.map(|d| format!("/office/board?day={d}"))
            .unwrap_or_default()
    };
    let (prev, next) = (link(day.yesterday()), link(day.tomorrow()));
    let technicians: Vec<(String, String)> = board
        .lanes
        .iter()
        .map(|l| (l.technician.to_string(), l.name.clone()))
        .collect();
    let refused = move_error
        .clone()
        .or_else(|| place_error.clone())
        .map(|error| match error {
            ApiError::DoesNotFit { ref could, .. } => {
                let others = could
                    .iter()
                    .map(|c| {
                        let line = t_with(
                            "board-could",
                            &[
                                ("name", c.name.clone().into()),
                                ("travel", Arg::Num(c.added_travel_min)),
                            ],
                        );
                        view! { <li>{line}</li> }
                    })
                    .collect_view();
                let none = could
                    .is_empty()
                    .then(|| view! { <p>{t("board-could-nobody")}</p> });
                Either::Left(view! {
                    <div class="alert alert-error" role="alert">
                        <p>{t("error-does-not-fit")}</p>
                        {none}
                        <ul>{others}</ul>
                    </div>
                })
            }
            error => Either::Right(view! { <ErrorAlert error /> }),
        });
    let block_refused = block_error
        .clone()
        .map(|error| view! { <ErrorAlert error /> });
    let forms = Forms {
        move_action,
        block_action,
        place_action,
        move_error,
        block_error,
        place_error,
        technicians,
        day: board.day.clone(),
    };
    let lanes = board
        .lanes
        .iter()
        .map(|l| lane_view(l, &forms))
        .collect_view();
    let unassigned = if board.unassigned.is_empty() {
        Either::Left(view! { <p class="empty">{t("board-unassigned-empty")}</p> })
    } else {
        Either::Right(view! {
            <ol class="board-stops">
                {board.unassigned.iter().map(|s| stop_view(s, &forms)).collect_view()}
            </ol>
        })
    };
    let flagged = if board.flagged.is_empty() {
        Either::Left(view! { <p class="empty">{t("board-flagged-empty")}</p> })
    } else {
        Either::Right(view! {
            <ul class="board-list">
                {board.flagged.iter().map(|f| flagged_view(f, &forms)).collect_view()}
            </ul>
        })
    };
    let requests = board.open_requests.len();
    let requests_line = t_with(
        "board-requests",
        &[("count", Arg::Num(i64::try_from(requests).unwrap_or(0)))],
    );
    let open_requests = (requests > 0).then(|| {
        let items = board
            .open_requests
            .iter()
            .take(REQUESTS_SHOWN)
            .map(request_view)
            .collect_view();
        view! { <ul class="board-list">{items}</ul> }
    });
    view! {
        <nav class="actions" aria-label=t("board-days")>
            <a class="button" href=prev>{t("board-prev")}</a>
            <form method="get" action="/office/board" class="actions">
                <label for="board-day" class="visually-hidden">{t("board-day")}</label>
                <input type="date" id="board-day" name="day" value=board.day.clone() />
                <button type="submit" class="button">{t("board-go")}</button>
            </form>
            <a class="button" href=next>{t("board-next")}</a>
        </nav>
        <p class="lead">{day_text(&board.day)}</p>
        {done_notice()}
        {refused}
        {block_refused}
        <div class="board">
            {lanes}
            <section class="panel board-lane" aria-labelledby="board-unassigned">
                <h2 id="board-unassigned">{t("board-unassigned")}</h2>
                {unassigned}
                <h3>{t("board-flagged")}</h3>
                {flagged}
                <h3>{t("board-open-requests")}</h3>
                {open_requests}
                <p><a href="/office/requests">{requests_line}</a></p>
            </section>
        </div>
    }
}

/// The oldest open requests the board lists beside the lanes; the rest are a link away.
const REQUESTS_SHOWN: usize = 10;

/// An open request, oldest first: what, for whom, where, and the visit a change is about.
fn request_view(r: &RequestView) -> impl IntoView + use<> {
    let reference = r.request.to_string();
    let what = match &r.service {
        Some(service) => format!("{} · {service}", kind_title(r.kind)),
        None => kind_title(r.kind),
    };
    let visit = visit_link(r).map(|link| view! { <p>{t("request-visit")}" "{link}</p> });
    view! {
        <li>
            <p><a href=format!("/requests/{reference}")>{reference.clone()}</a>" · "{what}</p>
            <p class="hint">{r.account_name.clone()}" · "{r.location_label.clone()}</p>
            {visit}
            {r.notes.clone().map(|n| view! { <p class="notes">{n}</p> })}
        </li>
    }
}

/// What every form of the board needs.
struct Forms {
    move_action: ServerAction<MoveVisit>,
    block_action: ServerAction<BlockTime>,
    place_action: ServerAction<PlaceFlagged>,
    move_error: Option<ApiError>,
    block_error: Option<ApiError>,
    place_error: Option<ApiError>,
    technicians: Vec<(String, String)>,
    day: String,
}

fn lane_view(lane: &BoardLane, forms: &Forms) -> impl IntoView + use<> {
    let id = format!("lane-{}", lane.technician);
    let labelled_by = id.clone();
    let name = lane.name.clone();
    let hours = if lane.shifts.is_empty() {
        t("board-off")
    } else {
        lane.shifts.iter().map(times).collect::<Vec<_>>().join(", ")
    };
    let blocked = (!lane.blocked.is_empty()).then(|| {
        let spans = lane
            .blocked
            .iter()
            .map(times)
            .collect::<Vec<_>>()
            .join(", ");
        view! { <p class="hint">{t_with("board-blocked-spans", &[("spans", spans.into())])}</p> }
    });
    let stops = if lane.stops.is_empty() {
        Either::Left(view! { <p class="empty">{t("board-no-visits")}</p> })
    } else {
        Either::Right(view! {
            <ol class="board-stops">{lane.stops.iter().map(|s| stop_view(s, forms)).collect_view()}</ol>
        })
    };
    let travel = t_with(
        "board-travel-total",
        &[("minutes", Arg::Num(lane.travel_min))],
    );
    let technician = lane.technician.to_string();
    // The block form opens again, with what was typed, after it was refused for this lane.
    let error = forms
        .block_error
        .clone()
        .filter(|e| e.echo("technician") == Some(technician.as_str()));
    let value = |name: &str, default: &str| {
        error
            .as_ref()
            .and_then(|e| e.echo(name))
            .unwrap_or(default)
            .to_string()
    };
    let problem = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.problem_with(name))
            .map(field_message)
    };
    let (from, until, reason) = (
        value("from", "12:00"),
        value("until", "13:00"),
        value("reason", ""),
    );
    let (from_error, until_error, reason_error) =
        (problem("from"), problem("until"), problem("reason"));
    let (from_id, until_id, reason_id) = (
        format!("from-{technician}"),
        format!("until-{technician}"),
        format!("reason-{technician}"),
    );
    let (block_action, day) = (forms.block_action, forms.day.clone());
    let open = error.is_some();
    let block = view! {
        <details class="plan-change" open=open>
            <summary>{t("board-block")}</summary>
            <ActionForm action=block_action attr:class="stack">
                <input type="hidden" name="technician" value=technician />
                <input type="hidden" name="day" value=day />
                <div class="field-row">
                    <TextField name="from".to_string() id=from_id label=t("board-from")
                        value=from error=from_error required=true flat=true input_type="time" />
                    <TextField name="until".to_string() id=until_id label=t("board-until")
                        value=until error=until_error required=true flat=true input_type="time" />
                </div>
                <TextField name="reason".to_string() id=reason_id label=t("board-reason")
                    value=reason error=reason_error flat=true />
                <button type="submit" class="button">{t("board-block-confirm")}</button>
            </ActionForm>
        </details>
    };
    view! {
        <section class="panel board-lane" aria-labelledby=labelled_by>
            <h2 id=id>{name}</h2>
            <p class="hint">{hours}</p>
            {blocked}
            {stops}
            <p class="hint">{travel}</p>
            {block}
        </section>
    }
}

/// The technicians to choose from, `chosen` selected.
fn technician_options(forms: &Forms, chosen: &str) -> impl IntoView + use<> {
    forms
        .technicians
        .iter()
        .map(|(reference, name)| {
            let selected = reference == chosen;
            view! { <option value=reference.clone() selected=selected>{name.clone()}</option> }
        })
        .collect_view()
}

/// A regular visit's day to arrange: who and when, the preferred time to start with.
fn flagged_view(flagged: &FlaggedDay, forms: &Forms) -> impl IntoView + use<> {
    let plan = flagged.plan.to_string();
    let key = format!("{plan}-{}", flagged.day);
    let line = t_with(
        "board-flagged-line",
        &[
            ("day", day_text(&flagged.day).into()),
            ("customer", flagged.customer.clone().into()),
            ("service", flagged.service.clone().into()),
            (
                "time",
                time_of_day(flagged.window_start_min, i18n::locale()).into(),
            ),
        ],
    );
    let error = forms.place_error.clone().filter(|e| {
        e.echo("plan") == Some(plan.as_str()) && e.echo("day") == Some(flagged.day.as_str())
    });
    let preferred = format!(
        "{:02}:{:02}",
        flagged.window_start_min / 60,
        flagged.window_start_min % 60
    );
    let time = error
        .as_ref()
        .and_then(|e| e.echo("time"))
        .map_or(preferred, str::to_string);
    let time_error = error
        .as_ref()
        .and_then(|e| e.problem_with("time"))
        .map(field_message);
    let chosen = error
        .as_ref()
        .and_then(|e| e.echo("technician"))
        .unwrap_or_default()
        .to_string();
    let options = technician_options(forms, &chosen);
    let label = t_with(
        "board-arrange-day",
        &[("day", day_text(&flagged.day).into())],
    );
    let (select_id, time_id) = (format!("technician-{key}"), format!("time-{key}"));
    let (action, day, open) = (forms.place_action, flagged.day.clone(), error.is_some());
    view! {
        <li>
            <a href=format!("/plans/{plan}")>{line}</a>
            <details class="plan-change" open=open>
                <summary aria-label=label>{t("board-arrange")}</summary>
                <ActionForm action=action attr:class="stack">
                    <input type="hidden" name="plan" value=plan />
                    <input type="hidden" name="day" value=day />
                    <div class="field">
                        <label for=select_id.clone()>{t("board-technician")}</label>
                        <select id=select_id name="technician" required=true>{options}</select>
                    </div>
                    <TextField name="time".to_string() id=time_id label=t("board-time")
                        value=time error=time_error required=true flat=true input_type="time" />
                    <button type="submit" class="button">{t("board-arrange-confirm")}</button>
                </ActionForm>
            </details>
        </li>
    }
}

fn stop_view(stop: &BoardStop, forms: &Forms) -> impl IntoView + use<> {
    let visit = stop.visit.to_string();
    let travel = stop
        .travel_in_min
        .map(|m| view! { <p class="board-travel">{t_with("board-travel", &[("minutes", Arg::Num(m))])}</p> });
    let window = stop
        .window
        .as_ref()
        .map(|w| t_with("board-window", &[("times", times(w).into())]));
    let error = forms
        .move_error
        .clone()
        .filter(|e| e.echo("visit") == Some(visit.as_str()));
    let value = |name: &str, default: String| {
        error
            .as_ref()
            .and_then(|e| e.echo(name))
            .map(str::to_string)
            .unwrap_or(default)
    };
    let problem = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.problem_with(name))
            .map(field_message)
    };
    let chosen = value("technician", String::new());
    let options = technician_options(forms, &chosen);
    let select_id = format!("technician-{visit}");
    let label = t_with("board-move-visit", &[("visit", visit.clone().into())]);
    let (day, time) = (
        value("day", forms.day.clone()),
        value("time", clock(stop.planned.start)),
    );
    let (day_error, time_error) = (problem("day"), problem("time"));
    let (day_id, time_id) = (format!("day-{visit}"), format!("time-{visit}"));
    let open = error.is_some();
    let move_action = forms.move_action;
    let (when, service, customer, place) = (
        times(&stop.planned),
        stop.service.clone(),
        stop.customer.clone(),
        stop.place.clone(),
    );
    let status = t(stop.status.message_key());
    let (href, hidden) = (format!("/visits/{visit}"), visit.clone());
    view! {
        <li class="board-stop">
            {travel}
            <p class="board-stop-when"><strong>{when}</strong> " · " {service}</p>
            <p><a href=href>{visit}</a> " · " {customer}</p>
            <p class="hint">{place}</p>
            {window.map(|w| view! { <p class="hint">{w}</p> })}
            <p><span class="badge">{status}</span></p>
            <details class="plan-change" open=open>
                <summary aria-label=label>{t("board-move")}</summary>
                <ActionForm action=move_action attr:class="stack">
                    <input type="hidden" name="visit" value=hidden />
                    <div class="field">
                        <label for=select_id.clone()>{t("board-technician")}</label>
                        <select id=select_id name="technician" required=true>{options}</select>
                    </div>
                    <div class="field-row">
                        <TextField name="day".to_string() id=day_id label=t("board-day")
                            value=day error=day_error required=true flat=true input_type="date" />
                        <TextField name="time".to_string() id=time_id label=t("board-time")
                            value=time error=time_error required=true flat=true input_type="time" />
                    </div>
                    <button type="submit" class="button">{t("board-move-confirm")}</button>
                </ActionForm>
            </details>
        </li>
    }
}
