//! `/locations`: a customer's places, and `/locations/LO-000001` (or `/new`) to change one
//! or add one. A place without a position says so, and why it matters: nobody can be
//! booked to go there until it has one.

use crate::api::locations::{
    LocationEntry, LocationForm, SaveLocation, get_location, get_locations,
};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::t;
use crate::islands::pin_map::{PinFrame, PinSetup};
use crate::pages::booking::book_url;
use doorstep::permissions::Permission;
use doorstep::places::Position;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

fn allowed() -> bool {
    crate::pages::allowed(Permission::ManageLocations)
}

#[component]
pub fn LocationsPage() -> impl IntoView {
    let may = allowed();
    let owner = crate::request::current()
        .user
        .is_some_and(|u| u.role == doorstep::permissions::Role::AccountOwner);
    let saved = use_query_map().get_untracked().get("saved").filter(|_| may);
    let body = if may {
        Either::Left(view! {
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    match get_locations().await {
                        Ok(list) => Either::Left(view! { <LocationList list /> }),
                        Err(error) => Either::Right(view! { <ErrorAlert error /> }),
                    }
                })}
            </Suspense>
        })
    } else {
        Either::Right(view! { <crate::pages::Refused error=ApiError::Forbidden /> })
    };
    let done = saved.map(|reference| {
        let book = book_url(&[("location", &reference)]);
        view! {
            <div class="alert alert-success" role="status">
                <p>{t("locations-saved")}" "<a href=book>{t("locations-book-here")}</a></p>
            </div>
        }
    });
    view! {
        <Page title=t("locations-title")>
            <div class="panel-head">
                <h1>{t("locations-title")}</h1>
                // Only owners add places: a new place is nobody else's until they give it.
                {owner.then(|| view! {
                    <a class="button button-primary" href="/locations/new">{t("locations-add")}</a>
                })}
            </div>
            {done}
            {body}
        </Page>
    }
}

#[component]
fn LocationList(list: Vec<LocationEntry>) -> impl IntoView {
    if list.is_empty() {
        return Either::Left(view! { <p class="empty">{t("locations-empty")}</p> });
    }
    let cards = list
        .into_iter()
        .map(|entry| {
            let href = format!("/locations/{}", entry.location);
            let d = entry.draft;
            let placed = d.position.is_some();
            let books = crate::request::current().user.is_some_and(|u| {
                u.account.is_some_and(|a| {
                    u.may_at(
                        doorstep::permissions::Capability::Book,
                        a.id(),
                        entry.location.id(),
                    )
                })
            });
            let status = if !books {
                None
            } else if placed {
                Some(Either::Left(view! {
                    <a href=book_url(&[("location", &entry.location.to_string())])>
                        {t("locations-book-here")}
                    </a>
                }))
            } else {
                Some(Either::Right(view! {
                    <p class="alert alert-warning">{t("location-unplaced")}</p>
                }))
            };
            view! {
                <li class="card">
                    <h2 class="card-title"><a href=href>{d.label}</a></h2>
                    <address>
                        {d.address.line1}
                        {d.address.line2.map(|l2| view! { <br />{l2} })}
                        <br />
                        {format!("{} {}", d.address.postal_code, d.address.city)}
                    </address>
                    {status}
                </li>
            }
        })
        .collect_view();
    Either::Right(view! { <ul class="cards">{cards}</ul> })
}

#[component]
pub fn LocationEditPage() -> impl IntoView {
    let may = allowed();
    let reference = use_params_map()
        .get_untracked()
        .get("reference")
        .unwrap_or_default();
    let unplaced = use_query_map().get_untracked().get("unplaced");
    let title = if reference == "new" {
        t("locations-add")
    } else {
        t("locations-edit")
    };
    let body = if may {
        Either::Left(view! {
            <Suspense fallback=crate::pages::loading>
                {
                    let reference = reference.clone();
                    let unplaced = unplaced.clone();
                    Suspend::new(async move {
                        match get_location(reference).await {
                            Ok(form) if may_change(&form) => {
                                Either::Left(view! { <PlaceForm form unplaced /> }.into_any())
                            }
                            Ok(form) => Either::Left(view! { <PlaceSummary form /> }.into_any()),
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
        Either::Right(view! { <crate::pages::Refused error=ApiError::Forbidden /> })
    };
    view! {
        <Page title=title.clone()>
            <p><a href="/locations">{t("locations-back")}</a></p>
            <h1>{title}</h1>
            {body}
        </Page>
    }
}

/// Whether the person may change the place (owners, and members who may book there); the
/// others see it read only.
fn may_change(form: &LocationForm) -> bool {
    let Some(user) = crate::request::current().user else {
        return false;
    };
    let Some(entry) = &form.entry else {
        return true;
    };
    user.role == doorstep::permissions::Role::AccountOwner
        || user.account.is_some_and(|a| {
            user.may_at(
                doorstep::permissions::Capability::Book,
                a.id(),
                entry.location.id(),
            )
        })
}

/// A place as a member who may only see it reads it: its address and access notes.
#[component]
fn PlaceSummary(form: LocationForm) -> impl IntoView {
    let Some(entry) = form.entry else {
        return Either::Left(view! { <crate::pages::Refused error=ApiError::NotFound /> });
    };
    let d = entry.draft;
    Either::Right(view! {
        <section class="panel stack" aria-labelledby="place-heading">
            <h2 id="place-heading">{d.label}</h2>
            <address>
                {d.address.line1}
                {d.address.line2.map(|l2| view! { <br />{l2} })}
                <br />
                {format!("{} {}", d.address.postal_code, d.address.city)}
                <br />
                {d.address.country}
            </address>
            {d.access_notes.map(|notes| view! {
                <h3>{t("location-access-notes")}</h3>
                <p class="notes">{notes}</p>
            })}
            <p class="hint">{t("location-read-only")}</p>
        </section>
    })
}

/// Why a saved place has no position, as the save told it (`?unplaced=not_found`).
fn unplaced_message(reason: &str) -> String {
    match reason {
        "not_found" => t("location-unplaced-not-found"),
        "unavailable" => t("location-unplaced-unavailable"),
        _ => t("location-unplaced-enter"),
    }
}

/// The map beside the position's fields, with the business's tile server.
fn pin_setup(centre: Option<(f64, f64)>) -> PinSetup {
    let (tiles, attribution) = crate::pages::map_tiles();
    PinSetup {
        tiles,
        attribution,
        label: t("location-map"),
        pin: t("location-map-pin"),
        hint: t("location-map-hint"),
        centre,
    }
}

#[component]
fn PlaceForm(form: LocationForm, unplaced: Option<String>) -> impl IntoView {
    let action = ServerAction::<SaveLocation>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let reference = form
        .entry
        .as_ref()
        .map(|e| e.location.to_string())
        .unwrap_or_default();
    let draft = form.entry.map(|e| e.draft);
    let has_position = draft.as_ref().is_some_and(|d| d.position.is_some());
    // What the field shows: as typed when refused, else as saved.
    let saved = |name: &str| -> String {
        let Some(d) = &draft else {
            return if name == "country" {
                form.country.clone()
            } else {
                String::new()
            };
        };
        let a = &d.address;
        match name {
            "label" => d.label.clone(),
            "line1" => a.line1.clone(),
            "line2" => a.line2.clone().unwrap_or_default(),
            "postal_code" => a.postal_code.clone(),
            "city" => a.city.clone(),
            "country" => a.country.clone(),
            "access_notes" => d.access_notes.clone().unwrap_or_default(),
            "latitude" => d
                .position
                .map(|p| Position::field(p.latitude))
                .unwrap_or_default(),
            "longitude" => d
                .position
                .map(|p| Position::field(p.longitude))
                .unwrap_or_default(),
            _ => String::new(),
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
    let field = |name: &'static str, required: bool, autocomplete: &'static str| {
        let key = format!("location-{}", name.replace('_', "-"));
        view! {
            <TextField name=name.to_string() label=t(&key) value=value(name) error=problem(name)
                required autocomplete />
        }
        .into_any()
    };
    let coordinate = |name: &'static str| {
        let key = format!("location-{name}");
        view! {
            <TextField name=name.to_string() label=t(&key) value=value(name) error=problem(name)
                inputmode="decimal" />
        }
        .into_any()
    };
    let label = field("label", true, "");
    let line1 = field("line1", true, "address-line1");
    let line2 = field("line2", false, "address-line2");
    let postal_code = field("postal_code", true, "postal-code");
    let city = field("city", true, "address-level2");
    let country = view! {
        <TextField name="country".to_string() label=t("location-country") value=value("country")
            error=problem("country") required=true autocomplete="country"
            hint=t("location-country-hint") />
    };
    let notes = view! {
        <TextField name="access_notes".to_string() label=t("location-access-notes")
            value=value("access_notes") error=problem("access_notes") area=true
            hint=t("location-access-notes-hint") />
    };
    let (latitude, longitude) = (coordinate("latitude"), coordinate("longitude"));
    let position_hint = if form.geocoder {
        t("location-position-hint-geocoder")
    } else {
        t("location-position-hint")
    };
    // Why this place cannot be booked for yet, when it cannot.
    let why = unplaced
        .filter(|_| !has_position && error.is_none())
        .map(|reason| {
            view! {
                <div class="alert alert-warning" role="status">
                    <p>{unplaced_message(&reason)}</p>
                </div>
            }
        });
    let why = why.or_else(|| {
        (draft.is_some() && !has_position && error.is_none()).then(|| {
            view! {
                <div class="alert alert-warning" role="status">
                    <p>{t("location-unplaced")}</p>
                </div>
            }
        })
    });
    view! {
        {error.clone().map(|error| view! { <ErrorAlert error /> })}
        {why}
        <ActionForm action=action attr:class="panel stack">
            <input type="hidden" name="location" value=reference />
            {label}
            <fieldset>
                <legend>{t("location-address")}</legend>
                {line1}
                {line2}
                {postal_code}
                {city}
                {country}
            </fieldset>
            {notes}
            <fieldset>
                <legend>{t("location-position")}</legend>
                <p class="hint">{position_hint}</p>
                <PinFrame setup=pin_setup(form.map_centre) />
                {latitude}
                {longitude}
            </fieldset>
            <button type="submit" class="button button-primary">{t("location-save")}</button>
        </ActionForm>
    }
}
