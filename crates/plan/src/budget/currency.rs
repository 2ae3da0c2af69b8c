//! Amounts in the local currency of the country of return, at the programme's exchange rate.
//!
//! Rounding rule: the exact product is rounded **half away from zero** to the target currency's
//! minor unit (655.957 XOF per EUR: €0.01 = 6.55957 XOF → 7 XOF; €0.76 = 498.52732 → 499 XOF;
//! a half, as in 0.5 → 1 and -0.5 → -1, goes away from zero). All arithmetic is on integers
//! with `i128` intermediates; an amount whose result does not fit in `i64` gives `None`.
//!
//! Round trips: let `k` be the rate in target minor units per source minor unit (for EUR → XOF,
//! `k = 6.55957`). Converting and converting back moves the amount by at most `½ + ½ / k` minor
//! units, so it is exact when `k ≥ 1` (the local unit is at least as fine as the programme's) and
//! within one minor unit when `k ≥ ½`.

use crate::money::{CurrencyCode, Money};
use crate::programme::{DecimalRate, ProgrammeConfig};

/// `numerator / denominator` rounded half away from zero; `None` if `denominator` is not
/// positive.
pub fn div_round_half_away(numerator: i128, denominator: i128) -> Option<i128> {
    if denominator <= 0 {
        return None;
    }
    let quotient = numerator / denominator;
    let remainder = numerator % denominator;
    // |remainder| < denominator, so doubling it cannot overflow for any positive denominator
    // below i128::MAX / 2; checked anyway.
    let twice = remainder.unsigned_abs().checked_mul(2)?;
    if twice >= denominator.unsigned_abs() {
        Some(quotient + numerator.signum())
    } else {
        Some(quotient)
    }
}

fn pow10(exp: u32) -> Option<i128> {
    10_i128.checked_pow(exp)
}

/// Converts `amount_minor` of `from` into minor units of `to`, where one major unit of `from`
/// is worth `rate` major units of `to`.
pub fn convert_minor(
    amount_minor: i64,
    from: &CurrencyCode,
    to: &CurrencyCode,
    rate: DecimalRate,
) -> Option<i64> {
    if !rate.is_positive() {
        return None;
    }
    let numerator = i128::from(amount_minor)
        .checked_mul(i128::from(rate.mantissa()))?
        .checked_mul(pow10(to.minor_digits())?)?;
    let denominator = pow10(rate.scale())?.checked_mul(pow10(from.minor_digits())?)?;
    i64::try_from(div_round_half_away(numerator, denominator)?).ok()
}

/// Converts `amount_minor` of `from` into `to` at the inverse of `rate` (one major unit of `to`
/// is worth `rate` major units of `from`).
pub fn convert_minor_inverse(
    amount_minor: i64,
    from: &CurrencyCode,
    to: &CurrencyCode,
    rate: DecimalRate,
) -> Option<i64> {
    if !rate.is_positive() {
        return None;
    }
    let numerator = i128::from(amount_minor)
        .checked_mul(pow10(rate.scale())?)?
        .checked_mul(pow10(to.minor_digits())?)?;
    let denominator = i128::from(rate.mantissa()).checked_mul(pow10(from.minor_digits())?)?;
    i64::try_from(div_round_half_away(numerator, denominator)?).ok()
}

/// The amount in the local currency at the programme's rate, rounded half away from zero.
/// `None` when the programme has no local currency, the amount is not in the programme's
/// currency, or the result is out of range.
pub fn to_local(amount: &Money, config: &ProgrammeConfig) -> Option<Money> {
    let local = config.local_currency.as_ref()?;
    if amount.currency != config.currency {
        return None;
    }
    let minor = convert_minor(amount.amount_minor, &config.currency, &local.currency, local.rate)?;
    Some(Money::new(minor, local.currency.clone()))
}

/// A local amount in the programme's currency, rounded half away from zero; `None` as for
/// [`to_local`] (here the amount must be in the local currency).
pub fn to_programme(amount: &Money, config: &ProgrammeConfig) -> Option<Money> {
    let local = config.local_currency.as_ref()?;
    if amount.currency != local.currency {
        return None;
    }
    let minor =
        convert_minor_inverse(amount.amount_minor, &local.currency, &config.currency, local.rate)?;
    Some(Money::new(minor, config.currency.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(c: &str) -> CurrencyCode {
        CurrencyCode::new(c).unwrap()
    }

    fn rate(r: &str) -> DecimalRate {
        DecimalRate::parse(r).unwrap()
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(div_round_half_away(5, 2), Some(3));
        assert_eq!(div_round_half_away(-5, 2), Some(-3));
        assert_eq!(div_round_half_away(4, 3), Some(1));
        assert_eq!(div_round_half_away(-4, 3), Some(-1));
        assert_eq!(div_round_half_away(5, 3), Some(2));
        assert_eq!(div_round_half_away(0, 7), Some(0));
        assert_eq!(div_round_half_away(1, 0), None);
        assert_eq!(div_round_half_away(1, -1), None);
    }

    #[test]
    fn euro_to_cfa_franc_at_the_fixed_parity() {
        let (eur, xof, r) = (code("EUR"), code("XOF"), rate("655.957"));
        // €1.00 = 655.957 XOF → 656 XOF.
        assert_eq!(convert_minor(100, &eur, &xof, r), Some(656));
        // €2,000.00 = 1,311,914 XOF exactly.
        assert_eq!(convert_minor(200_000, &eur, &xof, r), Some(1_311_914));
        // €0.01 = 6.55957 → 7; €-0.01 → -7.
        assert_eq!(convert_minor(1, &eur, &xof, r), Some(7));
        assert_eq!(convert_minor(-1, &eur, &xof, r), Some(-7));
        // 656 XOF = €1.000065... → €1.00.
        assert_eq!(convert_minor_inverse(656, &xof, &eur, r), Some(100));
    }

    #[test]
    fn a_half_goes_away_from_zero_in_conversion() {
        let (eur, usd) = (code("EUR"), code("USD"));
        // 1 cent at 1.5 = 1.5 cents → 2; -1 cent → -2.
        assert_eq!(convert_minor(1, &eur, &usd, rate("1.5")), Some(2));
        assert_eq!(convert_minor(-1, &eur, &usd, rate("1.5")), Some(-2));
        // 3 cents at 0.5 = 1.5 → 2.
        assert_eq!(convert_minor(3, &eur, &usd, rate("0.5")), Some(2));
    }

    #[test]
    fn minor_digits_differ_both_ways() {
        // 1 EUR = 0.33 KWD (three minor digits): €10.00 → 3.300 KWD.
        assert_eq!(convert_minor(1000, &code("EUR"), &code("KWD"), rate("0.33")), Some(3300));
        // 1 EUR = 160 JPY (no minor unit): €12.34 → 1974.4 → 1974 JPY.
        assert_eq!(convert_minor(1234, &code("EUR"), &code("JPY"), rate("160")), Some(1974));
        assert_eq!(
            convert_minor_inverse(1974, &code("JPY"), &code("EUR"), rate("160")),
            Some(1234)
        );
    }

    #[test]
    fn overflow_and_bad_rates_give_none() {
        let (eur, xof) = (code("EUR"), code("XOF"));
        assert_eq!(convert_minor(i64::MAX, &eur, &xof, rate("655.957")), None);
        assert_eq!(convert_minor(100, &eur, &xof, rate("0")), None);
        assert_eq!(convert_minor_inverse(100, &xof, &eur, rate("-1")), None);
    }
}
