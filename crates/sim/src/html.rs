//! Small helpers for the emulators' HTML pages.

/// Escapes text for use in HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Parses an `application/x-www-form-urlencoded` body (or query) into ordered pairs.
pub fn parse_form(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body).into_owned().collect()
}

/// The first value of `name` in parsed form pairs.
pub fn field<'a>(form: &'a [(String, String)], name: &str) -> Option<&'a str> {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(esc("<b a=\"x\">&'"), "&lt;b a=&quot;x&quot;&gt;&amp;&#39;");
    }

    #[test]
    fn parses_forms() {
        let f = parse_form(b"a=1&b=x+y&a=2&c=%3C");
        assert_eq!(field(&f, "a"), Some("1"));
        assert_eq!(field(&f, "b"), Some("x y"));
        assert_eq!(field(&f, "c"), Some("<"));
        assert_eq!(field(&f, "d"), None);
    }
}
