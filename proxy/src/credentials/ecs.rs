//! The RAM role of an ECS instance, through the instance metadata service in
//! its hardened (token) mode:
//!
//! 1. `PUT /latest/api/token` with `X-aliyun-ecs-metadata-token-ttl-seconds`
//!    gives a session token;
//! 2. `GET /latest/meta-data/ram/security-credentials/` lists the role (only
//!    when no role name is configured);
//! 3. `GET /latest/meta-data/ram/security-credentials/<role>` with
//!    `X-aliyun-ecs-metadata-token` gives `AccessKeyId`, `AccessKeySecret`,
//!    `SecurityToken` and `Expiration`.
//!
//! Used only when asked for (`--credentials ecs-ram-role` or
//! `ALIBABA_CLOUD_ECS_METADATA`). Messages never quote the answers' bodies.

use super::Credentials;
use reqwest::{Client, Url};
use serde::Deserialize;
use std::time::{Duration, SystemTime};

/// Lifetime asked for the metadata session token, in seconds.
const TOKEN_TTL_SECONDS: &str = "21600";
/// The largest metadata answer read.
const MAX_ANSWER_BYTES: usize = 64 * 1024;

/// The credentials document, as far as the proxy reads it.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct CredentialsDocument {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    access_key_id: Option<String>,
    #[serde(default)]
    access_key_secret: Option<String>,
    #[serde(default)]
    security_token: Option<String>,
    #[serde(default)]
    expiration: Option<String>,
}

/// Whether a role name is safe to put in the metadata path.
pub fn is_role_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 128
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Reads the credentials document of a role.
///
/// # Errors
///
/// Not JSON, a `Code` other than `Success`, a missing field, or an
/// `Expiration` that is not an RFC 3339 time.
pub fn parse_document(text: &str) -> Result<Credentials, String> {
    let document: CredentialsDocument = serde_json::from_str(text).map_err(|error| {
        format!(
            "the role credentials are not valid JSON (line {}, column {})",
            error.line(),
            error.column()
        )
    })?;
    if let Some(code) = document.code.as_deref() {
        if code != "Success" {
            let shown: String = code.chars().take(40).collect();
            return Err(format!("the metadata service answered Code {shown:?}"));
        }
    }
    let field = |value: &Option<String>, name: &str| {
        value
            .as_deref()
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
            .ok_or_else(|| format!("the role credentials have no {name}"))
    };
    let id = field(&document.access_key_id, "AccessKeyId")?;
    let secret = field(&document.access_key_secret, "AccessKeySecret")?;
    let token = field(&document.security_token, "SecurityToken")?;
    let expiration = field(&document.expiration, "Expiration")?;
    let expires_at =
        time::OffsetDateTime::parse(&expiration, &time::format_description::well_known::Rfc3339)
            .map_err(|_| "the role credentials' Expiration is not an RFC 3339 time".to_owned())?;
    let expires_at = SystemTime::from(expires_at);
    Ok(Credentials::new(
        &id,
        &secret,
        Some(&token),
        Some(expires_at),
    ))
}

/// A metadata service client.
#[derive(Debug, Clone)]
pub struct MetadataClient {
    client: Client,
    base: Url,
    role: Option<String>,
}

impl MetadataClient {
    /// A client of the metadata service at `base` for `role` (discovered when `None`).
    ///
    /// # Errors
    ///
    /// An invalid role name, or an HTTP client that cannot be built.
    pub fn new(base: Url, role: Option<String>) -> Result<Self, String> {
        if let Some(name) = &role {
            if !is_role_name(name) {
                return Err(format!("{name:?} is not an ECS RAM role name"));
            }
        }
        let client = Client::builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(2))
            .timeout(Duration::from_secs(5))
            .build()
            .map_err(|_| "cannot build the metadata HTTP client".to_owned())?;
        Ok(MetadataClient { client, base, role })
    }

    /// The URL of a metadata path.
    fn url(&self, path: &str) -> Result<Url, String> {
        self.base
            .join(path)
            .map_err(|_| format!("cannot form the metadata URL for {path}"))
    }

    /// Sends a request and reads a bounded, successful text answer.
    async fn text(&self, request: reqwest::RequestBuilder, what: &str) -> Result<String, String> {
        let mut response = request.send().await.map_err(|error| {
            format!(
                "metadata service unreachable for {what}: {}",
                error.without_url()
            )
        })?;
        if !response.status().is_success() {
            return Err(format!(
                "metadata service answered {} for {what}",
                response.status()
            ));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|_| format!("metadata answer for {what} was cut"))?
        {
            if body.len() + chunk.len() > MAX_ANSWER_BYTES {
                return Err(format!("metadata answer for {what} is too large"));
            }
            body.extend_from_slice(&chunk);
        }
        String::from_utf8(body).map_err(|_| format!("metadata answer for {what} is not UTF-8"))
    }

    /// Fetches fresh role credentials.
    ///
    /// # Errors
    ///
    /// Any step failing, said in one sentence without the answers' contents.
    pub async fn fetch(&self) -> Result<Credentials, String> {
        let token = self
            .text(
                self.client
                    .put(self.url("/latest/api/token")?)
                    .header("X-aliyun-ecs-metadata-token-ttl-seconds", TOKEN_TTL_SECONDS),
                "the session token",
            )
            .await?;
        let token = token.trim().to_owned();
        let role = match &self.role {
            Some(role) => role.clone(),
            None => {
                let listing = self
                    .text(
                        self.client
                            .get(self.url("/latest/meta-data/ram/security-credentials/")?)
                            .header("X-aliyun-ecs-metadata-token", &token),
                        "the role name",
                    )
                    .await?;
                let role = listing.lines().next().unwrap_or_default().trim().to_owned();
                if !is_role_name(&role) {
                    return Err("this instance has no usable RAM role".to_owned());
                }
                role
            }
        };
        let document = self
            .text(
                self.client
                    .get(self.url(&format!(
                        "/latest/meta-data/ram/security-credentials/{role}"
                    ))?)
                    .header("X-aliyun-ecs-metadata-token", &token),
                "the role credentials",
            )
            .await?;
        parse_document(&document)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCUMENT: &str = r#"{
        "AccessKeyId": "STS.ecs-id",
        "AccessKeySecret": "ecs-SECRET",
        "Expiration": "2030-01-02T03:04:05Z",
        "SecurityToken": "ecs-TOKEN",
        "LastUpdated": "2030-01-01T21:04:05Z",
        "Code": "Success"
    }"#;

    #[test]
    fn parses_the_credentials_document() {
        let credentials = parse_document(DOCUMENT).expect("parses");
        assert_eq!(credentials.access_key_id(), "STS.ecs-id");
        assert_eq!(credentials.access_key_secret(), "ecs-SECRET");
        assert_eq!(credentials.security_token(), Some("ecs-TOKEN"));
        let expected = SystemTime::UNIX_EPOCH + Duration::from_secs(1_893_553_445);
        assert_eq!(credentials.expires_at(), Some(expected));
    }

    #[test]
    fn refuses_incomplete_or_failed_documents() {
        for (text, says) in [
            (r#"{"Code":"Failed"}"#, "Code"),
            (
                r#"{"AccessKeyId":"i","AccessKeySecret":"s","Expiration":"2030-01-02T03:04:05Z"}"#,
                "SecurityToken",
            ),
            (
                r#"{"AccessKeyId":"i","AccessKeySecret":"s","SecurityToken":"t","Expiration":"soon"}"#,
                "Expiration",
            ),
            (r#"{"AccessKeySecret": "SECRET" "#, "JSON"),
        ] {
            let error = parse_document(text).expect_err(text);
            assert!(error.contains(says), "{error}");
            assert!(!error.contains("SECRET"), "{error}");
        }
    }

    #[test]
    fn role_names_cannot_escape_the_path() {
        assert!(is_role_name("EcsRamRoleDocumentTesting"));
        assert!(is_role_name("role-1_a.b"));
        for bad in ["", "../x", "a/b", "a?b", "a b", "%2e"] {
            assert!(!is_role_name(bad), "{bad}");
        }
        let base = Url::parse("http://127.0.0.1:1").expect("url");
        assert!(MetadataClient::new(base, Some("../admin".into())).is_err());
    }
}
