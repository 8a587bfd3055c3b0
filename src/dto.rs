//! What the server hands the interface: plain, serializable views of the data, shaped for
//! the screens that show them. Nothing secret ever goes into one of these.

use crate::ids::{AccountRef, LocationRef, ServiceRef, UserRef, VisitRef};
use crate::locale::Locale;
use crate::permissions::{Capability, PlaceRight, Role};
use serde::{Deserialize, Serialize};

pub mod board;
pub mod plans;

/// The signed-in person, as every page needs them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionUser {
    pub user: UserRef,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// The language they chose, if they chose one.
    pub locale: Option<Locale>,
    /// The customer account they belong to; `None` for staff.
    pub account: Option<AccountRef>,
    /// Notifications not read yet (as the request found them).
    #[serde(default)]
    pub unread: i64,
    /// Messages not read yet in the person's threads (as the request found them): for the
    /// office, those of the threads waiting on the office that are theirs or nobody's.
    #[serde(default)]
    pub unread_messages: i64,
    /// A member's rights, location by location; `None` for owners (everything in their
    /// account) and staff.
    #[serde(default)]
    pub places: Option<Vec<PlaceRight>>,
    /// Staff who must set up two-step sign-in (the business requires it) before anything
    /// else.
    #[serde(default)]
    pub must_enrol: bool,
}

impl SessionUser {
    /// Whether this customer may do `capability` at the location `location_id` of the
    /// account `account_id`: an owner anywhere in their account, a member where the owner
    /// said so. Always false for staff (their rights are their role's).
    pub fn may_at(&self, capability: Capability, account_id: i64, location_id: i64) -> bool {
        if self.account.map(AccountRef::id) != Some(account_id) {
            return false;
        }
        match (self.role, &self.places) {
            (Role::AccountOwner, _) => true,
            (Role::AccountMember, Some(places)) => places
                .iter()
                .any(|p| p.location == location_id && p.allows(capability)),
            _ => false,
        }
    }

    /// The locations this customer is limited to, for lists: `None` when they see their
    /// whole account.
    pub fn only_locations(&self, capability: Capability) -> Option<Vec<i64>> {
        match self.role {
            Role::AccountMember => Some(
                self.places
                    .iter()
                    .flatten()
                    .filter(|p| p.allows(capability))
                    .map(|p| p.location)
                    .collect(),
            ),
            _ => None,
        }
    }

    /// Whether this customer may do `capability` somewhere in their account.
    pub fn may_anywhere(&self, capability: Capability) -> bool {
        self.only_locations(capability)
            .is_none_or(|only| !only.is_empty())
    }
}

/// A customer account in lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub account: AccountRef,
    pub name: String,
    pub kind: AccountKind,
    pub locations: i64,
    pub people: i64,
    /// When the account was created, UTC seconds.
    pub created_at: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    Household,
    Company,
}

impl AccountKind {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "household" => Some(Self::Household),
            "company" => Some(Self::Company),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Household => "household",
            Self::Company => "company",
        }
    }
}

/// A person's place in a customer account, as `memberships.role` stores it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    Owner,
    Member,
}

impl MemberRole {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "owner" => Some(Self::Owner),
            "member" => Some(Self::Member),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Owner => "owner",
            Self::Member => "member",
        }
    }

    /// The role this membership gives its person.
    pub fn role(self) -> Role {
        match self {
            Self::Owner => Role::AccountOwner,
            Self::Member => Role::AccountMember,
        }
    }
}

/// A service location as its own account sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocationView {
    pub location: LocationRef,
    pub label: String,
    pub line1: String,
    pub line2: Option<String>,
    pub postal_code: String,
    pub city: String,
    pub country: String,
    /// `None` until placed; such a location cannot be booked for.
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Gate codes, key safes: shown only to the account and to staff.
    pub access_notes: Option<String>,
}

/// A person of a customer account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonView {
    pub user: UserRef,
    pub name: String,
    pub email: String,
    pub role: Role,
}

/// A person of a customer account as its owner manages them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberView {
    pub user: UserRef,
    pub name: String,
    pub email: String,
    pub role: MemberRole,
    /// Invited, and not yet joined.
    pub pending: bool,
    /// The person looking at the list.
    pub you: bool,
    /// A member's rights, location by location (empty for owners: they may do all).
    pub rights: Vec<PlaceRight>,
}

/// A location by its name, for lists and the rights grid.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceLabel {
    pub location: LocationRef,
    pub label: String,
}

/// An account's people and places, for its owner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountPeople {
    pub account_name: String,
    pub people: Vec<MemberView>,
    pub locations: Vec<PlaceLabel>,
}

/// What an invitation page shows before the person joins.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationView {
    pub account_name: String,
    pub name: String,
    pub email: String,
    pub invited_by: Option<String>,
}

/// A customer's home: their account, its locations and its people.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerHome {
    pub account: AccountSummary,
    pub locations: Vec<LocationView>,
    pub people: Vec<PersonView>,
    /// Visits from now on, soonest first.
    pub visits: Vec<VisitSummary>,
    /// Requests the office has not answered yet, newest first.
    pub requests: Vec<RequestView>,
}

/// A staff member's own profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffProfile {
    pub user: UserRef,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub phone: Option<String>,
    pub since: i64,
}

/// The home of a staff member: dispatchers and admins see the customer accounts,
/// technicians their own profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum StaffHome {
    Accounts(Vec<AccountSummary>),
    Profile(StaffProfile),
}

/// The home page's content for whoever is asking.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Home {
    Customer(CustomerHome),
    Staff(StaffHome),
}

/// An arrival window, in UTC seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowOffer {
    pub start: i64,
    pub end: i64,
}

/// A visit just booked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookedVisit {
    pub visit: VisitRef,
    pub window_start: i64,
    pub window_end: i64,
}

/// Where a visit stands, as `jobs.status` stores it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitStatus {
    Requested,
    Scheduled,
    Assigned,
    EnRoute,
    /// On the way and at the place (stored as `en_route` with an arrival time).
    Arrived,
    InProgress,
    Completed,
    Cancelled,
    OnHold,
}

impl VisitStatus {
    pub const ALL: [VisitStatus; 9] = [
        Self::Requested,
        Self::Scheduled,
        Self::Assigned,
        Self::EnRoute,
        Self::Arrived,
        Self::InProgress,
        Self::Completed,
        Self::Cancelled,
        Self::OnHold,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Requested => "requested",
            Self::Scheduled => "scheduled",
            Self::Assigned => "assigned",
            Self::EnRoute => "en_route",
            Self::Arrived => "arrived",
            Self::InProgress => "in_progress",
            Self::Completed => "completed",
            Self::Cancelled => "cancelled",
            Self::OnHold => "on_hold",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// The Fluent message id of the status's name.
    pub fn message_key(self) -> &'static str {
        match self {
            Self::Requested => "visit-status-requested",
            Self::Scheduled => "visit-status-scheduled",
            Self::Assigned => "visit-status-assigned",
            Self::EnRoute => "visit-status-en-route",
            Self::Arrived => "visit-status-arrived",
            Self::InProgress => "visit-status-in-progress",
            Self::Completed => "visit-status-completed",
            Self::Cancelled => "visit-status-cancelled",
            Self::OnHold => "visit-status-on-hold",
        }
    }

    /// Still ahead: not yet done and not called off.
    pub fn is_open(self) -> bool {
        !matches!(self, Self::Completed | Self::Cancelled)
    }
}

/// A visit in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VisitSummary {
    pub visit: VisitRef,
    pub service: String,
    pub status: VisitStatus,
    /// The arrival window promised (or the planned time when none was), UTC seconds.
    pub window_start: i64,
    pub window_end: i64,
    pub location_label: String,
    /// The technician's first name only: what customers are told.
    pub technician: Option<String>,
    /// While it is still to come and the technician's day has moved: the window expected
    /// now.
    #[serde(default)]
    pub expected: Option<ExpectedWindow>,
}

/// The window a waiting customer is told to expect now: within the promised one, or past
/// its end (`late`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedWindow {
    pub start: i64,
    pub end: i64,
    pub late: bool,
}

/// Who did a step of a visit's timeline, as the person reading it is told.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "who", rename_all = "snake_case")]
pub enum Actor {
    /// The reader themself.
    You,
    /// A person of the customer's account.
    Customer {
        name: String,
    },
    /// A technician (first name) or the office.
    Technician {
        name: String,
    },
    Office,
    /// The portal itself (a recurring plan, a reminder).
    System,
}

/// One step of a visit's timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineStep {
    pub at: i64,
    pub actor: Actor,
    /// What happened: `booked`, `rescheduled`, `cancelled`, …; the Fluent id is
    /// `timeline-<kind>`.
    pub kind: String,
    /// The window after the step, when it set one.
    pub window: Option<WindowOffer>,
    /// A reason, when one was given.
    pub reason: Option<String>,
}

/// What the person looking at a visit may still do with it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangePolicy {
    /// Open, and theirs to change.
    pub may_change: bool,
    /// Until when (UTC seconds) they may move it or cancel it online; `None`: any time.
    pub reschedule_until: Option<i64>,
    pub cancel_until: Option<i64>,
    /// Whether they may move it, and cancel it, now.
    pub may_reschedule: bool,
    pub may_cancel: bool,
}

/// A visit's page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VisitDetail {
    /// The last event committed before the page's data was read: the live stream resumes
    /// after it.
    pub events_after: i64,
    pub summary: VisitSummary,
    pub service_ref: ServiceRef,
    pub location: LocationRef,
    pub address: Vec<String>,
    pub access_notes: Option<String>,
    pub notes: Option<String>,
    pub timeline: Vec<TimelineStep>,
    pub changes: ChangePolicy,
    /// The job's next step on the day (`on_my_way`, …), for its technician and the office.
    #[serde(default)]
    pub next_step: Option<String>,
    /// Where the technician is, while on the way and sharing their position.
    #[serde(default)]
    pub whereabouts: Option<Whereabouts>,
    /// For the job's technician while it is on the way: until when their phone shares its
    /// position (UTC seconds).
    #[serde(default)]
    pub share_until: Option<i64>,
    /// The assigned technician's trade and photo, once one is assigned.
    #[serde(default)]
    pub technician_card: Option<TechnicianCard>,
}

/// Where a technician on the way is, for the people who may see the job; nobody is told
/// once the technician has arrived.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Whereabouts {
    pub latitude: f64,
    pub longitude: f64,
    /// When the phone shared it (UTC seconds).
    pub at: i64,
    /// The place's position, when it has one.
    pub destination: Option<(f64, f64)>,
    /// From the position to the place, in a straight line, in metres.
    pub distance_m: Option<u32>,
    /// Expected arrival (UTC seconds), by the travel model the schedule uses.
    pub eta: Option<i64>,
}

/// A location a customer may book for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocationChoice {
    pub location: LocationRef,
    /// Has a position: only then can it be booked for.
    pub placed: bool,
    pub label: String,
    /// Address lines, as written on an envelope.
    pub address: Vec<String>,
    pub access_notes: Option<String>,
}

/// A service a customer may book.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceChoice {
    pub service: ServiceRef,
    /// In the customer's language (the business's default where it has none).
    pub name: String,
    pub description: String,
    pub duration_min: i64,
    pub price_kind: crate::catalogue::PriceKind,
    /// In the business's currency's minor units; `None` for a quote.
    pub price_minor: Option<i64>,
    /// Customers book it themselves; otherwise (a quote) they ask the office.
    pub bookable: bool,
}

/// The first steps of booking: where, and what.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BookingOptions {
    pub locations: Vec<LocationChoice>,
    pub services: Vec<ServiceChoice>,
}

/// A day of the booking calendar: its date (`2026-11-24`) and how many windows it offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDay {
    pub date: String,
    pub windows: u32,
}

/// A month of the booking calendar with one day's windows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BookingCalendar {
    pub location: LocationChoice,
    pub service: ServiceChoice,
    /// The month shown: `2026-11`.
    pub month: String,
    /// The months either side, when they can hold windows.
    pub previous: Option<String>,
    pub next: Option<String>,
    /// Every day of the month, first to last.
    pub days: Vec<CalendarDay>,
    /// The visit being moved, when this calendar is for moving one.
    pub rescheduling: Option<VisitRef>,
    /// The day whose windows are listed: the one asked for, or the month's first open day.
    pub selected: Option<String>,
    pub windows: Vec<WindowOffer>,
    /// When the month has no window at all: the first one in the booking horizon.
    pub first_open: Option<WindowOffer>,
}

/// A request to the office, as its customer and the office read it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestView {
    pub request: crate::ids::RequestRef,
    pub kind: crate::requests::RequestKind,
    pub status: crate::requests::RequestStatus,
    pub account: AccountRef,
    pub account_name: String,
    pub location: LocationRef,
    pub location_label: String,
    /// Address lines, as written on an envelope.
    pub address: Vec<String>,
    /// In the reader's language; `None` for a call back about nothing in particular.
    pub service: Option<String>,
    pub notes: Option<String>,
    pub phone: Option<String>,
    /// Who sent it (their name), if they are still a person of the portal.
    pub requested_by: Option<String>,
    pub created_at: i64,
    pub handled_at: Option<i64>,
    /// The visit a change request is about; the visit a problem was scheduled as.
    pub visit: Option<VisitRef>,
    /// A problem report's details (`None` for other kinds).
    pub problem: Option<ProblemView>,
    /// What happened to it, oldest first (filled for one request, empty in lists).
    pub steps: Vec<RequestStepView>,
    /// Photos sent with it (filled for one request, empty in lists).
    pub photos: Vec<PhotoView>,
}

/// What a problem report says besides its notes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProblemView {
    pub category: crate::requests::ProblemCategory,
    pub priority: crate::requests::Priority,
    /// Preferred weekdays (`mon`…); empty: any.
    pub days: Vec<String>,
    /// The response time the customer was shown when sending, in hours.
    pub response_hours: u32,
}

/// A step on a request's timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequestStepView {
    pub kind: crate::requests::RequestStepKind,
    /// The question, answer or reason.
    pub body: Option<String>,
    pub actor: Option<String>,
    /// Said by the office (rather than by the customer).
    pub staff: bool,
    pub at: i64,
}

/// A photo as pages link it: `/files/<token>` and `/files/<token>/thumb`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoView {
    pub token: String,
    pub name: String,
    pub width: u32,
    pub height: u32,
}

/// A technician as the office's list shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TechnicianSummary {
    pub user: crate::ids::UserRef,
    pub name: String,
    pub email: String,
    pub disabled: bool,
    /// `None` until the office sets skills, home and area: until then no visit reaches them.
    pub profile: Option<crate::technicians::TechnicianProfile>,
    pub hours: crate::technicians::WeekHours,
}

/// A staff member as admins manage them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub user: UserRef,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// May sign in (not deactivated).
    pub active: bool,
    /// Invited, not joined yet.
    pub pending: bool,
    /// Signs in in two steps.
    pub two_step: bool,
    /// The admin looking at the list.
    pub you: bool,
}

/// A person's own details, as their profile form shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub locale: Option<Locale>,
}

/// Two-step sign-in as its person sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoStepView {
    pub on: bool,
    pub codes_left: i64,
    /// Setting up, started: the secret to type into the app, and its QR code (SVG).
    pub setting_up: Option<(String, String)>,
    /// Signed in more than a quarter of an hour ago: setting up asks for the password.
    pub needs_password: bool,
}

/// One of the person's passkeys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyView {
    /// Names the passkey in the removal form (only its owner may remove it).
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// The passkeys page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeysView {
    /// Passkeys work here (the public URL names a host, not an IP address).
    pub available: bool,
    pub passkeys: Vec<PasskeyView>,
    /// Signed in more than a quarter of an hour ago: adding or removing asks for the password.
    pub needs_password: bool,
    /// A name for the next passkey: the device this page is open on.
    pub suggested_name: String,
    /// At most this many.
    pub most: usize,
}

/// One of the signed-in person's sessions ("where you're signed in").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    /// Names the session in forms (the start of its key; only its owner may end it).
    pub handle: String,
    pub browser: Option<String>,
    pub system: Option<String>,
    /// The address it was opened from.
    pub client_ip: Option<String>,
    pub created_at: i64,
    pub last_seen_at: i64,
    /// The session of the page showing the list.
    pub current: bool,
}

/// What customers are shown of the technician coming to them, beside the first name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TechnicianCard {
    /// "Heating engineer".
    pub trade: Option<String>,
    pub photo: Option<PhotoView>,
}

/// Time off from now on; times in seconds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeOffEntry {
    pub id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub reason: Option<String>,
    /// Open visits of the technician inside it, for the dispatcher to move.
    pub visits: i64,
}

/// An extra shift from today on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtraShiftEntry {
    pub id: i64,
    pub day: jiff::civil::Date,
    pub span: crate::technicians::DaySpan,
}

/// A technician with what the office plans for them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TechnicianDetail {
    pub summary: TechnicianSummary,
    /// What customers are shown of them.
    pub card: TechnicianCard,
    pub time_off: Vec<TimeOffEntry>,
    pub extra_shifts: Vec<ExtraShiftEntry>,
}

/// One event of the live stream (`GET /events`), as its `data:` carries it; the event's
/// `id:` is `seq`, the place to resume after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveEvent {
    pub seq: i64,
    /// When it happened (seconds since the epoch).
    pub at: i64,
    /// What happened: a visit's timeline step (`booked`, `rescheduled`, `cancelled`, …).
    pub kind: String,
    /// The visit it is about.
    pub visit: Option<VisitRef>,
    /// The account, for an event about no visit (a message of its support thread).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<AccountRef>,
}

/// A job on the technician's day, with what they need at the door.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DayJob {
    pub summary: VisitSummary,
    /// The customer account's name.
    pub customer: String,
    /// When the technician is planned to start and finish (UTC seconds).
    pub planned_start: i64,
    pub planned_end: i64,
    /// Address lines, as written on an envelope.
    pub address: Vec<String>,
    pub access_notes: Option<String>,
    /// What the customer wrote for the technician.
    pub notes: Option<String>,
    /// The step it takes next (`on_my_way`, `arrived`, `start`, `complete`), if any.
    pub next: Option<String>,
    /// While the job is on the way: until when the phone shares its position (the end of
    /// the shift), UTC seconds.
    #[serde(default)]
    pub share_until: Option<i64>,
}

/// The kinds of visit mail a person may turn off, in the order pages list them: the visit
/// confirmed, the technician on the way, the visit completed, the day running late.
pub const MAIL_KINDS: [&str; 4] = ["booked", "en_route", "completed", "slipped"];

/// Something a person was told about one of their visits, in the app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub visit: VisitRef,
    /// `en_route`, `arrived`, `completed`, `expected`, `slipped`, `booked`, `moved`,
    /// `cancelled`.
    pub kind: String,
    /// When it happened (UTC seconds).
    pub at: i64,
    pub service: String,
    /// The visit's window start (or planned start), UTC seconds.
    pub when: i64,
    /// Read before this list was shown.
    pub read: bool,
}

/// A completed visit's service report: what was done, when, by whom, and who signed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceReport {
    pub visit: VisitRef,
    pub service: String,
    pub account_name: String,
    pub location_label: String,
    pub address: Vec<String>,
    /// The technician's first name.
    pub technician: Option<String>,
    /// When the technician arrived and started, from the visit's timeline (UTC seconds).
    pub arrived_at: Option<i64>,
    pub started_at: Option<i64>,
    pub completed_at: i64,
    pub checklist: Vec<crate::completion::ChecklistEntry>,
    pub notes: Option<String>,
    /// Who signed for the customer (`None`: completed without the completion form).
    pub signed_name: Option<String>,
    /// The drawn signature, when there is one.
    pub signature: Option<PhotoView>,
    pub photos: Vec<PhotoView>,
}

/// One entry of a trail, as people read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrailEntry {
    pub id: i64,
    pub at: i64,
    /// Who did it (their name; their reference when the name is gone); `None`: the system
    /// or someone not signed in.
    pub who: Option<String>,
    /// What, as recorded (`sign_in`, `member_invited`…); the page names it.
    pub action: String,
    pub subject: Option<String>,
    pub detail: Option<String>,
    /// Where from; shown to owners only for their own people's entries.
    pub client_ip: Option<String>,
}

/// A page of a trail, newest first; `older`: where the next page starts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrailPage {
    pub entries: Vec<TrailEntry>,
    pub older: Option<i64>,
}

/// An alert to admins.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertView {
    pub id: i64,
    /// `failed_sign_ins` or `new_network`.
    pub kind: String,
    pub at: i64,
    pub person: Option<String>,
    pub client_ip: Option<String>,
    pub count: Option<i64>,
    pub seen: bool,
}
