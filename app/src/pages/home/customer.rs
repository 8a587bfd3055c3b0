//! A customer's home: their account, its locations and its people.

use crate::api::home::get_customer_home;
use crate::components::alert::ErrorAlert;
use crate::components::layout::Page;
use crate::i18n::{self, t, t_with};
use crate::pages::booking::window_long;
use crate::request;
use doorstep::dto::{AccountKind, CustomerHome, SessionUser, VisitSummary, WindowOffer};
use doorstep::format;
use doorstep::locale::Locale;
use jiff::tz::TimeZone;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn CustomerHomePage(user: SessionUser) -> impl IntoView {
    let greeting = t_with("home-greeting", &[("name", user.name.as_str().into())]);
    // Unread messages, as this request counted them for the navigation.
    let unread = (user.unread_messages > 0).then(|| {
        let text = t_with(
            "home-unread-messages",
            &[("count", i18n::Arg::Num(user.unread_messages))],
        );
        view! {
            <p class="alert alert-info" role="status">
                <a href="/messages" data-home-unread="">{text}</a>
            </p>
        }
    });
    view! {
        <Page title=t("home-title")>
            <h1>{greeting}</h1>
            {unread}
            <Suspense fallback=crate::pages::loading>
                // Read while rendering: nothing on this page needs the data in the
                // browser, so none of it is serialized into the page.
                {Suspend::new(async move {
                    match get_customer_home().await {
                        Ok(home) => Either::Left(view! { <CustomerHomeView home /> }),
                        Err(error) => Either::Right(view! { <ErrorAlert error /> }),
                    }
                })}
            </Suspense>
        </Page>
    }
}

#[component]
fn CustomerHomeView(home: CustomerHome) -> impl IntoView {
    let business = request::current().business;
    let locale = i18n::locale();
    let since =
        format::date_of_seconds(home.account.created_at, &business.time_zone.zone(), locale);
    let kind = match home.account.kind {
        AccountKind::Household => t("account-kind-household"),
        AccountKind::Company => t("account-kind-company"),
    };
    let locations = if home.locations.is_empty() {
        Either::Left(view! { <p class="empty">{t("locations-empty")}</p> })
    } else {
        Either::Right(view! {
            <ul class="cards">
                {home.locations.into_iter().map(|l| {
                    let notes = l.access_notes.map(|n| view! {
                        <p class="access"><strong>{t("location-access")}</strong>" "{n}</p>
                    });
                    let unplaced = l.latitude.is_none().then(|| {
                        let fix = format!("/locations/{}", l.location);
                        view! {
                            <p class="alert alert-warning">
                                {t("location-unplaced")}" "<a href=fix>{t("location-add-position")}</a>
                            </p>
                        }
                    });
                    view! {
                        <li class="card">
                            <h3>{l.label}</h3>
                            <address>
                                {l.line1}
                                {l.line2.map(|l2| view! { <br />{l2} })}
                                <br />
                                {format!("{} {}", l.postal_code, l.city)}
                            </address>
                            {notes}
                            {unplaced}
                        </li>
                    }
                }).collect_view()}
            </ul>
        })
    };
    let people = home
        .people
        .into_iter()
        .map(|p| {
            view! {
                <li>
                    <span class="person-name">{p.name}</span>
                    " · "
                    <span class="person-email">{p.email}</span>
                    " · "
                    <span class="badge">{t(p.role.message_key())}</span>
                </li>
            }
        })
        .collect_view();
    let tz = business.time_zone.zone();
    let visits = if home.visits.is_empty() {
        Either::Left(view! { <p class="empty">{t("visits-empty")}</p> })
    } else {
        Either::Right(view! {
            <ul class="cards visits">
                {home.visits.iter().map(|v| visit_card(v, &tz, locale)).collect_view()}
            </ul>
        })
    };
    // Requests still waiting for the office: shown only while there are some.
    let requests = (!home.requests.is_empty()).then(|| {
        let items = home
            .requests
            .iter()
            .map(|r| {
                let href = format!("/requests/{}", r.request);
                let kind = crate::pages::requests::kind_title(r.kind);
                let when = format::date_of_seconds(r.created_at, &tz, locale);
                view! {
                    <li>
                        <a href=href>{r.request.to_string()}</a>" · "{kind}" · "
                        {r.location_label.clone()}" · "{when}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="requests-heading" class="panel">
                <h2 id="requests-heading">{t("home-requests-heading")}</h2>
                <ul class="plain-list">{items}</ul>
            </section>
        }
    });
    // A member books and reports only where the owner lets them; only owners manage people.
    let me = crate::request::current().user;
    let books = me
        .as_ref()
        .is_some_and(|u| u.may_anywhere(doorstep::permissions::Capability::Book));
    let owner = me.is_some_and(|u| u.role == doorstep::permissions::Role::AccountOwner);
    view! {
        <section aria-labelledby="visits-heading" class="panel">
            <div class="panel-head">
                <h2 id="visits-heading">{t("visits-heading")}</h2>
                {books.then(|| view! {
                    <div class="actions">
                        <a class="button button-primary" href="/book">{t("nav-book")}</a>
                        <a class="button" href="/requests/problem">{t("home-report-problem")}</a>
                    </div>
                })}
            </div>
            {visits}
            <p><a href="/calendar-feed">{t("feed-link")}</a></p>
        </section>
        {requests}
        <section aria-labelledby="account-heading" class="panel">
            <h2 id="account-heading">{t("account-heading")}</h2>
            <dl class="facts">
                <dt>{t("account-name")}</dt>
                <dd>{home.account.name}</dd>
                <dt>{t("account-kind")}</dt>
                <dd>{kind}</dd>
                <dt>{t("account-reference")}</dt>
                <dd>{home.account.account.to_string()}</dd>
                <dt>{t("account-since")}</dt>
                <dd>{since}</dd>
            </dl>
        </section>
        <section aria-labelledby="locations-heading" class="panel">
            <h2 id="locations-heading">{t("locations-heading")}</h2>
            {locations}
            <p><a href="/locations">{t("locations-manage")}</a></p>
        </section>
        <section aria-labelledby="people-heading" class="panel">
            <h2 id="people-heading">{t("people-heading")}</h2>
            <ul class="people">{people}</ul>
            {owner.then(|| view! { <p><a href="/account/people">{t("people-link")}</a></p> })}
        </section>
    }
}

fn visit_card(v: &VisitSummary, tz: &TimeZone, locale: Locale) -> impl IntoView + use<> {
    let when = window_long(
        &WindowOffer {
            start: v.window_start,
            end: v.window_end,
        },
        tz,
        locale,
    );
    let href = format!("/visits/{}", v.visit);
    let technician = v
        .technician
        .as_ref()
        .map(|name| t_with("visit-with", &[("technician", name.clone().into())]));
    view! {
        <li class="card">
            <h3><a href=href>{v.service.clone()}</a></h3>
            <p class="when">{when}</p>
            {crate::pages::visits::expected_line(v.expected, tz, locale)
                .map(|e| view! { <p><strong class="expected">{e}</strong></p> })}
            <p>
                <span class="badge">{t(v.status.message_key())}</span>
                " "{v.location_label.clone()}
                {technician.map(|t| view! { " · "{t} })}
            </p>
            <p class="reference">{v.visit.to_string()}</p>
        </li>
    }
}
