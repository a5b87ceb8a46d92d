//! Line and column of a byte offset, counted the way an editor shows them.

/// The 1-based line and 1-based column (in Unicode characters) of the byte at
/// `offset` in `bytes`. Works on invalid UTF-8 too (counts lead bytes).
pub(crate) fn line_column_of_offset(bytes: &[u8], offset: usize) -> (u32, u32) {
    let end = offset.min(bytes.len());
    let before = &bytes[..end];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = count_chars(&before[line_start..]) + 1;
    (saturate(line), saturate(column))
}

/// Converts serde_json's position (1-based line, byte column where 0 means
/// "before the first byte of the line") to a 1-based character column.
pub(crate) fn character_position(text: &[u8], line: usize, byte_column: usize) -> (u32, u32) {
    let line_end = offset_of(text, line, byte_column);
    let line_start = line_start(text, line).min(line_end);
    let chars = count_chars(&text[line_start..line_end]);
    (saturate(line.max(1)), saturate(chars.max(1)))
}

/// The byte offset serde_json's position stands for: its line's start plus
/// the byte column, at most the end of `text`.
pub(crate) fn offset_of(text: &[u8], line: usize, byte_column: usize) -> usize {
    (line_start(text, line) + byte_column).min(text.len())
}

/// The offset of the first byte of 1-based `line` (0 for line 1, and for a
/// line past the end).
fn line_start(text: &[u8], line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'\n')
        .nth(line - 2)
        .map_or(0, |(i, _)| i + 1)
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_lines_and_character_columns() {
        let text = "ab\nçd\n";
        assert_eq!(line_column_of_offset(text.as_bytes(), 0), (1, 1));
        assert_eq!(line_column_of_offset(text.as_bytes(), 3), (2, 1));
        // 'd' is byte 5 (ç takes two bytes) but character 2 of line 2.
        assert_eq!(line_column_of_offset(text.as_bytes(), 5), (2, 2));
        assert_eq!(line_column_of_offset(text.as_bytes(), 99), (3, 1));
    }

    #[test]
    fn serde_byte_columns_become_character_columns() {
        let text = "{\n\"é\": x}";
        // serde_json reports the `x` at line 2, byte column 7 (é is 2 bytes).
        assert_eq!(character_position(text.as_bytes(), 2, 7), (2, 6));
        assert_eq!(character_position(b"", 1, 0), (1, 1));
        assert_eq!(character_position(b"a", 5, 50), (5, 1));
    }
}
