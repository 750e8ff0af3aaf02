//! What every list shares: the size of the page a screen asks for, and the
//! typed search text turned into a `LIKE` pattern that matches it literally.

use crate::error::{Error, Result};

/// The most rows one page returns: lists are paged, nothing loads every row.
pub const MAX_PAGE_SIZE: u32 = 500;

/// Checks the `limit` of a page request (1 to 500 rows).
pub(crate) fn page_size(limit: u32) -> Result<u32> {
    if !(1..=MAX_PAGE_SIZE).contains(&limit) {
        return Err(Error::InvalidInput {
            field: "limit",
            reason: format!("must be between 1 and {MAX_PAGE_SIZE} (got {limit})"),
        });
    }
    Ok(limit)
}

/// The trimmed search text, or `None` when nothing was typed.
pub(crate) fn search_text(search: Option<&str>) -> Option<&str> {
    search.map(str::trim).filter(|text| !text.is_empty())
}

/// `%text%` for `LIKE … ESCAPE '\'`, with `%`, `_` and `\` escaped so that a
/// typed "50%" finds "50% off" and not everything starting with "50".
pub(crate) fn contains_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_hold_one_to_five_hundred_rows() {
        assert_eq!(page_size(1).unwrap(), 1);
        assert_eq!(page_size(500).unwrap(), 500);
        for bad in [0, 501] {
            let error = page_size(bad).unwrap_err();
            assert_eq!((error.code(), error.details()["field"].as_str()), ("invalid_input", Some("limit")));
        }
    }

    #[test]
    fn search_text_is_trimmed_and_blank_means_none() {
        assert_eq!(search_text(Some("  bolt ")), Some("bolt"));
        assert_eq!(search_text(Some("   ")), None);
        assert_eq!(search_text(None), None);
    }

    #[test]
    fn wildcards_typed_by_a_person_are_matched_literally() {
        assert_eq!(contains_pattern("bolt"), "%bolt%");
        assert_eq!(contains_pattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }
}
