//! Base64 of RFC 4648 (standard alphabet, with padding), strict: the decoder accepts exactly
//! what the encoder writes (no whitespace, no missing padding, no stray bits), so a file has one
//! spelling and the schema's pattern and the parser agree. Small on purpose: the app carries it.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Encodes bytes as base64 with padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let sextet = |shift: u32| char::from(ALPHABET[((n >> shift) & 63) as usize]);
        out.push(sextet(18));
        out.push(sextet(12));
        out.push(if chunk.len() > 1 { sextet(6) } else { '=' });
        out.push(if chunk.len() > 2 { sextet(0) } else { '=' });
    }
    out
}

/// Why a text is not canonical base64.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// The length is not a multiple of four.
    Length,
    /// A character outside the alphabet, or `=` anywhere but at the end.
    Character { index: usize },
    /// The bits after the last byte are not zero (a second spelling of the same bytes).
    TrailingBits,
}

fn value(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Decodes canonical padded base64.
pub fn decode(text: &str) -> Result<Vec<u8>, DecodeError> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return Err(DecodeError::Length);
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let quads = bytes.len() / 4;
    for (q, quad) in bytes.chunks_exact(4).enumerate() {
        let last = q + 1 == quads;
        let pad = if last { quad.iter().rev().take_while(|&&c| c == b'=').count() } else { 0 };
        if pad > 2 {
            return Err(DecodeError::Character { index: q * 4 + 1 });
        }
        let mut n = 0u32;
        for (i, &c) in quad.iter().enumerate() {
            let v = if i >= 4 - pad {
                0
            } else {
                value(c).ok_or(DecodeError::Character { index: q * 4 + i })?
            };
            n = (n << 6) | v;
        }
        let produced = 3 - pad;
        let stray = match pad {
            1 => n & 0xff,
            2 => n & 0xffff,
            _ => 0,
        };
        if stray != 0 {
            return Err(DecodeError::TrailingBits);
        }
        out.extend_from_slice(&n.to_be_bytes()[1..=produced]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in cases {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn refuses_every_other_spelling() {
        assert_eq!(decode("Zg="), Err(DecodeError::Length));
        assert_eq!(decode("Zg"), Err(DecodeError::Length));
        assert_eq!(decode("Zh=="), Err(DecodeError::TrailingBits));
        assert_eq!(decode("Zm9="), Err(DecodeError::TrailingBits));
        assert_eq!(decode("Z==="), Err(DecodeError::Character { index: 1 }));
        assert_eq!(decode("Zg==Zg=="), Err(DecodeError::Character { index: 2 }));
        assert_eq!(decode("Zm 9"), Err(DecodeError::Character { index: 2 }));
        assert_eq!(decode("Zm-_"), Err(DecodeError::Character { index: 2 }));
        assert_eq!(decode("=Zm9"), Err(DecodeError::Character { index: 0 }));
        assert_eq!(decode("Zm=v"), Err(DecodeError::Character { index: 2 }));
        assert_eq!(decode("Zm9v\n"), Err(DecodeError::Length));
    }
}
