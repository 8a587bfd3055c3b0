//! The frame of every page: skip link, header with the business's brand and role-aware
//! navigation, the main landmark, and a footer with the language switch.

use crate::api::auth::SignOut;
use crate::api::preferences::SetLocale;
use crate::components::alert::ErrorAlert;
use crate::i18n::{self, t};
use crate::request;
use doorstep::brand::Business;
use doorstep::locale::Locale;
use leptos::prelude::*;
use leptos_meta::Title;
use std::sync::Arc;

/// The business's colours as CSS variables, with text colours that keep contrast.
#[component]
pub fn BrandStyle(business: Arc<Business>) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let nonce = leptos::nonce::use_nonce();
    #[cfg(not(feature = "ssr"))]
    let nonce = None::<String>;
    view! { <style nonce=nonce>{brand_css(&business)}</style> }
}

/// The business's colours as CSS variables.
pub fn brand_css(business: &Business) -> String {
    format!(
        ":root{{--brand:{};--on-brand:{};--accent:{};--on-accent:{}}}",
        business.primary,
        business.primary.readable_text(),
        business.accent,
        business.accent.readable_text()
    )
}

/// A page: title, header, main content, footer.
#[component]
pub fn Page(#[prop(into)] title: String, children: Children) -> impl IntoView {
    let info = request::current();
    let business = info.business.clone();
    view! {
        <Title text=format!("{title} · {}", business.name) />
        <a class="skip-link" href="#main">{t("skip-to-content")}</a>
        <Header />
        <main id="main" tabindex="-1">{children()}</main>
        <Footer />
    }
}

#[component]
fn Header() -> impl IntoView {
    let info = request::current();
    let business = info.business.clone();
    let logo = business.logo_url.clone().map(|src| {
        view! { <img class="logo" src=src alt="" width="32" height="32" /> }
    });
    let user = info.user.clone();
    let nav = user.as_ref().map(|u| {
        let role = t(u.role.message_key());
        // A member who may book nowhere is not offered booking; they still follow plans.
        let books = u.may_anywhere(doorstep::permissions::Capability::Book);
        let book = u
            .role
            .allows(doorstep::permissions::Permission::BookVisits)
            .then(|| {
                view! {
                    {books.then(|| view! { <li><a href="/book">{t("nav-book")}</a></li> })}
                    <li><a href="/plans">{t("nav-plans")}</a></li>
                }
            });
        // Customers are told about their visits; the count is as this request found it, and
        // a page that follows its visits live takes the fresh count with each refresh.
        let notices = u.account.is_some().then(|| {
            let label = counted("nav-notices", u.unread);
            let unread = u.unread > 0;
            view! { <li><a href="/notifications" data-notices="" class:has-unread=unread>{label}</a></li> }
                .into_any()
        });
        // Customers write to the office here; everyone sees their unread messages counted.
        let messages = u.account.is_some().then(|| {
            let label = counted("nav-messages", u.unread_messages);
            let unread = u.unread_messages > 0;
            view! { <li><a href="/messages" data-unread-messages="" class:has-unread=unread>{label}</a></li> }
                .into_any()
        });
        let today = (u.role == doorstep::permissions::Role::Technician)
            .then(|| {
                // A technician reads their jobs' conversations on their visits' pages.
                let unread = u.unread_messages > 0;
                let label = counted("nav-today", u.unread_messages);
                view! { <li><a href="/today" data-unread-messages="" class:has-unread=unread>{label}</a></li> }
                    .into_any()
            });
        // The office's conversations, counted like a customer's messages.
        let inbox = {
            let label = counted("nav-inbox", u.unread_messages);
            let unread = u.unread_messages > 0;
            view! { <a href="/office/inbox" data-unread-messages="" class:has-unread=unread>{label}</a> }
                .into_any()
        };
        let rules = u
            .role
            .allows(doorstep::permissions::Permission::ManageScheduling)
            .then(move || {
                view! {
                    <li><a href="/office/board">{t("nav-board")}</a></li>
                    <li>{inbox}</li>
                    <li><a href="/office/requests">{t("nav-requests")}</a></li>
                    <li><a href="/plans">{t("nav-plans")}</a></li>
                    <li><a href="/office/services">{t("nav-services")}</a></li>
                    <li><a href="/office/technicians">{t("nav-technicians")}</a></li>
                    <li><a href="/office/rules">{t("nav-rules")}</a></li>
                }
            });
        let staff = u
            .role
            .allows(doorstep::permissions::Permission::ManageStaff)
            .then(|| view! {
                <li><a href="/office/staff">{t("nav-staff")}</a></li>
                <li><a href="/office/trail">{t("nav-trail")}</a></li>
            });
        view! {
            <nav aria-label=t("nav-label") class="site-nav">
                <ul>
                    <li><a href="/">{t("nav-home")}</a></li>
                    {book}
                    {notices}
                    {messages}
                    {today}
                    {rules}
                    {staff}
                </ul>
            </nav>
            <div class="who">
                <a class="who-name" href="/account">{u.name.clone()}</a>
                <span class="who-role">{role}</span>
            </div>
        }
    });
    let account = match user {
        Some(_) => {
            let action = ServerAction::<SignOut>::new();
            view! {
                <ActionForm action=action>
                    <button type="submit" class="button button-quiet">{t("sign-out")}</button>
                </ActionForm>
            }
            .into_any()
        }
        None => view! { <a class="button button-quiet" href="/sign-in">{t("sign-in-title")}</a> }
            .into_any(),
    };
    view! {
        <header class="site-header">
            <a class="brand" href="/">
                {logo}
                <span class="brand-name">{business.name.clone()}</span>
            </a>
            {nav}
            <div class="account">{account}</div>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let current = i18n::locale();
    let action = ServerAction::<SetLocale>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let options = Locale::ALL
        .iter()
        .map(|l| {
            view! {
                <option value=l.code() selected=*l == current lang=l.code()>
                    {l.native_name()}
                </option>
            }
        })
        .collect_view();
    view! {
        <footer class="site-footer">
            <ActionForm action=action>
                <div class="language-switch">
                    <label for="locale-select">{t("language-label")}</label>
                    <select id="locale-select" name="locale">{options}</select>
                    <button type="submit" class="button button-quiet">{t("language-change")}</button>
                </div>
                {error.map(|error| view! { <ErrorAlert error /> })}
            </ActionForm>
            <p class="powered">{t("footer-powered")}</p>
        </footer>
    }
}

/// A navigation link's text: `key`'s, or `key-unread`'s with the count when there is one.
fn counted(key: &str, count: i64) -> String {
    if count > 0 {
        crate::i18n::t_with(
            &format!("{key}-unread"),
            &[("count", crate::i18n::Arg::Num(count))],
        )
    } else {
        t(key)
    }
}
