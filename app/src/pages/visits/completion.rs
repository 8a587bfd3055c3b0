//! Proof of service: the completion form on a visit in progress (for its technician and
//! the office), and `/visits/DS-…/report`, the service report of a completed visit.

use crate::api::visits::{
    COMPLETE_VISIT_PATH, CompletionOptions, get_completion_form, get_service_report,
};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::i18n::{self, t, t_with};
use crate::islands::signature_pad::SignatureField;
use crate::request;
use doorstep::dto::{PhotoView, ServiceReport};
use doorstep::format;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// "Complete the visit": checklist, notes, photos, who signs and their signature. A plain
/// multipart form; kept as typed across the page's live refreshes.
#[component]
pub fn CompletionPanel(visit: String) -> impl IntoView {
    view! {
        <section class="panel" id="complete" data-live-keep="" aria-labelledby="complete-heading">
            <h2 id="complete-heading">{t("complete-heading")}</h2>
            <Suspense fallback=crate::pages::loading>
                {
                    let visit = visit.clone();
                    Suspend::new(async move {
                        match get_completion_form(visit.clone()).await {
                            Ok(options) => Either::Left(view! { <CompletionForm visit options /> }),
                            Err(error) => Either::Right(view! { <ErrorAlert error /> }),
                        }
                    })
                }
            </Suspense>
        </section>
    }
}

#[component]
fn CompletionForm(visit: String, options: CompletionOptions) -> impl IntoView {
    let error = crate::pages::form_error(COMPLETE_VISIT_PATH);
    let value = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.echo(name))
            .unwrap_or_default()
            .to_string()
    };
    let problem = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.problem_with(name))
            .map(field_message)
    };
    let ticked: Vec<String> = value("checklist").split(',').map(str::to_string).collect();
    let checklist = (!options.checklist.is_empty()).then(|| {
        let items = options
            .checklist
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let id = format!("checklist-{i}");
                let checked = ticked.contains(&i.to_string());
                view! {
                    <div class="option">
                        <input type="checkbox" id=id.clone() name="checklist" value=i.to_string() checked=checked />
                        <label for=id>{item.clone()}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset>
                <legend>{t("complete-checklist")}</legend>
                {items}
                {problem("checklist").map(|m| view! { <p class="field-error">{m}</p> })}
            </fieldset>
        }
    });
    let photos_hint = t_with(
        "complete-photos-hint",
        &[
            ("n", options.max_files.into()),
            ("mb", options.max_mb.into()),
        ],
    );
    let photos_error = problem("photos").or_else(|| problem("signature"));
    view! {
        {error.clone().map(|error| view! { <ErrorAlert error /> })}
        <form method="post" action=COMPLETE_VISIT_PATH enctype="multipart/form-data" class="stack">
            <input type="hidden" name="visit" value=visit />
            {checklist}
            <TextField name="notes".to_string() label=t("complete-notes") value=value("notes")
                error=problem("notes") area=true hint=t("complete-notes-hint") flat=true />
            <div class="field">
                <label for="field-photos">{t("complete-photos")}</label>
                <p class="hint" id="photos-hint">{photos_hint}</p>
                <input type="file" id="field-photos" name="photos" multiple=true
                    accept="image/jpeg,image/png,image/webp" aria-describedby="photos-hint"
                    aria-invalid=photos_error.as_ref().map(|_| "true") />
                {photos_error.map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <fieldset>
                <legend>{t("complete-signature")}</legend>
                <TextField name="signed_name".to_string() label=t("complete-signed-name")
                    value=value("signed_name") error=problem("signed_name") required=true
                    hint=t("complete-signed-name-hint") flat=true />
                <SignatureField label=t("complete-signature-pad") clear=t("complete-signature-clear") />
            </fieldset>
            <button type="submit" class="button button-primary">{t("complete-send")}</button>
        </form>
    }
}

fn photo_list(photos: &[PhotoView]) -> impl IntoView + use<> {
    let items = photos
        .iter()
        .map(|photo| {
            let alt = t_with("problem-photo-alt", &[("name", photo.name.clone().into())]);
            view! {
                <li>
                    <a href=format!("/files/{}", photo.token)>
                        <img src=format!("/files/{}/thumb", photo.token) alt=alt loading="lazy" width="160" height="120" />
                    </a>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="photos">{items}</ul> }
}

#[component]
pub fn ServiceReportPage() -> impl IntoView {
    let signed_in = crate::pages::signed_in().is_some();
    let reference = use_params_map()
        .get_untracked()
        .get("reference")
        .unwrap_or_default();
    let completed = use_query_map().get_untracked().get("completed").is_some();
    let title = t_with(
        "report-title",
        &[("reference", reference.to_uppercase().into())],
    );
    let body = signed_in.then(|| {
        view! {
            <Suspense fallback=crate::pages::loading>
                {
                    let reference = reference.clone();
                    Suspend::new(async move {
                        match get_service_report(reference).await {
                            Ok(report) => Either::Left(view! { <ReportView report completed /> }),
                            Err(error) => {
                                #[cfg(feature = "ssr")]
                                crate::pages::set_status(&error);
                                Either::Right(view! { <ErrorAlert error /> })
                            }
                        }
                    })
                }
            </Suspense>
        }
    });
    view! {
        <Page title=title.clone()>
            <h1>{title}</h1>
            {body}
        </Page>
    }
}

#[component]
fn ReportView(report: ServiceReport, completed: bool) -> impl IntoView {
    let tz = request::current().business.time_zone.zone();
    let locale = i18n::locale();
    let when = |at: Option<i64>| at.map(|s| format::date_time_of_seconds(s, &tz, locale));
    let reference = report.visit.to_string();
    let banner = completed.then(|| {
        view! {
            <div class="alert alert-success" role="status">
                <p>{t("report-completed")}</p>
            </div>
        }
    });
    let checklist = (!report.checklist.is_empty()).then(|| {
        let items = report
            .checklist
            .iter()
            .map(|entry| {
                let state = if entry.done {
                    t("report-item-done")
                } else {
                    t("report-item-not-done")
                };
                view! {
                    <li class=if entry.done { "done" } else { "not-done" }>
                        {entry.item.clone()}" — "<strong>{state}</strong>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="panel" aria-labelledby="report-checklist">
                <h2 id="report-checklist">{t("complete-checklist")}</h2>
                <ul class="plain-list">{items}</ul>
            </section>
        }
    });
    let photos = (!report.photos.is_empty()).then(|| {
        view! {
            <section class="panel" aria-labelledby="report-photos">
                <h2 id="report-photos">{t("complete-photos")}</h2>
                {photo_list(&report.photos)}
            </section>
        }
    });
    let signed = match (&report.signed_name, &report.signature) {
        (None, _) => Either::Left(view! { <p>{t("report-not-signed")}</p> }),
        (Some(name), signature) => Either::Right(view! {
            <p>{t_with("report-signed-by", &[("name", name.clone().into())])}</p>
            {signature.as_ref().map(|s| view! {
                <img class="signature-image" src=format!("/files/{}", s.token)
                    alt=t_with("report-signature-alt", &[("name", name.clone().into())]) width="300" height="100" />
            })}
        }),
    };
    view! {
        {banner}
        <section class="panel">
            <dl class="facts">
                <dt>{t("visit-reference")}</dt>
                <dd><a href=format!("/visits/{reference}")>{reference.clone()}</a></dd>
                <dt>{t("visit-service")}</dt>
                <dd>{report.service.clone()}</dd>
                <dt>{t("report-customer")}</dt>
                <dd>{report.account_name.clone()}</dd>
                <dt>{t("visit-where")}</dt>
                <dd>{report.location_label.clone()}<br />{report.address.join(", ")}</dd>
                <dt>{t("visit-technician")}</dt>
                <dd>{report.technician.clone().unwrap_or_default()}</dd>
                {when(report.arrived_at).map(|w| view! { <dt>{t("report-arrived")}</dt><dd>{w}</dd> })}
                {when(report.started_at).map(|w| view! { <dt>{t("report-started")}</dt><dd>{w}</dd> })}
                <dt>{t("report-completed-at")}</dt>
                <dd>{when(Some(report.completed_at))}</dd>
                {report.notes.clone().map(|n| view! { <dt>{t("complete-notes")}</dt><dd class="notes">{n}</dd> })}
            </dl>
        </section>
        {checklist}
        {photos}
        <section class="panel" aria-labelledby="report-signature">
            <h2 id="report-signature">{t("complete-signature")}</h2>
            {signed}
        </section>
    }
}
