//! The core's one error type. Every refusal a user can meet has its own
//! variant with a stable `code()` (the UI and CLI key on it) and a message
//! that names the problem and its field. SQL text never leaves this module.

use std::path::PathBuf;

use serde_json::{Value, json};

/// The database driver's error, for front ends that must build or match one.
pub use sqlx::Error as SqlxError;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{field}: {reason}")]
    InvalidInput { field: &'static str, reason: String },

    #[error("{field}: \"{value}\" is not an amount (use digits with at most 4 decimals, e.g. 12.50)")]
    InvalidAmount { field: &'static str, value: String },

    #[error("currency: \"{code}\" is not a currency Kontor knows (use an ISO 4217 code such as EUR, USD, JPY)")]
    InvalidCurrency { code: String },

    #[error("password: must be at least {min} characters")]
    PasswordTooShort { min: usize },

    #[error("username: \"{username}\" is already taken")]
    UsernameTaken { username: String },

    #[error("the last active owner cannot be deactivated; make another user owner first")]
    LastActiveOwner,

    #[error("you cannot deactivate your own account; another owner can")]
    OwnAccount,

    #[error("{field}: \"{value}\" is already used by another {entity}")]
    Duplicate { entity: &'static str, field: &'static str, value: String },

    #[error("not enough stock of {sku}: {available} on hand, {requested} needed")]
    InsufficientStock { sku: String, available: i64, requested: i64 },

    #[error("{sku} is inactive and cannot be ordered")]
    ProductInactive { sku: String },

    #[error("quantity: {reason}")]
    InvalidQuantity { reason: String },

    #[error(
        "credit limit exceeded for {}: balance would be {} {} (now {}, this order {}), limit {}",
        .0.customer, .0.balance_after, .0.currency, .0.balance, .0.order_amount, .0.limit
    )]
    CreditLimitExceeded(Box<CreditRefusal>),

    #[error("order {order} is {status}: cannot {action}")]
    InvalidState { order: String, status: &'static str, action: &'static str },

    #[error("cannot return {requested} of {sku}: {shipped} shipped, {returned} already returned")]
    ReturnExceedsShipped { sku: String, shipped: i64, returned: i64, requested: i64 },

    #[error("no exchange rate for {currency} on or before {date}; enter one under Exchange rates")]
    NoExchangeRate { currency: String, date: String },

    #[error("amount: {reason}")]
    InvalidPayment { reason: String },

    #[error("logo: {reason}")]
    InvalidLogo { reason: String },

    #[error("order {order} has nothing to invoice: its total is zero")]
    NothingToInvoice { order: String },

    #[error("order {order} has no invoice yet; issue one before a credit note")]
    NotInvoiced { order: String },

    #[error("nothing to credit on {invoice}: order {order} still comes to what was invoiced less earlier credit notes")]
    NothingToCredit { order: String, invoice: String },

    #[error("{entity} {key} was not found")]
    NotFound { entity: &'static str, key: String },

    #[error("a {role} may not {action}")]
    Forbidden { action: &'static str, role: &'static str },

    #[error("wrong password for \"{username}\"")]
    WrongPassword { username: String, attempts_left: u32 },

    #[error("there is no user \"{username}\"")]
    UnknownUser { username: String },

    #[error("user \"{username}\" is deactivated; ask the owner to reactivate the account")]
    UserDeactivated { username: String },

    #[error("too many failed sign-ins for \"{username}\"; try again in {retry_after_secs} s")]
    LoginThrottled { username: String, retry_after_secs: i64 },

    #[error("the session is locked; enter your password to continue")]
    SessionLocked,

    #[error("nobody is signed in")]
    NotSignedIn,

    #[error("Kontor is already set up for \"{business}\"")]
    AlreadySetUp { business: String },

    #[error("Kontor is not set up yet; create the business and its owner first")]
    NotSetUp,

    #[error(
        "the database {path} was written by a newer Kontor (schema {found}, this app knows up to {supported}); update Kontor instead of opening it here"
    )]
    DatabaseTooNew { path: PathBuf, found: i64, supported: i64 },

    #[error("the database {path} is damaged or not a Kontor database ({reason})")]
    DatabaseCorrupt { path: PathBuf, reason: String },

    #[error("the data folder {path} cannot be written ({reason})")]
    DataDirNotWritable { path: PathBuf, reason: String },

    #[error("there is no backup in {path} to restore")]
    NoBackup { path: PathBuf },

    #[error("could not {action} {path}: {source}")]
    File { action: &'static str, path: PathBuf, source: std::io::Error },

    #[error("the database could not complete the operation")]
    Database(#[source] sqlx::Error),

    #[error("{field}: {reason}")]
    InvalidRange { field: &'static str, reason: String },

    #[error("grouping: \"{value}\" is not a grouping (day, week, month)")]
    InvalidGrouping { value: String },

    #[error("the chart could not be drawn ({reason})")]
    ChartFailed { reason: String },
    #[error("{name}: not accepted as a PDF attachment: {reason}")]
    InvalidAttachment { name: String, reason: String },

    #[error("the OS keyring is not available ({reason}); the SMTP password was not stored anywhere")]
    KeyringUnavailable { reason: String },

    #[error("e-mail is not set up: {reason}")]
    MailNotConfigured { reason: String },

    #[error("the mail server refused or could not be reached: {reason}")]
    MailFailed { reason: String },

    #[error("cannot print on \"{printer}\": {reason}")]
    PrinterUnavailable { printer: String, reason: String },

    #[error("{customer} has no e-mail address; add one on the customer before e-mailing {document}")]
    NoEmailAddress { customer: String, document: String },
}

/// The figures a credit-limit refusal shows (amounts in the base currency).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditRefusal {
    pub customer: String,
    pub currency: String,
    pub balance: String,
    pub order_amount: String,
    pub balance_after: String,
    pub limit: String,
}

impl Error {
    /// The stable machine-readable code; never renamed once shipped.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidInput { .. } => "invalid_input",
            Error::InvalidAmount { .. } => "invalid_amount",
            Error::InvalidCurrency { .. } => "invalid_currency",
            Error::PasswordTooShort { .. } => "password_too_short",
            Error::UsernameTaken { .. } => "username_taken",
            Error::LastActiveOwner => "last_active_owner",
            Error::OwnAccount => "own_account",
            Error::Duplicate { .. } => "duplicate",
            Error::InsufficientStock { .. } => "insufficient_stock",
            Error::ProductInactive { .. } => "product_inactive",
            Error::InvalidQuantity { .. } => "invalid_quantity",
            Error::CreditLimitExceeded(_) => "credit_limit_exceeded",
            Error::InvalidState { .. } => "invalid_state",
            Error::ReturnExceedsShipped { .. } => "return_exceeds_shipped",
            Error::NoExchangeRate { .. } => "no_exchange_rate",
            Error::InvalidPayment { .. } => "invalid_payment",
            Error::InvalidLogo { .. } => "invalid_logo",
            Error::NothingToInvoice { .. } => "nothing_to_invoice",
            Error::NotInvoiced { .. } => "not_invoiced",
            Error::NothingToCredit { .. } => "nothing_to_credit",
            Error::NotFound { .. } => "not_found",
            Error::Forbidden { .. } => "forbidden",
            Error::WrongPassword { .. } => "wrong_password",
            Error::UnknownUser { .. } => "unknown_user",
            Error::UserDeactivated { .. } => "user_deactivated",
            Error::LoginThrottled { .. } => "login_throttled",
            Error::SessionLocked => "session_locked",
            Error::NotSignedIn => "not_signed_in",
            Error::AlreadySetUp { .. } => "already_set_up",
            Error::NotSetUp => "not_set_up",
            Error::DatabaseTooNew { .. } => "database_too_new",
            Error::DatabaseCorrupt { .. } => "database_corrupt",
            Error::DataDirNotWritable { .. } => "data_dir_not_writable",
            Error::NoBackup { .. } => "no_backup",
            Error::File { .. } => "file_error",
            Error::Database(_) => "database_error",
            Error::InvalidRange { .. } => "invalid_range",
            Error::InvalidGrouping { .. } => "invalid_grouping",
            Error::ChartFailed { .. } => "chart_failed",
            Error::InvalidAttachment { .. } => "invalid_attachment",
            Error::KeyringUnavailable { .. } => "keyring_unavailable",
            Error::MailNotConfigured { .. } => "mail_not_configured",
            Error::MailFailed { .. } => "mail_failed",
            Error::PrinterUnavailable { .. } => "printer_unavailable",
            Error::NoEmailAddress { .. } => "no_email_address",
        }
    }

    /// Structured facts for the UI (which field, how long to wait, …).
    pub fn details(&self) -> Value {
        match self {
            Error::InvalidInput { field, .. } | Error::InvalidAmount { field, .. } => {
                json!({ "field": field })
            }
            Error::InvalidCurrency { code } => json!({ "field": "currency", "value": code }),
            Error::PasswordTooShort { min } => json!({ "field": "password", "min": min }),
            Error::UsernameTaken { username } => {
                json!({ "field": "username", "value": username })
            }
            Error::NotFound { entity, key } => json!({ "entity": entity, "key": key }),
            Error::Duplicate { entity, field, value } => json!({ "entity": entity, "field": field, "value": value }),
            Error::InsufficientStock { sku, available, requested } => {
                json!({ "field": "quantity", "sku": sku, "available": available, "requested": requested })
            }
            Error::ProductInactive { sku } => json!({ "sku": sku }),
            Error::InvalidQuantity { .. } => json!({ "field": "quantity" }),
            Error::CreditLimitExceeded(refusal) => json!({
                "customer": refusal.customer, "currency": refusal.currency, "balance": refusal.balance,
                "orderAmount": refusal.order_amount, "balanceAfter": refusal.balance_after, "limit": refusal.limit
            }),
            Error::InvalidState { order, status, action } => {
                json!({ "order": order, "status": status, "action": action })
            }
            Error::ReturnExceedsShipped { sku, shipped, returned, requested } => {
                json!({ "field": "quantity", "sku": sku, "shipped": shipped, "returned": returned, "requested": requested })
            }
            Error::NoExchangeRate { currency, date } => {
                json!({ "field": "currency", "currency": currency, "date": date })
            }
            Error::InvalidPayment { .. } => json!({ "field": "amount" }),
            Error::InvalidLogo { .. } => json!({ "field": "logo" }),
            Error::NothingToInvoice { order } | Error::NotInvoiced { order } => json!({ "order": order }),
            Error::NothingToCredit { order, invoice } => json!({ "order": order, "invoice": invoice }),
            Error::Forbidden { action, role } => json!({ "action": action, "role": role }),
            Error::WrongPassword { attempts_left, .. } => {
                json!({ "field": "password", "attemptsLeft": attempts_left })
            }
            Error::UnknownUser { .. } => json!({ "field": "username" }),
            Error::LoginThrottled { retry_after_secs, .. } => {
                json!({ "retryAfterSecs": retry_after_secs })
            }
            Error::DatabaseTooNew { path, found, supported } => {
                json!({ "path": path, "found": found, "supported": supported })
            }
            Error::DatabaseCorrupt { path, .. }
            | Error::DataDirNotWritable { path, .. }
            | Error::NoBackup { path }
            | Error::File { path, .. } => json!({ "path": path }),
            Error::InvalidRange { field, reason } => json!({ "field": field, "reason": reason }),
            Error::InvalidGrouping { value } => {
                json!({ "field": "grouping", "value": value, "reason": "use day, week or month" })
            }
            Error::InvalidAttachment { name, reason } => json!({ "field": "file", "name": name, "reason": reason }),
            Error::KeyringUnavailable { reason } => json!({ "field": "password", "reason": reason }),
            Error::MailNotConfigured { reason } | Error::MailFailed { reason } => json!({ "reason": reason }),
            Error::PrinterUnavailable { printer, reason } => {
                json!({ "field": "printer", "printer": printer, "reason": reason })
            }
            Error::NoEmailAddress { customer, document } => {
                json!({ "field": "email", "customer": customer, "document": document })
            }
            _ => json!({}),
        }
    }
}

impl From<sqlx::Error> for Error {
    fn from(error: sqlx::Error) -> Self {
        Error::Database(error)
    }
}

#[cfg(test)]
mod invoice_error_tests {
    use super::*;

    #[test]
    fn invoice_refusals_have_stable_codes_and_name_what_they_refer_to() {
        let logo = Error::InvalidLogo { reason: "is not a PNG or JPEG image".into() };
        assert_eq!((logo.code(), logo.details()), ("invalid_logo", json!({ "field": "logo" })));
        let empty = Error::NothingToInvoice { order: "SO-000001".into() };
        assert_eq!((empty.code(), empty.details()), ("nothing_to_invoice", json!({ "order": "SO-000001" })));
        let missing = Error::NotInvoiced { order: "SO-000002".into() };
        assert_eq!((missing.code(), missing.details()), ("not_invoiced", json!({ "order": "SO-000002" })));
        let nothing = Error::NothingToCredit { order: "SO-000003".into(), invoice: "INV-2026-000001".into() };
        assert_eq!(nothing.code(), "nothing_to_credit");
        assert_eq!(nothing.details(), json!({ "order": "SO-000003", "invoice": "INV-2026-000001" }));
        assert!(nothing.to_string().contains("INV-2026-000001"));
    }
}

#[cfg(test)]
mod attachment_and_mail_tests {
    use super::*;

    #[test]
    fn attachment_mail_and_printer_refusals_have_codes_and_details() {
        let bad = Error::InvalidAttachment { name: "scan.pdf".into(), reason: "the file is empty".into() };
        assert_eq!(bad.code(), "invalid_attachment");
        assert_eq!(bad.details(), json!({ "field": "file", "name": "scan.pdf", "reason": "the file is empty" }));
        assert_eq!(bad.to_string(), "scan.pdf: not accepted as a PDF attachment: the file is empty");
        let keyring = Error::KeyringUnavailable { reason: "no Secret Service".into() };
        assert_eq!(keyring.code(), "keyring_unavailable");
        assert_eq!(keyring.details(), json!({ "field": "password", "reason": "no Secret Service" }));
        let mail = Error::MailNotConfigured { reason: "no SMTP host".into() };
        assert_eq!((mail.code(), mail.details()), ("mail_not_configured", json!({ "reason": "no SMTP host" })));
        let failed = Error::MailFailed { reason: "connection refused".into() };
        assert_eq!(failed.code(), "mail_failed");
        let printer = Error::PrinterUnavailable { printer: "PDF".into(), reason: "unknown printer".into() };
        assert_eq!(printer.code(), "printer_unavailable");
        assert_eq!(printer.details(), json!({ "field": "printer", "printer": "PDF", "reason": "unknown printer" }));
    }
}

#[cfg(test)]
mod invoice_mail_error_tests {
    use super::*;

    #[test]
    fn a_customer_without_an_email_address_is_refused_at_the_email_field() {
        let error = Error::NoEmailAddress { customer: "Ada Shop".into(), document: "INV-2026-000001".into() };
        assert_eq!(error.code(), "no_email_address");
        assert_eq!(error.details(), json!({ "field": "email", "customer": "Ada Shop", "document": "INV-2026-000001" }));
        assert_eq!(
            error.to_string(),
            "Ada Shop has no e-mail address; add one on the customer before e-mailing INV-2026-000001"
        );
    }
}
