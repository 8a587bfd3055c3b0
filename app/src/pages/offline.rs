//! `/offline`: cached by the service worker and shown when a page cannot be fetched.

use crate::components::layout::Page;
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn OfflinePage() -> impl IntoView {
    view! {
        <Page title=t("offline-title")>
            <section class="panel narrow" aria-labelledby="offline-heading">
                <h1 id="offline-heading">{t("offline-title")}</h1>
                <p>{t("offline-body")}</p>
                <p><a class="button button-primary" href="/">{t("offline-retry")}</a></p>
            </section>
        </Page>
    }
}
