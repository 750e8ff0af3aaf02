//! Checks shared by every form: one place decides what a required text field
//! accepts, so all of them refuse bad input with the same words.

use crate::error::{Error, Result};

/// Trims `value`; refuses it when empty or longer than `max_chars` characters.
pub fn required_text(field: &'static str, value: &str, max_chars: usize) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Error::InvalidInput { field, reason: "must not be empty".into() });
    }
    if value.chars().count() > max_chars {
        return Err(Error::InvalidInput { field, reason: format!("must be at most {max_chars} characters") });
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_refuses_blank_or_long_text_naming_the_field() {
        assert_eq!(required_text("name", "  Łukasz Müller ", 100).unwrap(), "Łukasz Müller");
        assert_eq!(required_text("name", "   ", 100).unwrap_err().to_string(), "name: must not be empty");
        let long = required_text("businessName", &"ß".repeat(201), 200).unwrap_err();
        assert_eq!(long.to_string(), "businessName: must be at most 200 characters");
        assert_eq!(long.details()["field"], "businessName");
        assert!(required_text("name", &"ß".repeat(200), 200).is_ok(), "counted in characters, not bytes");
    }
}
