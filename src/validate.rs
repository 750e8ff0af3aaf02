//! Checks shared by every form: one place decides what a required text field
//! accepts, so all of them refuse bad input with the same words.

use crate::error::{Error, Result};
use crate::money::Amount;

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

/// Trims an optional field: empty is fine, longer than `max_chars` is not.
pub fn optional_text(field: &'static str, value: &str, max_chars: usize) -> Result<String> {
    let value = value.trim();
    if value.chars().count() > max_chars {
        return Err(Error::InvalidInput { field, reason: format!("must be at most {max_chars} characters") });
    }
    Ok(value.to_string())
}

/// Prices, costs and credit limits: zero or more, at most 4 decimals.
/// Returns the INTEGER ten-thousandths to store.
pub fn non_negative_amount(field: &'static str, amount: Amount) -> Result<i64> {
    let units = amount.to_storage(field)?;
    if units < 0 {
        return Err(Error::InvalidInput { field, reason: format!("must not be negative (got {amount})") });
    }
    Ok(units)
}

/// Counts a person types (stock, reorder levels): zero or more.
pub fn non_negative_count(field: &'static str, count: i64) -> Result<i64> {
    if count < 0 {
        return Err(Error::InvalidInput { field, reason: format!("must not be negative (got {count})") });
    }
    Ok(count)
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

    #[test]
    fn optional_text_may_be_empty_but_not_too_long() {
        assert_eq!(optional_text("phone", "  ", 50).unwrap(), "");
        assert_eq!(optional_text("phone", " +49 30 1234 ", 50).unwrap(), "+49 30 1234");
        assert_eq!(optional_text("phone", &"9".repeat(51), 50).unwrap_err().details()["field"], "phone");
    }

    #[test]
    fn amounts_and_counts_may_be_zero_but_not_negative() {
        assert_eq!(non_negative_amount("cost", Amount::parse("cost", "0").unwrap()).unwrap(), 0);
        assert_eq!(non_negative_amount("cost", Amount::parse("cost", "1.2345").unwrap()).unwrap(), 12_345);
        let negative = non_negative_amount("unitPrice", Amount::parse("unitPrice", "-0.01").unwrap()).unwrap_err();
        assert_eq!(
            (negative.code(), negative.to_string().as_str()),
            ("invalid_input", "unitPrice: must not be negative (got -0.01)")
        );
        assert_eq!(non_negative_count("stock", 0).unwrap(), 0);
        assert_eq!(non_negative_count("reorderLevel", -1).unwrap_err().details()["field"], "reorderLevel");
    }
}
