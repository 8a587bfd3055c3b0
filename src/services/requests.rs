//! Requests to the office: a customer asks for a quote (a service priced on inspection)
//! or a call back (no window suits); the office lists what is open and marks it handled.
//! Each step is audited; the customer gets a mail saying the request arrived.

use crate::brand::Business;
use crate::dto::{RequestView, SessionUser};
use crate::ids::{AccountRef, LocationRef, RequestRef, ServiceRef};
use crate::locale::Locale;
use crate::permissions::{Capability, Permission};
use crate::requests::{RequestDraft, RequestKind, RequestStatus};
use crate::services::clock;
use crate::services::mail::{self, Mail, MailTemplate, Recipient};
use crate::store::audit::{self, RequestOrigin};
use crate::store::requests::{self as store_requests, NewRequest, RequestRow};
use crate::store::{Store, StoreError, accounts, catalogue};
use std::collections::HashMap;
use tracing::instrument;

/// The most open requests one account may have: enough for any household or company,
/// few enough that a stuck script cannot flood the office.
pub const OPEN_MAX: i64 = 20;

#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    /// Not the person's account's location or request, or not an active service.
    #[error("not found")]
    NotFound,
    #[error("the account has {OPEN_MAX} open requests already")]
    TooMany,
    /// Handled already.
    #[error("the request is handled already")]
    Handled,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Sends a request for the person's account.
#[instrument(skip(store, business, by, draft, origin), fields(by = %by.user))]
pub async fn create(
    store: &Store,
    business: &Business,
    by: &SessionUser,
    location: LocationRef,
    service: Option<ServiceRef>,
    draft: &RequestDraft,
    origin: &RequestOrigin,
) -> Result<RequestRef, RequestError> {
    // A change request names a visit: it is sent from the visit's page (`changes::ask_office`).
    if !by.role.allows(Permission::BookVisits) || !draft.kind.from_form() {
        return Err(RequestError::NotFound);
    }
    let account = by.account.ok_or(RequestError::NotFound)?;
    if !by.may_at(Capability::Book, account.id(), location.id()) {
        return Err(RequestError::NotFound);
    }
    let now = clock::now();
    let mut tx = store.begin().await?;
    accounts::lock(&mut tx, account.id()).await?;
    let place = accounts::bookable_location(&mut tx, account.id(), location.id())
        .await?
        .ok_or(RequestError::NotFound)?;
    let locale = by.locale.unwrap_or(business.default_locale);
    let service_name = match service {
        Some(s) => {
            let row = catalogue::list(&mut tx, Some(s.id()), business.default_locale)
                .await?
                .into_iter()
                .next()
                .filter(|r| r.draft.active)
                .ok_or(RequestError::NotFound)?;
            Some(row.draft.name(locale).to_string())
        }
        None if draft.kind == RequestKind::Quote => return Err(RequestError::NotFound),
        None => None,
    };
    if store_requests::open_count(&mut tx, account.id()).await? >= OPEN_MAX {
        return Err(RequestError::TooMany);
    }
    let id = store_requests::insert(
        &mut tx,
        &NewRequest {
            account_id: account.id(),
            location_id: place.id,
            service_id: service.map(ServiceRef::id),
            kind: draft.kind.as_str(),
            notes: draft.notes.as_deref(),
            phone: draft.phone.as_deref(),
            created_by: by.user.id(),
            created_at: now,
            visit_id: None,
            problem: None,
        },
    )
    .await?;
    let reference = RequestRef::from_id(id);
    let subject = reference.to_string();
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "request_sent", origin)
            .by(by.user)
            .on(&subject)
            .detail(draft.kind.as_str()),
    )
    .await?;
    let to = Recipient::from(by);
    match crate::email::Email::parse(&to.email) {
        Ok(address) => {
            let template = match draft.kind {
                RequestKind::Quote => MailTemplate::QuoteRequested,
                RequestKind::Callback | RequestKind::Change | RequestKind::Problem => {
                    MailTemplate::CallbackRequested
                }
            };
            let args = [
                ("name", to.name.clone()),
                ("reference", subject.clone()),
                ("service", service_name.unwrap_or_default()),
                ("place", place.label.clone()),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
            mail::queue(
                &mut tx,
                &Mail {
                    to: address,
                    to_name: Some(&to.name),
                    locale,
                    template,
                    args,
                },
            )
            .await?;
        }
        Err(_) => tracing::warn!(%reference, "no mail: the stored address does not parse"),
    }
    tx.commit().await.map_err(StoreError::from)?;
    Ok(reference)
}

/// A request as people read it; services named from `names` (by id).
pub fn view(row: RequestRow, names: &HashMap<i64, String>) -> Option<RequestView> {
    let problem = problem_view(&row);
    Some(RequestView {
        request: RequestRef::from_id(row.id),
        kind: RequestKind::parse(&row.kind)?,
        status: RequestStatus::parse(&row.status)?,
        account: AccountRef::from_id(row.account_id),
        account_name: row.account_name,
        location: LocationRef::from_id(row.location_id),
        location_label: row.location_label,
        address: vec![row.line1, format!("{} {}", row.postal_code, row.city)],
        service: row.service_id.and_then(|id| names.get(&id).cloned()),
        notes: row.notes,
        phone: row.phone,
        requested_by: row.requested_by,
        created_at: row.created_at,
        handled_at: row.handled_at,
        problem,
        visit: row.visit_id.map(crate::ids::VisitRef::from_id),
        steps: Vec::new(),
        photos: Vec::new(),
    })
}

fn problem_view(row: &RequestRow) -> Option<crate::dto::ProblemView> {
    Some(crate::dto::ProblemView {
        category: crate::requests::ProblemCategory::parse(row.category.as_deref()?)?,
        priority: crate::requests::Priority::parse(row.priority.as_deref()?)?,
        days: row
            .preferred_days
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .filter(|d| !d.is_empty())
            .map(str::to_string)
            .collect(),
        response_hours: u32::try_from(row.response_hours.unwrap_or_default()).unwrap_or_default(),
    })
}

/// Service names in `locale`, by id.
pub(crate) async fn service_names(
    conn: &mut crate::store::Conn,
    locale: Locale,
    default_locale: Locale,
) -> Result<HashMap<i64, String>, StoreError> {
    Ok(catalogue::list(conn, None, default_locale)
        .await?
        .into_iter()
        .map(|r| (r.id, r.draft.name(locale).to_string()))
        .collect())
}

/// Whether `by` may read a request of `account` at `location`: the people of the account who
/// see the location, and the office.
pub(crate) fn may_see(by: &SessionUser, account: i64, location: i64) -> bool {
    by.role.allows(Permission::ManageScheduling)
        || (by.role.allows(Permission::ViewOwnAccount)
            && by.may_at(Capability::View, account, location))
}

/// One request, for its account's people and the office.
pub async fn get(
    store: &Store,
    by: &SessionUser,
    request: RequestRef,
    locale: Locale,
    default_locale: Locale,
) -> Result<RequestView, RequestError> {
    let mut conn = store.conn().await?;
    let row = store_requests::by_id(&mut conn, request.id())
        .await?
        .filter(|r| may_see(by, r.account_id, r.location_id))
        .ok_or(RequestError::NotFound)?;
    let names = service_names(&mut conn, locale, default_locale).await?;
    let id = row.id;
    let mut view = view(row, &names).ok_or(RequestError::NotFound)?;
    view.steps = store_requests::steps(&mut conn, id)
        .await?
        .into_iter()
        .filter_map(|s| {
            Some(crate::dto::RequestStepView {
                kind: crate::requests::RequestStepKind::parse(&s.kind)?,
                body: s.body,
                actor: s.actor,
                staff: s.staff != 0,
                at: s.at,
            })
        })
        .collect();
    view.photos = crate::store::files::of_request(&mut conn, id)
        .await?
        .into_iter()
        .map(crate::services::files::view)
        .collect();
    Ok(view)
}

/// What the office has still to answer, oldest first.
pub async fn open(
    store: &Store,
    locale: Locale,
    default_locale: Locale,
) -> Result<Vec<RequestView>, StoreError> {
    let mut conn = store.conn().await?;
    let rows = store_requests::open(&mut conn, 200).await?;
    let names = service_names(&mut conn, locale, default_locale).await?;
    Ok(rows.into_iter().filter_map(|r| view(r, &names)).collect())
}

/// The office marks a request handled (answered, quoted, called).
#[instrument(skip(store, by, origin), fields(by = %by.user))]
pub async fn mark_handled(
    store: &Store,
    by: &SessionUser,
    request: RequestRef,
    origin: &RequestOrigin,
) -> Result<(), RequestError> {
    if !by.role.allows(Permission::ManageScheduling) {
        return Err(RequestError::NotFound);
    }
    let now = clock::now();
    let mut tx = store.begin().await?;
    if store_requests::by_id(&mut tx, request.id())
        .await?
        .is_none()
    {
        return Err(RequestError::NotFound);
    }
    let moved = store_requests::move_to(
        &mut tx,
        &store_requests::Move {
            id: request.id(),
            from: &["open", "waiting"],
            to: "handled",
            by: by.user.id(),
            at: now,
            visit_id: None,
        },
    )
    .await?;
    if !moved {
        return Err(RequestError::Handled);
    }
    store_requests::add_step(&mut tx, request.id(), "handled", None, by.user.id(), now).await?;
    let subject = request.to_string();
    audit::record(
        &mut tx,
        &audit::Entry::new(now, "request_handled", origin)
            .by(by.user)
            .on(&subject),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}
