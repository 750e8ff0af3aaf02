//! What each role may do. The table is the single place to read or change it.

use super::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Add staff, reset passwords, (de)activate accounts.
    ManageStaff,
    /// Change the business profile and settings.
    EditBusiness,
}

impl Permission {
    /// Completes "a clerk may not …" in the refusal message.
    pub fn describe(self) -> &'static str {
        match self {
            Permission::ManageStaff => "manage staff",
            Permission::EditBusiness => "change the business settings",
        }
    }
}

impl Role {
    pub fn may(self, permission: Permission) -> bool {
        match permission {
            Permission::ManageStaff | Permission::EditBusiness => self == Role::Owner,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staff::Actor;

    #[test]
    fn only_the_owner_manages_staff_and_settings() {
        for permission in [Permission::ManageStaff, Permission::EditBusiness] {
            assert!(Role::Owner.may(permission));
            assert!(!Role::Manager.may(permission));
            assert!(!Role::Clerk.may(permission));
        }
    }

    #[test]
    fn a_refusal_names_the_role_and_the_action() {
        let clerk = Actor { user_id: Some(3), name: "cara".into(), role: Role::Clerk };
        let error = clerk.require(Permission::ManageStaff).unwrap_err();
        assert_eq!(error.code(), "forbidden");
        assert_eq!(error.to_string(), "a clerk may not manage staff");
    }
}
