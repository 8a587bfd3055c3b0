//! Doorstep's interface. Every page is rendered on the server and works without wasm;
//! islands (`islands/`) add what only a browser can do. Writes are `<ActionForm>`s posting
//! to the server functions in `api/`.

pub mod api;
pub mod assets;
pub mod components;
#[cfg(feature = "ssr")]
pub mod csp;
pub mod error;
pub mod i18n;
pub mod islands;
#[cfg(feature = "ssr")]
pub mod mail;
pub mod pages;
pub mod request;

#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod throttle;

use components::layout::BrandStyle;
use leptos::prelude::*;
use leptos_meta::{MetaTags, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

/// The HTML document around every page. Runs on the server only.
pub fn shell(_options: LeptosOptions) -> impl IntoView {
    let info = request::current();
    let lang = info.locale.code();
    #[cfg(feature = "ssr")]
    content_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang=lang>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content=info.business.primary.to_string() />
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="icon" href="/icons/icon.svg" type="image/svg+xml" />
                <link rel="apple-touch-icon" href="/icons/icon-192.png" />
                <assets::AssetLinks />
                <BrandStyle business=info.business.clone() />
                <MetaTags />
                <script type="module" src="/register-sw.js"></script>
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Scripts and styles run only from our origin or with this response's nonce.
#[cfg(feature = "ssr")]
fn content_security_policy() {
    let Some(nonce) = leptos::nonce::use_nonce() else {
        return;
    };
    let state = use_context::<state::AppState>();
    let tiles = state.as_ref().and_then(|s| s.map_tiles.origin());
    let policy = csp::policy(&nonce, tiles);
    if let (Some(res), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&policy),
    ) {
        res.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    i18n::provide();
    view! {
        <Router>
            <Routes fallback=pages::not_found::NotFound>
                <Route path=path!("") view=pages::home::HomePage ssr=SsrMode::Async />
                <Route path=path!("sign-in") view=pages::auth::SignInPage ssr=SsrMode::Async />
                <Route path=path!("sign-up") view=pages::auth::SignUpPage ssr=SsrMode::Async />
                <Route path=path!("sign-up/sent") view=pages::auth::SignUpSentPage ssr=SsrMode::Async />
                <Route path=path!("verify") view=pages::auth::VerifyPage ssr=SsrMode::Async />
                <Route path=path!("sign-in/link") view=pages::auth::SignInLinkPage ssr=SsrMode::Async />
                <Route path=path!("forgot-password") view=pages::auth::ForgotPasswordPage ssr=SsrMode::Async />
                <Route path=path!("reset-password") view=pages::auth::ResetPasswordPage ssr=SsrMode::Async />
                <Route path=path!("account") view=pages::auth::AccountPage ssr=SsrMode::Async />
                <Route path=path!("account/people") view=pages::auth::PeoplePage ssr=SsrMode::Async />
                <Route path=path!("account/trail") view=pages::auth::AccountTrailPage ssr=SsrMode::Async />
                <Route path=path!("account/email") view=pages::auth::ConfirmEmailPage ssr=SsrMode::Async />
                <Route path=path!("account/two-step") view=pages::auth::TwoStepPage ssr=SsrMode::Async />
                <Route path=path!("account/passkeys") view=pages::auth::PasskeysPage ssr=SsrMode::Async />
                <Route path=path!("sign-in/sso") view=pages::auth::SsoReturnPage ssr=SsrMode::Async />
                <Route path=path!("sign-in/code") view=pages::auth::SecondStepPage ssr=SsrMode::Async />
                <Route path=path!("join") view=pages::auth::JoinPage ssr=SsrMode::Async />
                <Route path=path!("offline") view=pages::offline::OfflinePage ssr=SsrMode::Async />
                <Route path=path!("book") view=pages::booking::BookPage ssr=SsrMode::Async />
                <Route path=path!("messages") view=pages::conversations::MessagesPage ssr=SsrMode::Async />
                <Route path=path!("messages/:reference") view=pages::conversations::SupportThreadPage ssr=SsrMode::Async />
                <Route path=path!("visits/:reference") view=pages::visits::VisitPage ssr=SsrMode::Async />
                <Route path=path!("visits/:reference/report") view=pages::visits::ServiceReportPage ssr=SsrMode::Async />
                <Route path=path!("today") view=pages::visits::TodayPage ssr=SsrMode::Async />
                <Route path=path!("notifications") view=pages::notifications::NotificationsPage ssr=SsrMode::Async />
                <Route path=path!("locations") view=pages::locations::LocationsPage ssr=SsrMode::Async />
                <Route path=path!("locations/:reference") view=pages::locations::LocationEditPage ssr=SsrMode::Async />
                <Route path=path!("book/request") view=pages::requests::RequestFormPage ssr=SsrMode::Async />
                <Route path=path!("requests/problem") view=pages::requests::problem::ProblemFormPage ssr=SsrMode::Async />
                <Route path=path!("requests/:reference") view=pages::requests::RequestPage ssr=SsrMode::Async />
                <Route path=path!("office/requests") view=pages::requests::OfficeRequestsPage ssr=SsrMode::Async />
                <Route path=path!("office/inbox") view=pages::conversations::InboxPage ssr=SsrMode::Async />
                <Route path=path!("office/replies") view=pages::conversations::CannedRepliesPage ssr=SsrMode::Async />
                <Route path=path!("plans") view=pages::plans::PlansPage ssr=SsrMode::Async />
                <Route path=path!("plans/new") view=pages::plans::NewPlanPage ssr=SsrMode::Async />
                <Route path=path!("plans/:reference") view=pages::plans::PlanPage ssr=SsrMode::Async />
                <Route path=path!("calendar-feed") view=pages::feeds::CalendarFeedPage ssr=SsrMode::Async />
                <Route path=path!("office/board") view=pages::office::BoardPage ssr=SsrMode::Async />
                <Route path=path!("office/rules") view=pages::office::RulesPage ssr=SsrMode::Async />
                <Route path=path!("office/staff") view=pages::office::StaffPage ssr=SsrMode::Async />
                <Route path=path!("office/trail") view=pages::office::TrailPage ssr=SsrMode::Async />
                <Route path=path!("office/services") view=pages::office::ServicesPage ssr=SsrMode::Async />
                <Route path=path!("office/services/:reference") view=pages::office::ServiceEditPage ssr=SsrMode::Async />
                <Route path=path!("office/technicians") view=pages::office::TechniciansPage ssr=SsrMode::Async />
                <Route path=path!("office/technicians/:reference") view=pages::office::TechnicianPage ssr=SsrMode::Async />
            </Routes>
        </Router>
    }
}
