//! The model providers of copilots: models, provider options, generation settings and the
//! [`AiCopilotProvider`] union.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::decode_tagged;
use crate::models::open_enum;

open_enum! {
    /// An OpenAI model (schema `OpenAiModel`).
    pub enum OpenAiModel {
        /// `o1`.
        O1 = "o1",
        /// `o1-mini`.
        O1Mini = "o1-mini",
        /// `o3`.
        O3 = "o3",
        /// `o3-mini`.
        O3Mini = "o3-mini",
        /// `o4-mini`.
        O4Mini = "o4-mini",
        /// `gpt-4.1`.
        Gpt4_1 = "gpt-4.1",
        /// `gpt-4.1-mini`.
        Gpt4_1Mini = "gpt-4.1-mini",
        /// `gpt-4.1-nano`.
        Gpt4_1Nano = "gpt-4.1-nano",
        /// `gpt-4o`.
        Gpt4o = "gpt-4o",
        /// `gpt-4o-mini`.
        Gpt4oMini = "gpt-4o-mini",
        /// `gpt-4-turbo`.
        Gpt4Turbo = "gpt-4-turbo",
        /// `gpt-4`.
        Gpt4 = "gpt-4",
        /// `gpt-5`.
        Gpt5 = "gpt-5",
        /// `gpt-5-pro`.
        Gpt5Pro = "gpt-5-pro",
        /// `gpt-5-mini`.
        Gpt5Mini = "gpt-5-mini",
        /// `gpt-5-nano`.
        Gpt5Nano = "gpt-5-nano",
        /// `gpt-5-chat-latest`.
        Gpt5ChatLatest = "gpt-5-chat-latest",
        /// `gpt-5.1`.
        Gpt5_1 = "gpt-5.1",
        /// `gpt-5.1-mini`.
        Gpt5_1Mini = "gpt-5.1-mini",
        /// `gpt-5.1-chat-latest`.
        Gpt5_1ChatLatest = "gpt-5.1-chat-latest",
        /// `gpt-5.2`.
        Gpt5_2 = "gpt-5.2",
        /// `gpt-5.2-pro`.
        Gpt5_2Pro = "gpt-5.2-pro",
        /// `gpt-5.4`.
        Gpt5_4 = "gpt-5.4",
        /// `gpt-5.4-pro`.
        Gpt5_4Pro = "gpt-5.4-pro",
        /// `gpt-5.4-mini`.
        Gpt5_4Mini = "gpt-5.4-mini",
        /// `gpt-5.4-nano`.
        Gpt5_4Nano = "gpt-5.4-nano",
        /// `gpt-5.5`.
        Gpt5_5 = "gpt-5.5",
    }
}

open_enum! {
    /// An Anthropic model (schema `AnthropicModel`).
    pub enum AnthropicModel {
        /// `claude-opus-4-7`.
        ClaudeOpus4_7 = "claude-opus-4-7",
        /// `claude-sonnet-4-6`.
        ClaudeSonnet4_6 = "claude-sonnet-4-6",
        /// `claude-opus-4-6`.
        ClaudeOpus4_6 = "claude-opus-4-6",
        /// `claude-opus-4-5-20251101`.
        ClaudeOpus4_5_20251101 = "claude-opus-4-5-20251101",
        /// `claude-sonnet-4-5-20250929`.
        ClaudeSonnet4_5_20250929 = "claude-sonnet-4-5-20250929",
        /// `claude-haiku-4-5-20251001`.
        ClaudeHaiku4_5_20251001 = "claude-haiku-4-5-20251001",
        /// `claude-opus-4-1-20250805`.
        ClaudeOpus4_1_20250805 = "claude-opus-4-1-20250805",
        /// `claude-4-opus-20250514`.
        Claude4Opus20250514 = "claude-4-opus-20250514",
        /// `claude-4-sonnet-20250514`.
        Claude4Sonnet20250514 = "claude-4-sonnet-20250514",
        /// `claude-3-7-sonnet-20250219`.
        Claude3_7Sonnet20250219 = "claude-3-7-sonnet-20250219",
        /// `claude-3-5-sonnet-latest`.
        Claude3_5SonnetLatest = "claude-3-5-sonnet-latest",
        /// `claude-3-5-haiku-latest`.
        Claude3_5HaikuLatest = "claude-3-5-haiku-latest",
        /// `claude-3-opus-latest`.
        Claude3OpusLatest = "claude-3-opus-latest",
    }
}

open_enum! {
    /// A Google model (schema `GoogleModel`).
    pub enum GoogleModel {
        /// `gemini-3-flash-preview`.
        Gemini3FlashPreview = "gemini-3-flash-preview",
        /// `gemini-3.1-pro-preview`.
        Gemini3_1ProPreview = "gemini-3.1-pro-preview",
        /// `gemini-2.5-flash`.
        Gemini2_5Flash = "gemini-2.5-flash",
        /// `gemini-2.5-pro`.
        Gemini2_5Pro = "gemini-2.5-pro",
        /// `gemini-2.0-flash-001`.
        Gemini2_0Flash001 = "gemini-2.0-flash-001",
        /// `gemini-1.5-flash`.
        Gemini1_5Flash = "gemini-1.5-flash",
        /// `gemini-1.5-pro`.
        Gemini1_5Pro = "gemini-1.5-pro",
    }
}

open_enum! {
    /// The name of a model provider, as `update-ai-copilot` takes it.
    pub enum AiProvider {
        /// `openai`.
        OpenAi = "openai",
        /// `anthropic`.
        Anthropic = "anthropic",
        /// `google`.
        Google = "google",
        /// Any server speaking the OpenAI API (`openai-compatible`).
        OpenAiCompatible = "openai-compatible",
    }
}

open_enum! {
    /// How hard an OpenAI reasoning model thinks.
    pub enum ReasoningEffort {
        /// `low`.
        Low = "low",
        /// `medium`.
        Medium = "medium",
        /// `high`.
        High = "high",
    }
}

/// Generation settings of a copilot (schema `AiCopilotProviderSettings`); every field is
/// optional and left out when `None`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AiCopilotProviderSettings {
    /// The most tokens one answer may use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tokens: Option<i64>,
    /// Sampling temperature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<f64>,
    /// Nucleus sampling mass.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_p: Option<f64>,
    /// Top-K sampling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_k: Option<f64>,
    /// Penalty on repeated tokens by frequency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency_penalty: Option<f64>,
    /// Penalty on tokens already present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence_penalty: Option<f64>,
    /// Strings that end generation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_sequences: Option<Vec<String>>,
    /// Seed for reproducible sampling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<i64>,
    /// How often a failed model call is retried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_retries: Option<i64>,
}

/// Which domains a model's web search may visit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebSearchOptions {
    /// The allowed domains; `None` leaves the choice to the provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_domains: Option<Vec<String>>,
}

/// OpenAI-specific options (the object under the `openai` key of `OpenAiProviderOptions`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenAiOptions {
    /// Reasoning effort of reasoning models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning_effort: Option<ReasoningEffort>,
    /// Web search settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_search: Option<WebSearchOptions>,
}

/// Extended thinking of Anthropic models, tagged on `type`.
///
/// ```
/// use liveblocks_core::models::ai::AnthropicThinking;
///
/// let on = AnthropicThinking::Enabled { budget_tokens: 10_000 };
/// assert_eq!(
///     serde_json::to_string(&on).unwrap(),
///     r#"{"type":"enabled","budgetTokens":10000}"#
/// );
/// assert_eq!(serde_json::to_string(&AnthropicThinking::Disabled).unwrap(), r#"{"type":"disabled"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum AnthropicThinking {
    /// Thinking on, with at most this many tokens (`AnthropicThinkingEnabled`).
    Enabled {
        /// The thinking budget in tokens.
        #[serde(rename = "budgetTokens")]
        budget_tokens: i64,
    },
    /// Thinking off (`AnthropicThinkingDisabled`).
    Disabled,
}

/// Anthropic-specific options (the object under the `anthropic` key of
/// `AnthropicProviderOptions`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnthropicOptions {
    /// Extended thinking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thinking: Option<AnthropicThinking>,
    /// Web search settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web_search: Option<WebSearchOptions>,
}

/// The thinking budget of Google models.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GoogleThinkingConfig {
    /// Tokens the model may spend thinking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thinking_budget: Option<i64>,
}

/// Google-specific options (the object under the `google` key of `GoogleProviderOptions`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GoogleOptions {
    /// Thinking settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thinking_config: Option<GoogleThinkingConfig>,
}

/// Provider options, told apart by their single wrapper key (schemas `OpenAiProviderOptions`,
/// `AnthropicProviderOptions`, `GoogleProviderOptions`).
///
/// ```
/// use liveblocks_core::models::ai::{AnthropicOptions, AnthropicThinking, ProviderOptions};
///
/// let options = ProviderOptions::Anthropic(AnthropicOptions {
///     thinking: Some(AnthropicThinking::Enabled { budget_tokens: 10_000 }),
///     ..Default::default()
/// });
/// assert_eq!(
///     serde_json::to_string(&options).unwrap(),
///     r#"{"anthropic":{"thinking":{"type":"enabled","budgetTokens":10000}}}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProviderOptions {
    /// `{"openai": {...}}`.
    #[serde(rename = "openai")]
    OpenAi(OpenAiOptions),
    /// `{"anthropic": {...}}`.
    #[serde(rename = "anthropic")]
    Anthropic(AnthropicOptions),
    /// `{"google": {...}}`.
    #[serde(rename = "google")]
    Google(GoogleOptions),
}

/// The fields of an OpenAI copilot beyond the common ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenAiProvider {
    /// The model.
    pub provider_model: OpenAiModel,
    /// Provider options (the spec lists them only when creating; kept if the server sends
    /// them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_options: Option<ProviderOptions>,
}

/// The fields of an Anthropic copilot beyond the common ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnthropicProvider {
    /// The model.
    pub provider_model: AnthropicModel,
    /// Provider options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_options: Option<ProviderOptions>,
}

/// The fields of a Google copilot beyond the common ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GoogleProvider {
    /// The model.
    pub provider_model: GoogleModel,
    /// Provider options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_options: Option<ProviderOptions>,
}

/// The fields of a copilot using an OpenAI-compatible server beyond the common ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenAiCompatibleProvider {
    /// The model name, free-form.
    pub provider_model: String,
    /// A display name of the provider.
    pub compatible_provider_name: String,
    /// The base URL of the provider's API.
    pub provider_base_url: String,
}

/// The model provider of a copilot and its provider-specific fields, tagged on `provider`.
///
/// Used flattened into [`AiCopilot`](super::AiCopilot) and
/// [`CreateAiCopilotRequestBody`](super::CreateAiCopilotRequestBody). A provider this SDK
/// does not know is kept in [`AiCopilotProvider::Other`] with all its fields.
///
/// ```
/// use liveblocks_core::models::ai::{AiCopilotProvider, OpenAiModel};
///
/// let provider = AiCopilotProvider::openai(OpenAiModel::Gpt4o);
/// assert_eq!(
///     serde_json::to_string(&provider).unwrap(),
///     r#"{"provider":"openai","providerModel":"gpt-4o"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "provider")]
#[non_exhaustive]
pub enum AiCopilotProvider {
    /// `openai` (schemas `AiCopilotOpenAi`, `CreateAiCopilotOptionsOpenAi`).
    #[serde(rename = "openai")]
    OpenAi(OpenAiProvider),
    /// `anthropic` (schemas `AiCopilotAnthropic`, `CreateAiCopilotOptionsAnthropic`).
    #[serde(rename = "anthropic")]
    Anthropic(AnthropicProvider),
    /// `google` (schemas `AiCopilotGoogle`, `CreateAiCopilotOptionsGoogle`).
    #[serde(rename = "google")]
    Google(GoogleProvider),
    /// `openai-compatible` (schemas `AiCopilotOpenAiCompatible`,
    /// `CreateAiCopilotOptionsOpenAiCompatible`).
    #[serde(rename = "openai-compatible")]
    OpenAiCompatible(OpenAiCompatibleProvider),
    /// A provider this SDK version does not know: every provider-specific field as sent,
    /// `provider` included.
    #[serde(untagged)]
    Other(Map<String, Value>),
}

/// The known variants of [`AiCopilotProvider`], for a strict derived decode.
#[derive(Deserialize)]
#[serde(tag = "provider")]
enum KnownProvider {
    #[serde(rename = "openai")]
    OpenAi(OpenAiProvider),
    #[serde(rename = "anthropic")]
    Anthropic(AnthropicProvider),
    #[serde(rename = "google")]
    Google(GoogleProvider),
    #[serde(rename = "openai-compatible")]
    OpenAiCompatible(OpenAiCompatibleProvider),
}

impl<'de> Deserialize<'de> for AiCopilotProvider {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let known = ["openai", "anthropic", "google", "openai-compatible"];
        Ok(
            match decode_tagged::<D, KnownProvider>(deserializer, "provider", &known)? {
                Ok(KnownProvider::OpenAi(p)) => AiCopilotProvider::OpenAi(p),
                Ok(KnownProvider::Anthropic(p)) => AiCopilotProvider::Anthropic(p),
                Ok(KnownProvider::Google(p)) => AiCopilotProvider::Google(p),
                Ok(KnownProvider::OpenAiCompatible(p)) => AiCopilotProvider::OpenAiCompatible(p),
                Err(fields) => AiCopilotProvider::Other(fields),
            },
        )
    }
}

impl AiCopilotProvider {
    /// OpenAI with this model.
    pub fn openai(model: OpenAiModel) -> Self {
        AiCopilotProvider::OpenAi(OpenAiProvider {
            provider_model: model,
            provider_options: None,
        })
    }

    /// Anthropic with this model.
    pub fn anthropic(model: AnthropicModel) -> Self {
        AiCopilotProvider::Anthropic(AnthropicProvider {
            provider_model: model,
            provider_options: None,
        })
    }

    /// Google with this model.
    pub fn google(model: GoogleModel) -> Self {
        AiCopilotProvider::Google(GoogleProvider {
            provider_model: model,
            provider_options: None,
        })
    }

    /// A server speaking the OpenAI API, at `base_url`.
    pub fn openai_compatible(
        model: impl Into<String>,
        provider_name: impl Into<String>,
        base_url: impl Into<String>,
    ) -> Self {
        AiCopilotProvider::OpenAiCompatible(OpenAiCompatibleProvider {
            provider_model: model.into(),
            compatible_provider_name: provider_name.into(),
            provider_base_url: base_url.into(),
        })
    }

    /// Sets the provider options (ignored by `openai-compatible` and unknown providers, which
    /// have none).
    pub fn with_options(mut self, options: ProviderOptions) -> Self {
        match &mut self {
            AiCopilotProvider::OpenAi(p) => p.provider_options = Some(options),
            AiCopilotProvider::Anthropic(p) => p.provider_options = Some(options),
            AiCopilotProvider::Google(p) => p.provider_options = Some(options),
            AiCopilotProvider::OpenAiCompatible(_) | AiCopilotProvider::Other(_) => {}
        }
        self
    }

    /// The provider name as sent on the wire (`""` if an unknown provider's tag is not a
    /// string, which the decoder never produces).
    pub fn name(&self) -> &str {
        match self {
            AiCopilotProvider::OpenAi(_) => "openai",
            AiCopilotProvider::Anthropic(_) => "anthropic",
            AiCopilotProvider::Google(_) => "google",
            AiCopilotProvider::OpenAiCompatible(_) => "openai-compatible",
            AiCopilotProvider::Other(fields) => {
                fields.get("provider").and_then(Value::as_str).unwrap_or("")
            }
        }
    }

    /// The model name as sent on the wire, if there is one.
    pub fn model(&self) -> Option<&str> {
        match self {
            AiCopilotProvider::OpenAi(p) => Some(p.provider_model.as_str()),
            AiCopilotProvider::Anthropic(p) => Some(p.provider_model.as_str()),
            AiCopilotProvider::Google(p) => Some(p.provider_model.as_str()),
            AiCopilotProvider::OpenAiCompatible(p) => Some(&p.provider_model),
            AiCopilotProvider::Other(fields) => fields.get("providerModel").and_then(Value::as_str),
        }
    }
}
