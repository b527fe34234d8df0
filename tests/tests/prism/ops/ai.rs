//! AI copilots and knowledge sources: the exercises of the `ai` domain.

use bytes::Bytes;
use liveblocks_core::models::ai::{
    AiCopilot, AiCopilotProvider, AiCopilotProviderSettings, AiProvider, KnowledgeSource,
    KnowledgeSourceKind, KnowledgeSourceStatus, OpenAiModel, OpenAiOptions, ProviderOptions,
    ReasoningEffort, WebKnowledgeSourceType, WebSearchOptions,
};

use super::examples::{cursor, expect_status, single, ts};
use crate::harness::{ensure_eq, Failure, Mode, Session};

const COPILOT: &str = "cp_abc123";
const KNOWLEDGE: &str = "ks_abc123";

/// The `AiCopilot` example; the list's has no settings.
fn ensure_example_copilot(copilot: &AiCopilot, with_settings: bool) -> Result<(), Failure> {
    let base = &copilot.base;
    ensure_eq("type", base.object_type.as_str(), "copilot")?;
    ensure_eq("id", base.id.as_str(), COPILOT)?;
    ensure_eq("name", base.name.as_str(), "My Copilot")?;
    ensure_eq(
        "systemPrompt",
        base.system_prompt.as_str(),
        "You are a helpful assistant.",
    )?;
    ensure_eq("description", base.description.as_deref(), None)?;
    ensure_eq("alwaysUseKnowledge", base.always_use_knowledge, true)?;
    ensure_eq("createdAt", base.created_at, ts("2024-06-01T12:00:00.000Z"))?;
    ensure_eq("updatedAt", base.updated_at, ts("2024-06-01T12:00:00.000Z"))?;
    ensure_eq("lastUsedAt", base.last_used_at, None)?;
    let AiCopilotProvider::OpenAi(provider) = &copilot.provider else {
        return Err(Failure::Check(format!(
            "expected the openai provider, got {:?}",
            copilot.provider
        )));
    };
    ensure_eq(
        "providerModel",
        &provider.provider_model,
        &OpenAiModel::Gpt4o,
    )?;
    ensure_eq("providerOptions", &provider.provider_options, &None)?;
    let settings = base
        .settings
        .as_ref()
        .map(|s| (s.max_tokens, s.temperature, s.top_p));
    let expected = with_settings.then_some((Some(4096), Some(0.7), None));
    ensure_eq("settings", settings, expected)
}

/// The `KnowledgeSource` examples (web sources).
fn ensure_example_knowledge(source: &KnowledgeSource, id: &str) -> Result<(), Failure> {
    let base = &source.base;
    ensure_eq("id", base.id.as_str(), id)?;
    let when = ts("2024-06-01T12:00:00.000Z");
    ensure_eq(
        "dates",
        (base.created_at, base.updated_at, base.last_indexed_at),
        (when, when, when),
    )?;
    ensure_eq("status", &base.status, &KnowledgeSourceStatus::Ready)?;
    ensure_eq("errorMessage", base.error_message.as_deref(), None)?;
    let KnowledgeSourceKind::Web { link } = &source.kind else {
        return Err(Failure::Check(format!(
            "expected a web source, got {:?}",
            source.kind
        )));
    };
    ensure_eq("link.url", link.url.as_str(), "https://docs.example.com")?;
    ensure_eq("link.type", &link.link_type, &WebKnowledgeSourceType::Crawl)
}

/// Runs the exercise of `op`, an operation of this domain.
pub async fn exercise(s: &Session, op: &str, mode: Mode) -> Result<(), Failure> {
    let c = &s.app;
    match op {
        "get-ai-copilots" => {
            let page = s
                .fetch(c.get_ai_copilots().limit(20).starting_after(cursor()))
                .await?;
            mode.check(|| {
                single(&page, None)?;
                ensure_example_copilot(&page.data[0], false)
            })
        }
        "create-ai-copilot" => {
            let options = ProviderOptions::OpenAi(OpenAiOptions {
                reasoning_effort: Some(ReasoningEffort::Medium),
                web_search: Some(WebSearchOptions {
                    allowed_domains: Some(vec!["liveblocks.io".to_owned()]),
                }),
            });
            let copilot = s
                .fetch(
                    c.create_ai_copilot(
                        "My Copilot",
                        "You are a helpful assistant.",
                        "sk-provider-key",
                        AiCopilotProvider::openai(OpenAiModel::Gpt4o),
                    )
                    .description("Answers questions about the docs")
                    .knowledge_prompt("Use the docs first.")
                    .always_use_knowledge(true)
                    .settings(AiCopilotProviderSettings {
                        max_tokens: Some(4096),
                        temperature: Some(0.7),
                        stop_sequences: Some(vec!["END".to_owned()]),
                        ..Default::default()
                    })
                    .provider_options(options),
                )
                .await?;
            let minimal = s
                .fetch(c.create_ai_copilot(
                    "Minimal",
                    "Be brief.",
                    "sk-provider-key",
                    AiCopilotProvider::openai_compatible(
                        "llama-3",
                        "my-provider",
                        "https://llm.example.com/v1",
                    ),
                ))
                .await?;
            mode.check(|| {
                ensure_eq("status", s.last_status(), Some(201))?;
                ensure_example_copilot(&copilot, true)?;
                ensure_example_copilot(&minimal, true)
            })
        }
        "get-ai-copilot" => {
            let copilot = s.fetch(c.get_ai_copilot(COPILOT)).await?;
            mode.check(|| ensure_example_copilot(&copilot, true))
        }
        "update-ai-copilot" => {
            let set = s
                .fetch(
                    c.update_ai_copilot(COPILOT)
                        .name("Updated Copilot")
                        .description("Now with more docs")
                        .system_prompt("You are an updated helpful assistant.")
                        .knowledge_prompt("Prefer the changelog.")
                        .always_use_knowledge(false)
                        .settings(AiCopilotProviderSettings {
                            max_tokens: Some(8192),
                            top_p: Some(0.9),
                            seed: Some(7),
                            ..Default::default()
                        })
                        .provider_api_key("sk-new-provider-key")
                        .provider(AiProvider::OpenAi)
                        .provider_model("gpt-4o")
                        .provider_options(ProviderOptions::OpenAi(OpenAiOptions {
                            reasoning_effort: Some(ReasoningEffort::High),
                            web_search: None,
                        })),
                )
                .await?;
            // Every nullable field cleared with `null`; the compatible provider's fields.
            let cleared = s
                .fetch(
                    c.update_ai_copilot(COPILOT)
                        .clear_description()
                        .clear_knowledge_prompt()
                        .clear_settings()
                        .clear_provider_options()
                        .provider(AiProvider::OpenAiCompatible)
                        .compatible_provider_name("my-provider")
                        .provider_base_url("https://llm.example.com/v1"),
                )
                .await?;
            let empty = s.fetch(c.update_ai_copilot(COPILOT)).await?;
            mode.check(|| {
                ensure_example_copilot(&set, true)?;
                ensure_example_copilot(&cleared, true)?;
                ensure_example_copilot(&empty, true)
            })
        }
        "delete-ai-copilot" => {
            s.fetch(c.delete_ai_copilot(COPILOT)).await?;
            mode.check(|| expect_status(s, 204))
        }
        "get-knowledge-sources" => {
            let page = s
                .fetch(
                    c.get_knowledge_sources(COPILOT)
                        .limit(20)
                        .starting_after(cursor()),
                )
                .await?;
            mode.check(|| {
                single(&page, None)?;
                ensure_example_knowledge(&page.data[0], KNOWLEDGE)
            })
        }
        "get-knowledge-source" => {
            let source = s
                .fetch(c.get_knowledge_source(COPILOT, "ks_web123"))
                .await?;
            mode.check(|| ensure_example_knowledge(&source, "ks_web123"))
        }
        "create-web-knowledge-source" => {
            let created = s
                .fetch(c.create_web_knowledge_source(
                    COPILOT,
                    "https://docs.example.com",
                    WebKnowledgeSourceType::Crawl,
                ))
                .await?;
            mode.check(|| ensure_eq("id", created.id.as_str(), KNOWLEDGE))
        }
        "create-file-knowledge-source" => {
            let created = s
                .fetch(c.create_file_knowledge_source(
                    COPILOT,
                    "guide.pdf",
                    Bytes::from_static(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
                ))
                .await?;
            // Inline schema without an example: the placeholder.
            mode.check(|| ensure_eq("id", created.id.as_str(), "string"))
        }
        "get-file-knowledge-source-markdown" => {
            let markdown = s
                .fetch(c.get_file_knowledge_source_markdown(COPILOT, KNOWLEDGE))
                .await?;
            mode.check(|| {
                ensure_eq(
                    "markdown",
                    (markdown.id.as_str(), markdown.content.as_str()),
                    (
                        KNOWLEDGE,
                        "# Document Title\n\nThis is the content of the uploaded file.",
                    ),
                )
            })
        }
        "delete-file-knowledge-source" => {
            s.fetch(c.delete_file_knowledge_source(COPILOT, KNOWLEDGE))
                .await?;
            mode.check(|| expect_status(s, 204))
        }
        "delete-web-knowledge-source" => {
            s.fetch(c.delete_web_knowledge_source(COPILOT, KNOWLEDGE))
                .await?;
            mode.check(|| expect_status(s, 204))
        }
        "get-web-knowledge-source-links" => {
            let page = s
                .fetch(
                    c.get_web_knowledge_source_links(COPILOT, KNOWLEDGE)
                        .limit(20)
                        .starting_after(cursor()),
                )
                .await?;
            mode.check(|| {
                single(&page, None)?;
                let link = &page.data[0];
                let when = ts("2024-06-01T12:00:00.000Z");
                ensure_eq(
                    "link",
                    (
                        link.id.as_str(),
                        link.url.as_str(),
                        &link.status,
                        link.created_at,
                        link.last_indexed_at,
                    ),
                    (
                        "ksl_abc123",
                        "https://docs.example.com/getting-started",
                        &KnowledgeSourceStatus::Ready,
                        when,
                        when,
                    ),
                )
            })
        }
        other => Err(Failure::Check(format!("no exercise for operation {other}"))),
    }
}
