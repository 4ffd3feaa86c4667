//! The customer's report, saved by the app: the engine's report of a run
//! ([`printoauth_core::report`], built from the audit trail) in the UI's language,
//! written whole into the user's reports folder, then opened or shown in its folder
//! on request. The same report, words and files as the CLI's `printoauth report`.

use std::path::{Path, PathBuf};

use printoauth_core::i18n::{self, Catalogue};
use printoauth_core::report::{Report, ReportError};

use crate::error::{AppError, ErrorCode};
use crate::models::{ReportRequest, SavedReport};
use crate::state::AppState;

/// The reports folder's name, in the user's documents folder.
pub const FOLDER: &str = "printoauth reports";

/// Where reports go: "printoauth reports" in the user's documents folder, else (no
/// documents folder known) in the app's data folder.
pub fn folder(documents: Option<PathBuf>, data: Option<PathBuf>) -> Option<PathBuf> {
    documents
        .map(|d| d.join(FOLDER))
        .or_else(|| data.map(|d| d.join("reports")))
}

/// Makes the report of the run asked for (else the app's last run, else the newest run
/// of the same kind, practice or not) and writes it into the reports folder.
pub fn save(state: &AppState, req: &ReportRequest) -> Result<SavedReport, AppError> {
    let Some(log) = state.audit.as_ref() else {
        return Err(AppError::new(ErrorCode::ReportNoRun));
    };
    let run = match &req.run_id {
        Some(r) => Some(r.clone()),
        None => state.last_run.lock().unwrap().clone().or_else(|| {
            log.runs(200)
                .ok()?
                .into_iter()
                .find(|r| r.practice == req.practice)
                .map(|r| r.id)
        }),
    };
    let Some(run) = run else {
        return Err(AppError::new(ErrorCode::ReportNoRun));
    };
    let report = match Report::from_audit(log, Some(&run), req.site.trim(), None) {
        Ok(r) => r,
        Err(ReportError::NoSuchRun { .. }) => return Err(AppError::new(ErrorCode::ReportNoRun)),
        Err(e) => return Err(AppError::internal(e)),
    };
    let Some(dir) = state.reports.clone() else {
        return Err(AppError::new(ErrorCode::ReportUnwritable)
            .with("file", FOLDER)
            .with("detail", "no documents or data folder"));
    };
    let words = Catalogue::new(i18n::supported(&req.lang).unwrap_or("en"));
    let file_name = report.file_name(req.format);
    let path = dir.join(&file_name);
    let unwritable = |detail: String| {
        AppError::new(ErrorCode::ReportUnwritable)
            .with("file", path.display())
            .with("detail", detail)
    };
    let bytes = report
        .render(req.format, &words)
        .map_err(|e| unwritable(e.to_string()))?;
    std::fs::create_dir_all(&dir).map_err(|e| unwritable(e.to_string()))?;
    printoauth_core::files::write_atomically(&path, &bytes)
        .map_err(|e| unwritable(e.to_string()))?;
    Ok(SavedReport {
        path: path.display().to_string(),
        file_name,
        run_id: report.run_id,
        devices: report.devices.len() as u32,
        bytes: bytes.len() as u64,
    })
}

/// A report this app saved, by the path [`save`] returned: only files named like a
/// report, directly in the reports folder, are opened.
fn saved_file(state: &AppState, path: &str) -> Result<PathBuf, AppError> {
    let refused = || AppError::new(ErrorCode::ReportNotFound).with("file", path);
    let dir = state.reports.as_deref().ok_or_else(refused)?;
    let p = Path::new(path);
    let named_like_one = p
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("printoauth-report-") && !n.starts_with('.'));
    let canonical = std::fs::canonicalize(p).map_err(|_| refused())?;
    let in_folder = std::fs::canonicalize(dir)
        .ok()
        .is_some_and(|d| canonical.parent() == Some(d.as_path()));
    if named_like_one && in_folder && canonical.is_file() {
        Ok(canonical)
    } else {
        Err(refused())
    }
}

/// Opens a saved report with the user's program for it, or (`folder`) its folder.
pub fn open(state: &AppState, path: &str, folder: bool) -> Result<(), AppError> {
    let file = saved_file(state, path)?;
    let target = if folder {
        file.parent().map(Path::to_path_buf).unwrap_or(file)
    } else {
        file
    };
    open::that_detached(&target).map_err(AppError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{ReportRequest, RunRequest};
    use printoauth_core::audit::AuditLog;
    use printoauth_core::report::Format;

    /// An app state with an audit trail and a reports folder in a fresh temporary folder.
    fn state() -> (AppState, PathBuf) {
        let dir =
            std::env::temp_dir().join(format!("printoauth-app-report-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let session = crate::session::SessionDir::create_in(&dir).unwrap();
        let audit = AuditLog::open(&dir.join("audit.sqlite3")).unwrap();
        let state = AppState::new(session, None)
            .with_audit(Some(audit))
            .with_reports(Some(dir.join(FOLDER)));
        (state, dir)
    }

    fn request(format: Format) -> ReportRequest {
        ReportRequest {
            format,
            site: " Contoso Kaunas ".into(),
            lang: "lt-LT".into(),
            run_id: None,
            practice: true,
        }
    }

    #[test]
    fn the_last_run_is_saved_whole_in_the_reports_folder_and_only_there_opened() {
        let (state, dir) = state();
        // No run yet: said so, nothing written.
        let e = save(&state, &request(Format::Json)).unwrap_err();
        assert_eq!(e.code, "report-no-run");
        assert!(!dir.join(FOLDER).exists());

        // A run the app recorded (no devices: the batch's start is enough here).
        let req = RunRequest {
            devices: vec![],
            admin_user: None,
            shared_password: None,
            sender: "scan@contoso.example".into(),
            service: printoauth_core::devices::EmailService::ExchangeOnline,
            embedded_sign_in: true,
            remember_passwords: false,
            resumes: Some("earlier-run".into()),
        };
        let sink = crate::run::recorder(&state, &req).unwrap();
        sink.batch_started(printoauth_core::run::Mode::Run, &[]);
        let run_id = state.last_run.lock().unwrap().clone().unwrap();
        let log = state.audit.as_ref().unwrap();
        assert_eq!(
            log.run(&run_id).unwrap().unwrap().resumes.as_deref(),
            Some("earlier-run"),
            "a resumed run names the run it resumes"
        );

        let saved = save(&state, &request(Format::Json)).unwrap();
        assert_eq!(saved.run_id, run_id);
        let path = PathBuf::from(&saved.path);
        assert_eq!(path.parent(), Some(dir.join(FOLDER).as_path()));
        assert_eq!(
            saved.file_name,
            format!("printoauth-report-{}.json", &run_id[..8])
        );
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(json["site"], "Contoso Kaunas", "the site, trimmed");
        assert_eq!(json["run_id"], run_id.as_str());
        let pdf = save(&state, &request(Format::Pdf)).unwrap();
        assert!(std::fs::read(&pdf.path).unwrap().starts_with(b"%PDF-"));
        assert_eq!(pdf.bytes, std::fs::metadata(&pdf.path).unwrap().len());

        // Only a saved report, in the reports folder, is opened.
        assert!(saved_file(&state, &saved.path).is_ok());
        let outside = dir.join("printoauth-report-elsewhere.json");
        std::fs::write(&outside, "{}").unwrap();
        for p in [
            outside.display().to_string(),
            dir.join(FOLDER)
                .join("..")
                .join("audit.sqlite3")
                .display()
                .to_string(),
            dir.join(FOLDER).display().to_string(),
            "/etc/passwd".to_string(),
        ] {
            let e = saved_file(&state, &p).unwrap_err();
            assert_eq!(e.code, "report-not-found", "{p}");
        }
        std::fs::remove_file(&saved.path).unwrap();
        assert_eq!(
            saved_file(&state, &saved.path).unwrap_err().code,
            "report-not-found"
        );
        state.shutdown();
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn reports_go_to_the_documents_folder_else_the_data_folder() {
        assert_eq!(
            folder(Some("/home/a/Documents".into()), Some("/d".into())),
            Some(PathBuf::from("/home/a/Documents/printoauth reports"))
        );
        assert_eq!(
            folder(None, Some("/d".into())),
            Some(PathBuf::from("/d/reports"))
        );
        assert_eq!(folder(None, None), None);
    }
}
