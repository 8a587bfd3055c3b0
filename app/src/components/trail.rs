//! A page of a trail as a table: when, who, what, about what, from where; and the link to
//! older entries.

use crate::i18n::{Arg, t, t_with};
use doorstep::dto::TrailPage;
use leptos::either::Either;
use leptos::prelude::*;

/// `older`: the address of the next page, given where it starts.
#[component]
pub fn TrailTable(page: TrailPage, older: impl Fn(i64) -> String + 'static) -> impl IntoView {
    if page.entries.is_empty() {
        return Either::Left(view! { <p class="empty">{t("trail-empty")}</p> });
    }
    let tz = crate::request::current().business.time_zone.zone();
    let locale = crate::i18n::locale();
    let rows = page
        .entries
        .into_iter()
        .map(|e| {
            let when = jiff::Timestamp::from_second(e.at)
                .map(|at| doorstep::format::date_time(at, &tz, locale))
                .unwrap_or_default();
            let what = t_with("trail-action", &[("action", Arg::Str(e.action.clone()))]);
            view! {
                <tr>
                    <td>{when}</td>
                    <td>{e.who.unwrap_or_else(|| t("trail-nobody"))}</td>
                    <td>{what}</td>
                    <td>
                        {e.subject}
                        {e.detail.map(|d| view! { <br /><span class="meta">{d}</span> })}
                    </td>
                    <td>{e.client_ip}</td>
                </tr>
            }
        })
        .collect_view();
    Either::Right(view! {
        <div class="table-wrap" role="region" aria-labelledby="trail-caption" tabindex="0">
            <table class="table">
                <caption id="trail-caption">{t("trail-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("trail-when")}</th>
                        <th scope="col">{t("trail-who")}</th>
                        <th scope="col">{t("trail-what")}</th>
                        <th scope="col">{t("trail-about")}</th>
                        <th scope="col">{t("trail-from")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {page.older.map(|id| view! { <p><a class="button" href=older(id)>{t("trail-older")}</a></p> })}
    })
}
