//! Roles and what each may do. The server asks `Role::allows` before every read or write;
//! the interface asks the same question only to hide what would be refused anyway.

use serde::{Deserialize, Serialize};

/// What a person is to this business.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Owns a customer account: manages its people and locations.
    AccountOwner,
    /// Belongs to a customer account.
    AccountMember,
    Technician,
    Dispatcher,
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::AccountOwner,
        Role::AccountMember,
        Role::Technician,
        Role::Dispatcher,
        Role::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::AccountOwner => "account_owner",
            Self::AccountMember => "account_member",
            Self::Technician => "technician",
            Self::Dispatcher => "dispatcher",
            Self::Admin => "admin",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "account_owner" | "owner" => Some(Self::AccountOwner),
            "account_member" | "member" => Some(Self::AccountMember),
            "technician" => Some(Self::Technician),
            "dispatcher" => Some(Self::Dispatcher),
            "admin" => Some(Self::Admin),
            _ => None,
        }
    }

    pub fn is_staff(self) -> bool {
        matches!(self, Self::Technician | Self::Dispatcher | Self::Admin)
    }

    /// The Fluent message id of the role's name.
    pub fn message_key(self) -> &'static str {
        match self {
            Self::AccountOwner => "role-account-owner",
            Self::AccountMember => "role-account-member",
            Self::Technician => "role-technician",
            Self::Dispatcher => "role-dispatcher",
            Self::Admin => "role-admin",
        }
    }

    pub fn allows(self, permission: Permission) -> bool {
        use Permission::*;
        use Role::*;
        match permission {
            ViewOwnAccount | BookVisits | ManageLocations => {
                matches!(self, AccountOwner | AccountMember)
            }
            ManageOwnAccount => self == AccountOwner,
            ViewOwnStaffProfile => self.is_staff(),
            UseCalendarFeed => matches!(self, AccountOwner | AccountMember | Technician),
            ViewCustomerAccounts | ManageScheduling => matches!(self, Dispatcher | Admin),
            ManageStaff | ManageSettings => self == Admin,
        }
    }
}

/// Something a server function may do on someone's behalf.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Read the caller's own customer account, its locations and people.
    ViewOwnAccount,
    /// Change the caller's own customer account (people, locations).
    ManageOwnAccount,
    /// Book visits at the caller's own account's locations.
    BookVisits,
    /// Add and change the caller's own account's locations.
    ManageLocations,
    /// Read the caller's own staff profile.
    ViewOwnStaffProfile,
    /// Read every customer account of the business.
    ViewCustomerAccounts,
    /// Keep a private calendar feed of one's own visits or jobs.
    UseCalendarFeed,
    /// Set up booking: the rules, the services, the technicians' hours.
    ManageScheduling,
    /// Create and change staff.
    ManageStaff,
    /// Change the business's settings and branding.
    ManageSettings,
}

/// What a member of a customer account may do at one location (owners may do all of it at
/// every location of their account).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    /// See the location: its visits, requests, files and access notes.
    View,
    /// Book visits and send requests there (and see it).
    Book,
    /// Pay its invoices (and see it).
    Pay,
}

impl Capability {
    pub const ALL: [Capability; 3] = [Capability::View, Capability::Book, Capability::Pay];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::View => "view",
            Self::Book => "book",
            Self::Pay => "pay",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == raw)
    }

    /// The Fluent message id of its name.
    pub fn message_key(self) -> &'static str {
        match self {
            Self::View => "capability-view",
            Self::Book => "capability-book",
            Self::Pay => "capability-pay",
        }
    }
}

/// A member's rights at one location. Booking and paying include seeing: a member who may
/// do either sees the location too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceRight {
    pub location: i64,
    pub book: bool,
    pub pay: bool,
}

impl PlaceRight {
    pub fn allows(&self, capability: Capability) -> bool {
        match capability {
            Capability::View => true,
            Capability::Book => self.book,
            Capability::Pay => self.pay,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customers_never_see_other_accounts() {
        for role in [Role::AccountOwner, Role::AccountMember, Role::Technician] {
            assert!(!role.allows(Permission::ViewCustomerAccounts), "{role:?}");
        }
        assert!(Role::Dispatcher.allows(Permission::ViewCustomerAccounts));
        assert!(Role::Admin.allows(Permission::ViewCustomerAccounts));
    }

    #[test]
    fn only_owners_manage_their_account_and_only_admins_manage_staff() {
        assert!(Role::AccountOwner.allows(Permission::ManageOwnAccount));
        assert!(!Role::AccountMember.allows(Permission::ManageOwnAccount));
        assert!(!Role::Dispatcher.allows(Permission::ManageStaff));
        assert!(Role::Admin.allows(Permission::ManageStaff));
        assert!(!Role::AccountOwner.allows(Permission::ViewOwnStaffProfile));
    }

    #[test]
    fn every_right_includes_seeing() {
        let only_pay = PlaceRight {
            location: 1,
            book: false,
            pay: true,
        };
        assert!(only_pay.allows(Capability::View));
        assert!(only_pay.allows(Capability::Pay));
        assert!(!only_pay.allows(Capability::Book));
        for c in Capability::ALL {
            assert_eq!(Capability::parse(c.as_str()), Some(c));
        }
        assert_eq!(Capability::parse("admin"), None);
    }

    #[test]
    fn role_names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
