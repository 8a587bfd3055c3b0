//! Live events: one follower per server instance reads the events table as it grows and
//! hands each new event to every open stream of this instance; each stream keeps what its
//! reader may see. The follower wakes when this instance commits events
//! ([`Store::announce_events`]), when another instance does (PostgreSQL `LISTEN`), and once
//! a second in any case, so nothing waits longer than that if a wake-up is lost.

use crate::store::events::{self, EventRow};
use crate::store::{Store, StoreError};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, broadcast};

/// Events kept for streams that fall behind; one that falls further reads the table again.
const BUFFER: usize = 4096;
/// Events read per query.
const BATCH: i64 = 500;
/// The longest the follower sleeps without a wake-up.
const SAFETY_NET: Duration = Duration::from_secs(1);
/// The PostgreSQL channel the events table's trigger notifies on commit.
pub const CHANNEL: &str = "doorstep_events";

/// This instance's follower of the events table.
#[derive(Clone, Debug)]
pub struct Hub {
    sender: broadcast::Sender<Arc<EventRow>>,
}

impl Hub {
    /// Starts following the table from its current end. `listen_url`: the PostgreSQL
    /// database to `LISTEN` on for other instances' commits (`None` on SQLite).
    pub async fn start(store: Store, listen_url: Option<String>) -> Result<Self, StoreError> {
        let last = {
            let mut conn = store.conn().await?;
            events::latest(&mut conn).await?
        };
        let (sender, _) = broadcast::channel(BUFFER);
        let poke = Arc::new(Notify::new());
        if let Some(url) = listen_url {
            tokio::spawn(listen(url, poke.clone()));
        }
        tokio::spawn(follow(store, poke, sender.clone(), last));
        Ok(Self { sender })
    }

    /// Every event committed from now on, in order (`Lagged` when the reader fell behind:
    /// it reads the table from its last event then).
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<EventRow>> {
        self.sender.subscribe()
    }
}

async fn follow(
    store: Store,
    poke: Arc<Notify>,
    sender: broadcast::Sender<Arc<EventRow>>,
    mut last: i64,
) {
    loop {
        tokio::select! {
            () = store.events_announced() => {}
            () = poke.notified() => {}
            () = tokio::time::sleep(SAFETY_NET) => {}
        }
        loop {
            let read = async {
                let mut conn = store.conn().await?;
                events::after(&mut conn, events::Audience::Everyone, last, BATCH).await
            };
            match read.await {
                Ok(rows) => {
                    let full = i64::try_from(rows.len()).unwrap_or(BATCH) >= BATCH;
                    for row in rows {
                        last = row.seq;
                        // No stream open: nobody to tell.
                        let _ = sender.send(Arc::new(row));
                    }
                    if !full {
                        break;
                    }
                }
                Err(err) => {
                    tracing::warn!(%err, "could not read new events; trying again shortly");
                    break;
                }
            }
        }
    }
}

/// Wakes the follower whenever another instance commits events; reconnects when the
/// connection drops (the follower's own timer covers the gap).
async fn listen(url: String, poke: Arc<Notify>) {
    loop {
        match sqlx::postgres::PgListener::connect(&url).await {
            Ok(mut listener) => match listener.listen(CHANNEL).await {
                Ok(()) => {
                    tracing::info!("following other instances' events");
                    // Whatever was committed while we were away.
                    poke.notify_one();
                    loop {
                        match listener.recv().await {
                            Ok(_) => poke.notify_one(),
                            Err(err) => {
                                tracing::warn!(%err, "lost the events channel; reconnecting");
                                break;
                            }
                        }
                    }
                }
                Err(err) => tracing::warn!(%err, "could not listen for events"),
            },
            Err(err) => tracing::warn!(%err, "could not connect to listen for events"),
        }
        tokio::time::sleep(SAFETY_NET).await;
    }
}
