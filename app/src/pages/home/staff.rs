//! A staff member's home: customer accounts for dispatchers and admins, the own profile for
//! technicians.

use crate::api::home::get_staff_home;
use crate::components::alert::ErrorAlert;
use crate::components::layout::Page;
use crate::i18n::{self, t};
use crate::request;
use doorstep::dto::{AccountKind, AccountSummary, SessionUser, StaffHome, StaffProfile};
use doorstep::format;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

#[component]
pub fn StaffHomePage(user: SessionUser) -> impl IntoView {
    let title = if user
        .role
        .allows(doorstep::permissions::Permission::ViewCustomerAccounts)
    {
        t("accounts-title")
    } else {
        t("profile-title")
    };
    view! {
        <Page title=title.clone()>
            <h1>{title}</h1>
            <Suspense fallback=crate::pages::loading>
                // Read while rendering: nothing on this page needs the data in the
                // browser, so none of it is serialized into the page.
                {Suspend::new(async move {
                    match get_staff_home().await {
                        Ok(StaffHome::Accounts(accounts)) => EitherOf3::A(view! { <AccountList accounts /> }),
                        Ok(StaffHome::Profile(profile)) => EitherOf3::B(view! { <ProfileView profile /> }),
                        Err(error) => EitherOf3::C(view! { <ErrorAlert error /> }),
                    }
                })}
            </Suspense>
        </Page>
    }
}

#[component]
fn AccountList(accounts: Vec<AccountSummary>) -> impl IntoView {
    if accounts.is_empty() {
        return Either::Left(view! { <p class="empty">{t("accounts-empty")}</p> });
    }
    let locale = i18n::locale();
    let rows = accounts
        .into_iter()
        .map(|a| {
            let kind = match a.kind {
                AccountKind::Household => t("account-kind-household"),
                AccountKind::Company => t("account-kind-company"),
            };
            view! {
                <tr>
                    <th scope="row">{a.name}</th>
                    <td>{kind}</td>
                    <td class="num">{format::integer(a.locations, locale)}</td>
                    <td class="num">{format::integer(a.people, locale)}</td>
                    <td><code>{a.account.to_string()}</code></td>
                </tr>
            }
        })
        .collect_view();
    Either::Right(view! {
        <div class="table-wrap" role="region" aria-labelledby="accounts-caption" tabindex="0">
            <table class="table">
                <caption id="accounts-caption">{t("accounts-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("account-name")}</th>
                        <th scope="col">{t("account-kind")}</th>
                        <th scope="col" class="num">{t("locations-heading")}</th>
                        <th scope="col" class="num">{t("people-heading")}</th>
                        <th scope="col">{t("account-reference")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    })
}

#[component]
fn ProfileView(profile: StaffProfile) -> impl IntoView {
    let business = request::current().business;
    let since = format::date_of_seconds(profile.since, &business.time_zone.zone(), i18n::locale());
    let feed = profile
        .role
        .allows(doorstep::permissions::Permission::UseCalendarFeed)
        .then(|| view! { <p><a href="/calendar-feed">{t("feed-link")}</a></p> });
    view! {
        <section class="panel" aria-labelledby="profile-heading">
            <h2 id="profile-heading">{profile.name}</h2>
            <dl class="facts">
                <dt>{t("profile-role")}</dt>
                <dd>{t(profile.role.message_key())}</dd>
                <dt>{t("profile-email")}</dt>
                <dd>{profile.email}</dd>
                <dt>{t("profile-phone")}</dt>
                <dd>{profile.phone.unwrap_or_else(|| t("profile-phone-none"))}</dd>
                <dt>{t("profile-reference")}</dt>
                <dd>{profile.user.to_string()}</dd>
                <dt>{t("profile-since")}</dt>
                <dd>{since}</dd>
            </dl>
            {feed}
        </section>
    }
}
