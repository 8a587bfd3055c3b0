//! `/account/trail`: for an account's owner, what happened in their account (who signed in,
//! who changed what, who was invited, what was exported), and the download of everything
//! the business holds about it.

use crate::api::trail::account_trail;
use crate::components::alert::ErrorAlert;
use crate::components::layout::Page;
use crate::components::trail::TrailTable;
use crate::error::ApiError;
use crate::i18n::t;
use doorstep::permissions::Permission;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AccountTrailPage() -> impl IntoView {
    let may = crate::pages::allowed(Permission::ManageOwnAccount);
    let query = use_query_map().get_untracked();
    let before = query.get("before").and_then(|b| b.parse::<i64>().ok());
    let wait = query.get("export").is_some_and(|e| e == "wait");
    let body = if may {
        Either::Left(view! {
            <section class="panel stack" aria-labelledby="export-heading">
                <h2 id="export-heading">{t("export-heading")}</h2>
                <p>{t("export-lead")}</p>
                {wait.then(|| view! {
                    <div class="alert alert-warning" role="status"><p>{t("export-wait")}</p></div>
                })}
                // A plain form: the zip downloads with or without JavaScript.
                <form method="post" action="/account/export">
                    <button type="submit" class="button button-primary">{t("export-submit")}</button>
                </form>
            </section>
            <section class="stack" aria-labelledby="trail-heading">
                <h2 id="trail-heading">{t("trail-heading")}</h2>
                <p class="hint">{t("trail-account-lead")}</p>
                <Suspense fallback=crate::pages::loading>
                    {Suspend::new(async move {
                        match account_trail(before).await {
                            Ok(page) => Either::Left(view! {
                                <TrailTable page older=|id| format!("/account/trail?before={id}") />
                            }),
                            Err(error) => Either::Right(view! { <ErrorAlert error /> }),
                        }
                    })}
                </Suspense>
            </section>
        })
    } else {
        Either::Right(view! { <crate::pages::Refused error=ApiError::Forbidden /> })
    };
    view! {
        <Page title=t("account-trail-title")>
            <p><a href="/account">{t("two-step-back")}</a></p>
            <h1>{t("account-trail-title")}</h1>
            {body}
        </Page>
    }
}
