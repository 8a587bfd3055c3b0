//! Any address no page answers: a translated 404 with a way back.

use crate::components::layout::Page;
use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Page title=t("not-found-title")>
            <section class="panel narrow" aria-labelledby="nf-heading">
                <h1 id="nf-heading">{t("not-found-title")}</h1>
                <p>{t("not-found-body")}</p>
                <p><a class="button button-primary" href="/">{t("back-home")}</a></p>
            </section>
        </Page>
    }
}
