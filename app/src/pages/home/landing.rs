//! What a visitor sees before signing in.

use crate::components::layout::Page;
use crate::i18n::{t, t_with};
use crate::request;
use leptos::prelude::*;

#[component]
pub fn Landing() -> impl IntoView {
    let business = request::current().business;
    let features = [
        "landing-book",
        "landing-track",
        "landing-history",
        "landing-pay",
    ]
    .into_iter()
    .map(|key| view! { <li>{t(key)}</li> })
    .collect_view();
    view! {
        <Page title=t("landing-title")>
            <section class="hero" aria-labelledby="landing-heading">
                <h1 id="landing-heading">{t_with("landing-heading", &[("business", business.name.as_str().into())])}</h1>
                <p class="lead">{t("landing-lead")}</p>
                <ul class="feature-list">{features}</ul>
                <p class="actions">
                    <a class="button button-primary" href="/sign-in">{t("sign-in-title")}</a>
                    {crate::pages::auth::sign_up_open().then(|| view! {
                        <a class="button" href="/sign-up">{t("sign-in-create-account")}</a>
                    })}
                </p>
            </section>
        </Page>
    }
}
