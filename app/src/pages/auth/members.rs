//! `/account/people`: an account owner's people: who belongs as what, the grid of what each
//! member may do at each location, and inviting someone. `/join`: an invitation's page.
//! Every form is a plain form: it all works without JavaScript.

use crate::api::members::{
    InviteMember, JoinAccount, RemoveMember, SaveRights, SetMemberRole, get_account_people,
    get_invitation,
};
use crate::components::alert::{ErrorAlert, field_message};
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::{Arg, t, t_with};
use crate::islands::new_password::{NewPasswordField, NewPasswordTexts};
use doorstep::dto::{AccountPeople, MemberRole, MemberView, PlaceLabel};
use doorstep::permissions::{Capability, PlaceRight};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn problem(error: Option<&ApiError>, name: &str) -> Option<String> {
    error.and_then(|e| e.problem_with(name)).map(field_message)
}

/// One person's three boxes at one place, named for the grid's form.
fn right_boxes(
    person: &str,
    person_name: &str,
    place: &PlaceLabel,
    right: Option<&PlaceRight>,
) -> AnyView {
    Capability::ALL
        .into_iter()
        .map(|capability| {
            let checked = right.is_some_and(|r| r.allows(capability));
            let name = format!(
                "rights[{person}:{}:{}]",
                place.location,
                capability.as_str()
            );
            let label = t_with(
                "people-right-label",
                &[
                    ("person", person_name.to_string().into()),
                    ("place", place.label.clone().into()),
                    ("right", t(capability.message_key()).into()),
                ],
            );
            view! {
                <label class="right-box">
                    <input type="checkbox" name=name checked=checked aria-label=label />
                    <span aria-hidden="true">{t(capability.message_key())}</span>
                </label>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
pub fn PeoplePage() -> impl IntoView {
    if crate::pages::signed_in().is_none() {
        return Either::Left(view! { <Page title=t("people-title")><p>{t("loading")}</p></Page> });
    }
    let query = use_query_map().get_untracked();
    let saved = query.get("saved");
    let rights = ServerAction::<SaveRights>::new();
    let role = ServerAction::<SetMemberRole>::new();
    let remove = ServerAction::<RemoveMember>::new();
    let invite = ServerAction::<InviteMember>::new();
    let refused = [
        rights.value().get_untracked(),
        role.value().get_untracked(),
        remove.value().get_untracked(),
    ]
    .into_iter()
    .flatten()
    .find_map(Result::err);
    let invite_error = invite.value().get_untracked().and_then(Result::err);
    let done = crate::components::alert::done_notice(
        saved,
        refused.is_some() || invite_error.is_some(),
        |what| match what {
            "rights" => "people-saved-rights",
            "role" => "people-saved-role",
            "removed" => "people-saved-removed",
            _ => "people-saved-invited",
        },
    );
    Either::Right(view! {
        <Page title=t("people-title")>
            <h1>{t("people-title")}</h1>
            {done}
            {refused.map(|error| view! { <ErrorAlert error /> })}
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    match get_account_people().await {
                        Ok(people) => Either::Left(view! {
                            <p class="lead">{people.account_name.clone()}</p>
                            <PeopleList people=people.people.clone() role remove />
                            <RightsGrid people=people.clone() action=rights />
                            <InviteForm locations=people.locations action=invite error=invite_error.clone() />
                        }),
                        Err(error) => {
                            #[cfg(feature = "ssr")]
                            crate::pages::set_status(&error);
                            Either::Right(view! { <ErrorAlert error /> })
                        }
                    }
                })}
            </Suspense>
        </Page>
    })
}

#[component]
fn PeopleList(
    people: Vec<MemberView>,
    role: ServerAction<SetMemberRole>,
    remove: ServerAction<RemoveMember>,
) -> impl IntoView {
    let rows = people
        .into_iter()
        .map(|person| {
            let user = person.user.to_string();
            let user_again = user.clone();
            let other_role = match person.role {
                MemberRole::Owner => MemberRole::Member,
                MemberRole::Member => MemberRole::Owner,
            };
            let change = match other_role {
                MemberRole::Owner => t("people-make-owner"),
                MemberRole::Member => t("people-make-member"),
            };
            let status = if person.pending {
                Some(view! { <span class="badge badge-warn">{t("people-pending")}</span> })
            } else {
                None
            };
            let you = person
                .you
                .then(|| view! { <span class="badge badge-quiet">{t("people-you")}</span> });
            let remove_label = t_with("people-remove-label", &[("person", person.name.clone().into())]);
            view! {
                <li class="person-row">
                    <div>
                        <strong>{person.name.clone()}</strong>" "{you}" "{status}
                        <p class="meta">{person.email.clone()}" · "{t(person.role.role().message_key())}</p>
                    </div>
                    <div class="row-actions">
                        <ActionForm action=role>
                            <input type="hidden" name="user" value=user />
                            <input type="hidden" name="role" value=other_role.as_str() />
                            <button type="submit" class="button">{change}</button>
                        </ActionForm>
                        <ActionForm action=remove>
                            <input type="hidden" name="user" value=user_again />
                            <button type="submit" class="button button-danger" aria-label=remove_label>
                                {t("people-remove")}
                            </button>
                        </ActionForm>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel stack" aria-labelledby="people-heading">
            <h2 id="people-heading">{t("people-list-heading")}</h2>
            <p class="hint">{t("people-hint")}</p>
            <ul class="plain-list">{rows}</ul>
        </section>
    }
}

#[component]
fn RightsGrid(people: AccountPeople, action: ServerAction<SaveRights>) -> impl IntoView {
    let members: Vec<MemberView> = people
        .people
        .into_iter()
        .filter(|p| p.role == MemberRole::Member)
        .collect();
    let locations = people.locations;
    let body = if members.is_empty() || locations.is_empty() {
        Either::Left(view! { <p class="empty">{t("people-rights-empty")}</p> })
    } else {
        let head = locations
            .iter()
            .map(|l| view! { <th scope="col">{l.label.clone()}</th> })
            .collect_view();
        let rows = members
            .iter()
            .map(|m| {
                let person = m.user.to_string();
                let cells = locations
                    .iter()
                    .map(|l| {
                        let right = m.rights.iter().find(|r| r.location == l.location.id());
                        view! { <td><div class="right-boxes">{right_boxes(&person, &m.name, l, right)}</div></td> }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{m.name.clone()}</th>{cells}</tr> }.into_any()
            })
            .collect_view()
            .into_any();
        Either::Right(view! {
            <ActionForm action=action attr:class="stack">
                <div class="table-wrap" role="region" aria-labelledby="rights-caption" tabindex="0">
                    <table class="table rights-grid">
                        <caption id="rights-caption">{t("people-rights-caption")}</caption>
                        <thead><tr><th scope="col">{t("people-person")}</th>{head}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <button type="submit" class="button button-primary">{t("people-rights-save")}</button>
            </ActionForm>
        }.into_any())
    };
    view! {
        <section class="panel stack" id="rights" aria-labelledby="rights-heading">
            <h2 id="rights-heading">{t("people-rights-heading")}</h2>
            <p class="hint">{t("people-rights-hint")}</p>
            {body}
        </section>
    }
}

#[component]
fn InviteForm(
    locations: Vec<PlaceLabel>,
    action: ServerAction<InviteMember>,
    error: Option<ApiError>,
) -> impl IntoView {
    let echo = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.echo(name))
            .unwrap_or_default()
            .to_string()
    };
    let (name, email) = (echo("name"), echo("email"));
    let owner = echo("role") == "owner";
    let general = error.clone().filter(|e| e.field_name().is_none());
    let places = locations
        .iter()
        .map(|l| {
            view! {
                <li class="invite-place">
                    <span>{l.label.clone()}</span>
                    <div class="right-boxes">{right_boxes("new", &t("people-invitee"), l, None)}</div>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel stack" id="invite" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{t("people-invite-heading")}</h2>
            <p class="hint">{t("people-invite-hint")}</p>
            {general.map(|error| view! { <ErrorAlert error /> })}
            <ActionForm action=action attr:class="stack">
                <TextField name="name".to_string() label=t("people-invite-name") value=name
                    error=problem(error.as_ref(), "name") required=true autocomplete="off" flat=true />
                <TextField name="email".to_string() label=t("people-invite-email") value=email
                    error=problem(error.as_ref(), "email") required=true autocomplete="off"
                    input_type="email" flat=true />
                <fieldset>
                    <legend>{t("people-invite-role")}</legend>
                    <label class="choice">
                        <input type="radio" name="role" value="member" checked=!owner />
                        {t("role-account-member")}
                    </label>
                    <label class="choice">
                        <input type="radio" name="role" value="owner" checked=owner />
                        {t("role-account-owner")}
                    </label>
                </fieldset>
                <fieldset>
                    <legend>{t("people-invite-rights")}</legend>
                    <p class="hint">{t("people-rights-hint")}</p>
                    <ul class="plain-list">{places}</ul>
                </fieldset>
                <button type="submit" class="button button-primary">{t("people-invite-submit")}</button>
            </ActionForm>
        </section>
    }
}

/// An invitation's page: who invites to what, and the form to join.
#[component]
pub fn JoinPage() -> impl IntoView {
    let token = use_query_map()
        .get_untracked()
        .get("token")
        .unwrap_or_default();
    let action = ServerAction::<JoinAccount>::new();
    let posted = action.value().get_untracked().and_then(Result::err);
    view! {
        <Page title=t("join-title")>
            <section class="panel narrow" aria-labelledby="join-heading">
                <h1 id="join-heading">{t("join-title")}</h1>
                <Suspense fallback=crate::pages::loading>
                    {Suspend::new(async move {
                        let invitation = get_invitation(token.clone()).await;
                        let field_error = |name: &str| problem(posted.as_ref(), name);
                        let (name_error, password_error) = (field_error("name"), field_error("password"));
                        let problem = posted.clone().filter(|e| e.field_name().is_none()).or(invitation.clone().err());
                        let form = invitation.ok().map(|inv| {
                            let typed = posted.as_ref().and_then(|e| e.echo("name")).map(str::to_string);
                            let lead = match inv.invited_by.clone() {
                                Some(inviter) => t_with(
                                    "join-lead",
                                    &[
                                        ("account", inv.account_name.clone().into()),
                                        ("inviter", inviter.into()),
                                    ],
                                ),
                                None => t_with("join-lead-plain", &[("account", inv.account_name.clone().into())]),
                            };
                            view! {
                                <p class="lead">{lead}</p>
                                <ActionForm action=action attr:class="stack">
                                    <input type="hidden" name="token" value=token.clone() />
                                    <input type="hidden" id="field-email" value=inv.email.clone() />
                                    <p class="meta">{t_with("join-email", &[("email", Arg::Str(inv.email.clone()))])}</p>
                                    <TextField name="name".to_string() label=t("sign-up-name")
                                        value=typed.unwrap_or(inv.name.clone()) error=name_error
                                        required=true autocomplete="name" flat=true />
                                    <NewPasswordField name="password".to_string() error=password_error
                                        texts=NewPasswordTexts {
                                            label: t("sign-up-password"),
                                            rules: t("sign-up-password-rules"),
                                            show: t("sign-in-show-password"),
                                            hide: t("sign-in-hide-password"),
                                            accepted: t("sign-up-password-good"),
                                        } />
                                    <button type="submit" class="button button-primary">{t("join-submit")}</button>
                                </ActionForm>
                            }
                        });
                        super::link_outcome(problem, form, "/sign-in", t("sign-in-title"))
                    })}
                </Suspense>
            </section>
        </Page>
    }
}
