//! `/office/services`: the service catalogue, and `/office/services/SV-000001` (or `/new`)
//! to change one or add one. Plain forms: every refused field says why beside itself and
//! everything typed stays.

use crate::api::office::{CatalogueEntry, SaveService, get_catalogue, get_service};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::{self, Arg, t, t_with};
use crate::pages::booking::price_label;
use crate::request;
use doorstep::catalogue::{PriceKind, ServiceDraft};
use doorstep::locale::Locale;
use doorstep::permissions::Permission;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

fn allowed() -> bool {
    crate::pages::allowed(Permission::ManageScheduling)
}

#[component]
pub fn ServicesPage() -> impl IntoView {
    let may = allowed();
    let saved = use_query_map().get_untracked().get("saved");
    let body = if may {
        Either::Left(view! {
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    match get_catalogue().await {
                        Ok(list) => Either::Left(view! { <ServiceList list /> }),
                        Err(error) => Either::Right(view! { <ErrorAlert error /> }),
                    }
                })}
            </Suspense>
        })
    } else {
        Either::Right(view! { <crate::pages::Refused error=ApiError::Forbidden /> })
    };
    let done = saved.filter(|_| may).map(|reference| {
        view! {
            <div class="alert alert-success" role="status">
                <p>{t_with("services-saved", &[("reference", reference.into())])}</p>
            </div>
        }
    });
    view! {
        <Page title=t("services-title")>
            <div class="panel-head">
                <h1>{t("services-title")}</h1>
                {may.then(|| view! {
                    <a class="button button-primary" href="/office/services/new">{t("services-add")}</a>
                })}
            </div>
            {done}
            {body}
        </Page>
    }
}

#[component]
fn ServiceList(list: Vec<CatalogueEntry>) -> impl IntoView {
    let locale = i18n::locale();
    if list.is_empty() {
        return Either::Left(view! { <p class="empty">{t("services-empty")}</p> });
    }
    let rows = list
        .into_iter()
        .map(|entry| {
            let d = &entry.draft;
            let href = format!("/office/services/{}", entry.service);
            let yes_no = |b: bool| if b { t("yes") } else { t("no") };
            view! {
                <tr>
                    <th scope="row"><a href=href>{d.name(locale).to_string()}</a></th>
                    <td>{d.category.clone()}</td>
                    <td class="num">{t_with("book-duration", &[("minutes", Arg::Num(d.duration_min))])}</td>
                    <td>{price_label(d.price_kind, d.price_minor)}</td>
                    <td>{yes_no(d.self_bookable)}</td>
                    <td>{yes_no(d.active)}</td>
                </tr>
            }
        })
        .collect_view();
    Either::Right(view! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">{t("services-title")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("service-name")}</th>
                        <th scope="col">{t("service-category")}</th>
                        <th scope="col">{t("service-duration")}</th>
                        <th scope="col">{t("service-price")}</th>
                        <th scope="col">{t("service-self-bookable-short")}</th>
                        <th scope="col">{t("service-active-short")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    })
}

#[component]
pub fn ServiceEditPage() -> impl IntoView {
    let may = allowed();
    let reference = use_params_map()
        .get_untracked()
        .get("reference")
        .unwrap_or_default();
    let is_new = reference == "new";
    let title = if is_new {
        t("services-add")
    } else {
        t("services-edit")
    };
    let body = if !may {
        Either::Left(view! { <crate::pages::Refused error=ApiError::Forbidden /> })
    } else if is_new {
        Either::Right(Either::Left(view! { <ServiceForm entry=None /> }))
    } else {
        Either::Right(Either::Right(view! {
            <Suspense fallback=crate::pages::loading>
                {
                    let reference = reference.clone();
                    Suspend::new(async move {
                        match get_service(reference).await {
                            Ok(entry) => Either::Left(view! { <ServiceForm entry=Some(entry) /> }),
                            Err(error) => {
                                #[cfg(feature = "ssr")]
                                if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                                    res.set_status(http::StatusCode::NOT_FOUND);
                                }
                                Either::Right(view! { <ErrorAlert error /> })
                            }
                        }
                    })
                }
            </Suspense>
        }))
    };
    view! {
        <Page title=title.clone()>
            <p><a href="/office/services">{t("services-back")}</a></p>
            <h1>{title}</h1>
            {body}
        </Page>
    }
}

#[component]
fn ServiceForm(entry: Option<CatalogueEntry>) -> impl IntoView {
    let business = request::current().business;
    let action = ServerAction::<SaveService>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let draft: Option<ServiceDraft> = entry.as_ref().map(|e| e.draft.clone());
    let reference = entry.map(|e| e.service.to_string()).unwrap_or_default();
    // What the field shows: as typed when refused, else as saved.
    let saved = |name: &str| -> String {
        let Some(d) = &draft else {
            return match name {
                "buffer_min" => "0".into(),
                "price_kind" => "from".into(),
                "self_bookable" | "active" => "on".into(),
                _ => String::new(),
            };
        };
        let text = |locale: &str, description: bool| {
            d.texts
                .iter()
                .find(|t| t.locale.code() == locale)
                .map(|t| {
                    if description {
                        t.description.clone()
                    } else {
                        t.name.clone()
                    }
                })
                .unwrap_or_default()
        };
        match name {
            "category" => d.category.clone(),
            "duration_min" => d.duration_min.to_string(),
            "buffer_min" => d.buffer_min.to_string(),
            "price_kind" => d.price_kind.as_str().into(),
            "price" => d
                .price_minor
                .map(|m| {
                    let digits = business.currency.minor_digits();
                    let scale = 10_i64.pow(digits);
                    if digits == 0 {
                        m.to_string()
                    } else {
                        format!(
                            "{}.{:0width$}",
                            m / scale,
                            m % scale,
                            width = digits as usize
                        )
                    }
                })
                .unwrap_or_default(),
            "skills" => d.skills.join(", "),
            "checklist" => d.checklist.join("\n"),
            "self_bookable" => {
                if d.self_bookable {
                    "on".into()
                } else {
                    String::new()
                }
            }
            "active" => {
                if d.active {
                    "on".into()
                } else {
                    String::new()
                }
            }
            other => match other.split_once('_') {
                Some(("name", l)) => text(l, false),
                Some(("description", l)) => text(l, true),
                _ => String::new(),
            },
        }
    };
    let value = |name: &str| -> String {
        match &error {
            Some(e) => e.echo(name).unwrap_or_default().to_string(),
            None => saved(name),
        }
    };
    let problem = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.problem_with(name))
            .map(field_message)
    };
    let field = |name: &str, label: String, required: bool, area: bool, hint: Option<String>| {
        view! {
            <TextField name=name.to_string() label value=value(name) error=problem(name)
                required area hint=hint.unwrap_or_default() />
        }
        .into_any()
    };
    let languages = Locale::ALL
        .iter()
        .map(|l| {
            let code = l.code();
            let name_field = format!("name_{code}");
            let description_field = format!("description_{code}");
            let required = *l == business.default_locale;
            let name = field(&name_field, t("service-name"), required, false, None);
            let description = field(
                &description_field,
                t("service-description"),
                false,
                true,
                None,
            );
            view! {
                <fieldset>
                    <legend lang=code>{l.native_name()}</legend>
                    {name}
                    {description}
                </fieldset>
            }
        })
        .collect_view();
    let kind = value("price_kind");
    let kinds = [PriceKind::Fixed, PriceKind::From, PriceKind::Quote]
        .into_iter()
        .map(|k| {
            let id = format!("price-kind-{}", k.as_str());
            view! {
                <li>
                    <input type="radio" id=id.clone() name="fields[price_kind]" value=k.as_str()
                        checked=kind == k.as_str() />
                    <label for=id>{t(&format!("service-price-{}", k.as_str()))}</label>
                </li>
            }
        })
        .collect_view();
    let check = |name: &'static str| {
        let id = format!("field-{name}");
        let checked = !value(name).is_empty();
        view! {
            <div class="field checkbox">
                <input type="checkbox" id=id.clone() name=format!("fields[{name}]") checked=checked />
                <label for=id>{t(&format!("service-{}", name.replace('_', "-")))}</label>
            </div>
        }
    };
    let (bookable, active) = (check("self_bookable"), check("active"));
    let kind_error = problem("price_kind");
    let category = field("category", t("service-category"), true, false, None);
    let duration = field("duration_min", t("service-duration-min"), true, false, None);
    let buffer = field(
        "buffer_min",
        t("service-buffer-min"),
        true,
        false,
        Some(t("service-buffer-min-hint")),
    );
    let skills = field(
        "skills",
        t("service-skills"),
        false,
        false,
        Some(t("service-skills-hint")),
    );
    let checklist = field(
        "checklist",
        t("service-checklist"),
        false,
        true,
        Some(t("service-checklist-hint")),
    );
    let price = field(
        "price",
        t("service-price-amount"),
        false,
        false,
        Some(t_with(
            "service-price-amount-hint",
            &[("currency", business.currency.code().to_string().into())],
        )),
    );
    view! {
        {error.clone().map(|error| view! { <ErrorAlert error /> })}
        <ActionForm action=action attr:class="panel stack">
            <input type="hidden" name="service" value=reference />
            {languages}
            <fieldset>
                <legend>{t("service-visit")}</legend>
                {category}
                {duration}
                {buffer}
                {skills}
                {checklist}
            </fieldset>
            <fieldset>
                <legend>{t("service-price")}</legend>
                <ul class="window-list">{kinds}</ul>
                {kind_error.map(|m| view! { <p class="field-error">{m}</p> })}
                {price}
            </fieldset>
            <fieldset>
                <legend>{t("service-booking")}</legend>
                {bookable}
                {active}
            </fieldset>
            <button type="submit" class="button button-primary">{t("service-save")}</button>
        </ActionForm>
    }
}
