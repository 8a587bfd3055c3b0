//! Reading form fields as people type them: trimmed text with a length limit, whole
//! numbers and decimals in a range (a comma or a point as the decimal mark). Each refusal
//! is a [`FieldError`] the form shows beside the field.

use crate::error::FieldError;

/// Trimmed text of at most `max` characters; empty is refused when `required`.
pub fn text(raw: &str, max: usize, required: bool) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.is_empty() && required {
        return Err(FieldError::Required);
    }
    if value.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    Ok(value.to_string())
}

/// Like [`text`], with empty meaning nothing.
pub fn optional_text(raw: &str, max: usize) -> Result<Option<String>, FieldError> {
    text(raw, max, false).map(|v| (!v.is_empty()).then_some(v))
}

/// A whole number from `min` to `max`.
pub fn whole(raw: &str, min: i64, max: i64) -> Result<i64, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::Required);
    }
    let value: i64 = raw.parse().map_err(|_| FieldError::NotANumber)?;
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(FieldError::Between { min, max })
    }
}

/// A decimal written either way (`1.3` or `1,3`) from `min` to `max`.
pub fn decimal(raw: &str, min: i64, max: i64) -> Result<f64, FieldError> {
    let raw = raw.trim().replace(',', ".");
    if raw.is_empty() {
        return Err(FieldError::Required);
    }
    let value: f64 = raw.parse().map_err(|_| FieldError::NotANumber)?;
    #[expect(clippy::cast_precision_loss, reason = "the bounds are small integers")]
    let (low, high) = (min as f64, max as f64);
    if value.is_finite() && (low..=high).contains(&value) {
        Ok(value)
    } else {
        Err(FieldError::Between { min, max })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_typed_and_refused_by_name() {
        assert_eq!(whole(" 42 ", 0, 100), Ok(42));
        assert_eq!(whole("", 0, 100), Err(FieldError::Required));
        assert_eq!(whole("4x", 0, 100), Err(FieldError::NotANumber));
        assert_eq!(
            whole("101", 0, 100),
            Err(FieldError::Between { min: 0, max: 100 })
        );
        assert_eq!(decimal("1,5", 1, 3), Ok(1.5));
        assert_eq!(
            decimal("NaN", 1, 3),
            Err(FieldError::Between { min: 1, max: 3 })
        );
        assert_eq!(
            decimal("inf", 1, 3),
            Err(FieldError::Between { min: 1, max: 3 })
        );
    }

    #[test]
    fn text_is_trimmed_and_limited_in_characters() {
        assert_eq!(text("  Home ", 10, true), Ok("Home".into()));
        assert_eq!(text("   ", 10, true), Err(FieldError::Required));
        assert_eq!(text("ééé", 3, true), Ok("ééé".into()));
        assert_eq!(text("éééé", 3, true), Err(FieldError::TooLong { max: 3 }));
        assert_eq!(optional_text(" ", 3), Ok(None));
    }
}
