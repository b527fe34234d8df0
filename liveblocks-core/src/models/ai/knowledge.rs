//! The knowledge sources of copilots (web pages and uploaded files), and what creating one
//! takes and returns.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::decode_tagged;
use crate::models::{open_enum, Timestamp};

open_enum! {
    /// Where a knowledge source or one of its links is in indexing.
    pub enum KnowledgeSourceStatus {
        /// Being fetched and indexed.
        Ingesting = "ingesting",
        /// Indexed and in use.
        Ready = "ready",
        /// Indexing failed; see the source's `error_message`.
        Error = "error",
    }
}

open_enum! {
    /// How a web knowledge source reads its URL.
    pub enum WebKnowledgeSourceType {
        /// Only the page at the URL (`individual_link`).
        IndividualLink = "individual_link",
        /// The page and the pages it links to (`crawl`).
        Crawl = "crawl",
        /// Every page a sitemap lists (`sitemap`).
        Sitemap = "sitemap",
    }
}

/// The fields every knowledge source has (schema `KnowledgeSourceBase`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct KnowledgeSourceBase {
    /// The knowledge source ID.
    pub id: String,
    /// When it was added.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub created_at: Timestamp,
    /// When it was last changed.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub updated_at: Timestamp,
    /// When it was last indexed.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub last_indexed_at: Timestamp,
    /// Where it is in indexing.
    pub status: KnowledgeSourceStatus,
    /// Why indexing failed, when it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
}

/// The URL a web knowledge source reads, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct KnowledgeSourceLink {
    /// The URL.
    pub url: String,
    /// How it is read.
    #[serde(rename = "type")]
    pub link_type: WebKnowledgeSourceType,
}

/// The file a file knowledge source was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct KnowledgeSourceFile {
    /// The file name.
    pub name: String,
    /// Its MIME type.
    pub mime_type: String,
}

/// What a knowledge source is made from, tagged on `type`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
#[non_exhaustive]
pub enum KnowledgeSourceKind {
    /// Web pages (`ai-knowledge-web-source`, schema `KnowledgeSourceWebSource`).
    #[serde(rename = "ai-knowledge-web-source")]
    Web {
        /// The URL and how it is read.
        link: KnowledgeSourceLink,
    },
    /// An uploaded file (`ai-knowledge-file-source`, schema `KnowledgeSourceFileSource`).
    #[serde(rename = "ai-knowledge-file-source")]
    File {
        /// The file.
        file: KnowledgeSourceFile,
    },
    /// A kind this SDK version does not know: its fields as sent, `type` included.
    #[serde(untagged)]
    Other(Map<String, Value>),
}

/// The known variants of [`KnowledgeSourceKind`], for a strict derived decode.
#[derive(Deserialize)]
#[serde(tag = "type")]
enum KnownKnowledgeKind {
    #[serde(rename = "ai-knowledge-web-source")]
    Web { link: KnowledgeSourceLink },
    #[serde(rename = "ai-knowledge-file-source")]
    File { file: KnowledgeSourceFile },
}

impl<'de> Deserialize<'de> for KnowledgeSourceKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let known = ["ai-knowledge-web-source", "ai-knowledge-file-source"];
        Ok(
            match decode_tagged::<D, KnownKnowledgeKind>(deserializer, "type", &known)? {
                Ok(KnownKnowledgeKind::Web { link }) => KnowledgeSourceKind::Web { link },
                Ok(KnownKnowledgeKind::File { file }) => KnowledgeSourceKind::File { file },
                Err(fields) => KnowledgeSourceKind::Other(fields),
            },
        )
    }
}

/// A knowledge source of a copilot (schema `KnowledgeSource`, the union of
/// `KnowledgeSourceWebSource` and `KnowledgeSourceFileSource`).
///
/// On the wire it is one flat object; here the common fields are in `base` and the
/// kind-specific ones in `kind`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KnowledgeSource {
    /// The fields every knowledge source has.
    #[serde(flatten)]
    pub base: KnowledgeSourceBase,
    /// What the source is made from.
    #[serde(flatten)]
    pub kind: KnowledgeSourceKind,
}

/// The body of `create-web-knowledge-source` (schema `CreateWebKnowledgeSourceRequestBody`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateWebKnowledgeSourceRequestBody {
    /// The copilot, repeated from the path as the API requires.
    pub copilot_id: String,
    /// The URL to read.
    pub url: String,
    /// How to read it.
    #[serde(rename = "type")]
    pub source_type: WebKnowledgeSourceType,
}

/// The ID of a new knowledge source (schema `CreateWebKnowledgeSourceResponse`; also what
/// `create-file-knowledge-source` returns).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateWebKnowledgeSourceResponse {
    /// The knowledge source ID.
    pub id: String,
}

/// What `create-file-knowledge-source` returns: the new knowledge source's ID.
pub type CreateFileKnowledgeSourceResponse = CreateWebKnowledgeSourceResponse;

/// A file knowledge source as markdown (schema `GetFileKnowledgeSourceMarkdownResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetFileKnowledgeSourceMarkdownResponse {
    /// The knowledge source ID.
    pub id: String,
    /// The file's content converted to markdown.
    pub content: String,
}

/// One page a web knowledge source indexed (schema `WebKnowledgeSourceLink`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct WebKnowledgeSourceLink {
    /// The link ID.
    pub id: String,
    /// The page URL.
    pub url: String,
    /// Where it is in indexing.
    pub status: KnowledgeSourceStatus,
    /// When it was found.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub created_at: Timestamp,
    /// When it was last indexed.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub last_indexed_at: Timestamp,
}
