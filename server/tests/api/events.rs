//! The live stream: each person follows what they may see, a reconnect replays what it
//! missed from the table (on any instance, after a restart too), and a change made on one
//! instance reaches a stream open on another.

use crate::changes::booked_visit;
use crate::helpers::{DEMO_PASSWORD, TestApp, client, spawn_app};
use reqwest::Client;
use reqwest::header::{ACCEPT, REFERER};
use std::time::{Duration, Instant};

/// An open `GET /events` answer, read event by event.
pub(crate) struct Live {
    res: reqwest::Response,
    buf: String,
}

impl Live {
    pub(crate) async fn open(client: &Client, base: &str, last_event_id: Option<&str>) -> Self {
        Self::open_url(client, &format!("{base}/events"), last_event_id).await
    }

    async fn open_url(client: &Client, url: &str, last_event_id: Option<&str>) -> Self {
        let mut req = client.get(url).header(ACCEPT, "text/event-stream");
        if let Some(id) = last_event_id {
            req = req.header("last-event-id", id);
        }
        let res = req.send().await.expect("GET /events");
        assert_eq!(res.status(), 200);
        assert_eq!(
            res.headers()["content-type"].to_str().expect("type"),
            "text/event-stream"
        );
        Self {
            res,
            buf: String::new(),
        }
    }

    /// The next event's id and data, or `None` when none comes within `wait`.
    pub(crate) async fn next(&mut self, wait: Duration) -> Option<(i64, serde_json::Value)> {
        let deadline = Instant::now() + wait;
        loop {
            while let Some(end) = self.buf.find("\n\n") {
                let block: String = self.buf.drain(..end + 2).collect();
                let mut id = None;
                let mut data = None;
                for line in block.lines() {
                    if let Some(v) = line.strip_prefix("id:") {
                        id = v.trim().parse::<i64>().ok();
                    } else if let Some(v) = line.strip_prefix("data:") {
                        data = serde_json::from_str(v.trim()).ok();
                    }
                }
                if let (Some(id), Some(data)) = (id, data) {
                    return Some((id, data));
                }
            }
            let left = deadline.checked_duration_since(Instant::now())?;
            match tokio::time::timeout(left, self.res.chunk()).await {
                Ok(Ok(Some(bytes))) => self.buf.push_str(&String::from_utf8_lossy(&bytes)),
                _ => return None,
            }
        }
    }

    /// Events until none comes for `quiet`.
    pub(crate) async fn drain(&mut self, quiet: Duration) -> Vec<(i64, serde_json::Value)> {
        let mut all = Vec::new();
        while let Some(event) = self.next(quiet).await {
            all.push(event);
        }
        all
    }
}

/// A signed-in browser of `email` on the server at `base`.
async fn browser(base: &str, email: &str) -> Client {
    let client = client();
    let res = client
        .post(format!("{base}/api/sign-in"))
        .header(ACCEPT, "text/html")
        .header(REFERER, format!("{base}/sign-in"))
        .form(&[("email", email), ("password", DEMO_PASSWORD)])
        .send()
        .await
        .expect("sign in");
    assert_eq!(res.status(), 302, "{email}");
    client
}

/// A visit's number, as events carry it.
pub fn id_of(visit: &str) -> i64 {
    doorstep::ids::VisitRef::parse(visit)
        .expect("reference")
        .id()
}

pub async fn technician_of(app: &TestApp, visit: &str) -> String {
    let id = id_of(visit);
    let (email,): (String,) = sqlx::query_as(
        "SELECT u.email FROM jobs j JOIN users u ON u.id = j.technician_id WHERE j.id = $1",
    )
    .bind(id)
    .fetch_one(app.store.pool())
    .await
    .expect("technician");
    email
}

async fn cancel(app: &TestApp, visit: &str) {
    let res = app
        .call(
            "/api/cancel-visit",
            &[("visit", visit), ("reason", "Plans changed")],
        )
        .await;
    assert_eq!(res.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_person_follows_live_only_what_they_may_see() {
    let app = spawn_app().await;
    let visitor = reqwest::Client::new()
        .get(app.url("/events"))
        .send()
        .await
        .expect("GET");
    assert_eq!(visitor.status(), 401);

    let office = browser(&app.base, "dispatch@example.com").await;
    let stranger = browser(&app.base, "facilities@example.com").await;
    let mut office_live = Live::open(&office, &app.base, None).await;
    let mut stranger_live = Live::open(&stranger, &app.base, None).await;
    // Ana books (her browser is `app`'s), with her own stream open from the start.
    app.sign_in("ana@example.com").await;
    let mut ana_live = Live::open(&app.client, &app.base, None).await;
    let (visit, _, _) = booked_visit(&app).await;

    for (who, live) in [("ana", &mut ana_live), ("office", &mut office_live)] {
        let (_, data) = live
            .next(Duration::from_secs(5))
            .await
            .unwrap_or_else(|| panic!("{who} heard nothing"));
        assert_eq!(data["visit"], id_of(&visit), "{who}");
        assert_eq!(data["kind"], "booked", "{who}");
    }
    // The visit's technician hears of its cancellation; another technician does not.
    let technician = technician_of(&app, &visit).await;
    let other = ["tomas@example.com", "lena@example.com", "yusuf@example.com"]
        .into_iter()
        .find(|e| *e != technician)
        .expect("another technician");
    let theirs = browser(&app.base, &technician).await;
    let not_theirs = browser(&app.base, other).await;
    let mut theirs_live = Live::open(&theirs, &app.base, None).await;
    let mut not_theirs_live = Live::open(&not_theirs, &app.base, None).await;
    cancel(&app, &visit).await;
    let (_, data) = theirs_live
        .next(Duration::from_secs(5))
        .await
        .expect("the technician hears of it");
    assert_eq!(
        (data["visit"].as_i64(), data["kind"].as_str()),
        (Some(id_of(&visit)), Some("cancelled"))
    );
    assert!(
        not_theirs_live
            .drain(Duration::from_millis(1500))
            .await
            .is_empty()
    );
    assert!(
        stranger_live
            .drain(Duration::from_millis(200))
            .await
            .is_empty()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reconnect_gets_what_it_missed_once_from_any_instance_after_a_restart() {
    let app = spawn_app().await;
    let (visit, _, _) = booked_visit(&app).await;
    cancel(&app, &visit).await;
    // From the start: both steps, in order.
    let mut live = Live::open(&app.client, &app.base, Some("0")).await;
    let seen = live.drain(Duration::from_millis(500)).await;
    let kinds: Vec<_> = seen
        .iter()
        .map(|(_, d)| d["kind"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(kinds, ["booked", "cancelled"], "{seen:?}");
    let (booked_id, cancelled_id) = (seen[0].0, seen[1].0);
    assert!(booked_id < cancelled_id);
    drop(live);

    // While the browser is away another visit is booked; it comes back to another instance
    // (as after a restart: nothing of the first one's memory is needed) and gets exactly
    // what it missed.
    let (second, _, _) = booked_visit(&app).await;
    let other = app.another_instance().await;
    let again = browser(&other, "ana@example.com").await;
    let mut live = Live::open(&again, &other, Some(&cancelled_id.to_string())).await;
    let missed = live.drain(Duration::from_millis(500)).await;
    assert_eq!(missed.len(), 1, "{missed:?}");
    assert_eq!(missed[0].1["visit"], id_of(&second));
    assert!(missed[0].0 > cancelled_id);

    // A fresh page passes the last event it was rendered with; nonsense is refused.
    let res = again
        .get(format!("{other}/events?after=soon"))
        .send()
        .await
        .expect("GET");
    assert_eq!(res.status(), 400);
    let mut live = Live::open_url(&again, &format!("{other}/events?after={booked_id}"), None).await;
    let after = live.drain(Duration::from_millis(500)).await;
    let ids: Vec<i64> = after.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, [cancelled_id, missed[0].0]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_on_one_instance_reaches_a_stream_on_another() {
    let app = spawn_app().await;
    let other = app.another_instance().await;
    let office = browser(&other, "dispatch@example.com").await;
    let mut live = Live::open(&office, &other, None).await;
    let (visit, _, _) = booked_visit(&app).await;
    let began = Instant::now();
    let (_, data) = live
        .next(Duration::from_secs(5))
        .await
        .expect("the other instance's stream hears of it");
    let took = began.elapsed();
    assert_eq!(data["visit"], id_of(&visit));
    // PostgreSQL wakes the other instance on commit; SQLite has no such signal between
    // processes and is read once a second (the margin is for a busy test machine).
    let limit = if std::env::var("DOORSTEP_TEST_POSTGRES").is_ok() {
        Duration::from_secs(1)
    } else {
        Duration::from_secs(3)
    };
    assert!(took < limit, "{took:?}");
}

/// Upcoming demo visits at the place labelled `label`, soonest first.
async fn visits_at(app: &TestApp, label: &str) -> Vec<String> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT j.id FROM jobs j JOIN locations l ON l.id = j.location_id \
         WHERE l.label = $1 AND j.status <> 'cancelled' AND j.planned_start > $2 \
         ORDER BY j.planned_start, j.id",
    )
    .bind(label)
    .bind(jiff::Timestamp::now().as_second())
    .fetch_all(app.store.pool())
    .await
    .expect("visits");
    rows.into_iter()
        .map(|(id,)| doorstep::ids::VisitRef::from_id(id).to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_members_stream_follows_the_owners_grid_as_it_changes() {
    let app = spawn_app().await;
    app.sign_in("dispatch@example.com").await;
    let owner = browser(&app.base, "facilities@example.com").await;
    let rita = browser(&app.base, "reception@example.com").await;
    let oskar = browser(&app.base, "office@example.com").await;
    let mut rita_live = Live::open(&rita, &app.base, None).await;
    let mut oskar_live = Live::open(&oskar, &app.base, None).await;
    let warehouse = visits_at(&app, "Warehouse").await;
    let head = visits_at(&app, "Head office").await;
    assert!(warehouse.len() >= 2 && !head.is_empty(), "demo visits");
    let (rita_ref, place) = {
        let (user,): (i64,) =
            sqlx::query_as("SELECT id FROM users WHERE email = 'reception@example.com'")
                .fetch_one(app.store.pool())
                .await
                .expect("rita");
        let (place,): (i64,) = sqlx::query_as("SELECT id FROM locations WHERE label = $1")
            .bind("Warehouse")
            .fetch_one(app.store.pool())
            .await
            .expect("warehouse");
        (
            doorstep::ids::UserRef::from_id(user).to_string(),
            doorstep::ids::LocationRef::from_id(place).to_string(),
        )
    };
    let (head_place,): (i64,) = sqlx::query_as("SELECT id FROM locations WHERE label = $1")
        .bind("Head office")
        .fetch_one(app.store.pool())
        .await
        .expect("head office");
    let head_place = doorstep::ids::LocationRef::from_id(head_place).to_string();
    let grid = |with_warehouse: bool| {
        let mut boxes = vec![format!("rights[{rita_ref}:{head_place}:book]")];
        if with_warehouse {
            boxes.push(format!("rights[{rita_ref}:{place}:view]"));
        }
        boxes
    };
    let save = |boxes: Vec<String>| {
        let owner = owner.clone();
        let url = app.url("/api/save-rights");
        async move {
            let fields: Vec<(String, String)> =
                boxes.into_iter().map(|b| (b, "on".to_string())).collect();
            let res = owner
                .post(url)
                .header(ACCEPT, "application/json")
                .form(&fields)
                .send()
                .await
                .expect("POST");
            assert_eq!(res.status(), 200);
        }
    };

    // Not hers yet: the warehouse's cancellation reaches Oskar only.
    cancel(&app, &warehouse[0]).await;
    let heard = oskar_live
        .next(Duration::from_secs(5))
        .await
        .expect("oskar");
    assert_eq!(heard.1["visit"], id_of(&warehouse[0]));
    assert!(rita_live.drain(Duration::from_millis(800)).await.is_empty());

    // Given to her: her open stream hears of the warehouse from the next event on.
    save(grid(true)).await;
    cancel(&app, &warehouse[1]).await;
    let heard = rita_live.next(Duration::from_secs(5)).await.expect("rita");
    assert_eq!(heard.1["visit"], id_of(&warehouse[1]));
    assert_eq!(heard.1["kind"], "cancelled");

    // Taken away again: silence about it at once; the head office still reaches her.
    save(grid(false)).await;
    if let Some(third) = warehouse.get(2) {
        cancel(&app, third).await;
        assert!(rita_live.drain(Duration::from_millis(800)).await.is_empty());
    }
    cancel(&app, &head[0]).await;
    let heard = rita_live
        .next(Duration::from_secs(5))
        .await
        .expect("head office");
    assert_eq!(heard.1["visit"], id_of(&head[0]));

    // Removed from the account: her stream ends.
    let res = owner
        .post(app.url("/api/remove-member"))
        .header(ACCEPT, "application/json")
        .form(&[("user", rita_ref.as_str())])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 200);
    let ended = tokio::time::timeout(Duration::from_secs(5), async {
        while let Ok(Some(_)) = rita_live.res.chunk().await {}
    })
    .await;
    assert!(ended.is_ok(), "the stream of a removed member ends");
}
