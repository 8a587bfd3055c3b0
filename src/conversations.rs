//! Conversations: a thread per job and a support thread per customer account. What a thread
//! is called in addresses, what a message may be, and how its text is shown (plain text,
//! with web addresses made into links and nothing else ever read as markup).

use crate::dto::PhotoView;
use crate::ids::{AccountRef, VisitRef};
use serde::{Deserialize, Serialize};

/// The most characters one message may have.
pub const MESSAGE_MAX: usize = 2000;
/// The most characters of an idempotency key a form may carry.
pub const KEY_MAX: usize = 64;
/// How many of a thread's latest messages a page shows.
pub const SHOWN: i64 = 200;

/// Which thread: a job's (named by the visit), or an account's support thread (named by
/// the account).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThreadAddr {
    Job(VisitRef),
    Support(AccountRef),
}

impl ThreadAddr {
    /// `DS-000042` for a job's thread, `AC-000007` for an account's support thread.
    pub fn parse(raw: &str) -> Option<Self> {
        VisitRef::parse(raw)
            .map(Self::Job)
            .or_else(|| AccountRef::parse(raw).map(Self::Support))
    }

    /// The page the thread is on.
    pub fn page(self) -> String {
        match self {
            Self::Job(visit) => format!("/visits/{visit}"),
            Self::Support(account) => format!("/messages/{account}"),
        }
    }
}

impl std::fmt::Display for ThreadAddr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Job(visit) => write!(f, "{visit}"),
            Self::Support(account) => write!(f, "{account}"),
        }
    }
}

/// Who wrote a message, as the thread shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    Customer,
    Technician,
    Office,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Customer => "customer",
            Self::Technician => "technician",
            Self::Office => "office",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "customer" => Some(Self::Customer),
            "technician" => Some(Self::Technician),
            "office" => Some(Self::Office),
            _ => None,
        }
    }
}

/// A piece of a message's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    /// A web address (`http://` or `https://`), shown as written and linked as is.
    Link(&'a str),
}

/// A message's text cut into plain text and web addresses. Only `http` and `https`
/// addresses become links; trailing punctuation stays text ("see https://x.test/a.").
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = next_link(rest) {
        let (before, from) = rest.split_at(at);
        let end = from
            .find(|c: char| c.is_whitespace() || "<>\"'`{}|\\^".contains(c))
            .unwrap_or(from.len());
        let mut link = &from[..end];
        // Punctuation closing a sentence or a bracket is not part of the address, unless
        // the address opened the bracket itself.
        while let Some(last) = link.chars().last() {
            let unbalanced = last == ')' && link.matches('(').count() < link.matches(')').count();
            if ".,;:!?".contains(last) || unbalanced || last == ']' {
                link = &link[..link.len() - last.len_utf8()];
            } else {
                break;
            }
        }
        let scheme_only = link.ends_with("://");
        if !before.is_empty() {
            out.push(Segment::Text(before));
        }
        if scheme_only {
            out.push(Segment::Text(link));
        } else {
            out.push(Segment::Link(link));
        }
        rest = &from[link.len()..];
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest));
    }
    out
}

fn next_link(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let http = lower.find("http://");
    let https = lower.find("https://");
    match (http, https) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// One message as a thread shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    pub id: i64,
    pub side: Side,
    /// The author as the viewer may see them: a first name for staff seen by customers.
    pub author: String,
    /// Written by the viewer.
    pub mine: bool,
    pub body: String,
    pub at: i64,
    pub photos: Vec<PhotoView>,
}

/// Who has read the viewer's last message: "Seen by Tomás, 10:42".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Seen {
    pub names: Vec<String>,
    pub at: i64,
}

/// A thread as its page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThreadView {
    pub addr: ThreadAddr,
    pub messages: Vec<MessageView>,
    /// Older messages not shown.
    pub earlier: bool,
    pub seen: Option<Seen>,
    /// Whether the viewer may write (a technician reads a finished job's thread only).
    pub may_write: bool,
    /// The idempotency key for the next message this page sends.
    pub key: String,
    /// The last event the page was rendered with (the live stream resumes after it).
    pub events_after: i64,
    /// The most photos and megabytes one message may carry.
    pub max_files: usize,
    pub max_mb: u64,
    /// On the support thread: the viewer's visits whose threads have messages they have
    /// not read, with how many.
    pub unread_elsewhere: Vec<(VisitRef, i64)>,
    /// For the office: who has the thread, and how long its first answer took.
    pub office: Option<OfficeSide>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_become_links_and_nothing_else_does() {
        assert_eq!(
            segments("see https://example.com/a?b=1. ok"),
            vec![
                Segment::Text("see "),
                Segment::Link("https://example.com/a?b=1"),
                Segment::Text(". ok"),
            ]
        );
        assert_eq!(
            segments("<a href=\"javascript:alert(1)\">x</a>"),
            vec![Segment::Text("<a href=\"javascript:alert(1)\">x</a>")]
        );
        assert_eq!(
            segments("(http://x.test/wiki/A_(b)) and HTTP://Y.TEST"),
            vec![
                Segment::Text("("),
                Segment::Link("http://x.test/wiki/A_(b)"),
                Segment::Text(") and "),
                Segment::Link("HTTP://Y.TEST"),
            ]
        );
        assert_eq!(segments("https://"), vec![Segment::Text("https://")]);
        assert_eq!(
            segments("a\"https://q.test\"onclick=x"),
            vec![
                Segment::Text("a\""),
                Segment::Link("https://q.test"),
                Segment::Text("\"onclick=x"),
            ]
        );
        assert!(segments("").is_empty());
    }

    #[test]
    fn threads_are_named_by_their_job_or_as_support() {
        let support = ThreadAddr::parse("ac-000007").expect("an account");
        assert_eq!(support, ThreadAddr::Support(AccountRef::from_id(7)));
        assert_eq!(support.page(), "/messages/AC-000007");
        let job = ThreadAddr::parse("DS-000042").expect("a job");
        assert_eq!(job.to_string(), "DS-000042");
        assert_eq!(job.page(), "/visits/DS-000042");
        assert_eq!(ThreadAddr::parse("../etc"), None);
    }
}

/// Which of the office's lists of threads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InboxShow {
    /// Waiting on the office, taken by nobody.
    Unassigned,
    /// Taken by the reader.
    Mine,
    /// Answered: waiting on the customer.
    Waiting,
}

impl InboxShow {
    pub const ALL: [Self; 3] = [Self::Unassigned, Self::Mine, Self::Waiting];

    /// As the address says it (`?show=mine`); anything else is the unassigned list.
    pub fn parse(raw: &str) -> Self {
        match raw {
            "mine" => Self::Mine,
            "waiting" => Self::Waiting,
            _ => Self::Unassigned,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unassigned => "unassigned",
            Self::Mine => "mine",
            Self::Waiting => "waiting",
        }
    }
}

/// A thread in the office's inbox.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InboxThread {
    pub addr: ThreadAddr,
    pub account: String,
    /// Who is to answer: `office`, `technician` or `customer`.
    pub waiting_on: String,
    pub assigned: Option<String>,
    pub last_message_at: Option<i64>,
    /// The customer's first message and the first answer to it (seconds).
    pub asked_at: Option<i64>,
    pub answered_at: Option<i64>,
    pub unread: i64,
}

/// An office person a thread can be given to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficePerson {
    pub user: crate::ids::UserRef,
    pub name: String,
}

/// The office's inbox: one list, how many each list holds, and who can take a thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Inbox {
    pub show: InboxShow,
    pub threads: Vec<InboxThread>,
    /// Unassigned, mine, waiting on the customer.
    pub counts: [i64; 3],
    pub office: Vec<OfficePerson>,
}

/// What the office sees of a thread beside its messages: who has it, who may take it, and
/// how long the first answer took.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficeSide {
    /// The canned replies in the customer's language.
    pub canned: Vec<CannedReply>,
    pub assigned: Option<crate::ids::UserRef>,
    pub office: Vec<OfficePerson>,
    pub asked_at: Option<i64>,
    pub answered_at: Option<i64>,
}

/// The most canned replies the office keeps, and the longest title.
pub const CANNED_MAX: i64 = 200;
pub const CANNED_TITLE_MAX: usize = 80;

/// A reply the office writes once and uses often.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CannedReply {
    pub id: i64,
    pub locale: crate::locale::Locale,
    pub title: String,
    pub body: String,
}
