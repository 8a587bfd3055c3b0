//! What a customer (or the office) can still do with a visit: move it through the booking
//! calendar, cancel it with a reason, or, too close to the visit for either, write to the
//! office. Each is a plain form; a refused one comes back here with what was typed.

use crate::api::visits::{AskOffice, CancelVisit};
use crate::components::alert::{ErrorAlert, error_message};
use crate::error::ApiError;
use crate::i18n::{self, Arg, t, t_with};
use crate::pages::booking::book_url;
use crate::request;
use doorstep::dto::VisitDetail;
use doorstep::format;
use doorstep::permissions::Permission;
use jiff::Timestamp;
use leptos::prelude::*;

/// The longest reason or message, as the server checks it.
const TEXT_MAX: usize = 500;

fn field_error(error: &Option<ApiError>, name: &str) -> Option<String> {
    error
        .as_ref()
        .filter(|e| e.field_name() == Some(name))
        .map(error_message)
}

#[component]
pub fn VisitActions(visit: VisitDetail) -> impl IntoView {
    let policy = visit.changes;
    if !policy.may_change {
        return None;
    }
    let locale = i18n::locale();
    let tz = request::current().business.time_zone.zone();
    let reference = visit.summary.visit.to_string();
    let until = |at: Option<i64>| {
        at.and_then(|s| Timestamp::from_second(s).ok())
            .map(|at| format::date_time(at, &tz, locale))
    };
    // The office moves visits on the board of the visit's day (any technician, any time the
    // engine allows); customers choose another window in the booking calendar.
    let office = crate::pages::allowed(Permission::ManageScheduling);
    let move_link = policy.may_reschedule.then(|| {
        let href = if office {
            let day = Timestamp::from_second(visit.summary.window_start)
                .map(|at| at.to_zoned(tz.clone()).date().to_string())
                .unwrap_or_default();
            format!("/office/board?day={day}")
        } else {
            book_url(&[
                ("location", &visit.location.to_string()),
                ("service", &visit.service_ref.to_string()),
                ("reschedule", &reference),
            ])
        };
        let note = until(policy.reschedule_until)
            .map(|when| view! { <p class="hint">{t_with("visit-change-until", &[("when", when.into())])}</p> });
        view! {
            <p><a class="button button-primary" href=href>{t("visit-change-time")}</a></p>
            {note}
        }
    });

    let cancel = ServerAction::<CancelVisit>::new();
    let cancel_error = cancel.value().get_untracked().and_then(Result::err);
    let reason = cancel_error
        .as_ref()
        .and_then(|e| e.echo("reason"))
        .unwrap_or_default()
        .to_string();
    let reason_error = field_error(&cancel_error, "reason");
    let cancel_general = cancel_error.clone().filter(|e| e.field_name().is_none());
    let cancel_visit = reference.clone();
    let cancel_form = policy.may_cancel.then(|| {
        view! {
            <details class="cancel" open=cancel_error.is_some()>
                <summary>{t("visit-cancel")}</summary>
                {cancel_general.map(|error| view! { <ErrorAlert error /> })}
                <ActionForm action=cancel attr:class="stack">
                    <input type="hidden" name="visit" value=cancel_visit />
                    <div class="field">
                        <label for="reason">{t("visit-cancel-reason")}</label>
                        <textarea id="reason" name="reason" rows="3" required=true
                            maxlength=TEXT_MAX.to_string()
                            aria-invalid=reason_error.is_some().then_some("true")
                            aria-describedby=reason_error.is_some().then_some("reason-error")>{reason}</textarea>
                        {reason_error.map(|m| view! { <p class="field-error" id="reason-error">{m}</p> })}
                    </div>
                    <button type="submit" class="button button-danger">{t("visit-cancel-confirm")}</button>
                </ActionForm>
            </details>
        }
    });

    let ask = ServerAction::<AskOffice>::new();
    let ask_error = ask.value().get_untracked().and_then(Result::err);
    let message = ask_error
        .as_ref()
        .and_then(|e| e.echo("message"))
        .unwrap_or_default()
        .to_string();
    let message_error = field_error(&ask_error, "message");
    let ask_general = ask_error.clone().filter(|e| e.field_name().is_none());
    let too_late = !policy.may_reschedule || !policy.may_cancel;
    let notice_hours = policy
        .reschedule_until
        .zip(policy.cancel_until)
        .map_or(0, |(r, c)| {
            let start = visit.summary.window_start;
            (start - r.min(c)) / 3600
        });
    let ask_form = too_late.then(|| {
        view! {
            <div class="alert alert-info" role="status">
                <p>{t_with("visit-too-late", &[("hours", Arg::Num(notice_hours))])}</p>
            </div>
            {ask_general.map(|error| view! { <ErrorAlert error /> })}
            <ActionForm action=ask attr:class="stack">
                <input type="hidden" name="visit" value=reference.clone() />
                <div class="field">
                    <label for="message">{t("visit-ask-message")}</label>
                    <textarea id="message" name="message" rows="3" required=true
                        maxlength=TEXT_MAX.to_string()
                        aria-invalid=message_error.is_some().then_some("true")
                        aria-describedby=message_error.is_some().then_some("message-error")>{message}</textarea>
                    {message_error.map(|m| view! { <p class="field-error" id="message-error">{m}</p> })}
                </div>
                <button type="submit" class="button">{t("visit-ask-send")}</button>
            </ActionForm>
        }
    });
    Some(view! {
        <section class="panel" aria-labelledby="changes-heading">
            <h2 id="changes-heading">{t("visit-changes")}</h2>
            {move_link}
            {cancel_form}
            {ask_form}
        </section>
    })
}
