//! A few connections kept beside the pool for the short reads every request makes (the
//! session lookup, the data version).
//!
//! sqlx's pool tests each connection with a round trip to the database when it is given
//! back; on SQLite, where every statement already travels to a worker thread and back,
//! that doubles the cost of a one-row read. These connections are taken out of the pool
//! once and reused without the test; reads queue for them. A connection is kept only when its work finished
//! without error: one whose work failed, or was dropped half-way (a cancelled request), is
//! closed, the protection the pool's test gives; the next read takes a new one.

use super::StoreError;
use sqlx::{AnyConnection, AnyPool};
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::Semaphore;

/// What a read runs on its connection.
pub type ReadFuture<'c, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'c>>;

#[derive(Debug)]
pub(super) struct Readers {
    idle: Mutex<Vec<AnyConnection>>,
    /// One per connection: reads wait for a kept connection rather than pay the pool's
    /// test, since a couple of connections already keep two cores busy.
    permits: Semaphore,
    /// Connections ever taken from the pool (for tests and diagnostics).
    taken: AtomicUsize,
}

impl Readers {
    pub(super) fn new(max: usize) -> Self {
        Self {
            idle: Mutex::new(Vec::new()),
            permits: Semaphore::new(max),
            taken: AtomicUsize::new(0),
        }
    }

    fn idle(&self) -> std::sync::MutexGuard<'_, Vec<AnyConnection>> {
        self.idle
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(super) async fn read<T, F>(&self, pool: &AnyPool, work: F) -> Result<T, StoreError>
    where
        F: for<'c> FnOnce(&'c mut AnyConnection) -> ReadFuture<'c, T>,
    {
        // Never closed; a closed semaphore would mean the store is shutting down.
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| StoreError::Other(sqlx::Error::PoolClosed))?;
        let taken = self.idle().pop();
        let mut conn = match taken {
            Some(conn) => conn,
            None => {
                let conn = pool.acquire().await?.detach();
                self.taken.fetch_add(1, Ordering::Relaxed);
                conn
            }
        };
        // If this future is dropped while `work` runs, `conn` is dropped (closed) with it.
        let result = work(&mut conn).await;
        if result.is_ok() {
            self.idle().push(conn);
        }
        result
    }

    /// Closes the kept connections (the store is closing).
    pub(super) fn close(&self) {
        self.idle().clear();
    }

    /// Connections taken from the pool so far.
    #[cfg(test)]
    pub(super) fn taken(&self) -> usize {
        self.taken.load(Ordering::Relaxed)
    }

    /// Connections waiting for the next read.
    #[cfg(test)]
    pub(super) fn kept(&self) -> usize {
        self.idle().len()
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
        assert_eq!(store.readers.taken(), 1, "one connection served every read");

        // Many at once: they share at most READERS connections.
        let reads = (0..8).map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.read(one).await })
        });
        for read in reads {
            assert_eq!(read.await.expect("task").expect("read"), 1);
        }
        assert!(store.readers.taken() <= READERS);
        let kept = store.readers.kept();

        // A failed read closes its connection.
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
        assert_eq!(store.readers.kept(), kept - 1);

        // So does an abandoned one (a cancelled request), and its turn is given back.
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
        assert!(store.readers.kept() < kept);
        for _ in 0..READERS + 1 {
            assert_eq!(store.read(one).await.expect("read after"), 1);
        }

        store.close().await;
        let _ = std::fs::remove_file(&path);
    }
}
