//! A few connections kept beside the pool for the short reads every request makes (the
//! session lookup, the data version).
//!
//! sqlx's pool tests each connection with a round trip to the database when it is given
//! back; on SQLite, where every statement already travels to a worker thread and back,
//! that doubles the cost of a one-row read. These connections are taken out of the pool
//! once and reused without the test. A connection is kept only when its work finished
//! without error: one whose work failed, or was dropped half-way (a cancelled request), is
//! closed, the protection the pool's test gives; the next read takes a new one.

use super::StoreError;
use sqlx::{AnyConnection, AnyPool};
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What a read runs on its connection.
pub type ReadFuture<'c, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'c>>;

#[derive(Debug)]
pub(super) struct Readers {
    idle: Mutex<Vec<AnyConnection>>,
    /// Connections taken out of the pool and alive (idle or in use).
    open: AtomicUsize,
    max: usize,
}

/// Frees a connection's place unless the connection went back to `idle`.
struct Place<'a> {
    readers: &'a Readers,
    kept: bool,
}

impl Drop for Place<'_> {
    fn drop(&mut self) {
        if !self.kept {
            self.readers.open.fetch_sub(1, Ordering::AcqRel);
        }
    }
}

impl Readers {
    pub(super) fn new(max: usize) -> Self {
        Self {
            idle: Mutex::new(Vec::new()),
            open: AtomicUsize::new(0),
            max,
        }
    }

    fn idle(&self) -> std::sync::MutexGuard<'_, Vec<AnyConnection>> {
        self.idle
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Reserves room for one more connection, if under the limit.
    fn reserve(&self) -> bool {
        self.open
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < self.max).then_some(n + 1)
            })
            .is_ok()
    }

    pub(super) async fn read<T, F>(&self, pool: &AnyPool, work: F) -> Result<T, StoreError>
    where
        F: for<'c> FnOnce(&'c mut AnyConnection) -> ReadFuture<'c, T>,
    {
        let taken = self.idle().pop();
        let mut conn = match taken {
            Some(conn) => conn,
            None if self.reserve() => match pool.acquire().await {
                Ok(conn) => conn.detach(),
                Err(err) => {
                    self.open.fetch_sub(1, Ordering::AcqRel);
                    return Err(err.into());
                }
            },
            None => {
                // Every kept connection is busy: an ordinary one from the pool.
                let mut conn = pool.acquire().await?;
                return work(&mut conn).await;
            }
        };
        let mut place = Place {
            readers: self,
            kept: false,
        };
        let result = work(&mut conn).await;
        if result.is_ok() {
            self.idle().push(conn);
            place.kept = true;
        }
        result
    }

    /// Connections currently taken out of the pool.
    #[cfg(test)]
    pub(super) fn open(&self) -> usize {
        self.open.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{READERS, Store};
    use super::*;

    async fn store() -> (Store, std::path::PathBuf) {
        let path = std::env::temp_dir().join(format!(
            "doorstep-readers-{}-{}.db",
            std::process::id(),
            rand::random::<u32>()
        ));
        let url = format!("sqlite://{}", path.display());
        (Store::connect(&url, 2).await.expect("store"), path)
    }

    fn one(conn: &mut AnyConnection) -> ReadFuture<'_, i64> {
        Box::pin(async move { Ok(sqlx::query_scalar("SELECT 1").fetch_one(conn).await?) })
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn reuses_its_connections_and_drops_failed_or_abandoned_ones() {
        let (store, path) = store().await;
        for _ in 0..20 {
            assert_eq!(store.read(one).await.expect("read"), 1);
        }
        assert_eq!(store.readers.open(), 1, "one connection served every read");

        // Many at once: at most READERS kept, the rest borrowed from the pool.
        let reads = (0..8).map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.read(one).await })
        });
        for read in reads {
            assert_eq!(read.await.expect("task").expect("read"), 1);
        }
        assert!(store.readers.open() <= READERS);

        // A failed read closes its connection.
        let before = store.readers.open();
        let failed = store
            .read(|conn| {
                Box::pin(async move {
                    Ok(sqlx::query_scalar::<_, i64>("SELECT nothing FROM nowhere")
                        .fetch_one(conn)
                        .await?)
                })
            })
            .await;
        assert!(failed.is_err());
        assert_eq!(store.readers.open(), before - 1);

        // An abandoned read (a cancelled request) frees its place too.
        let before = store.readers.open();
        let abandoned = store.read(|conn| {
            Box::pin(async move {
                let _ = sqlx::query_scalar::<_, i64>("SELECT 1")
                    .fetch_one(conn)
                    .await;
                std::future::pending::<()>().await;
                Ok(0)
            })
        });
        let timed_out = tokio::time::timeout(std::time::Duration::from_millis(50), abandoned).await;
        assert!(timed_out.is_err());
        assert!(store.readers.open() <= before);
        assert_eq!(store.read(one).await.expect("read after"), 1);

        store.close().await;
        let _ = std::fs::remove_file(&path);
    }
}
