//! Scopes as the v2.0 endpoint reads them: OpenID Connect scopes and one resource's
//! permissions, with what the consent pages list for them.

use super::endpoints::{missing_parameter, OAuthError};

/// Resources whose tokens Exchange Online accepts for SMTP submission.
const EXCHANGE_RESOURCES: [&str; 2] = [
    "https://outlook.office.com",
    "https://outlook.office365.com",
];
/// Where a scope without a resource goes (as on the v2.0 endpoint).
const GRAPH: &str = "https://graph.microsoft.com";
/// OpenID Connect scopes, which name no resource.
const OIDC_SCOPES: [&str; 4] = ["openid", "profile", "email", "offline_access"];

/// A scope list split into OpenID Connect scopes and one resource's permissions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Scopes {
    /// Lower-case OIDC scopes, in order asked.
    pub(super) oidc: Vec<String>,
    /// Permissions as full URLs ("https://outlook.office.com/SMTP.Send").
    pub(super) perms: Vec<String>,
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum ScopeError {
    Missing,
    MultipleResources(String),
}

impl ScopeError {
    pub(super) fn to_oauth(&self) -> OAuthError {
        match self {
            ScopeError::Missing => missing_parameter("scope"),
            ScopeError::MultipleResources(s) => OAuthError::bad_request(
                "invalid_scope",
                28000,
                format!("Provided value for the input parameter scope is not valid because it contains more than one resource. Scope {s} is not valid."),
            ),
        }
    }
}

impl Scopes {
    pub(super) fn parse(s: &str) -> Result<Scopes, ScopeError> {
        let mut out = Scopes::default();
        for item in s.split_whitespace() {
            let lower = item.to_ascii_lowercase();
            if OIDC_SCOPES.contains(&lower.as_str()) {
                if !out.oidc.contains(&lower) {
                    out.oidc.push(lower);
                }
                continue;
            }
            let (resource, perm) = match item.rfind('/') {
                Some(i) if item.contains("://") => (&item[..i], &item[i + 1..]),
                _ => (GRAPH, item),
            };
            let resource = resource.trim_end_matches('/');
            let is_exchange = EXCHANGE_RESOURCES
                .iter()
                .any(|r| r.eq_ignore_ascii_case(resource));
            let perm = match perm {
                // The application's configured permissions.
                "" | ".default" if is_exchange => "SMTP.Send",
                "" | ".default" => "User.Read",
                p => p,
            };
            let full = format!("{resource}/{perm}");
            if let Some(first) = out.perms.first() {
                let first_res = &first[..first.rfind('/').unwrap_or(0)];
                if !first_res.eq_ignore_ascii_case(resource) {
                    return Err(ScopeError::MultipleResources(s.to_string()));
                }
            }
            if !out.perms.iter().any(|p| p.eq_ignore_ascii_case(&full)) {
                out.perms.push(full);
            }
        }
        if out.oidc.is_empty() && out.perms.is_empty() {
            return Err(ScopeError::Missing);
        }
        Ok(out)
    }

    pub(super) fn has(&self, oidc: &str) -> bool {
        self.oidc.iter().any(|s| s == oidc)
    }

    pub(super) fn resource(&self) -> String {
        match self.perms.first() {
            Some(p) => p[..p.rfind('/').unwrap_or(0)].to_string(),
            None => GRAPH.to_string(),
        }
    }

    pub(super) fn is_exchange(&self) -> bool {
        let r = self.resource();
        EXCHANGE_RESOURCES
            .iter()
            .any(|e| e.eq_ignore_ascii_case(&r))
    }

    /// The `scope` of a token answer: the resource permissions as full URLs.
    pub(super) fn granted(&self) -> String {
        if self.perms.is_empty() {
            format!("{GRAPH}/User.Read")
        } else {
            self.perms.join(" ")
        }
    }

    /// Everything, for the refresh token's record.
    pub(super) fn to_scope_string(&self) -> String {
        self.perms
            .iter()
            .chain(self.oidc.iter())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// What the consent page lists.
    pub(super) fn descriptions(&self) -> Vec<String> {
        let mut v = Vec::new();
        for p in &self.perms {
            let short = &p[p.rfind('/').map(|i| i + 1).unwrap_or(0)..];
            v.push(match short.to_ascii_lowercase().as_str() {
                "smtp.send" => "Send email from mailboxes using SMTP AUTH".to_string(),
                "imap.accessasuser.all" => "Read and write access to mailboxes via IMAP".into(),
                "pop.accessasuser.all" => "Read and write access to mailboxes via POP".into(),
                "user.read" => continue,
                _ => format!("Use the permission {short}"),
            });
        }
        if self.has("offline_access") {
            v.push("Maintain access to data you have given it access to".into());
        }
        v.push("Sign you in and read your profile".into());
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_split_and_normalise() {
        let s =
            Scopes::parse("https://outlook.office.com/SMTP.Send offline_access OpenID").unwrap();
        assert_eq!(s.perms, vec!["https://outlook.office.com/SMTP.Send"]);
        assert_eq!(s.oidc, vec!["offline_access", "openid"]);
        assert!(s.is_exchange());
        assert_eq!(s.granted(), "https://outlook.office.com/SMTP.Send");
        assert_eq!(Scopes::parse(&s.to_scope_string()).unwrap(), s);

        let d = Scopes::parse("https://outlook.office365.com/.default").unwrap();
        assert_eq!(d.perms, vec!["https://outlook.office365.com/SMTP.Send"]);
        assert!(d.is_exchange());

        let g = Scopes::parse("SMTP.Send offline_access").unwrap();
        assert_eq!(g.perms, vec!["https://graph.microsoft.com/SMTP.Send"]);
        assert!(!g.is_exchange());

        assert_eq!(Scopes::parse("  "), Err(ScopeError::Missing));
        assert!(matches!(
            Scopes::parse("https://outlook.office.com/SMTP.Send Mail.Send"),
            Err(ScopeError::MultipleResources(_))
        ));
    }

    #[test]
    fn consent_descriptions() {
        let s = Scopes::parse("https://outlook.office.com/SMTP.Send offline_access").unwrap();
        assert_eq!(
            s.descriptions(),
            vec![
                "Send email from mailboxes using SMTP AUTH",
                "Maintain access to data you have given it access to",
                "Sign you in and read your profile"
            ]
        );
    }
}
