//! `GET /events`: the live stream (Server-Sent Events) of what the signed-in person may see:
//! a customer their account's visits, a technician their own jobs, the office everything.
//! A reconnecting browser sends `Last-Event-ID`; a fresh page passes `?after=` with the last
//! event it was rendered with. Either way the missed events are read from the table first,
//! so a restart of the server loses nothing; then the stream follows this instance's hub.

use super::ServerState;
use app::request::{RequestInfo, RequestTrace, cause_chain};
use axum::Extension;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use doorstep::dto::{LiveEvent, SessionUser};
use doorstep::ids::VisitRef;
use doorstep::permissions::Role;
use doorstep::store::Store;
use doorstep::store::events::{self, Audience, EventRow};
use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast::{self, error::RecvError};

/// Events read from the table per query while catching up.
const REPLAY_BATCH: i64 = 200;

#[derive(serde::Deserialize)]
pub struct After {
    after: Option<String>,
}

/// Whose events `user` may follow.
fn audience(user: &SessionUser) -> Option<Audience> {
    match user.role {
        Role::AccountOwner | Role::AccountMember => user.account.map(|a| Audience::Account(a.id())),
        Role::Technician => Some(Audience::Technician(user.user.id())),
        Role::Dispatcher | Role::Admin => Some(Audience::Everyone),
    }
}

/// A non-negative event number, as a header or the query carries it.
fn seq(raw: &str) -> Option<i64> {
    raw.trim().parse::<i64>().ok().filter(|n| *n >= 0)
}

fn to_sse(row: &EventRow) -> Event {
    let live = LiveEvent {
        seq: row.seq,
        at: row.at,
        kind: row.kind.clone(),
        visit: row.job_id.map(VisitRef::from_id),
        account: row
            .job_id
            .is_none()
            .then_some(row.account_id)
            .flatten()
            .map(doorstep::ids::AccountRef::from_id),
    };
    Event::default()
        .id(row.seq.to_string())
        .event("visit")
        .json_data(&live)
        .unwrap_or_else(|_| Event::default().comment("unwritable event"))
}

/// One open stream: what it has sent, what it has still to send.
struct Follower {
    store: Store,
    audience: Audience,
    /// A member: their user id and the locations they see (re-read when the owner changes
    /// who sees what, so a location taken away goes quiet at once).
    member: Option<(i64, Vec<i64>)>,
    last: i64,
    backlog: VecDeque<EventRow>,
    /// Read the table before listening again (at the start, and after falling behind).
    catch_up: bool,
    live: broadcast::Receiver<Arc<EventRow>>,
}

/// What to do with an event the audience sees.
enum Pass {
    Send,
    Skip,
    /// The person no longer belongs to the account: the stream ends.
    End,
}

impl Follower {
    /// Whether `row` goes to the browser; re-reads a member's rights on `access_changed`.
    async fn pass(&mut self, row: &EventRow) -> Pass {
        if row.kind == events::ACCESS_CHANGED {
            if let Some((user, places)) = self.member.as_mut() {
                let read = async {
                    let mut conn = self.store.conn().await?;
                    let person = doorstep::store::users::by_id(&mut conn, *user).await?;
                    let rights = doorstep::store::rights::of_user(&mut conn, *user).await?;
                    Ok::<_, doorstep::store::StoreError>((person, rights))
                };
                match read.await {
                    Ok((person, rights)) if person.account_id == row.account_id => {
                        *places = rights.iter().map(|r| r.location).collect();
                    }
                    Ok(_) => return Pass::End,
                    Err(err) => {
                        tracing::warn!(%err, "live stream could not re-read rights; closing it");
                        return Pass::End;
                    }
                }
            }
            return Pass::Skip;
        }
        match (&self.member, row.location_id) {
            (Some((_, places)), Some(location)) if !places.contains(&location) => Pass::Skip,
            _ => Pass::Send,
        }
    }

    async fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(row) = self.backlog.pop_front() {
                if row.seq > self.last {
                    self.last = row.seq;
                    match self.pass(&row).await {
                        Pass::Send => return Some(to_sse(&row)),
                        Pass::Skip => {}
                        Pass::End => return None,
                    }
                }
                continue;
            }
            if self.catch_up {
                let read = async {
                    let mut conn = self.store.conn().await?;
                    events::after(&mut conn, self.audience, self.last, REPLAY_BATCH).await
                };
                match read.await {
                    Ok(rows) => {
                        self.catch_up = i64::try_from(rows.len()).unwrap_or(0) >= REPLAY_BATCH;
                        self.backlog.extend(rows);
                    }
                    Err(err) => {
                        // The browser reconnects with the last id it got: nothing is lost.
                        tracing::warn!(%err, "live stream could not read events; closing it");
                        return None;
                    }
                }
                continue;
            }
            match self.live.recv().await {
                Ok(row) if self.audience.sees(&row) && row.seq > self.last => {
                    self.last = row.seq;
                    match self.pass(&row).await {
                        Pass::Send => return Some(to_sse(&row)),
                        Pass::Skip => {}
                        Pass::End => return None,
                    }
                }
                Ok(_) => {}
                Err(RecvError::Lagged(_)) => self.catch_up = true,
                Err(RecvError::Closed) => return None,
            }
        }
    }
}

/// `GET /events`.
pub async fn stream(
    State(state): State<ServerState>,
    Extension(info): Extension<RequestInfo>,
    trace: Option<Extension<RequestTrace>>,
    headers: HeaderMap,
    Query(query): Query<After>,
) -> Response {
    let Some(user) = info.user.as_ref() else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let Some(audience) = audience(user) else {
        return StatusCode::FORBIDDEN.into_response();
    };
    let resume = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .map(|raw| seq(raw).ok_or(()))
        .or_else(|| query.after.as_deref().map(|raw| seq(raw).ok_or(())));
    // Listening starts before the table is read, so nothing falls between the two.
    let live = state.events.subscribe();
    let store = state.app.store.clone();
    let last = match resume {
        Some(Ok(after)) => after,
        Some(Err(())) => return StatusCode::BAD_REQUEST.into_response(),
        None => {
            let latest = async {
                let mut conn = store.conn().await?;
                events::latest(&mut conn).await
            };
            match latest.await {
                Ok(n) => n,
                Err(err) => {
                    if let Some(Extension(trace)) = trace {
                        trace.set_failure(cause_chain("live stream", &err));
                    }
                    return StatusCode::SERVICE_UNAVAILABLE.into_response();
                }
            }
        }
    };
    let member = (user.role == Role::AccountMember).then(|| {
        let places = user.places.iter().flatten().map(|p| p.location).collect();
        (user.user.id(), places)
    });
    let follower = Follower {
        store,
        audience,
        member,
        last,
        backlog: VecDeque::new(),
        catch_up: true,
        live,
    };
    let events = futures_util::stream::unfold(follower, |mut f| async move {
        f.next().await.map(|event| (Ok::<_, Infallible>(event), f))
    });
    Sse::new(events)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}
