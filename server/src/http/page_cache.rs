//! Rendered pages kept in memory, so that a person opening the same page again gets it
//! without rendering (and compressing) it again.
//!
//! A page is kept only when it says so (`app::request::keep_page_for`) and answered with
//! 200, no cookie and HTML, and never when it answers a failed form (`__err`). It is found again only by the same person (or, for visitors,
//! anyone not signed in), in the same language, at the same address with the same query,
//! while the database's data version (moved by triggers on every table pages show, see
//! migration 0003) is the one it was rendered at, and within the time the page allowed.
//! The version comes with the session lookup every request makes anyway, so a hit costs
//! no extra query; the first newer version seen drops every kept page at once.
//!
//! Pages carry no per-response secret (the CSP allows inline scripts by hash, see
//! `app::csp`), so the same bytes may go out twice. Compressed copies are made once per
//! page, on first demand, and kept with it.

use super::static_files::{compress_brotli, compress_gzip};
use app::request::{PAGE_CACHE_HEADER, RequestInfo};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{
    ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, SET_COOKIE,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use doorstep::locale::Locale;
use doorstep::store::Store;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

/// Brotli from quality 5 up clears megabytes of tables per call, which costs more than
/// the rendering itself; 2 compresses a page within a few percent of 5.
const BROTLI_QUALITY: i32 = 2;
/// Larger pages are served but not kept.
const MAX_PAGE_BYTES: usize = 256 * 1024;
/// What a kept page costs besides its bytes (key, headers, bookkeeping), roughly.
const ENTRY_OVERHEAD: usize = 1024;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    /// The signed-in person's id; `None` for visitors.
    user: Option<i64>,
    locale: Locale,
    /// Path and query.
    target: String,
}

#[derive(Debug)]
struct Entry {
    status: StatusCode,
    headers: HeaderMap,
    expires: Instant,
    identity: Bytes,
    brotli: OnceLock<Option<Bytes>>,
    gzip: OnceLock<Option<Bytes>>,
    /// Insertion number, to tell a key's current entry from a replaced one on eviction.
    serial: u64,
}

impl Entry {
    /// Bytes charged to the budget: the page and, at most, a compressed copy of each kind.
    fn cost(&self) -> usize {
        self.identity.len() * 2 + ENTRY_OVERHEAD
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

#[derive(Debug, Default)]
struct Inner {
    /// The data version every kept page was rendered at.
    version: i64,
    entries: HashMap<Key, Arc<Entry>>,
    /// Oldest first; may hold replaced entries, recognised by their serial.
    order: VecDeque<(u64, Key)>,
    bytes: usize,
    serial: u64,
}

impl Inner {
    fn start_version(&mut self, version: i64) {
        self.version = version;
        self.entries.clear();
        self.order.clear();
        self.bytes = 0;
    }

    fn remove(&mut self, key: &Key) {
        if let Some(old) = self.entries.remove(key) {
            self.bytes -= old.cost();
        }
    }
}

/// The cache, shared by every request of the process.
#[derive(Debug)]
pub struct PageCache {
    budget: usize,
    inner: Mutex<Inner>,
}

impl PageCache {
    /// A cache holding up to `budget` bytes of pages.
    pub fn new(budget: usize) -> Self {
        Self {
            budget,
            inner: Mutex::new(Inner::default()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn get(&self, key: &Key, version: i64, now: Instant) -> Option<Arc<Entry>> {
        let mut inner = self.lock();
        if version > inner.version {
            inner.start_version(version);
            return None;
        }
        if version < inner.version {
            return None;
        }
        let entry = inner.entries.get(key)?.clone();
        if entry.expires <= now {
            inner.remove(key);
            return None;
        }
        Some(entry)
    }

    fn put(&self, key: Key, version: i64, mut entry: Entry) -> Arc<Entry> {
        let mut inner = self.lock();
        if version > inner.version {
            inner.start_version(version);
        }
        if version < inner.version || entry.cost() > self.budget {
            // Rendered from data older than what is kept (or too big): serve, don't keep.
            return Arc::new(entry);
        }
        inner.serial += 1;
        entry.serial = inner.serial;
        let entry = Arc::new(entry);
        inner.remove(&key);
        inner.bytes += entry.cost();
        inner.order.push_back((entry.serial, key.clone()));
        inner.entries.insert(key, entry.clone());
        while inner.bytes > self.budget {
            let Some((serial, oldest)) = inner.order.pop_front() else {
                break;
            };
            if inner
                .entries
                .get(&oldest)
                .is_some_and(|e| e.serial == serial)
            {
                inner.remove(&oldest);
            }
        }
        // Replaced entries leave stale positions behind; drop them before they pile up.
        if inner.order.len() > 2 * inner.entries.len() + 64 {
            let Inner { order, entries, .. } = &mut *inner;
            order.retain(|(serial, key)| entries.get(key).is_some_and(|e| e.serial == *serial));
        }
        entry
    }

    /// Pages kept right now, and the bytes charged for them.
    #[cfg(test)]
    fn usage(&self) -> (usize, usize) {
        let inner = self.lock();
        (inner.entries.len(), inner.bytes)
    }
}

/// What the middleware needs.
#[derive(Clone, Debug)]
pub struct PageCacheState {
    pub cache: Arc<PageCache>,
    pub store: Store,
}

/// Pages have no file extension and are not server functions.
fn is_page(path: &str) -> bool {
    !path.starts_with("/api/") && !path.rsplit('/').next().unwrap_or_default().contains('.')
}

/// A page answering one failed form post without JavaScript: Leptos sends the browser
/// back with the error in `__err`. About one attempt, so never kept, whatever the page.
fn answers_a_failed_form(query: Option<&str>) -> bool {
    query.is_some_and(|q| q.split('&').any(|pair| pair.starts_with("__err=")))
}

pub async fn serve(State(state): State<PageCacheState>, req: Request, next: Next) -> Response {
    if req.method() != Method::GET
        || !is_page(req.uri().path())
        || answers_a_failed_form(req.uri().query())
    {
        return without_marker(next.run(req).await);
    }
    let Some(info) = req.extensions().get::<RequestInfo>() else {
        return without_marker(next.run(req).await);
    };
    let version = match info.data_version {
        Some(version) => version,
        None if info.user.is_none() => match state.store.data_version().await {
            Ok(version) => version,
            Err(err) => {
                tracing::warn!(%err, "could not read the data version; rendering without the page cache");
                return without_marker(next.run(req).await);
            }
        },
        None => return without_marker(next.run(req).await),
    };
    let key = Key {
        user: info.user.as_ref().map(|u| u.user.id()),
        locale: info.locale,
        target: req
            .uri()
            .path_and_query()
            .map_or_else(|| req.uri().path().to_string(), ToString::to_string),
    };
    let encoding = preferred_encoding(req.headers());
    let now = Instant::now();
    if let Some(entry) = state.cache.get(&key, version, now) {
        return respond(&entry, encoding);
    }

    let res = next.run(req).await;
    let Some(keep_for) = keep_for(&res) else {
        return without_marker(res);
    };
    let (mut parts, body) = res.into_parts();
    parts.headers.remove(PAGE_CACHE_HEADER);
    let identity = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(err) => {
            tracing::error!(%err, "page body failed while rendering");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if identity.len() > MAX_PAGE_BYTES {
        return Response::from_parts(parts, Body::from(identity));
    }
    let entry = Entry {
        status: parts.status,
        headers: parts.headers,
        expires: now + keep_for,
        identity,
        brotli: OnceLock::new(),
        gzip: OnceLock::new(),
        serial: 0,
    };
    let entry = state.cache.put(key, version, entry);
    respond(&entry, encoding)
}

/// How long the page may be kept, when it may be kept at all.
fn keep_for(res: &Response) -> Option<Duration> {
    let secs = res
        .headers()
        .get_all(PAGE_CACHE_HEADER)
        .iter()
        .map(|v| v.to_str().ok().and_then(|v| v.trim().parse::<u64>().ok()))
        .try_fold(u64::MAX, |min, v| v.map(|v| min.min(v)))?;
    let html = res
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let keep = secs > 0
        && secs != u64::MAX
        && res.status() == StatusCode::OK
        && html
        && !res.headers().contains_key(SET_COOKIE)
        && !res.headers().contains_key(CONTENT_ENCODING);
    keep.then(|| Duration::from_secs(secs))
}

fn without_marker(mut res: Response) -> Response {
    res.headers_mut().remove(PAGE_CACHE_HEADER);
    res
}

fn respond(entry: &Entry, encoding: Encoding) -> Response {
    let compressed = match encoding {
        Encoding::Brotli => entry
            .brotli
            .get_or_init(|| {
                compress_brotli(&entry.identity, BROTLI_QUALITY)
                    .ok()
                    .map(Bytes::from)
            })
            .clone()
            .map(|b| (b, "br")),
        Encoding::Gzip => entry
            .gzip
            .get_or_init(|| compress_gzip(&entry.identity, 6).ok().map(Bytes::from))
            .clone()
            .map(|b| (b, "gzip")),
        Encoding::Identity => None,
    };
    let mut headers = entry.headers.clone();
    let body = match compressed {
        Some((bytes, name)) => {
            headers.insert(CONTENT_ENCODING, HeaderValue::from_static(name));
            bytes
        }
        None => entry.identity.clone(),
    };
    headers.insert(CONTENT_LENGTH, HeaderValue::from(body.len()));
    let mut res = Response::new(Body::from(body));
    *res.status_mut() = entry.status;
    *res.headers_mut() = headers;
    res
}

/// Brotli when the browser takes it, else gzip, else none (`q=0` refuses a coding).
fn preferred_encoding(headers: &HeaderMap) -> Encoding {
    let mut brotli = false;
    let mut gzip = false;
    for value in headers.get_all(ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else {
            continue;
        };
        for item in value.split(',') {
            let mut params = item.split(';');
            let name = params.next().unwrap_or_default().trim();
            let refused = params.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            if refused {
                continue;
            }
            if name.eq_ignore_ascii_case("br") {
                brotli = true;
            } else if name.eq_ignore_ascii_case("gzip") {
                gzip = true;
            }
        }
    }
    if brotli {
        Encoding::Brotli
    } else if gzip {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(user: i64, target: &str) -> Key {
        Key {
            user: Some(user),
            locale: Locale::En,
            target: target.into(),
        }
    }

    fn entry(body: &str, now: Instant) -> Entry {
        Entry {
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            expires: now + Duration::from_secs(60),
            identity: Bytes::from(body.to_string()),
            brotli: OnceLock::new(),
            gzip: OnceLock::new(),
            serial: 0,
        }
    }

    #[test]
    fn finds_pages_only_for_the_same_person_and_version() {
        let cache = PageCache::new(1 << 20);
        let now = Instant::now();
        cache.put(key(1, "/"), 7, entry("one", now));
        assert!(cache.get(&key(1, "/"), 7, now).is_some());
        assert!(cache.get(&key(2, "/"), 7, now).is_none());
        assert!(cache.get(&key(1, "/?a=1"), 7, now).is_none());
        let visitor = Key {
            user: None,
            ..key(1, "/")
        };
        assert!(cache.get(&visitor, 7, now).is_none());
        let german = Key {
            locale: Locale::De,
            ..key(1, "/")
        };
        assert!(cache.get(&german, 7, now).is_none());
        // An older reader neither sees nor disturbs the pages of the newer version...
        assert!(cache.get(&key(1, "/"), 6, now).is_none());
        assert!(cache.get(&key(1, "/"), 7, now).is_some());
        // ...and the first newer version drops them all.
        assert!(cache.get(&key(1, "/"), 8, now).is_none());
        assert!(cache.get(&key(1, "/"), 7, now).is_none());
        assert_eq!(cache.usage(), (0, 0));
    }

    #[test]
    fn pages_rendered_from_older_data_are_not_kept() {
        let cache = PageCache::new(1 << 20);
        let now = Instant::now();
        cache.put(key(1, "/"), 8, entry("new", now));
        cache.put(key(2, "/"), 7, entry("old", now));
        assert!(cache.get(&key(2, "/"), 8, now).is_none());
        assert_eq!(cache.usage().0, 1);
    }

    #[test]
    fn expired_pages_are_dropped() {
        let cache = PageCache::new(1 << 20);
        let now = Instant::now();
        cache.put(key(1, "/"), 1, entry("x", now));
        assert!(
            cache
                .get(&key(1, "/"), 1, now + Duration::from_secs(61))
                .is_none()
        );
        assert_eq!(cache.usage(), (0, 0));
    }

    #[test]
    fn stays_within_its_budget_dropping_the_oldest() {
        let body = "x".repeat(1000);
        let cost = entry(&body, Instant::now()).cost();
        let cache = PageCache::new(cost * 3);
        let now = Instant::now();
        for user in 0..10 {
            cache.put(key(user, "/"), 1, entry(&body, now));
            // Replacing a page many times leaves no garbage behind.
            for _ in 0..50 {
                cache.put(key(user, "/"), 1, entry(&body, now));
            }
            let (pages, bytes) = cache.usage();
            assert!(
                bytes <= cost * 3 && pages <= 3,
                "{pages} pages, {bytes} bytes"
            );
            assert!(cache.lock().order.len() <= 2 * pages + 64);
        }
        assert!(cache.get(&key(9, "/"), 1, now).is_some());
        assert!(cache.get(&key(0, "/"), 1, now).is_none());
        // A page bigger than the whole budget is served but never kept.
        let huge = "y".repeat(cost * 3);
        cache.put(key(42, "/"), 1, entry(&huge, now));
        assert!(cache.get(&key(42, "/"), 1, now).is_none());
    }

    #[test]
    fn negotiates_the_encoding() {
        let with = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(ACCEPT_ENCODING, HeaderValue::from_str(v).expect("header"));
            preferred_encoding(&h)
        };
        assert_eq!(with("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(with("gzip"), Encoding::Gzip);
        assert_eq!(with("br;q=0, gzip;q=0.5"), Encoding::Gzip);
        assert_eq!(with("identity"), Encoding::Identity);
        assert_eq!(preferred_encoding(&HeaderMap::new()), Encoding::Identity);
    }

    #[test]
    fn serves_compressed_copies_that_decompress_to_the_page() {
        let page = "<p>hello</p>".repeat(200);
        let e = entry(&page, Instant::now());
        let res = respond(&e, Encoding::Gzip);
        assert_eq!(res.headers()[CONTENT_ENCODING], "gzip");
        let len: usize = res.headers()[CONTENT_LENGTH]
            .to_str()
            .ok()
            .and_then(|v| v.parse().ok())
            .expect("length");
        assert!(len < page.len() / 4);
        let plain = respond(&e, Encoding::Identity);
        assert!(plain.headers().get(CONTENT_ENCODING).is_none());
        assert_eq!(
            plain.headers()[CONTENT_LENGTH],
            page.len().to_string().as_str()
        );
    }

    #[test]
    fn answers_to_failed_forms_are_recognised() {
        assert!(answers_a_failed_form(Some("__err=%7B%22error%22%7D")));
        assert!(answers_a_failed_form(Some("a=1&__err=x")));
        assert!(!answers_a_failed_form(Some("a=__err=x")));
        assert!(!answers_a_failed_form(None));
    }

    #[test]
    fn only_page_addresses_are_considered() {
        assert!(is_page("/"));
        assert!(is_page("/sign-in"));
        assert!(!is_page("/api/sign-in"));
        assert!(!is_page("/pkg/doorstep.abc.css"));
        assert!(!is_page("/icons/icon.svg"));
    }
}
