//! The things jobs synchronize with: identity providers of several kinds and
//! applications, with the details their error messages mention.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// Lowercase letters and digits, the alphabet of IDaaS IDs.
const ID_ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

/// `prefix` followed by `len` random lowercase letters and digits
/// (`idaas_` + 26, `sync_` + 40, `idp_` + 26, `app_` + 26, `ou_` + 26).
pub fn random_id(rng: &mut ChaCha8Rng, prefix: &str, len: usize) -> String {
    let mut id = String::with_capacity(prefix.len() + len);
    id.push_str(prefix);
    for _ in 0..len {
        let i = rng.gen_range(0..ID_ALPHABET.len());
        id.push(char::from(ID_ALPHABET.get(i).copied().unwrap_or(b'x')));
    }
    id
}

/// The kind of directory behind an identity provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProviderKind {
    Ldap,
    DingTalk,
    ActiveDirectory,
    WeCom,
    Lark,
}

impl ProviderKind {
    const CYCLE: [ProviderKind; 5] = [
        ProviderKind::Ldap,
        ProviderKind::DingTalk,
        ProviderKind::ActiveDirectory,
        ProviderKind::WeCom,
        ProviderKind::Lark,
    ];

    /// LDAP and Active Directory have LDAP details in their configurations.
    pub(crate) fn is_ldap(self) -> bool {
        matches!(self, ProviderKind::Ldap | ProviderKind::ActiveDirectory)
    }
}

/// An identity provider.
#[derive(Debug, Clone)]
pub(crate) struct Provider {
    pub id: String,
    pub kind: ProviderKind,
    pub name: String,
    /// The directory server (LDAP kinds) or API host.
    pub host: String,
    /// The LDAP base DN (LDAP kinds).
    pub base_dn: &'static str,
    /// How many users it holds: the scale of its jobs.
    pub users: u64,
}

impl Provider {
    /// The `index`-th provider of an instance; kinds cycle through
    /// LDAP, DingTalk, Active Directory, WeCom, Lark.
    pub(crate) fn generate(rng: &mut ChaCha8Rng, index: usize) -> Self {
        let kind = ProviderKind::CYCLE[index % ProviderKind::CYCLE.len()];
        let round = index / ProviderKind::CYCLE.len() + 1;
        let id = random_id(rng, "idp_", 26);
        let (name, host, base_dn) = match kind {
            ProviderKind::Ldap => {
                let host = format!("ldap{round:02}.corp.example.com");
                (
                    format!("OpenLDAP ({host})"),
                    host,
                    "dc=corp,dc=example,dc=com",
                )
            }
            ProviderKind::ActiveDirectory => {
                let host = format!("dc{round:02}.ad.example.com");
                (
                    format!("Active Directory ({host})"),
                    host,
                    "dc=ad,dc=example,dc=com",
                )
            }
            ProviderKind::DingTalk => ("DingTalk".into(), "oapi.dingtalk.com".into(), ""),
            ProviderKind::WeCom => ("WeCom".into(), "qyapi.weixin.qq.com".into(), ""),
            ProviderKind::Lark => ("Lark".into(), "open.larksuite.com".into(), ""),
        };
        let name = if round > 1 && !kind.is_ldap() {
            format!("{name} #{round}")
        } else {
            name
        };
        Provider {
            id,
            kind,
            name,
            host,
            base_dn,
            users: rng.gen_range(120..=6000),
        }
    }
}

/// An application that users are provisioned to.
#[derive(Debug, Clone)]
pub(crate) struct Application {
    pub id: String,
    pub name: String,
    pub domain: String,
    pub users: u64,
}

impl Application {
    const NAMES: [(&'static str, &'static str); 7] = [
        ("HR Portal", "hr"),
        ("Jira Software", "jira"),
        ("Salesforce", "sales"),
        ("GitLab", "git"),
        ("Confluence", "wiki"),
        ("Workday", "workday"),
        ("ServiceNow", "itsm"),
    ];

    /// The `index`-th application of an instance.
    pub(crate) fn generate(rng: &mut ChaCha8Rng, index: usize) -> Self {
        let (name, host) = Self::NAMES[index % Self::NAMES.len()];
        let round = index / Self::NAMES.len() + 1;
        let (name, domain) = if round > 1 {
            (
                format!("{name} #{round}"),
                format!("{host}{round}.example.com"),
            )
        } else {
            (name.to_owned(), format!("{host}.example.com"))
        };
        Application {
            id: random_id(rng, "app_", 26),
            name,
            domain,
            users: rng.gen_range(50..=3000),
        }
    }
}

/// What a job synchronizes with.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Target<'a> {
    Provider(&'a Provider),
    Application(&'a Application),
}

impl Target<'_> {
    pub(crate) fn id(&self) -> &str {
        match self {
            Target::Provider(p) => &p.id,
            Target::Application(a) => &a.id,
        }
    }

    pub(crate) fn name(&self) -> &str {
        match self {
            Target::Provider(p) => &p.name,
            Target::Application(a) => &a.name,
        }
    }

    pub(crate) fn users(&self) -> u64 {
        match self {
            Target::Provider(p) => p.users,
            Target::Application(a) => a.users,
        }
    }
}
