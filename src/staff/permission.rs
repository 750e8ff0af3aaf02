//! What each role may do. The table is the single place to read or change it.

use super::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Add staff, reset passwords, (de)activate accounts.
    ManageStaff,
    /// Change the business profile and settings.
    EditBusiness,
    /// Create and edit customers.
    ManageCustomers,
    /// Enter, change, ship, deliver, return and cancel orders; take payments.
    EnterOrders,
    /// Create and edit products, prices and costs; adjust stock.
    ManageProducts,
    /// Refund money, and let one order exceed a customer's credit limit.
    ApproveMoney,
    /// Enter exchange rates.
    ManageRates,
    /// See sales, profit and returns reports.
    ViewReports,
    /// Issue, read and print invoices and credit notes.
    IssueInvoices,
    /// Remove a PDF attached to an order (attaching is part of `EnterOrders`).
    RemoveAttachments,
}

impl Permission {
    /// Completes "a clerk may not …" in the refusal message.
    pub fn describe(self) -> &'static str {
        match self {
            Permission::ManageStaff => "manage staff",
            Permission::EditBusiness => "change the business settings",
            Permission::ManageCustomers => "manage customers",
            Permission::EnterOrders => "enter orders",
            Permission::ManageProducts => "manage products or stock",
            Permission::ApproveMoney => "refund money or override a credit limit",
            Permission::ManageRates => "enter exchange rates",
            Permission::ViewReports => "see reports",
            Permission::IssueInvoices => "issue or read invoices",
            Permission::RemoveAttachments => "remove attachments",
        }
    }
}

impl Role {
    /// Owner: everything. Manager: also products, refunds, credit overrides,
    /// rates, reports, invoices, removing attachments. Clerk: customers and
    /// order entry (DOMAIN.md).
    pub fn may(self, permission: Permission) -> bool {
        match permission {
            Permission::ManageStaff | Permission::EditBusiness => self == Role::Owner,
            Permission::ManageProducts
            | Permission::ApproveMoney
            | Permission::ManageRates
            | Permission::ViewReports
            | Permission::IssueInvoices
            | Permission::RemoveAttachments => {
                matches!(self, Role::Owner | Role::Manager)
            }
            Permission::ManageCustomers | Permission::EnterOrders => true,
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
    fn managers_but_not_clerks_handle_products_refunds_and_rates() {
        for permission in [
            Permission::ManageProducts,
            Permission::ApproveMoney,
            Permission::ManageRates,
            Permission::ViewReports,
            Permission::IssueInvoices,
            Permission::RemoveAttachments,
        ] {
            assert!(Role::Owner.may(permission) && Role::Manager.may(permission));
            assert!(!Role::Clerk.may(permission));
        }
        for permission in [Permission::ManageCustomers, Permission::EnterOrders] {
            assert!(Role::Clerk.may(permission));
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
