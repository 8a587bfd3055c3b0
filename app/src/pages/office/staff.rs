//! `/office/staff`: the staff, for admins: invite someone, change a role, deactivate (every
//! session ends at once) or reactivate. Plain forms: it all works without JavaScript.

use crate::api::office::{InviteStaff, SetStaffActive, SetStaffRole, get_staff};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::{t, t_with};
use doorstep::dto::StaffMember;
use doorstep::permissions::{Permission, Role};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

const ROLES: [Role; 3] = [Role::Technician, Role::Dispatcher, Role::Admin];

fn problem(error: Option<&ApiError>, name: &str) -> Option<String> {
    error.and_then(|e| e.problem_with(name)).map(field_message)
}

#[component]
pub fn StaffPage() -> impl IntoView {
    let may = crate::pages::allowed(Permission::ManageStaff);
    let saved = use_query_map().get_untracked().get("saved");
    let invite = ServerAction::<InviteStaff>::new();
    let role = ServerAction::<SetStaffRole>::new();
    let active = ServerAction::<SetStaffActive>::new();
    let refused = [role.value().get_untracked(), active.value().get_untracked()]
        .into_iter()
        .flatten()
        .find_map(Result::err);
    let invite_error = invite.value().get_untracked().and_then(Result::err);
    let done = crate::components::alert::done_notice(
        saved,
        refused.is_some() || invite_error.is_some(),
        |what| match what {
            "invited" => "staff-saved-invited",
            "role" => "staff-saved-role",
            "deactivated" => "staff-saved-deactivated",
            _ => "staff-saved-reactivated",
        },
    );
    let body = if may {
        Either::Left(view! {
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    match get_staff().await {
                        Ok(list) => Either::Left(view! { <StaffList list role active /> }),
                        Err(error) => Either::Right(view! { <ErrorAlert error /> }),
                    }
                })}
            </Suspense>
            <InviteStaffForm action=invite error=invite_error.clone() />
        })
    } else {
        Either::Right(view! { <crate::pages::Refused error=ApiError::Forbidden /> })
    };
    view! {
        <Page title=t("staff-title")>
            <h1>{t("staff-title")}</h1>
            {done}
            {refused.map(|error| view! { <ErrorAlert error /> })}
            {body}
        </Page>
    }
}

#[component]
fn StaffList(
    list: Vec<StaffMember>,
    role: ServerAction<SetStaffRole>,
    active: ServerAction<SetStaffActive>,
) -> impl IntoView {
    let rows = list
        .into_iter()
        .map(|m| {
            let user = m.user.to_string();
            let user_again = user.clone();
            let select_id = format!("role-{user}");
            let options = ROLES
                .into_iter()
                .map(|r| view! { <option value=r.as_str() selected=r == m.role>{t(r.message_key())}</option> })
                .collect_view();
            let badges = view! {
                {m.you.then(|| view! { <span class="badge badge-quiet">{t("people-you")}</span> })}
                {m.pending.then(|| view! { <span class="badge badge-warn">{t("people-pending")}</span> })}
                {(!m.active).then(|| view! { <span class="badge badge-warn">{t("staff-inactive")}</span> })}
                {m.two_step.then(|| view! { <span class="badge badge-ok">{t("staff-two-step")}</span> })}
            };
            let toggle = (!m.you).then(|| {
                let (value, label) = if m.active {
                    ("false", t_with("staff-deactivate", &[("person", m.name.clone().into())]))
                } else {
                    ("true", t_with("staff-reactivate", &[("person", m.name.clone().into())]))
                };
                view! {
                    <ActionForm action=active>
                        <input type="hidden" name="user" value=user_again />
                        <input type="hidden" name="active" value=value />
                        <button type="submit" class="button">{label}</button>
                    </ActionForm>
                }
            });
            view! {
                <li class="person-row">
                    <div>
                        <strong>{m.name.clone()}</strong>" "{badges}
                        <p class="meta">{m.email.clone()}</p>
                    </div>
                    <div class="row-actions">
                        <ActionForm action=role attr:class="inline-form">
                            <input type="hidden" name="user" value=user />
                            <label class="visually-hidden" for=select_id.clone()>
                                {t_with("staff-role-of", &[("person", m.name.clone().into())])}
                            </label>
                            <select id=select_id name="role">{options}</select>
                            <button type="submit" class="button">{t("staff-set-role")}</button>
                        </ActionForm>
                        {toggle}
                    </div>
                </li>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <section class="panel stack" aria-labelledby="staff-heading">
            <h2 id="staff-heading">{t("staff-heading")}</h2>
            <ul class="plain-list">{rows}</ul>
        </section>
    }
}

#[component]
fn InviteStaffForm(action: ServerAction<InviteStaff>, error: Option<ApiError>) -> impl IntoView {
    let echo = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.echo(name))
            .unwrap_or_default()
            .to_string()
    };
    let (name, email, chosen) = (echo("name"), echo("email"), echo("role"));
    let general = error.clone().filter(|e| e.field_name().is_none());
    let options = ROLES
        .into_iter()
        .map(|r| {
            let selected = if chosen.is_empty() {
                r == Role::Technician
            } else {
                r.as_str() == chosen
            };
            view! { <option value=r.as_str() selected=selected>{t(r.message_key())}</option> }
        })
        .collect_view();
    view! {
        <section class="panel stack" aria-labelledby="invite-staff-heading">
            <h2 id="invite-staff-heading">{t("staff-invite-heading")}</h2>
            <p class="hint">{t("people-invite-hint")}</p>
            {general.map(|error| view! { <ErrorAlert error /> })}
            <ActionForm action=action attr:class="stack">
                <TextField name="name".to_string() label=t("people-invite-name") value=name
                    error=problem(error.as_ref(), "name") required=true autocomplete="off" flat=true />
                <TextField name="email".to_string() label=t("people-invite-email") value=email
                    error=problem(error.as_ref(), "email") required=true autocomplete="off"
                    input_type="email" flat=true />
                <div class="field">
                    <label for="field-staff-role">{t("people-invite-role")}</label>
                    <select id="field-staff-role" name="role">{options}</select>
                </div>
                <button type="submit" class="button button-primary">{t("people-invite-submit")}</button>
            </ActionForm>
        </section>
    }
}
