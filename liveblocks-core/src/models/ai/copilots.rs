//! AI copilots, and the bodies that create and change them.

use serde::{Deserialize, Serialize};

use super::{AiCopilotProvider, AiCopilotProviderSettings, AiProvider, ProviderOptions};
use crate::models::{Timestamp, Tristate};

/// The fields every copilot has (schema `AiCopilotBase`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AiCopilotBase {
    /// The object type, always `"copilot"`.
    #[serde(rename = "type")]
    pub object_type: String,
    /// The copilot ID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The system prompt.
    pub system_prompt: String,
    /// The prompt that tells the model how to use knowledge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knowledge_prompt: Option<String>,
    /// Whether knowledge is always added to the context.
    pub always_use_knowledge: bool,
    /// When it was created.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub created_at: Timestamp,
    /// When it was last changed.
    #[serde(deserialize_with = "crate::models::timestamp::deserialize")]
    pub updated_at: Timestamp,
    /// When it was last used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::models::timestamp::option")]
    pub last_used_at: Option<Timestamp>,
    /// Generation settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<AiCopilotProviderSettings>,
}

/// An AI copilot (schema `AiCopilot`, the union of `AiCopilotOpenAi`, `AiCopilotAnthropic`,
/// `AiCopilotGoogle` and `AiCopilotOpenAiCompatible`).
///
/// On the wire it is one flat object; here the common fields are in `base` and the
/// provider-specific ones in `provider`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AiCopilot {
    /// The fields every copilot has.
    #[serde(flatten)]
    pub base: AiCopilotBase,
    /// The provider, model and provider options.
    #[serde(flatten)]
    pub provider: AiCopilotProvider,
}

/// The common fields of a new copilot (schema `CreateAiCopilotOptionsBase`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateAiCopilotOptionsBase {
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The system prompt.
    pub system_prompt: String,
    /// The prompt that tells the model how to use knowledge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knowledge_prompt: Option<String>,
    /// Whether knowledge is always added to the context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub always_use_knowledge: Option<bool>,
    /// Generation settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<AiCopilotProviderSettings>,
    /// The API key Liveblocks uses to call the provider.
    pub provider_api_key: String,
}

impl CreateAiCopilotOptionsBase {
    /// The required fields; the optional ones start unset.
    pub fn new(
        name: impl Into<String>,
        system_prompt: impl Into<String>,
        provider_api_key: impl Into<String>,
    ) -> Self {
        CreateAiCopilotOptionsBase {
            name: name.into(),
            description: None,
            system_prompt: system_prompt.into(),
            knowledge_prompt: None,
            always_use_knowledge: None,
            settings: None,
            provider_api_key: provider_api_key.into(),
        }
    }
}

/// The body of `create-ai-copilot` (schema `CreateAiCopilotRequestBody`, the union of the
/// `CreateAiCopilotOptions*` schemas): one flat object tagged on `provider`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateAiCopilotRequestBody {
    /// The fields every new copilot has.
    #[serde(flatten)]
    pub options: CreateAiCopilotOptionsBase,
    /// The provider, model and provider options.
    #[serde(flatten)]
    pub provider: AiCopilotProvider,
}

/// The body of `update-ai-copilot` (schema `UpdateAiCopilotRequestBody`): only what is set is
/// sent, and [`Tristate::Null`] clears a field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateAiCopilotRequestBody {
    /// A new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new description, or `Null` to remove it.
    #[serde(default, skip_serializing_if = "Tristate::is_unset")]
    pub description: Tristate<String>,
    /// A new system prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_prompt: Option<String>,
    /// A new knowledge prompt, or `Null` to remove it.
    #[serde(default, skip_serializing_if = "Tristate::is_unset")]
    pub knowledge_prompt: Tristate<String>,
    /// Whether knowledge is always added to the context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub always_use_knowledge: Option<bool>,
    /// New generation settings, or `Null` to reset them.
    #[serde(default, skip_serializing_if = "Tristate::is_unset")]
    pub settings: Tristate<AiCopilotProviderSettings>,
    /// A new provider API key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_api_key: Option<String>,
    /// A new provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<AiProvider>,
    /// A new model name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_model: Option<String>,
    /// New provider options, or `Null` to remove them.
    #[serde(default, skip_serializing_if = "Tristate::is_unset")]
    pub provider_options: Tristate<ProviderOptions>,
    /// A new display name of an OpenAI-compatible provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compatible_provider_name: Option<String>,
    /// A new base URL of an OpenAI-compatible provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_base_url: Option<String>,
}
