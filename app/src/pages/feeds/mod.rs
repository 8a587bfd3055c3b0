//! `/calendar-feed`: a private address for the person's calendar app, listing their
//! upcoming visits (or, for technicians, their jobs). Shown once, when made.

use crate::api::feeds::{CreateCalendarFeed, FeedStatus, RevokeCalendarFeed, get_calendar_feed};
use crate::components::alert::ErrorAlert;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::{self, t, t_with};
use crate::request;
use doorstep::format;
use doorstep::permissions::Permission;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CalendarFeedPage() -> impl IntoView {
    let user = request::current().user;
    if user.is_none() {
        // Sends them to sign in, and back here afterwards.
        crate::pages::signed_in();
    }
    let allowed = user
        .as_ref()
        .is_some_and(|u| u.role.allows(Permission::UseCalendarFeed));
    let query = use_query_map().get_untracked();
    let secret = query.get("secret");
    let off = query.get("off").is_some();
    let body = if allowed {
        Either::Left(view! {
            <Suspense fallback=crate::pages::loading>
                {
                    let secret = secret.clone();
                    Suspend::new(async move {
                        match get_calendar_feed(secret).await {
                            Ok(status) => Either::Left(view! { <FeedPanel status off /> }),
                            Err(error) => Either::Right(view! { <ErrorAlert error /> }),
                        }
                    })
                }
            </Suspense>
        })
    } else {
        Either::Right(view! { <crate::pages::Refused error=ApiError::Forbidden /> })
    };
    view! {
        <Page title=t("feed-title")>
            <h1>{t("feed-title")}</h1>
            <p class="lead">{t("feed-lead")}</p>
            {body}
        </Page>
    }
}

#[component]
fn FeedPanel(status: FeedStatus, off: bool) -> impl IntoView {
    let locale = i18n::locale();
    let tz = request::current().business.time_zone.zone();
    let create = ServerAction::<CreateCalendarFeed>::new();
    let revoke = ServerAction::<RevokeCalendarFeed>::new();
    let address = status.address.clone().map(|address| {
        view! {
            <div class="alert alert-success" role="status">
                <p><strong>{t("feed-made")}</strong></p>
            </div>
            <div class="field">
                <label for="feed-address">{t("feed-address")}</label>
                <p class="hint" id="feed-address-hint">{t("feed-address-hint")}</p>
                <input type="text" id="feed-address" readonly=true value=address
                    aria-describedby="feed-address-hint" />
            </div>
        }
    });
    let state = match status.since {
        Some(since) => Either::Left(view! {
            <p>{t_with("feed-active", &[("date", format::date_of_seconds(since, &tz, locale).into())])}</p>
        }),
        None => Either::Right(view! {
            <p>{if off { t("feed-turned-off") } else { t("feed-none") }}</p>
        }),
    };
    let make_label = if status.since.is_some() {
        t("feed-replace")
    } else {
        t("feed-create")
    };
    let turn_off = status.since.map(|_| {
        view! {
            <ActionForm action=revoke>
                <button type="submit" class="button button-quiet">{t("feed-revoke")}</button>
            </ActionForm>
        }
    });
    view! {
        <section class="panel" aria-labelledby="feed-heading">
            <h2 id="feed-heading" class="visually-hidden">{t("feed-title")}</h2>
            {address}
            {state}
            <div class="actions">
                <ActionForm action=create>
                    <button type="submit" class="button button-primary">{make_label}</button>
                </ActionForm>
                {turn_off}
            </div>
        </section>
    }
}
