//! What a customer asks the office instead of booking: a quote for a service priced on
//! inspection, a call back when no window suits them, or help with a problem (a report
//! with photos, which the office answers, declines or schedules).

use crate::error::FieldError;
use crate::fields::optional_text;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// "Please quote": the service has no price before someone looks.
    Quote,
    /// "Please call me": no window suits, or none is free.
    Callback,
    /// "Please change my visit": asked from the visit's page when it is too close to move or
    /// cancel online. It names the visit and only comes from there.
    Change,
    /// "Something is wrong": a problem report, with category, priority and photos. It has a
    /// form of its own.
    Problem,
}

impl RequestKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Quote => "quote",
            Self::Callback => "callback",
            Self::Change => "change",
            Self::Problem => "problem",
        }
    }

    /// Whether the request form sends this kind (a change is asked from its visit's page,
    /// a problem from its own form).
    pub fn from_form(self) -> bool {
        matches!(self, Self::Quote | Self::Callback)
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "quote" => Some(Self::Quote),
            "callback" => Some(Self::Callback),
            "change" => Some(Self::Change),
            "problem" => Some(Self::Problem),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// The office has it to answer.
    Open,
    Handled,
    /// The office asked a question; the customer has it to answer.
    Waiting,
    /// The office will not take it, and said why.
    Declined,
    /// A visit was booked for it.
    Scheduled,
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Handled => "handled",
            Self::Waiting => "waiting",
            Self::Declined => "declined",
            Self::Scheduled => "scheduled",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "open" => Some(Self::Open),
            "handled" => Some(Self::Handled),
            "waiting" => Some(Self::Waiting),
            "declined" => Some(Self::Declined),
            "scheduled" => Some(Self::Scheduled),
            _ => None,
        }
    }

    /// Whether anyone has still something to do about it.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Open | Self::Waiting)
    }
}

/// What kind of problem a customer reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCategory {
    NotWorking,
    Leak,
    Damage,
    NoiseOrSmell,
    Pests,
    Cleaning,
    Other,
}

impl ProblemCategory {
    pub const ALL: [Self; 7] = [
        Self::NotWorking,
        Self::Leak,
        Self::Damage,
        Self::NoiseOrSmell,
        Self::Pests,
        Self::Cleaning,
        Self::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotWorking => "not_working",
            Self::Leak => "leak",
            Self::Damage => "damage",
            Self::NoiseOrSmell => "noise_or_smell",
            Self::Pests => "pests",
            Self::Cleaning => "cleaning",
            Self::Other => "other",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == raw.trim())
    }
}

/// How soon the customer needs help; the business answers each within its response time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Low,
    Normal,
    Urgent,
    Emergency,
}

impl Priority {
    pub const ALL: [Self; 4] = [Self::Low, Self::Normal, Self::Urgent, Self::Emergency];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Normal => "normal",
            Self::Urgent => "urgent",
            Self::Emergency => "emergency",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == raw.trim())
    }
}

/// The business's response time for each priority, in hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseTimes {
    pub low: u32,
    pub normal: u32,
    pub urgent: u32,
    pub emergency: u32,
}

impl Default for ResponseTimes {
    fn default() -> Self {
        Self {
            low: 120,
            normal: 48,
            urgent: 8,
            emergency: 2,
        }
    }
}

impl ResponseTimes {
    pub fn hours(&self, priority: Priority) -> u32 {
        match priority {
            Priority::Low => self.low,
            Priority::Normal => self.normal,
            Priority::Urgent => self.urgent,
            Priority::Emergency => self.emergency,
        }
    }

    pub fn set(&mut self, priority: Priority, hours: u32) {
        match priority {
            Priority::Low => self.low = hours,
            Priority::Normal => self.normal = hours,
            Priority::Urgent => self.urgent = hours,
            Priority::Emergency => self.emergency = hours,
        }
    }

    /// The form's field for a priority's hours (`hours_urgent`).
    pub fn field(priority: Priority) -> String {
        format!("hours_{}", priority.as_str())
    }

    /// The office's form: a whole number of hours per priority, from 1 to 720 (30 days),
    /// and a more urgent priority never slower than a less urgent one.
    pub fn parse<'a>(value: impl Fn(&str) -> &'a str) -> Result<Self, Vec<(String, FieldError)>> {
        let mut times = Self::default();
        let mut problems = Vec::new();
        for priority in Priority::ALL {
            let name = Self::field(priority);
            match crate::fields::whole(value(&name), 1, RESPONSE_HOURS_MAX) {
                Ok(hours) => times.set(priority, u32::try_from(hours).unwrap_or(1)),
                Err(problem) => problems.push((name, problem)),
            }
        }
        if problems.is_empty() {
            for pair in Priority::ALL.windows(2) {
                if times.hours(pair[1]) > times.hours(pair[0]) {
                    problems.push((Self::field(pair[1]), FieldError::SlowerThanLessUrgent));
                }
            }
        }
        if problems.is_empty() {
            Ok(times)
        } else {
            Err(problems)
        }
    }
}

/// The longest response time the office may promise, in hours (30 days).
pub const RESPONSE_HOURS_MAX: i64 = 720;

/// Days of the week as the form names them, Monday first.
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// What happened to a request, as its timeline shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStepKind {
    Sent,
    Question,
    Answer,
    Declined,
    Scheduled,
    Handled,
}

impl RequestStepKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sent => "sent",
            Self::Question => "question",
            Self::Answer => "answer",
            Self::Declined => "declined",
            Self::Scheduled => "scheduled",
            Self::Handled => "handled",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [
            Self::Sent,
            Self::Question,
            Self::Answer,
            Self::Declined,
            Self::Scheduled,
            Self::Handled,
        ]
        .into_iter()
        .find(|k| k.as_str() == raw)
    }
}

pub const DESCRIPTION_MAX: usize = 2000;
/// A question, an answer or a reason.
pub const MESSAGE_MAX: usize = 1000;

/// The problem form's text fields, in order (photos come with them).
pub const PROBLEM_FIELDS: [&str; 6] = [
    "category",
    "priority",
    "description",
    "days",
    "phone",
    "acknowledged",
];

/// A problem report as sent, valid by construction when it comes from
/// [`ProblemDraft::parse`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemDraft {
    pub category: ProblemCategory,
    pub priority: Priority,
    pub description: String,
    /// Preferred weekdays (`mon`…), Monday first; empty: any day.
    pub days: Vec<&'static str>,
    pub phone: Option<String>,
}

/// The form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProblemForm<'a> {
    pub category: &'a str,
    pub priority: &'a str,
    pub description: &'a str,
    pub days: &'a [String],
    pub phone: &'a str,
    /// The customer ticked "I understand the response time".
    pub acknowledged: bool,
}

impl ProblemDraft {
    pub fn parse(form: &ProblemForm<'_>) -> Result<Self, Vec<(&'static str, FieldError)>> {
        let mut problems = Vec::new();
        let category = ProblemCategory::parse(form.category);
        if category.is_none() {
            problems.push(("category", FieldError::Required));
        }
        let priority = Priority::parse(form.priority);
        if priority.is_none() {
            problems.push(("priority", FieldError::Required));
        }
        let description = crate::fields::text(form.description, DESCRIPTION_MAX, true)
            .map_err(|e| problems.push(("description", e)))
            .unwrap_or_default();
        let mut days = Vec::new();
        for raw in form.days {
            match WEEKDAYS.iter().find(|d| **d == raw.trim()) {
                Some(day) if !days.contains(day) => days.push(*day),
                Some(_) => {}
                None => {
                    problems.push(("days", FieldError::OutOfRange));
                    break;
                }
            }
        }
        days.sort_by_key(|d| WEEKDAYS.iter().position(|w| w == d));
        let phone = phone(form.phone)
            .map_err(|e| problems.push(("phone", e)))
            .unwrap_or_default();
        if priority.is_some() && !form.acknowledged {
            problems.push(("acknowledged", FieldError::Required));
        }
        match (category, priority) {
            (Some(category), Some(priority)) if problems.is_empty() => Ok(Self {
                category,
                priority,
                description,
                days,
                phone,
            }),
            _ => Err(problems),
        }
    }
}

pub const NOTES_MAX: usize = 1000;
pub const PHONE_MAX: usize = 30;

/// The form's fields, in order.
pub const FIELDS: [&str; 2] = ["notes", "phone"];

/// A request as sent, valid by construction when it comes from [`RequestDraft::parse`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestDraft {
    pub kind: RequestKind,
    /// What needs doing (a quote needs it), or when to call.
    pub notes: Option<String>,
    /// A number to call; the account's people are reachable by mail anyway.
    pub phone: Option<String>,
}

/// A phone number as people write it: digits with spaces, dashes, dots, brackets and a
/// leading plus; at least six digits.
pub fn phone(raw: &str) -> Result<Option<String>, FieldError> {
    let Some(value) = optional_text(raw, PHONE_MAX)? else {
        return Ok(None);
    };
    let allowed = value.char_indices().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '/') || (c == '+' && i == 0)
    });
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if allowed && digits >= 6 {
        Ok(Some(value))
    } else {
        Err(FieldError::InvalidPhone)
    }
}

impl RequestDraft {
    /// Parses the form. A quote must say what needs doing; a call back may be empty.
    pub fn parse(
        kind: RequestKind,
        notes: &str,
        phone_number: &str,
    ) -> Result<Self, Vec<(&'static str, FieldError)>> {
        let mut problems = Vec::new();
        let notes = match optional_text(notes, NOTES_MAX) {
            Ok(None) if kind == RequestKind::Quote => {
                problems.push(("notes", FieldError::Required));
                None
            }
            Ok(notes) => notes,
            Err(e) => {
                problems.push(("notes", e));
                None
            }
        };
        let phone = phone(phone_number)
            .map_err(|e| problems.push(("phone", e)))
            .unwrap_or_default();
        if problems.is_empty() {
            Ok(Self { kind, notes, phone })
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn response_times_are_whole_hours_in_range_and_faster_when_more_urgent() {
        let form = |low: &'static str,
                    normal: &'static str,
                    urgent: &'static str,
                    emergency: &'static str| {
            move |name: &str| match name {
                "hours_low" => low,
                "hours_normal" => normal,
                "hours_urgent" => urgent,
                "hours_emergency" => emergency,
                _ => "",
            }
        };
        assert_eq!(
            ResponseTimes::parse(form("72", " 24 ", "4", "1")),
            Ok(ResponseTimes {
                low: 72,
                normal: 24,
                urgent: 4,
                emergency: 1
            })
        );
        assert_eq!(
            ResponseTimes::parse(form("0", "721", "x", "")),
            Err(vec![
                ("hours_low".into(), FieldError::Between { min: 1, max: 720 }),
                (
                    "hours_normal".into(),
                    FieldError::Between { min: 1, max: 720 }
                ),
                ("hours_urgent".into(), FieldError::NotANumber),
                ("hours_emergency".into(), FieldError::Required),
            ])
        );
        assert_eq!(
            ResponseTimes::parse(form("48", "48", "72", "2")),
            Err(vec![(
                "hours_urgent".into(),
                FieldError::SlowerThanLessUrgent
            )])
        );
    }

    use super::*;

    #[test]
    fn a_quote_says_what_needs_doing_and_a_call_back_may_be_empty() {
        assert_eq!(
            RequestDraft::parse(RequestKind::Quote, "  ", ""),
            Err(vec![("notes", FieldError::Required)])
        );
        let call =
            RequestDraft::parse(RequestKind::Callback, "", " +49 (30) 123-456 ").expect("valid");
        assert_eq!(call.notes, None);
        assert_eq!(call.phone.as_deref(), Some("+49 (30) 123-456"));
    }

    #[test]
    fn phone_numbers_are_digits_and_punctuation_only() {
        for bad in [
            "12345",
            "call me",
            "+49+30 1234567",
            "030 1234567 ext. 5",
            "<b>030123456",
        ] {
            assert_eq!(
                RequestDraft::parse(RequestKind::Callback, "", bad),
                Err(vec![("phone", FieldError::InvalidPhone)]),
                "{bad}"
            );
        }
        let long = "1".repeat(PHONE_MAX + 1);
        assert_eq!(
            RequestDraft::parse(RequestKind::Callback, "", &long),
            Err(vec![("phone", FieldError::TooLong { max: PHONE_MAX })])
        );
    }

    #[test]
    fn a_problem_needs_what_when_and_how_soon() {
        let days = ["thu".to_string(), " mon".to_string(), "thu".to_string()];
        let form = ProblemForm {
            category: "leak",
            priority: "urgent",
            description: "  Water under the sink  ",
            days: &days,
            phone: "",
            acknowledged: true,
        };
        let draft = ProblemDraft::parse(&form).expect("valid");
        assert_eq!(draft.category, ProblemCategory::Leak);
        assert_eq!(draft.priority, Priority::Urgent);
        assert_eq!(draft.description, "Water under the sink");
        assert_eq!(draft.days, vec!["mon", "thu"]);
        let empty = ProblemDraft::parse(&ProblemForm::default()).expect_err("refused");
        assert_eq!(
            empty,
            vec![
                ("category", FieldError::Required),
                ("priority", FieldError::Required),
                ("description", FieldError::Required),
            ]
        );
        let unacknowledged = ProblemForm {
            acknowledged: false,
            ..form.clone()
        };
        assert_eq!(
            ProblemDraft::parse(&unacknowledged),
            Err(vec![("acknowledged", FieldError::Required)])
        );
        let bad_days = ["someday".to_string()];
        let odd = ProblemForm {
            days: &bad_days,
            category: "<script>",
            ..form.clone()
        };
        assert_eq!(
            ProblemDraft::parse(&odd),
            Err(vec![
                ("category", FieldError::Required),
                ("days", FieldError::OutOfRange)
            ])
        );
        let long = "x".repeat(DESCRIPTION_MAX + 1);
        let long = ProblemForm {
            description: &long,
            ..form
        };
        assert_eq!(
            ProblemDraft::parse(&long),
            Err(vec![(
                "description",
                FieldError::TooLong {
                    max: DESCRIPTION_MAX
                }
            )])
        );
    }

    #[test]
    fn kinds_round_trip() {
        for kind in [
            RequestKind::Quote,
            RequestKind::Callback,
            RequestKind::Change,
            RequestKind::Problem,
        ] {
            assert_eq!(RequestKind::parse(kind.as_str()), Some(kind));
        }
        for status in ["open", "handled", "waiting", "declined", "scheduled"] {
            assert_eq!(
                RequestStatus::parse(status).map(RequestStatus::as_str),
                Some(status)
            );
        }
        for category in ProblemCategory::ALL {
            assert_eq!(ProblemCategory::parse(category.as_str()), Some(category));
        }
        assert!(!RequestKind::Change.from_form());
        assert!(!RequestKind::Problem.from_form());
        assert_eq!(RequestKind::parse("visit"), None);
    }
}
