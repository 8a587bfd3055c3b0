//! The first two steps of booking: where the visit is, and what it is for.

use super::book_url;
use crate::i18n::{Arg, t, t_with};
use crate::request;
use doorstep::catalogue::PriceKind;
use doorstep::dto::BookingOptions;
use doorstep::format;
use doorstep::money::Money;
use leptos::either::Either;
use leptos::prelude::*;

/// "Step 2 of 4" above a step's heading.
#[component]
pub fn StepHeading(number: i64, #[prop(into)] title: String) -> impl IntoView {
    view! {
        <p class="step-count">{t_with("book-step", &[("n", Arg::Num(number)), ("of", Arg::Num(4))])}</p>
        <h2 id="step-heading">{title}</h2>
    }
}

#[component]
pub fn LocationStep(options: BookingOptions) -> impl IntoView {
    let list = if options.locations.is_empty() {
        Either::Left(view! { <p class="empty">{t("book-no-locations")}</p> })
    } else {
        Either::Right(view! {
            <ul class="choices">
                {options.locations.into_iter().map(|l| {
                    let reference = l.location.to_string();
                    if l.placed {
                        let href = book_url(&[("location", &reference)]);
                        Either::Left(view! {
                            <li>
                                <a class="choice" href=href>
                                    <span class="choice-title">{l.label}</span>
                                    <span class="choice-detail">{l.address.join(", ")}</span>
                                </a>
                            </li>
                        })
                    } else {
                        let fix = format!("/locations/{reference}");
                        Either::Right(view! {
                            <li>
                                <div class="choice choice-disabled">
                                    <span class="choice-title">{l.label}</span>
                                    <span class="choice-detail">{l.address.join(", ")}</span>
                                    <span class="choice-detail">
                                        {t("location-unplaced")}" "
                                        <a href=fix>{t("location-add-position")}</a>
                                    </span>
                                </div>
                            </li>
                        })
                    }
                }).collect_view()}
            </ul>
        })
    };
    view! {
        <section class="panel" aria-labelledby="step-heading">
            <StepHeading number=1 title=t("book-where") />
            {list}
            <p><a href="/locations/new">{t("book-add-location")}</a></p>
        </section>
    }
}

#[component]
pub fn ServiceStep(options: BookingOptions, location: String) -> impl IntoView {
    let chosen = options
        .locations
        .iter()
        .find(|l| l.location.to_string().eq_ignore_ascii_case(&location));
    let place = chosen.map(|l| l.label.clone());
    if chosen.is_some_and(|l| !l.placed) {
        let fix = format!("/locations/{location}");
        return Either::Left(view! {
            <section class="panel" aria-labelledby="step-heading">
                <StepHeading number=2 title=t("book-what") />
                <div class="alert alert-warning" role="status">
                    <p>{t("error-location-not-placed")}" "<a href=fix>{t("location-add-position")}</a></p>
                </div>
                <p><a href="/book">{t("book-change-location")}</a></p>
            </section>
        });
    }
    let change = (options.locations.len() > 1).then(|| {
        view! { <p><a href="/book">{t("book-change-location")}</a></p> }
    });
    let list = if options.services.is_empty() {
        Either::Left(view! { <p class="empty">{t("book-no-services")}</p> })
    } else {
        Either::Right(view! {
            <ul class="choices">
                {options.services.into_iter().map(|s| {
                    let minutes = t_with("book-duration", &[("minutes", Arg::Num(s.duration_min))]);
                    let price = price_label(s.price_kind, s.price_minor);
                    let detail = if price.is_empty() {
                        minutes
                    } else {
                        format!("{minutes} · {price}")
                    };
                    let description = (!s.description.is_empty())
                        .then(|| view! { <span class="choice-detail">{s.description.clone()}</span> });
                    if s.bookable {
                        let href = book_url(&[
                            ("location", location.as_str()),
                            ("service", &s.service.to_string()),
                        ]);
                        Either::Left(view! {
                            <li>
                                <a class="choice" href=href>
                                    <span class="choice-title">{s.name}</span>
                                    {description}
                                    <span class="choice-detail">{detail}</span>
                                </a>
                            </li>
                        })
                    } else {
                        let quote_href = format!(
                            "/book/request?location={location}&service={}&kind=quote",
                            s.service
                        );
                        Either::Right(view! {
                            <li>
                                <div class="choice choice-quote">
                                    <span class="choice-title">{s.name}</span>
                                    {description}
                                    <span class="choice-detail">{detail}</span>
                                    <span class="choice-detail">
                                        <a href=quote_href>{t("book-ask-quote")}</a>
                                    </span>
                                </div>
                            </li>
                        })
                    }
                }).collect_view()}
            </ul>
        })
    };
    Either::Right(view! {
        <section class="panel" aria-labelledby="step-heading">
            <StepHeading number=2 title=t("book-what") />
            {place.map(|p| view! { <p class="lead">{t_with("book-at", &[("place", p.into())])}</p> })}
            {change}
            {list}
        </section>
    })
}

/// A service's price as customers read it: `€120`, `from €89`, `quote required`.
pub fn price_label(kind: PriceKind, minor: Option<i64>) -> String {
    let currency = request::current().business.currency;
    let locale = crate::i18n::locale();
    let amount = minor.map(|m| format::money(Money::new(m, currency), locale));
    match (kind, amount) {
        (PriceKind::Fixed, Some(amount)) => amount,
        (PriceKind::From, Some(amount)) => t_with("price-from", &[("amount", amount.into())]),
        (PriceKind::Quote, _) => t("price-quote"),
        // Priced, but no amount set yet: say nothing rather than something wrong.
        _ => String::new(),
    }
}
