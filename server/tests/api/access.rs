//! Who may call what: every server function and every route (pages, calendars, files, the
//! live stream), called by a visitor, another account's owner,
//! Ana (the owner of the objects the calls name), a member of her account who may only see
//! her home, a member who may do everything but only at her other place, a technician, a
//! dispatcher and an admin, is refused or let through exactly as its row says; a server
//! function without a row fails.

use crate::helpers::{TestApp, spawn_app};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Caller {
    Visitor,
    /// The owner of another customer account.
    Stranger,
    /// Ana: her home, her visit, her plan, her request.
    Owner,
    /// Mo, a member of Ana's account who may see her home (and nothing more there).
    Viewer,
    /// Eli, a member of Ana's account who may see, book and pay, but only at her cabin.
    Elsewhere,
    Technician,
    Dispatcher,
    Admin,
}
use Caller::*;

impl Caller {
    fn email(self) -> Option<&'static str> {
        match self {
            Visitor => None,
            Stranger => Some("facilities@example.com"),
            Owner => Some("ana@example.com"),
            Viewer => Some("mo@example.com"),
            Elsewhere => Some("eli@example.com"),
            Technician => Some("tomas@example.com"),
            Dispatcher => Some("dispatch@example.com"),
            Admin => Some("admin@example.com"),
        }
    }
}

const NOBODY: &[Caller] = &[];
const ANYONE: &[Caller] = &[
    Visitor, Stranger, Owner, Viewer, Elsewhere, Technician, Dispatcher, Admin,
];
const SIGNED_IN: &[Caller] = &[
    Stranger, Owner, Viewer, Elsewhere, Technician, Dispatcher, Admin,
];
/// Customers, each for their own account (a member: the places they may see).
const CUSTOMERS: &[Caller] = &[Stranger, Owner, Viewer, Elsewhere];
/// Owners, each of their own account's people.
const OWNERS: &[Caller] = &[Stranger, Owner];
const OWNER: &[Caller] = &[Owner];
/// Those who may see Ana's home: she and Mo.
const SEE_HOME: &[Caller] = &[Owner, Viewer];
/// Ana's request at her home: she, Mo, and the office.
const SEE_HOME_AND_OFFICE: &[Caller] = &[Owner, Viewer, Dispatcher, Admin];
const STAFF: &[Caller] = &[Technician, Dispatcher, Admin];
const OFFICE: &[Caller] = &[Dispatcher, Admin];
const ADMIN: &[Caller] = &[Admin];
const TECHNICIAN: &[Caller] = &[Technician];
const OWNER_AND_OFFICE: &[Caller] = &[Owner, Dispatcher, Admin];
/// Customers and technicians keep a feed of their own visits or jobs; the office does not.
const FEED_KEEPERS: &[Caller] = &[Stranger, Owner, Viewer, Elsewhere, Technician];
/// Ana's visit is Tomás's job: he reads it (and may change nothing of it); Mo sees it.
const SEE_THE_VISIT: &[Caller] = &[Owner, Viewer, Technician, Dispatcher, Admin];
/// Ana's account's support thread: her people, wherever they may see, and the office.
const ACCOUNT_AND_OFFICE: &[Caller] = &[Owner, Viewer, Elsewhere, Dispatcher, Admin];
/// Customers list their own account's plans (those at places they see); the office all.
const PLAN_LISTS: &[Caller] = &[Stranger, Owner, Viewer, Elsewhere, Dispatcher, Admin];

/// One server function: its endpoint, valid arguments naming Ana's objects (`name=value`
/// pairs joined by `&`, unencoded; `{…}` is filled in from the fixtures), and the callers
/// let through.
struct Row {
    endpoint: &'static str,
    args: &'static str,
    allowed: &'static [Caller],
}

const fn row(endpoint: &'static str, args: &'static str, allowed: &'static [Caller]) -> Row {
    Row {
        endpoint,
        args,
        allowed,
    }
}

/// In the order called: reads and harmless writes first; what changes what later calls
/// find (the technician's hours, the rules, ending the plan, cancelling the visit,
/// signing out) last.
static ROWS: &[Row] = &[
    row("set-locale", "locale=en", ANYONE),
    row("customer-home", "", CUSTOMERS),
    row("staff-home", "", STAFF),
    row("technician-day", "", TECHNICIAN),
    // Everyone signed in reads and clears their own (staff have none yet).
    row("notifications", "", SIGNED_IN),
    row("mark-notifications-read", "", SIGNED_IN),
    // Customers choose which visit mails they get (staff get none).
    row("mail-preferences", "", CUSTOMERS),
    row(
        "save-mail-preferences",
        "booked=on&en_route=on&completed=on&slipped=on",
        CUSTOMERS,
    ),
    row("calendar-feed", "", FEED_KEEPERS),
    row("create-calendar-feed", "", FEED_KEEPERS),
    row("revoke-calendar-feed", "", FEED_KEEPERS),
    row("locations", "", CUSTOMERS),
    row("location", "location=LO-000001", SEE_HOME),
    // Ana's home as it is, position typed.
    row(
        "save-location",
        concat!(
            "location=LO-000001&fields[label]=Home&fields[line1]=Kastanienallee 12",
            "&fields[postal_code]=10435&fields[city]=Berlin&fields[country]=DE",
            "&fields[access_notes]=Gate code 4711, second floor left",
            "&fields[latitude]=52.5386&fields[longitude]=13.4105",
        ),
        OWNER,
    ),
    row("booking-options", "", CUSTOMERS),
    row(
        "booking-calendar",
        "location=LO-000001&service={service}",
        OWNER,
    ),
    row(
        "book-visit",
        "location=LO-000001&service={service}&window={start}",
        OWNER,
    ),
    row("visit", "visit={visit}", SEE_THE_VISIT),
    // The visit's conversation: its members (Tomás writes while the job is his).
    row("thread", "thread={visit}", SEE_THE_VISIT),
    // Sent as multipart/form-data, as the form does (see `MULTIPART`).
    row(
        "send-message",
        "thread={visit}&body=Hello&key=",
        SEE_THE_VISIT,
    ),
    row("inbox", "show=mine", OFFICE),
    // Back to nobody: every office person may do it, as often as they like.
    row("assign-thread", "thread={visit}&to=", OFFICE),
    row("canned-replies", "", OFFICE),
    row(
        "add-canned-reply",
        "locale=en&title=Ladder&body=We bring one.",
        OFFICE,
    ),
    row("remove-canned-reply", "reply={canned}", OFFICE),
    // Ana's visit is Tomás's job: he (and the office) may complete it; it is not started,
    // so refused as out of order after the check of who asks.
    row("completion-form", "visit={visit}", STAFF),
    row(
        "complete-visit",
        "visit={visit}&signed_name=Ana&checklist=0",
        STAFF,
    ),
    // Not completed: not found for everyone, after the check of who asks.
    row("service-report", "visit={visit}", NOBODY),
    row(
        "reschedule-visit",
        "visit={visit}&window={start}",
        OWNER_AND_OFFICE,
    ),
    row(
        "ask-office",
        "visit={visit}&message=Could you come earlier?",
        OWNER_AND_OFFICE,
    ),
    row(
        "send-request",
        "location=LO-000001&kind=callback&notes=Call me",
        OWNER,
    ),
    row("request", "request={request}", SEE_HOME_AND_OFFICE),
    row("problem-options", "", CUSTOMERS),
    // Sent as multipart/form-data, as the form does (see `MULTIPART`).
    row(
        "report-problem",
        "location=LO-000001&category=leak&priority=normal&description=Drip&acknowledged=yes",
        OWNER,
    ),
    row("office-requests", "", OFFICE),
    row(
        "request-windows",
        "request={request}&service={service}",
        OFFICE,
    ),
    row("handle-request", "request={request}", OFFICE),
    // Ana's request is handled by now (or never was asked anything): refused as answered,
    // after the check of who asks.
    row(
        "answer-request",
        "request={request}&answer=Second floor",
        OWNER,
    ),
    row(
        "triage-request",
        "request={request}&action=ask&message=Which floor?",
        OFFICE,
    ),
    row(
        "schedule-request",
        "request={request}&service={service}&window={start}",
        OFFICE,
    ),
    row("plans", "", PLAN_LISTS),
    row("plan", "plan={plan}", SEE_HOME_AND_OFFICE),
    row("plan-form", "", CUSTOMERS),
    row(
        "create-plan",
        "location=LO-000001&service={service}&frequency=weekly&starts={day}&time=10:00",
        OWNER,
    ),
    row("skip-plan-day", "plan={plan}&day={day}", OWNER_AND_OFFICE),
    row("pause-plan", "plan={plan}&until={until}", OWNER_AND_OFFICE),
    row("resume-plan", "plan={plan}", OWNER_AND_OFFICE),
    row(
        "change-plan",
        "plan={plan}&frequency=weekly&starts={day}&time=15:00",
        OWNER_AND_OFFICE,
    ),
    row("board", "day={day}", OFFICE),
    // Three at night fits nobody's day: refused for that, after the check of who asks.
    row(
        "move-visit",
        "visit={visit}&technician={tomas}&day={day}&time=03:00",
        OFFICE,
    ),
    // Ana's plan has no flagged day: refused as arranged already, after the check of who asks.
    row(
        "place-flagged",
        "plan={plan}&day={day}&technician={tomas}&time=10:00",
        OFFICE,
    ),
    row(
        "block-time",
        "technician={tomas}&day={later}&from=12:00&until=13:00&reason=Van service",
        OFFICE,
    ),
    row("booking-rules", "", OFFICE),
    row("response-times", "", OFFICE),
    row(
        "save-response-times",
        concat!(
            "fields[hours_low]=96&fields[hours_normal]=48&fields[hours_urgent]=8",
            "&fields[hours_emergency]=2",
        ),
        OFFICE,
    ),
    row("catalogue", "", OFFICE),
    row("catalogue-service", "service={service}", OFFICE),
    row(
        "save-service",
        concat!(
            "service=&fields[name_en]=Mould removal&fields[name_de]=Schimmelsanierung",
            "&fields[category]=Restoration&fields[duration_min]=240&fields[buffer_min]=30",
            "&fields[price_kind]=quote&fields[active]=on",
        ),
        OFFICE,
    ),
    row("technicians", "", OFFICE),
    row("technician", "user={tomas}", OFFICE),
    row(
        "save-technician",
        concat!(
            "user={tomas}&fields[skills]=cleaning&fields[home_latitude]=52.5",
            "&fields[home_longitude]=13.4&fields[radius_km]=10",
        ),
        OFFICE,
    ),
    row(
        "save-technician-hours",
        "user={tomas}&fields[hours_1]=8-17",
        OFFICE,
    ),
    row(
        "add-time-off",
        "user={tomas}&fields[start_day]={later}&fields[end_day]={later}",
        OFFICE,
    ),
    row("remove-time-off", "user={tomas}&entry={time_off}", OFFICE),
    row(
        "add-extra-shift",
        "user={tomas}&fields[day]={later}&fields[from]=8&fields[until]=9",
        OFFICE,
    ),
    row("remove-extra-shift", "user={tomas}&entry={shift}", OFFICE),
    // Sent as multipart/form-data, as the form does (see `MULTIPART`).
    row(
        "save-technician-card",
        "user={tomas}&trade=Window cleaner",
        OFFICE,
    ),
    row(
        "save-booking-rules",
        concat!(
            "min_notice_hours=4&horizon_days=21&window_min=180&step_min=60&road_factor=1,4",
            "&speed_kmh=25&travel_buffer_min=15&reschedule_notice_hours=12",
            "&cancel_notice_hours=6&reminder_hours=24",
        ),
        OFFICE,
    ),
    row("end-plan", "plan={plan}", OWNER_AND_OFFICE),
    row(
        "cancel-visit",
        "visit={visit}&reason=Plans changed",
        OWNER_AND_OFFICE,
    ),
    // Ana's visit is Tomás's job; cancelled by now, so the step is refused as out of order,
    // after the check of who asks.
    row("advance-visit", "visit={visit}&step=on_my_way", STAFF),
    // Only technicians share positions, of their own jobs; Tomás's is not on the way, so
    // his is refused after the check of who asks.
    row(
        "share-position",
        "visit={visit}&latitude=52.5&longitude=13.4",
        TECHNICIAN,
    ),
    // Anyone may open an account (the business allows it in the tests' settings), ask for
    // the link again, and have a new password rated.
    row(
        "sign-up",
        concat!(
            "fields[name]=Mia Berg&fields[email]=mia@example.com",
            "&fields[password]=violet kettle marches north&fields[label]=Home",
            "&fields[line1]=Kastanienallee 12&fields[postal_code]=10435&fields[city]=Berlin",
            "&fields[country]=DE",
        ),
        ANYONE,
    ),
    row("resend-verification", "email=mia@example.com", ANYONE),
    row("request-password-reset", "email=ana@example.com", ANYONE),
    row("request-sign-in-link", "email=ana@example.com", ANYONE),
    // A made-up sign-in link is not found, for everyone.
    row(
        "sign-in-with-link",
        "token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        NOBODY,
    ),
    // A made-up reset link is not found, for everyone.
    row(
        "reset-password",
        "token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&password=violet kettle marches north",
        NOBODY,
    ),
    // Everyone signed in may change their own password; a wrong current one is refused as
    // a field, after the check of who asks.
    row(
        "change-password",
        "current=not the password&password=violet kettle marches north",
        SIGNED_IN,
    ),
    row(
        "password-strength",
        "password=violet kettle marches north",
        ANYONE,
    ),
    // Open to anyone with a link; a made-up one is not found, for everyone.
    row(
        "verify-email",
        "token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        NOBODY,
    ),
    // Everyone signed in lists and ends their own sessions; a made-up one is not found.
    // Admins manage the staff; Tomás stays a technician, active.
    row("staff", "", ADMIN),
    row(
        "invite-staff",
        "name=Nia Novak&email=nia@example.com&role=technician",
        ADMIN,
    ),
    row("set-staff-role", "user={tomas}&role=technician", ADMIN),
    row("set-staff-active", "user={tomas}&active=true", ADMIN),
    // Everyone signed in keeps their own details.
    row("profile", "", SIGNED_IN),
    row("start-sso", "", NOBODY),
    row("account-trail", "", OWNERS),
    row("office-trail", "action=sign_in", ADMIN),
    row("security-alerts", "", ADMIN),
    row("mark-alerts-seen", "", ADMIN),
    // A wrong password is refused by name: only a signed-in person gets that far.
    row(
        "change-email",
        "email=someone.else@example.com&password=not the password",
        SIGNED_IN,
    ),
    // A made-up email link is not found, for everyone.
    row(
        "confirm-email",
        "token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        NOBODY,
    ),
    row("save-profile", "name=Someone&phone=&locale=en", SIGNED_IN),
    row("sessions", "", SIGNED_IN),
    row("end-session", "session=0123456789abcdef", NOBODY),
    row("end-other-sessions", "", SIGNED_IN),
    // A wrong password is no refusal: anyone may try to sign in.
    row(
        "sign-in",
        "email=nobody@example.com&password=not-the-password",
        ANYONE,
    ),
    // Owners manage their own account's people; Mo and Eli are Ana's, so only she
    // reaches them. The grid as it is, Mo's role as it is: nothing changes.
    row("account-people", "", OWNERS),
    row(
        "save-rights",
        concat!(
            "rights[{viewer}:LO-000001:view]=on&rights[{elsewhere}:{cabin}:book]=on",
            "&rights[{elsewhere}:{cabin}:pay]=on",
        ),
        OWNER,
    ),
    row("set-member-role", "user={viewer}&role=member", OWNER),
    row(
        "invite-member",
        "name=Zoe Ziegler&email=zoe@example.com&role=member",
        OWNERS,
    ),
    // Made-up invitations are not found, for everyone.
    row(
        "invitation",
        "token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        NOBODY,
    ),
    row(
        "join-account",
        "token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&name=Zoe&password=violet kettle marches north",
        NOBODY,
    ),
    row("remove-member", "user={elsewhere}", OWNER),
    // Everyone signed in sets up two-step sign-in for themselves; a wrong code or password
    // is refused as a field, after the check of who asks.
    row("two-step", "", SIGNED_IN),
    row("start-two-step", "", SIGNED_IN),
    row("confirm-two-step", "code=abcdef", SIGNED_IN),
    row("new-recovery-codes", "password=not the password", SIGNED_IN),
    row("turn-off-two-step", "password=not the password", SIGNED_IN),
    row("take-recovery-codes", "", SIGNED_IN),
    // Without a sign-in waiting for its code: "sign in again", for everyone.
    row("second-step", "code=123456", ANYONE),
    row("second-step-ways", "", ANYONE),
    // Everyone signed in keeps their own passkeys; an answer without its ceremony is
    // "try again" (past the check of who asks), and a made-up passkey is not found.
    row("passkeys", "", SIGNED_IN),
    row("start-passkey", "", SIGNED_IN),
    row("add-passkey", "response=null&name=Phone", SIGNED_IN),
    row("remove-passkey", "id=999999", NOBODY),
    // Anyone may sign in with a passkey.
    row("start-passkey-sign-in", "", ANYONE),
    row("passkey-sign-in", "response=null", ANYONE),
    row("sign-out", "", ANYONE),
];

/// One route: its path as routed (`{part}` names a part of it), the address called (`{…}`
/// filled in from the fixtures) and the callers let through.
struct Route {
    path: &'static str,
    address: &'static str,
    allowed: &'static [Caller],
}

const fn route(path: &'static str, address: &'static str, allowed: &'static [Caller]) -> Route {
    Route {
        path,
        address,
        allowed,
    }
}

/// Every page and route of our own, read with GET (a form page shows its form), or posted
/// where the address says `POST`.
static ROUTES: &[Route] = &[
    route("/", "/", ANYONE),
    route("/sign-in", "/sign-in", ANYONE),
    route("/sign-up", "/sign-up", ANYONE),
    route("/sign-up/sent", "/sign-up/sent", ANYONE),
    route("/forgot-password", "/forgot-password", ANYONE),
    route("/offline", "/offline", ANYONE),
    // Mailed links' pages: a made-up secret is not found, for everyone.
    route(
        "/verify",
        "/verify?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        NOBODY,
    ),
    route(
        "/sign-in/link",
        "/sign-in/link?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        NOBODY,
    ),
    route(
        "/reset-password",
        "/reset-password?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        NOBODY,
    ),
    route(
        "/join",
        "/join?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        NOBODY,
    ),
    route(
        "/account/email",
        "/account/email?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        NOBODY,
    ),
    // No sign-in waits for a code: start again, whoever asks.
    route("/sign-in/code", "/sign-in/code", NOBODY),
    // No sign-in provider is set up here: single sign-on is nobody's (see `sso`).
    route("/sign-in/sso", "/sign-in/sso?code=x&state=y", NOBODY),
    route("/account", "/account", SIGNED_IN),
    route("/account/people", "/account/people", OWNERS),
    route("/account/trail", "/account/trail", OWNERS),
    // The export is posted (its button is a form), from the portal's own pages.
    route("/account/export", "POST /account/export", OWNERS),
    route("/office/trail", "/office/trail", ADMIN),
    route("/account/two-step", "/account/two-step", SIGNED_IN),
    route("/account/passkeys", "/account/passkeys", SIGNED_IN),
    route("/notifications", "/notifications", SIGNED_IN),
    // Each customer's booking page offers the places they may book (Mo's: none).
    route("/book", "/book", CUSTOMERS),
    route(
        "/book/request",
        "/book/request?location=LO-000001&kind=callback",
        OWNER,
    ),
    route(
        "/requests/problem",
        "/requests/problem?location=LO-000001",
        // The form offers the places one may report from; the one asked for only comes
        // first (Ana's is offered to nobody else, see `report-problem`).
        CUSTOMERS,
    ),
    route(
        "/requests/{reference}",
        "/requests/{request}",
        SEE_HOME_AND_OFFICE,
    ),
    route("/office/requests", "/office/requests", OFFICE),
    route("/office/inbox", "/office/inbox", OFFICE),
    route("/office/replies", "/office/replies", OFFICE),
    route("/visits/{reference}", "/visits/{visit}", SEE_THE_VISIT),
    // Not completed: no report yet, for anyone.
    route(
        "/visits/{reference}/report",
        "/visits/{visit}/report",
        NOBODY,
    ),
    route(
        "/visits/{reference}/calendar.ics",
        "/visits/{visit}/calendar.ics",
        SEE_THE_VISIT,
    ),
    route("/today", "/today", TECHNICIAN),
    route("/locations", "/locations", CUSTOMERS),
    route("/locations/{reference}", "/locations/LO-000001", SEE_HOME),
    route("/plans", "/plans", PLAN_LISTS),
    route("/plans/new", "/plans/new", CUSTOMERS),
    route("/plans/{reference}", "/plans/{plan}", SEE_HOME_AND_OFFICE),
    route("/calendar-feed", "/calendar-feed", FEED_KEEPERS),
    // A feed is its secret address, for calendar apps without a session: a made-up one is
    // nobody's.
    route(
        "/feeds/{file}",
        "/feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics",
        NOBODY,
    ),
    route("/office/board", "/office/board", OFFICE),
    route("/office/rules", "/office/rules", OFFICE),
    route("/office/staff", "/office/staff", ADMIN),
    route("/office/services", "/office/services", OFFICE),
    route(
        "/office/services/{reference}",
        "/office/services/{service}",
        OFFICE,
    ),
    route("/office/technicians", "/office/technicians", OFFICE),
    route(
        "/office/technicians/{reference}",
        "/office/technicians/{tomas}",
        OFFICE,
    ),
    // The photo of Ana's problem report at her home.
    route("/files/{token}", "{photo}", SEE_HOME_AND_OFFICE),
    // The thumbnail of a photo Ana sent in her visit's conversation: for the thread's
    // members (one row per route, so the two kinds of photo share the two routes).
    route(
        "/files/{token}/thumb",
        "{message_photo}/thumb",
        SEE_THE_VISIT,
    ),
    // Each customer's own support thread; Ana's by its account's reference.
    route("/messages", "/messages", CUSTOMERS),
    route(
        "/messages/{reference}",
        "/messages/{account}",
        ACCOUNT_AND_OFFICE,
    ),
    route("/events", "/events", SIGNED_IN),
    route("/manifest.webmanifest", "/manifest.webmanifest", ANYONE),
    route("/sw.js", "/sw.js", ANYONE),
    route("/healthz", "/healthz", ANYONE),
    route("/readyz", "/readyz", ANYONE),
];

/// The members' password (they chose it when they joined).
const MEMBER_PASSWORD: &str = "violet kettle marches north";

/// Server functions that take `multipart/form-data`: their rows are posted that way.
const MULTIPART: &[&str] = &[
    "report-problem",
    "complete-visit",
    "save-technician-card",
    "send-message",
];

/// What the rows name, made as Ana and the office would (Ana on the app's own client).
async fn fixtures(app: &TestApp) -> BTreeMap<&'static str, String> {
    let tz = crate::availability::business(app).await.time_zone.zone();
    let days = |from: jiff::civil::Date, n: i64| {
        from.checked_add(jiff::Span::new().days(n))
            .expect("date")
            .to_string()
    };
    let today = jiff::Timestamp::now().to_zoned(tz).date();
    let (visit, service, start) = crate::changes::booked_visit(app).await;
    let (plan, _, day) = crate::plans::weekly_plan(app, 14 * 60).await;
    let res = app
        .call(
            "/api/send-request",
            &[
                ("location", "LO-000001"),
                ("kind", "callback"),
                ("notes", "Call me"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200, "Ana's request");
    let (request,): (i64,) =
        sqlx::query_as("SELECT id FROM service_requests ORDER BY id DESC LIMIT 1")
            .fetch_one(app.store.pool())
            .await
            .expect("request");
    let (tomas,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE email = 'tomas@example.com'")
        .fetch_one(app.store.pool())
        .await
        .expect("tomas");
    let visit_id = doorstep::ids::VisitRef::parse(&visit).expect("visit").id();
    app.execute(&format!(
        "UPDATE jobs SET technician_id = {tomas} WHERE id = {visit_id}"
    ))
    .await;
    // Far past the horizon, so they change no window the other calls look at.
    let off_at = jiff::Timestamp::now().as_second() + 90 * 86_400;
    let insert_time_off = format!(
        "INSERT INTO technician_time_off (user_id, starts_at, ends_at, reason) \
         VALUES ({tomas}, {off_at}, {}, NULL) RETURNING id",
        off_at + 86_400
    );
    let (time_off,): (i64,) = sqlx::query_as(&insert_time_off)
        .fetch_one(app.store.pool())
        .await
        .expect("time off");
    let insert_shift = format!(
        "INSERT INTO technician_extra_shifts (user_id, day, start_min, end_min) \
         VALUES ({tomas}, '{}', 480, 540) RETURNING id",
        days(today, 90)
    );
    let (shift,): (i64,) = sqlx::query_as(&insert_shift)
        .fetch_one(app.store.pool())
        .await
        .expect("extra shift");
    let (viewer, elsewhere, cabin) = members(app).await;
    let (_, photo) = crate::members::report_with_photo(&app.client, app, "LO-000001").await;
    let (status, _) = crate::conversations::send(
        &app.client,
        app,
        crate::conversations::message(
            &visit,
            "The gate sticks",
            "",
            &[crate::problems::png(64, 64)],
        ),
    )
    .await;
    assert_eq!(status, 200, "Ana's message");
    let (message_photo,): (String,) =
        sqlx::query_as("SELECT token FROM message_files ORDER BY id DESC LIMIT 1")
            .fetch_one(app.store.pool())
            .await
            .expect("message photo");
    let (account,): (i64,) = sqlx::query_as(
        "SELECT m.account_id FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE u.email = 'ana@example.com'",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("Ana's account");
    let (canned,): (i64,) = sqlx::query_as(
        "INSERT INTO canned_replies (locale, title, body, created_at) \
         VALUES ('en', 'Thanks', 'Thank you!', 0) RETURNING id",
    )
    .fetch_one(app.store.pool())
    .await
    .expect("canned reply");
    BTreeMap::from([
        ("canned", canned.to_string()),
        ("message_photo", format!("/files/{message_photo}")),
        (
            "account",
            doorstep::ids::AccountRef::from_id(account).to_string(),
        ),
        ("photo", photo),
        ("viewer", viewer),
        ("elsewhere", elsewhere),
        ("cabin", cabin),
        ("visit", visit),
        ("start", start.to_string()),
        ("service", service),
        ("plan", plan.to_string()),
        ("day", day.to_string()),
        ("until", days(day, 7)),
        ("request", format!("RQ-{request:06}")),
        ("tomas", doorstep::ids::UserRef::from_id(tomas).to_string()),
        ("time_off", time_off.to_string()),
        ("shift", shift.to_string()),
        ("later", days(today, 60)),
    ])
}

/// Ana's cabin, and the two members she invites (who join): Mo, who may see her home, and
/// Eli, who may do everything at the cabin only. Their references and the cabin's.
async fn members(app: &TestApp) -> (String, String, String) {
    let res = app
        .call(
            "/api/save-location",
            &[
                ("location", ""),
                ("fields[label]", "Cabin"),
                ("fields[line1]", "Seeweg 3"),
                ("fields[postal_code]", "10435"),
                ("fields[city]", "Berlin"),
                ("fields[country]", "DE"),
                ("fields[latitude]", "52.54"),
                ("fields[longitude]", "13.41"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200, "Ana's cabin");
    let (cabin,): (i64,) = sqlx::query_as("SELECT id FROM locations WHERE label = 'Cabin'")
        .fetch_one(app.store.pool())
        .await
        .expect("cabin");
    let cabin = doorstep::ids::LocationRef::from_id(cabin).to_string();
    let mut refs = Vec::new();
    for (email, rights) in [
        (
            "mo@example.com",
            vec!["rights[new:LO-000001:view]".to_string()],
        ),
        (
            "eli@example.com",
            ["view", "book", "pay"]
                .iter()
                .map(|r| format!("rights[new:{cabin}:{r}]"))
                .collect(),
        ),
    ] {
        let mut fields = vec![("name", email), ("email", email), ("role", "member")];
        fields.extend(rights.iter().map(|r| (r.as_str(), "on")));
        let res = app.call("/api/invite-member", &fields).await;
        assert_eq!(res.status(), 200, "inviting {email}");
        let link = crate::helpers::mailed_link(app, email, "invitation")
            .await
            .expect("invitation");
        let joining = app.other_browser();
        let res = joining
            .client
            .post(app.url("/api/join-account"))
            .header("accept", "application/json")
            .form(&[
                ("token", crate::helpers::token_of(&link).as_str()),
                ("name", email),
                ("password", MEMBER_PASSWORD),
            ])
            .send()
            .await
            .expect("POST");
        assert_eq!(res.status(), 200, "{email} joins");
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM users WHERE email = $1")
            .bind(email)
            .fetch_one(app.store.pool())
            .await
            .expect("member");
        refs.push(doorstep::ids::UserRef::from_id(id).to_string());
    }
    (refs[0].clone(), refs[1].clone(), cabin)
}

/// The row's arguments as pairs, with every `{name}` filled in.
fn fill(args: &str, fixtures: &BTreeMap<&str, String>) -> Vec<(String, String)> {
    args.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, raw) = pair.split_once('=').expect("name=value");
            let (mut name, mut value) = (name.to_string(), raw.to_string());
            for (key, with) in fixtures {
                let placeholder = format!("{{{key}}}");
                name = name.replace(&placeholder, with);
                value = value.replace(&placeholder, with);
            }
            assert!(
                !value.contains('{') && !name.contains('{'),
                "unknown placeholder in {pair}"
            );
            (name, value)
        })
        .collect()
}

/// Refused: told to sign in, forbidden or not found. Anything else (done, a refused
/// field, a closed visit, wrong credentials) got past the check of who asks.
fn refused(status: u16, body: &str) -> bool {
    let tag = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("error")?.as_str().map(str::to_string));
    matches!(status, 401 | 403 | 404)
        && matches!(
            tag.as_deref(),
            Some("unauthenticated" | "forbidden" | "not_found")
        )
}

/// A page or route refused: told to sign in (sent to the sign-in page), forbidden, not
/// found, or gone (a sign-in to finish that is not there). The body is not read: the live
/// stream never ends.
fn route_refused(res: &reqwest::Response) -> bool {
    let to_sign_in = res.status().is_redirection()
        && res
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .is_some_and(|l| l.starts_with("/sign-in"));
    to_sign_in || matches!(res.status().as_u16(), 401 | 403 | 404 | 410)
}

/// Calls every route as `caller`; what went against its row.
async fn check_routes(
    app: &TestApp,
    client: &reqwest::Client,
    caller: Caller,
    fixtures: &BTreeMap<&str, String>,
) -> Vec<String> {
    let mut wrong = Vec::new();
    for route in ROUTES {
        let mut address = route.address.to_string();
        for (key, with) in fixtures {
            address = address.replace(&format!("{{{key}}}"), with);
        }
        assert!(
            !address.contains('{'),
            "unknown placeholder in {}",
            route.address
        );
        let request = match address.strip_prefix("POST ") {
            Some(path) => client
                .post(app.url(path))
                .header("origin", app.base.clone()),
            None => client.get(app.url(&address)),
        };
        let res = request
            .header("accept", "text/html")
            .send()
            .await
            .expect("GET");
        let allowed = route.allowed.contains(&caller);
        let status = res.status().as_u16();
        if route_refused(&res) == allowed || status >= 500 {
            let expected = if allowed { "let through" } else { "refused" };
            let to = res
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .unwrap_or_default()
                .to_string();
            wrong.push(format!(
                "  GET {address}: expected {expected}, got {status} {to}"
            ));
        }
    }
    wrong
}

/// Calls every row as `caller` on an app of its own; fails naming every call that was
/// refused or let through against its row, and every server error (it hides the answer).
async fn check(caller: Caller) {
    let app = spawn_app().await;
    let fixtures = fixtures(&app).await;
    let browser = app.other_browser();
    match (caller, caller.email()) {
        (Viewer | Elsewhere, Some(email)) => browser.sign_in_with(email, MEMBER_PASSWORD).await,
        (_, Some(email)) => browser.sign_in(email).await,
        (_, None) => {}
    }
    let mut wrong = check_routes(&app, &browser.client, caller, &fixtures).await;
    for row in ROWS {
        let post = browser
            .client
            .post(app.url(&format!("/api/{}", row.endpoint)))
            .header("accept", "application/json");
        let args = fill(row.args, &fixtures);
        let post = if MULTIPART.contains(&row.endpoint) {
            let form = args
                .into_iter()
                .fold(reqwest::multipart::Form::new(), |f, (k, v)| f.text(k, v));
            post.multipart(form)
        } else {
            post.form(&args)
        };
        let res = post.send().await.expect("POST");
        let status = res.status().as_u16();
        let body = res.text().await.expect("body");
        let allowed = row.allowed.contains(&caller);
        if refused(status, &body) == allowed || status >= 500 {
            let expected = if allowed { "let through" } else { "refused" };
            let body: String = body.chars().take(200).collect();
            wrong.push(format!(
                "  {}: expected {expected}, got {status} {body}",
                row.endpoint
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{caller:?}: {} of {} calls wrong:\n{}",
        wrong.len(),
        ROWS.len() + ROUTES.len(),
        wrong.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visitor_may_only_sign_in_sign_out_and_pick_a_language() {
    check(Visitor).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_accounts_owner_reaches_nothing_of_anas() {
    check(Stranger).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ana_keeps_her_own_places_visits_requests_and_plans() {
    check(Owner).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_who_may_only_see_the_home_sees_it_and_changes_nothing() {
    check(Viewer).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_with_every_right_at_another_place_reaches_nothing_of_the_home() {
    check(Elsewhere).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_technician_reads_their_job_and_changes_nothing() {
    check(Technician).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dispatcher_runs_the_office_but_books_for_nobody() {
    check(Dispatcher).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_runs_the_office_but_books_for_nobody() {
    check(Admin).await;
}

#[test]
fn every_page_and_route_has_a_row_and_every_row_a_route() {
    let routed: BTreeSet<String> = server::http::page_paths()
        .into_iter()
        .chain(
            server::http::OWN_ROUTES
                .iter()
                .map(|(path, _)| path.to_string()),
        )
        .collect();
    let rows: BTreeSet<String> = ROUTES.iter().map(|r| r.path.to_string()).collect();
    assert_eq!(rows.len(), ROUTES.len(), "one row per route");
    let missing: Vec<_> = routed.difference(&rows).collect();
    let unknown: Vec<_> = rows.difference(&routed).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "routes without a row: {missing:?}; rows naming none: {unknown:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_has_a_row_and_every_row_a_server_function() {
    // The registry is filled from the `app` crate's `inventory` submissions, linked into
    // this test binary through `server`; paths carry the `/api` prefix.
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _method)| path.to_string())
        .collect();
    let rows: BTreeSet<String> = ROWS
        .iter()
        .map(|r| format!("/api/{}", r.endpoint))
        .collect();
    assert_eq!(rows.len(), ROWS.len(), "one row per server function");
    let missing: Vec<_> = registered.difference(&rows).collect();
    let unknown: Vec<_> = rows.difference(&registered).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "server functions without a row: {missing:?}; rows naming none: {unknown:?}"
    );
}
