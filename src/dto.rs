//! What the server hands the interface: plain, serializable views of the data, shaped for
//! the screens that show them. Nothing secret ever goes into one of these.

use crate::ids::{AccountRef, LocationRef, UserRef};
use crate::locale::Locale;
use crate::permissions::Role;
use serde::{Deserialize, Serialize};

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
    pub latitude: f64,
    pub longitude: f64,
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

/// A customer's home: their account, its locations and its people.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerHome {
    pub account: AccountSummary,
    pub locations: Vec<LocationView>,
    pub people: Vec<PersonView>,
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
    pub visit: i64,
    pub window_start: i64,
    pub window_end: i64,
}
