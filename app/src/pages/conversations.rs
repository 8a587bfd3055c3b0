//! Conversations: a thread as pages show it (on a visit's page, and the support thread's
//! own page), complete without JavaScript; the chat island keeps it live where it can.

use crate::api::conversations::{
    AddCannedReply, SEND_MESSAGE_PATH, get_canned_replies, get_inbox, get_thread,
};
use crate::components::alert::ErrorAlert;
use crate::components::form::TextField;
use crate::components::layout::Page;
use crate::error::ApiError;
use crate::i18n::{self, t, t_with};
use crate::islands::chat::ChatThread;
use crate::request;
use doorstep::conversations::{
    CannedReply, Inbox, InboxShow, MessageView, OfficeSide, Segment, Side, ThreadAddr, ThreadView,
    segments,
};
use doorstep::format;
use doorstep::ids::AccountRef;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/messages`: a customer's support thread with the office.
#[component]
pub fn MessagesPage() -> impl IntoView {
    let user = request::current().user;
    if user.is_none() {
        crate::pages::signed_in();
    }
    let account = user.as_ref().and_then(|u| u.account);
    support_page(account.map(|a| a.to_string()))
}

/// `/messages/AC-000007`: an account's support thread (the office's way in; the account's
/// own people may use it too).
#[component]
pub fn SupportThreadPage() -> impl IntoView {
    if request::current().user.is_none() {
        crate::pages::signed_in();
    }
    let reference = use_params_map()
        .get_untracked()
        .get("reference")
        .unwrap_or_default();
    let account = AccountRef::parse(&reference).map(|a| a.to_string());
    support_page(Some(account.unwrap_or(reference)))
}

fn support_page(thread: Option<String>) -> impl IntoView {
    let body = match thread {
        Some(thread) => Either::Left(view! {
            <Suspense fallback=crate::pages::loading>
                {
                    let thread = thread.clone();
                    Suspend::new(async move {
                        match get_thread(thread).await {
                            Ok(view) => Either::Left(view! { <ThreadPanel view /> }),
                            Err(error) => Either::Right(view! { <crate::pages::Refused error /> }),
                        }
                    })
                }
            </Suspense>
        }),
        None => Either::Right(view! { <crate::pages::Refused error=ApiError::NotFound /> }),
    };
    view! {
        <Page title=t("messages-title")>
            <h1>{t("messages-heading")}</h1>
            <p class="lead">{t("messages-lead")}</p>
            {body}
        </Page>
    }
}

/// A thread: its messages, who has seen the last of the viewer's, and the form to write.
#[component]
pub fn ThreadPanel(view: ThreadView) -> impl IntoView {
    let thread = view.addr.to_string();
    let after = view.events_after;
    let heading = if matches!(view.addr, doorstep::conversations::ThreadAddr::Job(_)) {
        t("thread-heading")
    } else {
        t("thread-support-heading")
    };
    let elsewhere = (!view.unread_elsewhere.is_empty()).then(|| {
        let items = view
            .unread_elsewhere
            .iter()
            .map(|(visit, n)| {
                let text = t_with(
                    "thread-unread-visit",
                    &[
                        ("visit", visit.to_string().into()),
                        ("count", i18n::Arg::Num(*n)),
                    ],
                );
                view! { <li><a href=format!("/visits/{visit}#thread")>{text}</a></li> }
            })
            .collect_view();
        view! {
            <section class="panel" aria-labelledby="unread-visits">
                <h2 id="unread-visits">{t("thread-unread-visits")}</h2>
                <ul>{items}</ul>
            </section>
        }
    });
    view! {
        {elsewhere}
        <section class="panel thread" id="thread" aria-labelledby="thread-heading">
            <h2 id="thread-heading">{heading}</h2>
            {view.office.as_ref().map(|side| office_side(view.addr, side, None))}
            <ChatThread thread after>
                <ThreadPart view=view.clone() />
                <MessageForm view />
            </ChatThread>
        </section>
    }
}

/// The part of the thread the island fetches again when something happens.
#[component]
fn ThreadPart(view: ThreadView) -> impl IntoView {
    let locale = i18n::locale();
    let tz = request::current().business.time_zone.zone();
    let earlier = view
        .earlier
        .then(|| view! { <p class="hint">{t("thread-earlier")}</p> });
    let list = if view.messages.is_empty() {
        Either::Left(view! { <p class="empty" data-messages="">{t("thread-empty")}</p> })
    } else {
        let items = view
            .messages
            .iter()
            .map(|m| message_item(m, &tz, locale))
            .collect_view();
        Either::Right(view! { <ol class="messages" data-messages="">{items}</ol> })
    };
    let seen = view.seen.as_ref().map(|seen| {
        let time = format::date_time_of_seconds(seen.at, &tz, locale);
        let names = seen.names.join(", ");
        view! {
            <p class="seen" data-seen="">
                {t_with("thread-seen", &[("names", names.into()), ("time", time.into())])}
            </p>
        }
    });
    view! {
        <div data-thread-live="" data-key=view.key.clone()>
            {earlier}
            {list}
            {seen}
        </div>
    }
    .into_any()
}

fn message_item(
    m: &MessageView,
    tz: &jiff::tz::TimeZone,
    locale: doorstep::locale::Locale,
) -> AnyView {
    let who = if m.mine {
        t("actor-you")
    } else {
        let side = match m.side {
            Side::Customer => t("thread-side-customer"),
            Side::Technician => t("thread-side-technician"),
            Side::Office => t("thread-side-office"),
        };
        t_with(
            "thread-author",
            &[("name", m.author.clone().into()), ("side", side.into())],
        )
    };
    let at = format::date_time_of_seconds(m.at, tz, locale);
    let body = segments(&m.body)
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) => Either::Left(text.to_string()),
            Segment::Link(link) => Either::Right(view! {
                <a href=link.to_string() rel="noopener noreferrer nofollow ugc" target="_blank">{link.to_string()}</a>
            }),
        })
        .collect_view();
    let photos = (!m.photos.is_empty()).then(|| {
        let items = m
            .photos
            .iter()
            .map(|p| {
                let alt = t_with("thread-photo", &[("name", p.name.clone().into())]);
                view! {
                    <li>
                        <a href=format!("/files/{}", p.token)>
                            <img src=format!("/files/{}/thumb", p.token) alt=alt loading="lazy" />
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="photos">{items}</ul> }
    });
    let class = if m.mine { "message mine" } else { "message" };
    view! {
        <li class=class id=format!("message-{}", m.id)>
            <p class="message-meta"><span class="message-author">{who}</span>" · "<span>{at}</span></p>
            {(!m.body.is_empty()).then(|| view! { <p class="message-body">{body}</p> })}
            {photos}
        </li>
    }
    .into_any()
}

/// The form to write, posted as it is without JavaScript (the page comes back with the
/// message in it); the island sends the same form in the background.
#[component]
fn MessageForm(view: ThreadView) -> impl IntoView {
    if !view.may_write {
        return Either::Left(view! { <p class="hint">{t("thread-read-only")}</p> });
    }
    let error = crate::pages::form_error(SEND_MESSAGE_PATH);
    let typed = |name: &str| crate::pages::typed(error.as_ref(), name);
    let problem = |name: &str| crate::pages::problem(error.as_ref(), name);
    // A refused form keeps its key: nothing of it was sent.
    let key = Some(typed("key"))
        .filter(|k| !k.is_empty())
        .unwrap_or(view.key.clone());
    // A canned reply the office picked (`?reply=3`), unless something was typed already.
    let picked = leptos_router::hooks::use_query_map()
        .get_untracked()
        .get("reply")
        .and_then(|id| id.parse::<i64>().ok());
    let canned = view
        .office
        .as_ref()
        .map(|o| o.canned.clone())
        .unwrap_or_default();
    let body = Some(typed("body"))
        .filter(|b| !b.is_empty())
        .or_else(|| {
            canned
                .iter()
                .find(|c| Some(c.id) == picked)
                .map(|c| c.body.clone())
        })
        .unwrap_or_default();
    let canned_links = (!canned.is_empty()).then(|| {
        let page = view.addr.page();
        let links = canned
            .iter()
            .map(|c| {
                view! { <li><a href=format!("{page}?reply={}#thread", c.id)>{c.title.clone()}</a></li> }
            })
            .collect_view();
        view! {
            <details class="canned">
                <summary>{t("canned-use")}</summary>
                <ul>{links}</ul>
            </details>
        }
    });
    let body_error = problem("body");
    let photos_error = problem("photos");
    let general = error
        .clone()
        .filter(|e| e.problem_with("body").is_none() && e.problem_with("photos").is_none())
        .map(|error| view! { <ErrorAlert error /> });
    let photos_hint = t_with(
        "thread-photos-hint",
        &[
            ("count", i18n::Arg::Num(view.max_files as i64)),
            ("size", i18n::Arg::Num(view.max_mb as i64)),
        ],
    );
    let described = |name: &str, hint: bool, error: bool| {
        let ids: Vec<String> = [
            hint.then(|| format!("{name}-hint")),
            error.then(|| format!("{name}-error")),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    Either::Right(view! {
        {general}
        <form method="post" action=SEND_MESSAGE_PATH enctype="multipart/form-data"
            class="stack message-form" data-chat-form="">
            <input type="hidden" name="thread" value=view.addr.to_string() />
            <input type="hidden" name="key" value=key />
            {canned_links}
            <div class="field">
                <label for="field-body">{t("thread-message")}</label>
                <textarea id="field-body" name="body" rows="3"
                    maxlength=doorstep::conversations::MESSAGE_MAX.to_string()
                    aria-describedby=described("body", false, body_error.is_some())
                    aria-invalid=body_error.as_ref().map(|_| "true")>{body}</textarea>
                {body_error.map(|m| view! { <p class="field-error" id="body-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="field-photos">{t("thread-photos")}</label>
                <p class="hint" id="photos-hint">{photos_hint}</p>
                <input type="file" id="field-photos" name="photos" multiple=true
                    accept="image/jpeg,image/png,image/webp"
                    aria-describedby=described("photos", true, photos_error.is_some())
                    aria-invalid=photos_error.as_ref().map(|_| "true") />
                {photos_error.map(|m| view! { <p class="field-error" id="photos-error">{m}</p> })}
            </div>
            <p class="hint" aria-live="polite" data-chat-status=""
                data-sending=t("thread-sending") data-retrying=t("thread-retrying")
                data-new=t("thread-new")></p>
            <button type="submit" class="button button-primary">{t("thread-send")}</button>
        </form>
    }
    .into_any())
}

/// "12 min", "3 h 5 min", "2 d 4 h": how long something took, for the office's eyes.
fn took(seconds: i64) -> String {
    let minutes = (seconds.max(0) + 59) / 60;
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let key = if days > 0 {
        "took-days"
    } else if hours > 0 {
        "took-hours"
    } else {
        "took-minutes"
    };
    t_with(
        key,
        &[
            ("days", i18n::Arg::Num(days)),
            ("hours", i18n::Arg::Num(hours)),
            ("minutes", i18n::Arg::Num(mins)),
        ],
    )
}

/// The first answer's time, or how long the customer has waited for it.
fn first_answer(asked: Option<i64>, answered: Option<i64>) -> Option<String> {
    let asked = asked?;
    Some(match answered {
        Some(at) => t_with("inbox-first-answer", &[("took", took(at - asked).into())]),
        None => {
            let now = jiff::Timestamp::now().as_second();
            t_with("inbox-unanswered", &[("took", took(now - asked).into())])
        }
    })
}

/// Who has the thread, and giving it to someone (the office only).
fn office_side(addr: ThreadAddr, side: &OfficeSide, back: Option<&'static str>) -> AnyView {
    let me = request::current().user.map(|u| u.user);
    let choices = side
        .office
        .iter()
        .map(|p| {
            let selected = side.assigned == Some(p.user);
            view! { <option value=p.user.to_string() selected=selected>{p.name.clone()}</option> }
        })
        .collect_view();
    let take = (side.assigned != me).then(|| {
        view! {
            <form method="post" action="/api/assign-thread" class="inline">
                <input type="hidden" name="thread" value=addr.to_string() />
                <input type="hidden" name="to" value=me.map(|u| u.to_string()) />
                <input type="hidden" name="back" value=back.unwrap_or_default() />
                <button type="submit" class="button">{t("inbox-take")}</button>
            </form>
        }
    });
    let select_id = format!("assign-{addr}");
    view! {
        <div class="office-side">
            {first_answer(side.asked_at, side.answered_at).map(|line| view! { <p class="meta">{line}</p> })}
            {take}
            <form method="post" action="/api/assign-thread" class="inline">
                <input type="hidden" name="thread" value=addr.to_string() />
                <input type="hidden" name="back" value=back.unwrap_or_default() />
                <label for=select_id.clone()>{t("inbox-assign-to")}</label>
                <select id=select_id name="to">
                    <option value="" selected=side.assigned.is_none()>{t("inbox-nobody")}</option>
                    {choices}
                </select>
                <button type="submit" class="button">{t("inbox-assign")}</button>
            </form>
        </div>
    }
    .into_any()
}

/// `/office/inbox`: the threads waiting on the office (nobody's, and one's own), and those
/// waiting on the customer.
#[component]
pub fn InboxPage() -> impl IntoView {
    if request::current().user.is_none() {
        crate::pages::signed_in();
    }
    let show = leptos_router::hooks::use_query_map()
        .get_untracked()
        .get("show")
        .unwrap_or_default();
    view! {
        <Page title=t("inbox-title")>
            <h1>{t("inbox-title")}</h1>
            <p><a href="/office/replies">{t("inbox-replies")}</a></p>
            <Suspense fallback=crate::pages::loading>
                {
                    let show = show.clone();
                    Suspend::new(async move {
                        match get_inbox(Some(show)).await {
                            Ok(inbox) => Either::Left(inbox_view(inbox)),
                            Err(error) => Either::Right(view! { <crate::pages::Refused error /> }),
                        }
                    })
                }
            </Suspense>
        </Page>
    }
}

fn inbox_view(inbox: Inbox) -> AnyView {
    let locale = i18n::locale();
    let tz = request::current().business.time_zone.zone();
    let tabs = InboxShow::ALL
        .iter()
        .zip(inbox.counts)
        .map(|(show, n)| {
            let label = t_with(
                &format!("inbox-{}", show.as_str()),
                &[("count", i18n::Arg::Num(n))],
            );
            let current = (*show == inbox.show).then_some("page");
            view! {
                <li><a href=format!("/office/inbox?show={}", show.as_str()) aria-current=current>{label}</a></li>
            }
        })
        .collect_view();
    let back = match inbox.show {
        InboxShow::Unassigned => "unassigned",
        InboxShow::Mine => "mine",
        InboxShow::Waiting => "waiting",
    };
    let list = if inbox.threads.is_empty() {
        Either::Left(view! { <p class="empty">{t(&format!("inbox-empty-{back}"))}</p> })
    } else {
        let items = inbox
            .threads
            .iter()
            .map(|thread| {
                let what = match thread.addr {
                    ThreadAddr::Job(visit) => t_with("inbox-about-visit", &[("visit", visit.to_string().into())]),
                    ThreadAddr::Support(_) => t("inbox-about-support"),
                };
                let last = thread
                    .last_message_at
                    .map(|at| format::date_time_of_seconds(at, &tz, locale));
                let unread = (thread.unread > 0).then(|| {
                    view! { <span class="badge">{t_with("inbox-unread", &[("count", i18n::Arg::Num(thread.unread))])}</span> }
                });
                let assigned = thread.assigned.clone().map(|name| {
                    view! { <p class="meta">{t_with("inbox-assigned", &[("name", name.into())])}</p> }
                });
                let side = OfficeSide {
                    canned: Vec::new(),
                    assigned: None,
                    office: inbox.office.clone(),
                    asked_at: thread.asked_at,
                    answered_at: thread.answered_at,
                };
                view! {
                    <li class="card">
                        <p>
                            <a href=format!("{}#thread", thread.addr.page())><strong>{thread.account.clone()}</strong>" · "{what}</a>
                            " "{unread}
                        </p>
                        {last.map(|l| view! { <p class="meta">{t_with("inbox-last", &[("time", l.into())])}</p> })}
                        {assigned}
                        {office_side(thread.addr, &side, Some(back))}
                    </li>
                }
            })
            .collect_view();
        Either::Right(view! { <ul class="cards">{items}</ul> })
    };
    view! {
        <nav aria-label=t("inbox-lists")><ul class="tabs">{tabs}</ul></nav>
        {list}
    }
    .into_any()
}

/// `/office/replies`: the office's canned replies, in each language the portal speaks.
#[component]
pub fn CannedRepliesPage() -> impl IntoView {
    if request::current().user.is_none() {
        crate::pages::signed_in();
    }
    let query = leptos_router::hooks::use_query_map().get_untracked();
    let done = ["added", "removed"]
        .into_iter()
        .find(|k| query.get(k).is_some())
        .map(|what| {
            view! { <p class="alert alert-success" role="status">{t(&format!("canned-{what}"))}</p> }
        });
    view! {
        <Page title=t("canned-title")>
            <h1>{t("canned-title")}</h1>
            <p class="lead">{t("canned-lead")}</p>
            {done}
            <Suspense fallback=crate::pages::loading>
                {Suspend::new(async move {
                    match get_canned_replies().await {
                        Ok(replies) => Either::Left(canned_view(replies)),
                        Err(error) => Either::Right(view! { <crate::pages::Refused error /> }),
                    }
                })}
            </Suspense>
        </Page>
    }
}

fn canned_view(replies: Vec<CannedReply>) -> AnyView {
    let action = ServerAction::<AddCannedReply>::new();
    let error = action.value().get_untracked().and_then(Result::err);
    let typed = |name: &str| crate::pages::typed(error.as_ref(), name);
    let problem = |name: &str| crate::pages::problem(error.as_ref(), name);
    let chosen = {
        let typed = typed("locale");
        if typed.is_empty() {
            i18n::locale().code().to_string()
        } else {
            typed
        }
    };
    let (title, body) = (typed("title"), typed("body"));
    let (title_error, body_error) = (problem("title"), problem("body"));
    let languages = doorstep::locale::Locale::ALL
        .iter()
        .map(|l| {
            view! { <option value=l.code() selected=chosen == l.code()>{l.native_name()}</option> }
        })
        .collect_view();
    let list = if replies.is_empty() {
        Either::Left(view! { <p class="empty">{t("canned-empty")}</p> })
    } else {
        let items = replies
            .iter()
            .map(|r| {
                let label = t_with("canned-remove", &[("title", r.title.clone().into())]);
                view! {
                    <li class="card">
                        <p><strong>{r.title.clone()}</strong>" · "<span lang=r.locale.code()>{r.locale.native_name()}</span></p>
                        <p class="message-body" lang=r.locale.code()>{r.body.clone()}</p>
                        <form method="post" action="/api/remove-canned-reply">
                            <input type="hidden" name="reply" value=r.id.to_string() />
                            <button type="submit" class="button button-quiet" aria-label=label>{t("canned-remove-short")}</button>
                        </form>
                    </li>
                }
            })
            .collect_view();
        Either::Right(view! { <ul class="cards">{items}</ul> })
    };
    let general = error
        .clone()
        .filter(|e| {
            ["locale", "title", "body"]
                .iter()
                .all(|f| e.problem_with(f).is_none())
        })
        .map(|error| view! { <ErrorAlert error /> });
    view! {
        {list}
        <section class="panel" aria-labelledby="canned-add">
            <h2 id="canned-add">{t("canned-add")}</h2>
            {general}
            <ActionForm action=action attr:class="stack">
                <div class="field">
                    <label for="field-locale">{t("language-label")}</label>
                    <select id="field-locale" name="locale">{languages}</select>
                </div>
                <TextField name="title".to_string() label=t("canned-field-title") value=title
                    error=title_error required=true flat=true />
                <TextField name="body".to_string() label=t("canned-field-body") value=body
                    error=body_error area=true required=true flat=true />
                <button type="submit" class="button button-primary">{t("canned-save")}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}
