//! Countries and languages by name. The plan stores codes (ISO 3166-1 alpha-2 for countries,
//! with `XK` for Kosovo; ISO 639 for languages, two letters where there are two); people pick
//! them by name. The names come from the browser (`Intl.DisplayNames`) in the interface
//! language, so no list of names is shipped: only the codes below, and how a typed name is
//! matched whatever its accents, case or Arabic spelling variants.

/// The countries a person can pick (ISO 3166-1 alpha-2, and `XK`).
pub const COUNTRIES: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "XK", "YE", "YT", "ZA", "ZM", "ZW",
];

/// The languages a person can pick: ISO 639-1, and the ISO 639-3 codes of languages often
/// spoken by returnees that have no two-letter code (Dari, Sorani and Kurmanji Kurdish,
/// Tigre, Tamazight, Soninke, …).
pub const LANGUAGES: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "bal", "be",
    "bg", "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "ckb", "co", "cr", "cs", "cu",
    "cv", "cy", "da", "de", "dv", "dyu", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa",
    "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi",
    "hmn", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is",
    "it", "iu", "ja", "jv", "ka", "kab", "kg", "ki", "kj", "kk", "kl", "km", "kmr", "kn", "ko",
    "kr", "kri", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu",
    "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng",
    "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pcm", "pi", "pl",
    "prs", "ps", "pt", "qu", "rif", "rm", "rn", "ro", "rom", "ru", "rw", "sa", "sc", "sd", "se",
    "sg", "shi", "si", "sk", "sl", "sm", "sn", "snk", "so", "sq", "sr", "ss", "st", "su", "sv",
    "sw", "syr", "ta", "te", "tg", "th", "ti", "tig", "tk", "tl", "tmh", "tn", "to", "tr", "ts",
    "tt", "tw", "ty", "tzm", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi",
    "yo", "yue", "za", "zgh", "zh", "zu",
];

/// A code with the names it can be found by: its name in the interface language and, where
/// that differs, another (e.g. the English one, for a name typed in English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub code: String,
    pub name: String,
    pub other: Option<String>,
}

/// Text as it is compared: lower case, Latin letters without their accents, Arabic without
/// short vowels or tatweel and with one form of alef, yeh, teh marbuta and hamza seats.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !is_arabic_mark(*c))
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
            'ĥ' | 'ħ' => 'h',
            'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
            'ĵ' => 'j',
            'ķ' => 'k',
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
            'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
            'ŕ' | 'ŗ' | 'ř' => 'r',
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
            'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
            'ŵ' => 'w',
            'ý' | 'ÿ' | 'ŷ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' | 'ئ' => 'ي',
            'ة' => 'ه',
            'ؤ' => 'و',
            '’' | '‘' | '`' => '\'',
            other => other,
        })
        .collect()
}

/// Arabic short vowels, shadda, sukun, superscript alef and tatweel: left out when comparing.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// How well a folded name matches a folded query: 0 the name starts with it, 1 one of its
/// words does, 2 it is somewhere inside; `None` when it is not there.
fn rank(name: &str, query: &str) -> Option<u8> {
    if name.starts_with(query) {
        Some(0)
    } else if name
        .match_indices(query)
        .any(|(at, _)| name[..at].ends_with(|c: char| !c.is_alphanumeric()))
    {
        Some(1)
    } else if name.contains(query) {
        Some(2)
    } else {
        None
    }
}

/// The codes that match what was typed, best first, at most `limit`: the code itself (typed
/// as a code), then names that start with the text, then names with a word that does, then
/// names that hold it. Within a rank, in the order of `names`. Empty text matches everything.
pub fn search<'a>(query: &str, names: &'a [Named], limit: usize) -> Vec<&'a Named> {
    let query = fold(query.trim());
    if query.is_empty() {
        return names.iter().take(limit).collect();
    }
    let mut ranked: Vec<(u8, usize, &Named)> = names
        .iter()
        .enumerate()
        .filter_map(|(i, named)| {
            let by_code = named.code.eq_ignore_ascii_case(&query).then_some(0);
            let by_name = rank(&fold(&named.name), &query).map(|r| r + 1);
            let by_other =
                named.other.as_deref().and_then(|other| rank(&fold(other), &query)).map(|r| r + 1);
            [by_code, by_name, by_other].into_iter().flatten().min().map(|r| (r, i, named))
        })
        .collect();
    ranked.sort_by_key(|(r, i, _)| (*r, *i));
    ranked.into_iter().take(limit).map(|(_, _, named)| named).collect()
}

/// Sorts names as people look them up: by their folded form, then as written.
pub fn sort_by_name(names: &mut [Named]) {
    names.sort_by_cached_key(|n| (fold(&n.name), n.name.clone()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(code: &str, name: &str, other: Option<&str>) -> Named {
        Named { code: code.into(), name: name.into(), other: other.map(Into::into) }
    }

    fn codes(found: Vec<&Named>) -> Vec<&str> {
        found.into_iter().map(|n| n.code.as_str()).collect()
    }

    #[test]
    fn accents_case_and_arabic_spellings_fold_away() {
        assert_eq!(fold("Sénégal"), "senegal");
        assert_eq!(fold("CÔTE D’IVOIRE"), "cote d'ivoire");
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("الإمَارات"), "الامارات");
        assert_eq!(fold("مصـر"), "مصر");
        assert_eq!(fold("سوريّة"), "سوريه");
    }

    #[test]
    fn a_name_is_found_from_its_start_its_words_or_its_code() {
        let french = [
            named("GN", "Guinée", Some("Guinea")),
            named("GW", "Guinée-Bissau", Some("Guinea-Bissau")),
            named("PG", "Papouasie-Nouvelle-Guinée", Some("Papua New Guinea")),
            named("SN", "Sénégal", Some("Senegal")),
        ];
        assert_eq!(codes(search("Sén", &french, 10)), ["SN"]);
        assert_eq!(codes(search("sen", &french, 10)), ["SN"]);
        assert_eq!(codes(search("guin", &french, 10)), ["GN", "GW", "PG"]);
        assert_eq!(codes(search("bissau", &french, 10)), ["GW"]);
        assert_eq!(codes(search("new guinea", &french, 10)), ["PG"]);
        assert_eq!(codes(search("sn", &french, 10)), ["SN"]);
        assert_eq!(codes(search("", &french, 2)), ["GN", "GW"]);
        assert!(search("xyz", &french, 10).is_empty());
        let arabic = [named("SN", "السنغال", Some("Senegal")), named("EG", "مصر", Some("Egypt"))];
        assert_eq!(codes(search("سنغال", &arabic, 10)), ["SN"]);
        assert_eq!(codes(search("Sen", &arabic, 10)), ["SN"]);
    }

    #[test]
    fn the_code_lists_are_codes_the_plan_accepts() {
        assert_eq!(COUNTRIES.len(), 250);
        assert!(
            COUNTRIES.iter().all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
        assert!(COUNTRIES.windows(2).all(|w| w[0] < w[1]), "sorted, no code twice");
        assert!(
            LANGUAGES
                .iter()
                .all(|c| (2..=3).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_lowercase()))
        );
        assert!(LANGUAGES.windows(2).all(|w| w[0] < w[1]), "sorted, no code twice");
        for code in ["SN", "AF", "XK", "IQ"] {
            assert!(COUNTRIES.contains(&code), "{code}");
        }
        for code in ["fr", "wo", "ar", "ps", "prs", "ckb", "ti"] {
            assert!(LANGUAGES.contains(&code), "{code}");
        }
    }
}
