// Every command the window may call. build.rs declares them to Tauri (so
// the capability can allow exactly these) and a test checks the capability.
pub const COMMANDS: &[&str] = &[
    "app_status",
    "app_restore_backup",
    "app_first_paint",
    "setup_business",
    "business_get",
    "business_update",
    "session_login",
    "session_logout",
    "session_lock",
    "session_unlock",
    "session_activity",
    "staff_list",
    "staff_add",
    "staff_reset_password",
    "staff_set_active",
    "demo_load",
    "customers_list",
    "customers_get",
    "customers_add",
    "customers_update",
    "products_list",
    "products_get",
    "products_add",
    "products_update",
    "products_adjust_stock",
    "orders_list",
    "orders_get",
    "orders_preview",
    "orders_create",
    "orders_place",
    "orders_update_line",
    "orders_add_line",
    "orders_cancel_line",
    "orders_cancel",
    "orders_ship",
    "orders_deliver",
    "orders_return",
    "orders_pay",
    "orders_refund",
    "rates_list",
    "rates_set",
    "dashboard_get",
    "reports_get",
    "reports_export",
    "queues_counts",
    "queues_items",
    "queues_mark_done",
    "invoices_issue",
    "invoices_credit",
    "invoices_list",
    "invoices_get",
    "invoices_pdf",
    "invoices_batch",
    "invoices_batch_cancel",
    "invoice_settings_get",
    "invoice_profile_update",
    "invoice_logo_set",
    "invoice_preview_pdf",
    "invoices_email",
    "attachments_list",
    "attachments_add",
    "attachments_read",
    "attachments_remove",
    "attachments_save",
    "mail_settings_get",
    "mail_settings_save",
    "mail_password_set",
    "mail_test",
    "mail_outbox",
    "mail_send_pending",
    "window_print",
];

#[cfg(test)]
mod tests {
    use super::COMMANDS;

    /// A command missing from the capability would be refused at run time.
    #[test]
    fn the_window_capability_allows_exactly_the_declared_commands() {
        let capability: serde_json::Value =
            serde_json::from_str(include_str!("../capabilities/main-window.json")).expect("capability is JSON");
        let allowed: Vec<String> =
            capability["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect();
        let expected: Vec<String> = COMMANDS.iter().map(|name| format!("allow-{}", name.replace('_', "-"))).collect();
        assert_eq!(allowed, expected);
    }
}
