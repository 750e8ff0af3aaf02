//! What a failed command sends the UI: `{ code, message, details }`. The code
//! is the core's stable error code; SQL text and panics never reach the UI.

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CommandError {
    pub code: String,
    pub message: String,
    #[ts(type = "Record<string, unknown>")]
    pub details: Value,
}

impl From<kontor::Error> for CommandError {
    fn from(error: kontor::Error) -> Self {
        if let kontor::Error::Database(source) = &error {
            // The UI gets a plain sentence; the cause goes to the log only.
            eprintln!("kontor: database error: {source}");
        }
        CommandError { code: error.code().to_string(), message: error.to_string(), details: error.details() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_shape_is_pinned() {
        let error = CommandError::from(kontor::Error::UsernameTaken { username: "anna".into() });
        assert_eq!(
            serde_json::to_string(&error).unwrap(),
            r#"{"code":"username_taken","message":"username: \"anna\" is already taken","details":{"field":"username","value":"anna"}}"#
        );
    }

    #[test]
    fn database_errors_do_not_leak_sql() {
        let error = CommandError::from(kontor::Error::Database(sqlx_error()));
        assert_eq!(error.code, "database_error");
        assert_eq!(error.message, "the database could not complete the operation");
    }

    fn sqlx_error() -> kontor::error::SqlxError {
        kontor::error::SqlxError::Protocol("SELECT secret FROM users".into())
    }
}
