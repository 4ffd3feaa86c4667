//! Text that strangers wrote (a device's announcement, its pages, a server's answer),
//! made fit to show: on a terminal, in the app's window, in a report. The data keeps
//! what was sent (JSON output, captures); what a person reads goes through [`plain`].

/// Text from a device, made safe to show: terminal control sequences (CSI, OSC
/// and other escapes) removed, control characters and line or paragraph separators
/// made spaces, bidirectional overrides
/// and isolates removed (they would reorder the table), and at most `max`
/// characters kept (an ellipsis marks the cut).
pub fn plain(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                // CSI: parameters and intermediates up to a final byte @..~.
                Some('[') => {
                    for d in chars.by_ref() {
                        if ('\u{40}'..='\u{7e}').contains(&d) {
                            break;
                        }
                    }
                }
                // OSC, DCS, APC, PM, SOS: up to BEL or ESC \.
                Some(']' | 'P' | '_' | '^' | 'X') => {
                    while let Some(d) = chars.next() {
                        if d == '\u{7}' {
                            break;
                        }
                        if d == '\u{1b}' {
                            if chars.peek() == Some(&'\\') {
                                chars.next();
                            }
                            break;
                        }
                    }
                }
                _ => {}
            },
            // C1 CSI and OSC, as some terminals read them.
            '\u{9b}' => {
                for d in chars.by_ref() {
                    if ('\u{40}'..='\u{7e}').contains(&d) {
                        break;
                    }
                }
            }
            '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{061c}' => {}
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => out.push(' '),
            c => out.push(c),
        }
    }
    let out = out.trim().to_string();
    if out.chars().count() > max {
        let mut cut: String = out.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    } else {
        out
    }
}

/// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break
/// (quotes doubled). A field a spreadsheet would read as a formula (starting with =,
/// +, -, @, a tab or a carriage return) gets a leading apostrophe: devices name
/// themselves, and anyone on the LAN can announce anything.
pub fn csv_field(v: &str) -> String {
    let v: String = if v.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{v}")
    } else {
        v.to_string()
    };
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// One CSV record: its fields, then CRLF.
pub fn csv_line(out: &mut String, fields: impl IntoIterator<Item = String>) {
    let line: Vec<String> = fields.into_iter().map(|f| csv_field(&f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_control_sequences_and_overrides_are_removed() {
        assert_eq!(plain("\u{1b}[31mRED\u{1b}[0m", 40), "RED");
        assert_eq!(
            plain("A\u{1b}]0;title\u{7}B\u{1b}]8;;http://x\u{1b}\\C", 40),
            "ABC"
        );
        assert_eq!(plain("x\u{202e}321\u{2066}y\u{2069}", 40), "x321y");
        assert_eq!(plain("a\rb\nc\u{7}d", 40), "a b c d");
        assert_eq!(plain("\u{9b}2Jclear", 40), "clear");
        let long = "W".repeat(150);
        let cut = plain(&long, 30);
        assert_eq!(cut.chars().count(), 30);
        assert!(cut.ends_with('…'));
        assert_eq!(plain("WF-C5890 Series", 30), "WF-C5890 Series");
        assert_eq!(plain("a\u{2028}b\u{2029}c", 30), "a b c");
        // Markup stays text: escaping it is the renderer's part.
        assert_eq!(plain("<b>x</b>", 30), "<b>x</b>");
    }

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("WF-C5890 Series"), "WF-C5890 Series");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("one\ntwo"), "\"one\ntwo\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field(""), "");
    }
}
