//! The job history export: RFC 4180 CSV (quoted fields, doubled quotes, line
//! breaks inside quotes, CRLF or LF, an optional byte-order mark), columns found by
//! their header names, and the Result column classified with the guide's codes.

use crate::devices::{JobEntry, JobOutcome};

use super::forms::same;

/// Splits CSV text into records of fields.
pub(crate) fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut field_started = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if !field_started || field.is_empty() => {
                quoted = true;
                field_started = true;
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                field_started = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                record.push(std::mem::take(&mut field));
                field_started = false;
                if !(record.len() == 1 && record[0].is_empty()) {
                    records.push(std::mem::take(&mut record));
                } else {
                    record.clear();
                }
            }
            _ => {
                field.push(c);
                field_started = true;
            }
        }
    }
    if field_started || !field.is_empty() || !record.is_empty() {
        record.push(field);
        if !(record.len() == 1 && record[0].is_empty()) {
            records.push(record);
        }
    }
    records
}

/// The error code in a Result cell ("Error 361: ..." → 361).
pub(crate) fn result_code(result: &str) -> Option<u32> {
    let lower = result.to_ascii_lowercase();
    let after = lower
        .find("error")
        .map(|i| &result[i + 5..])
        .or_else(|| lower.find("code").map(|i| &result[i + 4..]))?;
    let rest = after.trim_start_matches(|c: char| !c.is_ascii_digit());
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    if rest[digits.len()..].starts_with('.') {
        // An SMTP enhanced status ("5.7.60"), not a device code.
        return None;
    }
    digits.parse().ok()
}

pub(crate) fn classify(result: &str) -> (JobOutcome, Option<u32>) {
    let code = result_code(result);
    let outcome = match code {
        Some(360) => JobOutcome::NoConnection,
        Some(361) => JobOutcome::ConnectionExpired,
        Some(370) => JobOutcome::SignInRequired,
        Some(c) => JobOutcome::OtherError { code: Some(c) },
        None => {
            let l = result.trim().to_ascii_lowercase();
            if [
                "succeeded",
                "success",
                "successful",
                "completed",
                "ok",
                "done",
            ]
            .contains(&l.as_str())
            {
                JobOutcome::Succeeded
            } else if l.contains("error") || l.contains("fail") {
                JobOutcome::OtherError { code: None }
            } else {
                JobOutcome::Other
            }
        }
    };
    (outcome, code)
}

/// The page count of a Pages cell: "3", or "2/2" (done of total) → the first number.
fn pages_of(cell: &str) -> Option<u32> {
    cell.trim().split('/').next()?.trim().parse().ok()
}

/// Job entries from the export, or the name of the missing column.
pub(crate) fn entries(text: &str) -> Result<Vec<JobEntry>, String> {
    let records = parse_csv(text);
    // The header is the first record naming the Result column; some models put a
    // title or export-date line before it.
    let Some(at) = records
        .iter()
        .position(|r| r.iter().any(|h| same(h, "Result")))
        .or((!records.is_empty()).then_some(0))
    else {
        return Err("header row".into());
    };
    let header = &records[at];
    let col = |names: &[&str]| header.iter().position(|h| names.iter().any(|n| same(h, n)));
    let result = col(&["Result"]).ok_or("column 'Result'")?;
    let receipt = col(&["Receipt No.", "Receipt No", "Job ID"]);
    let date = col(&["Date/Time", "Date and Time"]);
    let completed = col(&["Completed", "Completed Time"]);
    let ty = col(&["Type", "Job Type"]);
    let pages = col(&["Pages"]);
    let from = col(&["From"]);
    let to = col(&["To"]);
    let file = col(&["File Name"]);
    let get =
        |r: &Vec<String>, i: Option<usize>| i.and_then(|i| r.get(i)).cloned().unwrap_or_default();
    Ok(records[at + 1..]
        .iter()
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .map(|r| {
            let res = get(r, Some(result));
            let (outcome, code) = classify(&res);
            JobEntry {
                receipt_no: get(r, receipt),
                date_time: get(r, date),
                completed: get(r, completed),
                job_type: get(r, ty),
                pages: pages_of(&get(r, pages)),
                from: get(r, from),
                to: get(r, to),
                file_name: get(r, file),
                result: res,
                outcome,
                code,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4180() {
        let t = "\u{feff}a,b,c\r\n1,\"x, \"\"y\"\"\",\"multi\nline\"\r\n\r\n2,,3";
        assert_eq!(
            parse_csv(t),
            vec![
                vec!["a", "b", "c"],
                vec!["1", "x, \"y\"", "multi\nline"],
                vec!["2", "", "3"]
            ]
        );
    }

    #[test]
    fn header_after_a_title_line_and_pages_as_fractions() {
        let t = "Job History 2026/12/02 10:00\r\nReceipt No.,Date/Time,Completed,Type,Result,Pages,From,To,File Name,Total Receipt Fax Data,Reference Receipt No.,Receipt Number for Sending,Storage\r\n\
                 12,2026/12/01 09:00:00,2026/12/01 09:00:05,Scan to Email,Error 361,2/2,scan@contoso.example,a@contoso.example,img001.pdf,,,,\r\n";
        let e = entries(t).unwrap();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].receipt_no, "12");
        assert_eq!(e[0].pages, Some(2));
        assert_eq!(e[0].code, Some(361));
        assert_eq!(e[0].to, "a@contoso.example");
        assert_eq!(pages_of("3"), Some(3));
        assert_eq!(pages_of(""), None);
    }

    #[test]
    fn codes() {
        assert_eq!(
            classify("Error 361: AADSTS700082").0,
            JobOutcome::ConnectionExpired
        );
        assert_eq!(classify("Error 360").0, JobOutcome::NoConnection);
        assert_eq!(classify("Error 370: sign in").0, JobOutcome::SignInRequired);
        assert_eq!(classify("Succeeded").0, JobOutcome::Succeeded);
        assert_eq!(
            classify("Error 5.7.60").0,
            JobOutcome::OtherError { code: None }
        );
    }
}
