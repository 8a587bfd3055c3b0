//! Conversations: reading a thread (a job's or an account's support thread) and sending a
//! message to it, with photos.

use crate::error::ApiError;
use doorstep::conversations::{CannedReply, Inbox, ThreadView};
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// `thread`: a visit's reference (`DS-000042`) or an account's (`AC-000007`, its support
/// thread). Reading marks the thread read by the caller.
#[server(endpoint = "thread")]
pub async fn get_thread(thread: String) -> Result<ThreadView, ApiError> {
    use crate::api::support::state;
    use doorstep::conversations::ThreadAddr;
    use doorstep::services::conversations::read;
    let user = crate::api::support::info()
        .user
        .ok_or(ApiError::Unauthenticated)?;
    let addr = ThreadAddr::parse(&thread).ok_or(ApiError::NotFound)?;
    let state = state()?;
    read(
        &state.store,
        &user,
        addr,
        (state.uploads.max_files, state.uploads.max_megabytes()),
        state.business().default_locale,
    )
    .await
    .map_err(imp::refused)
}

/// The office's inbox: `show` is `unassigned` (the default), `mine` or `waiting`.
#[server(endpoint = "inbox")]
pub async fn get_inbox(#[server(default)] show: Option<String>) -> Result<Inbox, ApiError> {
    use crate::api::support::{require, state};
    use doorstep::conversations::InboxShow;
    use doorstep::permissions::Permission;
    let user = require(Permission::ManageScheduling)?;
    let show = InboxShow::parse(show.as_deref().unwrap_or_default());
    let state = state()?;
    doorstep::services::conversations::inbox(&state.store, &user, show)
        .await
        .map_err(imp::refused)
}

/// Gives `thread` to the office person `to` (a reference; empty: to nobody). `back`: the
/// inbox list to return to (empty: the thread).
#[server(endpoint = "assign-thread")]
pub async fn assign_thread(
    thread: String,
    to: String,
    #[server(default)] back: Option<String>,
) -> Result<(), ApiError> {
    use crate::api::support::{info, require, state};
    use doorstep::conversations::{InboxShow, ThreadAddr};
    use doorstep::ids::UserRef;
    use doorstep::permissions::Permission;
    let user = require(Permission::ManageScheduling)?;
    let addr = ThreadAddr::parse(&thread).ok_or(ApiError::NotFound)?;
    let to = match to.trim() {
        "" => None,
        raw => Some(UserRef::parse(raw).ok_or(ApiError::NotFound)?),
    };
    let state = state()?;
    doorstep::services::conversations::assign(&state.store, &user, addr, to, &info().origin)
        .await
        .map_err(imp::refused)?;
    let to_page = match back.as_deref().filter(|b| !b.is_empty()) {
        Some(list) => format!("/office/inbox?show={}", InboxShow::parse(list).as_str()),
        None => format!("{}?assigned=1#thread", addr.page()),
    };
    leptos_axum::redirect(&to_page);
    Ok(())
}

/// The office's canned replies, every language.
#[server(endpoint = "canned-replies")]
pub async fn get_canned_replies() -> Result<Vec<CannedReply>, ApiError> {
    use crate::api::support::{require, state};
    use doorstep::permissions::Permission;
    let user = require(Permission::ManageScheduling)?;
    let state = state()?;
    doorstep::services::conversations::all_canned(&state.store, &user)
        .await
        .map_err(imp::refused)
}

/// Adds a canned reply: its `locale` (`en`, `es`…), `title` and `body`.
#[server(endpoint = "add-canned-reply")]
pub async fn add_canned_reply(locale: String, title: String, body: String) -> Result<(), ApiError> {
    use crate::api::support::{info, require, state};
    use crate::error::echo;
    use doorstep::permissions::Permission;
    use doorstep::services::conversations::{NewCanned, add_canned, check_canned};
    let user = require(Permission::ManageScheduling)?;
    let typed = || echo(&[("locale", &locale), ("title", &title), ("body", &body)]);
    let reply = check_canned(&NewCanned {
        locale: &locale,
        title: &title,
        body: &body,
    })
    .map_err(|problems| ApiError::refused(problems, typed()))?;
    let state = state()?;
    add_canned(&state.store, &user, reply, &info().origin)
        .await
        .map_err(imp::refused)?;
    leptos_axum::redirect("/office/replies?added=1");
    Ok(())
}

/// Removes the canned reply `reply` (its number).
#[server(endpoint = "remove-canned-reply")]
pub async fn remove_canned_reply(reply: String) -> Result<(), ApiError> {
    use crate::api::support::{info, require, state};
    use doorstep::permissions::Permission;
    let user = require(Permission::ManageScheduling)?;
    let id: i64 = reply.trim().parse().map_err(|_| ApiError::NotFound)?;
    let state = state()?;
    doorstep::services::conversations::remove_canned(&state.store, &user, id, &info().origin)
        .await
        .map_err(imp::refused)?;
    leptos_axum::redirect("/office/replies?removed=1");
    Ok(())
}

/// Where the message form posts: `send_message`'s address. The form is plain HTML (the
/// chat island posts the same form), so the server function exists on the server only and
/// keeps multipart handling out of the browser bundle.
pub const SEND_MESSAGE_PATH: &str = "/api/send-message";

/// The message form, posted as `multipart/form-data`: `thread`, `body`, `key` (the form's
/// idempotency key: the same key twice sends once), and `photos` (repeated files).
#[cfg(feature = "ssr")]
#[server(endpoint = "send-message", input = MultipartFormData)]
pub async fn send_message(data: MultipartData) -> Result<(), ApiError> {
    imp::send(data).await
}

#[cfg(feature = "ssr")]
pub(crate) mod imp {
    use crate::api::support::{info, internal, state};
    use crate::api::uploads::{Form, Posted, read};
    use crate::error::{ApiError, echo};
    use doorstep::conversations::ThreadAddr;
    use doorstep::services::conversations::{self, ConversationError, Outgoing};
    use doorstep::services::files;
    use leptos::server_fn::codec::MultipartData;

    pub fn refused(err: ConversationError) -> ApiError {
        match err {
            ConversationError::NotFound => ApiError::NotFound,
            ConversationError::ReadOnly => ApiError::Forbidden,
            ConversationError::TooMany => ApiError::TooManyRequests,
            ConversationError::Field(problem) => ApiError::field("body", problem, echo(&[])),
            other => internal("conversation failed", other),
        }
    }

    /// What was typed, to fill the form in again.
    fn typed(posted: &Posted) -> crate::error::Echo {
        echo(&[("body", posted.get("body")), ("key", posted.get("key"))])
    }

    pub async fn send(data: MultipartData) -> Result<(), ApiError> {
        let user = info().user.ok_or(ApiError::Unauthenticated)?;
        let form = Form {
            text: &["thread", "key"],
            lists: &[],
            large: &[("body", 4 * doorstep::conversations::MESSAGE_MAX + 64)],
        };
        let mut posted = read(data, &form, typed).await?;
        let addr = ThreadAddr::parse(posted.get("thread")).ok_or(ApiError::NotFound)?;
        let mut problems = Vec::new();
        if let Err(problem) =
            conversations::check_body(posted.get("body"), !posted.photos.is_empty())
        {
            problems.push(("body", problem));
        }
        if let Some(problem) = posted.photo_problem.clone() {
            problems.push(("photos", problem));
        }
        if !problems.is_empty() {
            return Err(ApiError::refused(problems, typed(&posted)));
        }
        let state = state()?;
        let echo = typed(&posted);
        let photos = match files::process_all(std::mem::take(&mut posted.photos), state.uploads)
            .await
            .map_err(|e| internal("photo processing failed", e))?
        {
            Ok(photos) => photos,
            Err(problem) => return Err(ApiError::refused([("photos", problem)], echo)),
        };
        let message = Outgoing {
            body: posted.get("body").to_string(),
            key: posted.get("key").to_string(),
            photos,
        };
        conversations::send(
            &state.store,
            &state.files,
            &user,
            addr,
            message,
            state.message_mail_minutes,
        )
        .await
        .map_err(|e| match e {
            ConversationError::Field(problem) => ApiError::refused([("body", problem)], echo),
            other => refused(other),
        })?;
        leptos_axum::redirect(&format!("{}#thread", addr.page()));
        Ok(())
    }
}
