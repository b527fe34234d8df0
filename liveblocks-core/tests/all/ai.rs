//! AI copilots and knowledge sources, without network: the exact request of each operation,
//! the decoding of the spec's examples, the provider and knowledge-source unions,
//! the tri-state update body, and error cases.

use crate::common::*;
use bytes::Bytes;
use http::Method;
use liveblocks_core::ai::{
    CreateAiCopilot, CreateFileKnowledgeSource, CreateWebKnowledgeSource, DeleteAiCopilot,
    DeleteFileKnowledgeSource, DeleteWebKnowledgeSource, GetAiCopilot, GetAiCopilots,
    GetFileKnowledgeSourceMarkdown, GetKnowledgeSource, GetKnowledgeSources,
    GetWebKnowledgeSourceLinks, UpdateAiCopilot,
};
use liveblocks_core::models::ai::*;
use liveblocks_core::models::{Cursor, Tristate};
use liveblocks_core::{Endpoint, Paginated};
use serde_json::{json, Value};

/// A copilot ID that must stay one path segment.
const COPILOT: &str = ROOM;
const COPILOT_ENC: &str = ROOM_ENC;
/// A knowledge source ID with a slash and a non-ASCII letter.
const KS: &str = "ks_α/1";
const KS_ENC: &str = "ks_%CE%B1%2F1";

fn copilot_params() -> [(&'static str, &'static str); 1] {
    [("copilotId", COPILOT_ENC)]
}

fn ks_params() -> [(&'static str, &'static str); 2] {
    [("copilotId", COPILOT_ENC), ("knowledgeSourceId", KS_ENC)]
}

// -------------------------------------------------------------------------------------
// Spec examples.
// -------------------------------------------------------------------------------------

/// The spec's `AiCopilotOpenAi` (and `AiCopilot`) example.
const OPENAI_COPILOT: &str = r#"{
    "type": "copilot", "id": "cp_abc123", "name": "My Copilot",
    "systemPrompt": "You are a helpful assistant.", "alwaysUseKnowledge": true,
    "createdAt": "2024-06-01T12:00:00.000Z", "updatedAt": "2024-06-01T12:00:00.000Z",
    "provider": "openai", "providerModel": "gpt-4o",
    "settings": {"maxTokens": 4096, "temperature": 0.7}
}"#;

/// The spec's `AiCopilotAnthropic` example.
const ANTHROPIC_COPILOT: &str = r#"{
    "type": "copilot", "id": "cp_abc456", "name": "My Anthropic Copilot",
    "systemPrompt": "You are a helpful assistant.", "alwaysUseKnowledge": true,
    "createdAt": "2024-06-01T12:00:00.000Z", "updatedAt": "2024-06-01T12:00:00.000Z",
    "provider": "anthropic", "providerModel": "claude-3-5-sonnet-latest"
}"#;

/// The spec's `AiCopilotGoogle` example.
const GOOGLE_COPILOT: &str = r#"{
    "type": "copilot", "id": "cp_abc789", "name": "My Google Copilot",
    "systemPrompt": "You are a helpful assistant.", "alwaysUseKnowledge": false,
    "createdAt": "2024-06-01T12:00:00.000Z", "updatedAt": "2024-06-01T12:00:00.000Z",
    "provider": "google", "providerModel": "gemini-2.5-flash"
}"#;

/// The spec's `AiCopilotOpenAiCompatible` example.
const COMPATIBLE_COPILOT: &str = r#"{
    "type": "copilot", "id": "cp_compat1", "name": "My Compatible Copilot",
    "systemPrompt": "You are a helpful assistant.", "alwaysUseKnowledge": false,
    "createdAt": "2024-06-01T12:00:00.000Z", "updatedAt": "2024-06-01T12:00:00.000Z",
    "provider": "openai-compatible", "providerModel": "my-custom-model",
    "compatibleProviderName": "my-provider", "providerBaseUrl": "https://api.my-provider.com/v1"
}"#;

/// The spec's `KnowledgeSourceWebSource` example.
const WEB_SOURCE: &str = r#"{
    "id": "ks_web123", "type": "ai-knowledge-web-source",
    "createdAt": "2024-06-01T12:00:00.000Z", "updatedAt": "2024-06-01T12:00:00.000Z",
    "lastIndexedAt": "2024-06-01T12:00:00.000Z", "status": "ready",
    "link": {"url": "https://docs.example.com", "type": "crawl"}
}"#;

/// The spec's `KnowledgeSourceFileSource` example.
const FILE_SOURCE: &str = r#"{
    "id": "ks_file123", "type": "ai-knowledge-file-source",
    "createdAt": "2024-06-01T12:00:00.000Z", "updatedAt": "2024-06-01T12:00:00.000Z",
    "lastIndexedAt": "2024-06-01T12:00:00.000Z", "status": "ready",
    "file": {"name": "document.pdf", "mimeType": "application/pdf"}
}"#;

/// What every operation here answers on the local dev server (it does not implement AI).
const DEV_NOT_IMPLEMENTED: &str = r#"{"error":"Not implemented","message":"This endpoint isn't implemented in the Liveblocks dev server."}"#;

fn parse<T: serde::de::DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

/// Decodes `json`, re-encodes it, and requires the same JSON back (timestamps compared as
/// instants: `.000Z` is written back as `Z`).
fn assert_round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(json: &str) -> T {
    let value: T = parse(json);
    let back = serde_json::to_value(&value).unwrap();
    let original: Value = serde_json::from_str(&json.replace(".000Z", "Z")).unwrap();
    assert_eq!(back, original, "round trip of {json}");
    value
}

// -------------------------------------------------------------------------------------
// Requests and responses, operation by operation.
// -------------------------------------------------------------------------------------

#[test]
fn get_ai_copilots() {
    let example = format!(r#"{{"nextCursor": null, "data": [{OPENAI_COPILOT}]}}"#);
    let expected = expect(Method::GET, "/ai/copilots", Body::None);
    let page = check_op(
        Reply::json(200, &example),
        |c| c.get_ai_copilots().send(),
        GetAiCopilots::new(),
        &expected,
    );
    assert_eq!(page.next_cursor, None);
    assert_eq!(page.data.len(), 1);
    assert_eq!(page.data[0].base.id, "cp_abc123");
    assert_eq!(page.data[0].provider.model(), Some("gpt-4o"));

    let expected = expect(
        Method::GET,
        "/ai/copilots?limit=100&startingAfter=eyJj%2B%3D",
        Body::None,
    );
    check_op(
        Reply::value(200, json!({"data": [], "nextCursor": "next"})),
        |c| {
            c.get_ai_copilots()
                .limit(100)
                .starting_after(Cursor::new("eyJj+="))
                .send()
        },
        GetAiCopilots::new()
            .limit(100)
            .starting_after(Cursor::new("eyJj+=")),
        &expected,
    );

    // The paginator asks for the next page with `startingAfter`.
    let next = GetAiCopilots::new().limit(5).after(Cursor::new("c2"));
    let request = next.request(&config()).unwrap();
    assert_eq!(
        request.uri().to_string(),
        format!("{BASE}/v2/ai/copilots?limit=5&startingAfter=c2")
    );
}

#[test]
fn copilot_lists_walk_every_page() {
    use std::sync::{Arc, Mutex};
    let seen = Arc::new(Mutex::new(Vec::new()));
    let recorder = Arc::clone(&seen);
    let transport: Transport = Box::new(move |request| {
        let query = request.uri().query().map(str::to_owned);
        recorder.lock().unwrap().push(query.clone());
        let body = match query.as_deref() {
            None => format!(r#"{{"data":[{OPENAI_COPILOT}],"nextCursor":"c1"}}"#),
            Some("startingAfter=c1") => {
                format!(r#"{{"data":[{ANTHROPIC_COPILOT}],"nextCursor":null}}"#)
            }
            Some(other) => panic!("unexpected query {other}"),
        };
        Ok(http::Response::new(Bytes::from(body)))
    });
    let client = liveblocks_core::Client::with_transport(config(), transport);
    let ids: Vec<String> = client
        .get_ai_copilots()
        .into_items()
        .map(|c| c.map(|c| c.base.id))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids, ["cp_abc123", "cp_abc456"]);
    assert_eq!(seen.lock().unwrap().len(), 2);
}

#[test]
fn create_ai_copilot_openai() {
    // The spec's request example, answered with 201 and the created copilot.
    let expected = expect(
        Method::POST,
        "/ai/copilots",
        Body::Json(json!({
            "name": "My Copilot",
            "systemPrompt": "You are a helpful assistant.",
            "providerApiKey": "sk-...",
            "provider": "openai",
            "providerModel": "gpt-4o"
        })),
    );
    let provider = || AiCopilotProvider::openai(OpenAiModel::Gpt4o);
    let copilot = check_op(
        Reply::json(201, OPENAI_COPILOT),
        |c| {
            c.create_ai_copilot(
                "My Copilot",
                "You are a helpful assistant.",
                "sk-...",
                provider(),
            )
            .send()
        },
        CreateAiCopilot::new(
            "My Copilot",
            "You are a helpful assistant.",
            "sk-...",
            provider(),
        ),
        &expected,
    );
    assert_eq!(copilot.base.object_type, "copilot");
    assert_eq!(copilot.base.name, "My Copilot");
    assert!(copilot.base.always_use_knowledge);
    assert_eq!(copilot.base.created_at.to_string(), "2024-06-01T12:00:00Z");
    let settings = copilot.base.settings.as_ref().unwrap();
    assert_eq!(settings.max_tokens, Some(4096));
    assert_eq!(settings.temperature, Some(0.7));
    match &copilot.provider {
        AiCopilotProvider::OpenAi(p) => {
            assert_eq!(p.provider_model, OpenAiModel::Gpt4o);
            assert_eq!(p.provider_options, None);
        }
        other => panic!("{other:?}"),
    }

    // Every optional field, and OpenAI options.
    let settings = AiCopilotProviderSettings {
        max_tokens: Some(8192),
        top_p: Some(0.9),
        stop_sequences: Some(vec!["END".into()]),
        ..Default::default()
    };
    let options = ProviderOptions::OpenAi(OpenAiOptions {
        reasoning_effort: Some(ReasoningEffort::High),
        web_search: Some(WebSearchOptions {
            allowed_domains: Some(vec!["liveblocks.io".into()]),
        }),
    });
    let expected = expect(
        Method::POST,
        "/ai/copilots",
        Body::Json(json!({
            "name": "Bot",
            "description": "Answers questions",
            "systemPrompt": "Be brief.",
            "knowledgePrompt": "Cite sources.",
            "alwaysUseKnowledge": false,
            "settings": {"maxTokens": 8192, "topP": 0.9, "stopSequences": ["END"]},
            "providerApiKey": "sk-x",
            "provider": "openai",
            "providerModel": "o4-mini",
            "providerOptions": {"openai": {
                "reasoningEffort": "high",
                "webSearch": {"allowedDomains": ["liveblocks.io"]}
            }}
        })),
    );
    let endpoint = || {
        CreateAiCopilot::new(
            "Bot",
            "Be brief.",
            "sk-x",
            AiCopilotProvider::openai(OpenAiModel::O4Mini),
        )
        .description("Answers questions")
        .knowledge_prompt("Cite sources.")
        .always_use_knowledge(false)
        .settings(settings.clone())
        .provider_options(options.clone())
    };
    check_op(
        Reply::json(201, OPENAI_COPILOT),
        |c| {
            c.create_ai_copilot(
                "Bot",
                "Be brief.",
                "sk-x",
                AiCopilotProvider::openai(OpenAiModel::O4Mini),
            )
            .description("Answers questions")
            .knowledge_prompt("Cite sources.")
            .always_use_knowledge(false)
            .settings(settings.clone())
            .provider_options(options.clone())
            .send()
        },
        endpoint(),
        &expected,
    );
}

#[test]
fn create_ai_copilot_other_providers() {
    let cases = [
        (
            AiCopilotProvider::anthropic(AnthropicModel::ClaudeOpus4_7).with_options(
                ProviderOptions::Anthropic(AnthropicOptions {
                    thinking: Some(AnthropicThinking::Enabled {
                        budget_tokens: 10_000,
                    }),
                    web_search: None,
                }),
            ),
            json!({
                "provider": "anthropic",
                "providerModel": "claude-opus-4-7",
                "providerOptions": {"anthropic": {"thinking": {"type": "enabled", "budgetTokens": 10000}}}
            }),
            ANTHROPIC_COPILOT,
        ),
        (
            AiCopilotProvider::google(GoogleModel::Gemini2_5Flash).with_options(
                ProviderOptions::Google(GoogleOptions {
                    thinking_config: Some(GoogleThinkingConfig {
                        thinking_budget: Some(2048),
                    }),
                }),
            ),
            json!({
                "provider": "google",
                "providerModel": "gemini-2.5-flash",
                "providerOptions": {"google": {"thinkingConfig": {"thinkingBudget": 2048}}}
            }),
            GOOGLE_COPILOT,
        ),
        (
            // Options are ignored: this provider has none.
            AiCopilotProvider::openai_compatible(
                "my-custom-model",
                "my-provider",
                "https://api.my-provider.com/v1",
            )
            .with_options(ProviderOptions::Google(GoogleOptions::default())),
            json!({
                "provider": "openai-compatible",
                "providerModel": "my-custom-model",
                "compatibleProviderName": "my-provider",
                "providerBaseUrl": "https://api.my-provider.com/v1"
            }),
            COMPATIBLE_COPILOT,
        ),
        (
            // A model this SDK does not list goes out as written.
            AiCopilotProvider::anthropic(AnthropicModel::from("claude-next")),
            json!({"provider": "anthropic", "providerModel": "claude-next"}),
            ANTHROPIC_COPILOT,
        ),
    ];
    for (provider, provider_json, reply) in cases {
        let mut body = json!({"name": "N", "systemPrompt": "S", "providerApiKey": "K"});
        body.as_object_mut()
            .unwrap()
            .extend(provider_json.as_object().unwrap().clone());
        let expected = expect(Method::POST, "/ai/copilots", Body::Json(body));
        let copilot = check_op(
            Reply::json(201, reply),
            |c| c.create_ai_copilot("N", "S", "K", provider.clone()).send(),
            CreateAiCopilot::new("N", "S", "K", provider.clone()),
            &expected,
        );
        assert_eq!(copilot.provider.name(), provider_json["provider"]);
    }
}

#[test]
fn create_ai_copilot_with_a_provider_this_sdk_does_not_know() {
    let mut fields = serde_json::Map::new();
    fields.insert("provider".into(), json!("mistral"));
    fields.insert("providerModel".into(), json!("mistral-large"));
    let expected = expect(
        Method::POST,
        "/ai/copilots",
        Body::Json(json!({
            "name": "N", "systemPrompt": "S", "providerApiKey": "K",
            "provider": "mistral", "providerModel": "mistral-large"
        })),
    );
    let provider = AiCopilotProvider::Other(fields);
    let copilot = check_op(
        Reply::json(
            201,
            &OPENAI_COPILOT
                .replace(r#""openai""#, r#""mistral""#)
                .replace("gpt-4o", "mistral-large"),
        ),
        |c| c.create_ai_copilot("N", "S", "K", provider.clone()).send(),
        CreateAiCopilot::new("N", "S", "K", provider.clone()),
        &expected,
    );
    assert_eq!(copilot.provider.name(), "mistral");
    assert_eq!(copilot.provider.model(), Some("mistral-large"));
}

#[test]
fn get_ai_copilot_decodes_every_provider() {
    let expected = expect(
        Method::GET,
        &format!("/ai/copilots/{COPILOT_ENC}"),
        Body::None,
    );
    let copilot = check_op_with(
        Reply::json(200, ANTHROPIC_COPILOT),
        |c| c.get_ai_copilot(COPILOT).send(),
        GetAiCopilot::new(COPILOT),
        &expected,
        &copilot_params(),
    );
    assert_eq!(copilot.base.id, "cp_abc456");
    assert_eq!(
        copilot.provider,
        AiCopilotProvider::anthropic(AnthropicModel::Claude3_5SonnetLatest)
    );

    let google: AiCopilot = parse(GOOGLE_COPILOT);
    assert!(!google.base.always_use_knowledge);
    assert_eq!(
        google.provider,
        AiCopilotProvider::google(GoogleModel::Gemini2_5Flash)
    );
    let compatible: AiCopilot = parse(COMPATIBLE_COPILOT);
    match &compatible.provider {
        AiCopilotProvider::OpenAiCompatible(p) => {
            assert_eq!(p.provider_model, "my-custom-model");
            assert_eq!(p.compatible_provider_name, "my-provider");
            assert_eq!(p.provider_base_url, "https://api.my-provider.com/v1");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(compatible.base.description, None);
    assert_eq!(compatible.base.last_used_at, None);
}

#[test]
fn update_ai_copilot_tristate_body() {
    let path = format!("/ai/copilots/{COPILOT_ENC}");

    // The spec's example: set values only.
    let settings = AiCopilotProviderSettings {
        max_tokens: Some(8192),
        ..Default::default()
    };
    let expected = expect(
        Method::POST,
        &path,
        Body::Json(json!({
            "name": "Updated Copilot",
            "systemPrompt": "You are an updated helpful assistant.",
            "providerModel": "gpt-4o",
            "settings": {"maxTokens": 8192}
        })),
    );
    let copilot = check_op_with(
        Reply::json(200, OPENAI_COPILOT),
        |c| {
            c.update_ai_copilot(COPILOT)
                .name("Updated Copilot")
                .system_prompt("You are an updated helpful assistant.")
                .provider_model(OpenAiModel::Gpt4o.as_str())
                .settings(settings.clone())
                .send()
        },
        UpdateAiCopilot::new(COPILOT)
            .name("Updated Copilot")
            .system_prompt("You are an updated helpful assistant.")
            .provider_model(OpenAiModel::Gpt4o.as_str())
            .settings(settings.clone()),
        &expected,
        &copilot_params(),
    );
    assert_eq!(copilot.base.id, "cp_abc123");

    // Every nullable field cleared: sent as explicit nulls.
    let expected = expect(
        Method::POST,
        &path,
        Body::Json(json!({
            "description": null,
            "knowledgePrompt": null,
            "settings": null,
            "providerOptions": null
        })),
    );
    check_op_with(
        Reply::json(200, OPENAI_COPILOT),
        |c| {
            c.update_ai_copilot(COPILOT)
                .clear_description()
                .clear_knowledge_prompt()
                .clear_settings()
                .clear_provider_options()
                .send()
        },
        UpdateAiCopilot::new(COPILOT)
            .clear_description()
            .clear_knowledge_prompt()
            .clear_settings()
            .clear_provider_options(),
        &expected,
        &copilot_params(),
    );

    // Every field set.
    let expected = expect(
        Method::POST,
        &path,
        Body::Json(json!({
            "description": "d",
            "knowledgePrompt": "k",
            "alwaysUseKnowledge": true,
            "providerApiKey": "key",
            "provider": "openai-compatible",
            "providerOptions": {"anthropic": {"thinking": {"type": "disabled"}}},
            "compatibleProviderName": "acme",
            "providerBaseUrl": "https://acme.test/v1"
        })),
    );
    let options = ProviderOptions::Anthropic(AnthropicOptions {
        thinking: Some(AnthropicThinking::Disabled),
        web_search: None,
    });
    check_op_with(
        Reply::json(200, COMPATIBLE_COPILOT),
        |c| {
            c.update_ai_copilot(COPILOT)
                .description("d")
                .knowledge_prompt("k")
                .always_use_knowledge(true)
                .provider_api_key("key")
                .provider(AiProvider::OpenAiCompatible)
                .provider_options(options.clone())
                .compatible_provider_name("acme")
                .provider_base_url("https://acme.test/v1")
                .send()
        },
        UpdateAiCopilot::new(COPILOT)
            .description("d")
            .knowledge_prompt("k")
            .always_use_knowledge(true)
            .provider_api_key("key")
            .provider(AiProvider::OpenAiCompatible)
            .provider_options(options.clone())
            .compatible_provider_name("acme")
            .provider_base_url("https://acme.test/v1"),
        &expected,
        &copilot_params(),
    );

    // Nothing set: an empty object.
    let expected = expect(Method::POST, &path, Body::Json(json!({})));
    check_op_with(
        Reply::json(200, OPENAI_COPILOT),
        |c| c.update_ai_copilot(COPILOT).send(),
        UpdateAiCopilot::new(COPILOT),
        &expected,
        &copilot_params(),
    );
}

#[test]
fn whole_bodies_replace_the_setters() {
    // `changes` sets every change at once, as the setters do one by one.
    let body = UpdateAiCopilotRequestBody {
        name: Some("Updated Copilot".to_owned()),
        description: Tristate::Null,
        settings: Tristate::Set(AiCopilotProviderSettings {
            max_tokens: Some(8192),
            ..Default::default()
        }),
        ..Default::default()
    };
    let by_setters = UpdateAiCopilot::new(COPILOT)
        .name("Updated Copilot")
        .clear_description()
        .settings(AiCopilotProviderSettings {
            max_tokens: Some(8192),
            ..Default::default()
        });
    let whole = UpdateAiCopilot::new(COPILOT).changes(body);
    assert_eq!(whole, by_setters);
    assert_eq!(
        serde_json::from_slice::<Value>(whole.request(&config()).unwrap().body()).unwrap(),
        json!({"name": "Updated Copilot", "description": null, "settings": {"maxTokens": 8192}})
    );

    // `options` replaces the common fields of a new copilot, required ones included.
    let mut options = CreateAiCopilotOptionsBase::new("Bot", "Be brief.", "sk-2");
    options.description = Some("A bot".to_owned());
    let provider = || AiCopilotProvider::openai(OpenAiModel::Gpt4o);
    let whole = CreateAiCopilot::new("n", "s", "k", provider()).options(options);
    assert_eq!(
        whole,
        CreateAiCopilot::new("Bot", "Be brief.", "sk-2", provider()).description("A bot")
    );
    assert_eq!(
        serde_json::from_slice::<Value>(whole.request(&config()).unwrap().body()).unwrap(),
        json!({
            "name": "Bot", "description": "A bot", "systemPrompt": "Be brief.",
            "providerApiKey": "sk-2", "provider": "openai", "providerModel": "gpt-4o"
        })
    );
}

#[test]
fn update_body_tristates_round_trip() {
    for json in [
        r#"{}"#,
        r#"{"description":null,"knowledgePrompt":null,"settings":null,"providerOptions":null}"#,
        r#"{"description":"d","settings":{"seed":7},"providerOptions":{"google":{}}}"#,
    ] {
        assert_round_trip::<UpdateAiCopilotRequestBody>(json);
    }
    let body: UpdateAiCopilotRequestBody = parse(r#"{"description":null,"name":"n"}"#);
    assert_eq!(body.description, Tristate::Null);
    assert_eq!(body.knowledge_prompt, Tristate::Unset);
    assert_eq!(body.name.as_deref(), Some("n"));
}

#[test]
fn delete_ai_copilot() {
    let expected = expect(
        Method::DELETE,
        &format!("/ai/copilots/{COPILOT_ENC}"),
        Body::None,
    );
    check_op_with(
        Reply::empty(204),
        |c| c.delete_ai_copilot(COPILOT).send(),
        DeleteAiCopilot::new(COPILOT),
        &expected,
        &copilot_params(),
    );
}

#[test]
fn get_knowledge_sources() {
    let example = format!(r#"{{"nextCursor": null, "data": [{WEB_SOURCE}, {FILE_SOURCE}]}}"#);
    let expected = expect(
        Method::GET,
        &format!("/ai/copilots/{COPILOT_ENC}/knowledge?limit=1&startingAfter=c%2F1"),
        Body::None,
    );
    let page = check_op_with(
        Reply::json(200, &example),
        |c| {
            c.get_knowledge_sources(COPILOT)
                .limit(1)
                .starting_after(Cursor::new("c/1"))
                .send()
        },
        GetKnowledgeSources::new(COPILOT)
            .limit(1)
            .starting_after(Cursor::new("c/1")),
        &expected,
        &copilot_params(),
    );
    assert_eq!(page.data.len(), 2);
    assert_eq!(page.data[0].base.id, "ks_web123");
    assert_eq!(page.data[0].base.status, KnowledgeSourceStatus::Ready);
    assert!(matches!(page.data[0].kind, KnowledgeSourceKind::Web { .. }));
    assert!(matches!(
        page.data[1].kind,
        KnowledgeSourceKind::File { .. }
    ));

    let next = GetKnowledgeSources::new(COPILOT).after(Cursor::new("n"));
    assert_eq!(
        next.request(&config()).unwrap().uri().to_string(),
        format!("{BASE}/v2/ai/copilots/{COPILOT_ENC}/knowledge?startingAfter=n")
    );
}

#[test]
fn get_knowledge_source() {
    let expected = expect(
        Method::GET,
        &format!("/ai/copilots/{COPILOT_ENC}/knowledge/{KS_ENC}"),
        Body::None,
    );
    let source = check_op_with(
        Reply::json(200, WEB_SOURCE),
        |c| c.get_knowledge_source(COPILOT, KS).send(),
        GetKnowledgeSource::new(COPILOT, KS),
        &expected,
        &ks_params(),
    );
    assert_eq!(
        source.base.last_indexed_at.to_string(),
        "2024-06-01T12:00:00Z"
    );
    match &source.kind {
        KnowledgeSourceKind::Web { link } => {
            assert_eq!(link.url, "https://docs.example.com");
            assert_eq!(link.link_type, WebKnowledgeSourceType::Crawl);
        }
        other => panic!("{other:?}"),
    }

    let file: KnowledgeSource = parse(FILE_SOURCE);
    match &file.kind {
        KnowledgeSourceKind::File { file } => {
            assert_eq!(file.name, "document.pdf");
            assert_eq!(file.mime_type, "application/pdf");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn create_web_knowledge_source_repeats_the_copilot_id() {
    let expected = expect(
        Method::POST,
        &format!("/ai/copilots/{COPILOT_ENC}/knowledge/web"),
        Body::Json(json!({
            "copilotId": COPILOT,
            "url": "https://docs.example.com",
            "type": "crawl"
        })),
    );
    let created = check_op_with(
        Reply::json(200, r#"{"id": "ks_abc123"}"#),
        |c| {
            c.create_web_knowledge_source(
                COPILOT,
                "https://docs.example.com",
                WebKnowledgeSourceType::Crawl,
            )
            .send()
        },
        CreateWebKnowledgeSource::new(
            COPILOT,
            "https://docs.example.com",
            WebKnowledgeSourceType::Crawl,
        ),
        &expected,
        &copilot_params(),
    );
    assert_eq!(created.id, "ks_abc123");

    for (kind, wire) in [
        (WebKnowledgeSourceType::IndividualLink, "individual_link"),
        (WebKnowledgeSourceType::Sitemap, "sitemap"),
    ] {
        let request = CreateWebKnowledgeSource::new("cp", "https://x.test", kind)
            .request(&config())
            .unwrap();
        let body: Value = serde_json::from_slice(request.body()).unwrap();
        assert_eq!(body["type"], wire);
    }
}

#[test]
fn create_file_knowledge_source_uploads_raw_bytes() {
    let file: &[u8] = &[0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x80];
    let expected = expect(
        Method::PUT,
        &format!("/ai/copilots/{COPILOT_ENC}/knowledge/file/my%20doc%C3%A9%2Fv2.pdf"),
        Body::Binary(file.to_vec()),
    );
    let created = check_op_with(
        Reply::json(200, r#"{"id": "ks_file123"}"#),
        |c| {
            c.create_file_knowledge_source(COPILOT, "my docé/v2.pdf", file.to_vec())
                .send()
        },
        CreateFileKnowledgeSource::new(COPILOT, "my docé/v2.pdf", Bytes::from_static(file)),
        &expected,
        &[
            ("copilotId", COPILOT_ENC),
            ("name", "my%20doc%C3%A9%2Fv2.pdf"),
        ],
    );
    assert_eq!(created.id, "ks_file123");
}

#[test]
fn get_file_knowledge_source_markdown_is_json() {
    let expected = expect(
        Method::GET,
        &format!("/ai/copilots/{COPILOT_ENC}/knowledge/file/{KS_ENC}"),
        Body::None,
    );
    let markdown = check_op_with(
        Reply::json(
            200,
            r##"{"id": "ks_abc123", "content": "# Document Title\n\nThis is the content of the uploaded file."}"##,
        ),
        |c| c.get_file_knowledge_source_markdown(COPILOT, KS).send(),
        GetFileKnowledgeSourceMarkdown::new(COPILOT, KS),
        &expected,
        &ks_params(),
    );
    assert_eq!(markdown.id, "ks_abc123");
    assert_eq!(
        markdown.content,
        "# Document Title\n\nThis is the content of the uploaded file."
    );

    // Raw markdown instead of JSON is a decode error, not a panic.
    let err = GetFileKnowledgeSourceMarkdown::new(COPILOT, KS)
        .response(Reply::with_type(200, "text/markdown", b"# Title").to_response())
        .unwrap_err();
    decode_error(&err);
}

#[test]
fn delete_knowledge_sources() {
    let expected = expect(
        Method::DELETE,
        &format!("/ai/copilots/{COPILOT_ENC}/knowledge/file/{KS_ENC}"),
        Body::None,
    );
    check_op_with(
        Reply::empty(204),
        |c| c.delete_file_knowledge_source(COPILOT, KS).send(),
        DeleteFileKnowledgeSource::new(COPILOT, KS),
        &expected,
        &ks_params(),
    );
    let expected = expect(
        Method::DELETE,
        &format!("/ai/copilots/{COPILOT_ENC}/knowledge/web/{KS_ENC}"),
        Body::None,
    );
    check_op_with(
        // Any 2xx, with or without a body, is a success.
        Reply::json(200, r#"{"ok":true}"#),
        |c| c.delete_web_knowledge_source(COPILOT, KS).send(),
        DeleteWebKnowledgeSource::new(COPILOT, KS),
        &expected,
        &ks_params(),
    );
}

#[test]
fn get_web_knowledge_source_links() {
    let example = r#"{"nextCursor": null, "data": [{
        "id": "ksl_abc123", "url": "https://docs.example.com/getting-started",
        "status": "ready", "createdAt": "2024-06-01T12:00:00.000Z",
        "lastIndexedAt": "2024-06-01T12:00:00.000Z"
    }]}"#;
    let expected = expect(
        Method::GET,
        &format!("/ai/copilots/{COPILOT_ENC}/knowledge/web/{KS_ENC}/links"),
        Body::None,
    );
    let page = check_op_with(
        Reply::json(200, example),
        |c| c.get_web_knowledge_source_links(COPILOT, KS).send(),
        GetWebKnowledgeSourceLinks::new(COPILOT, KS),
        &expected,
        &ks_params(),
    );
    assert_eq!(page.next_cursor, None);
    let link = &page.data[0];
    assert_eq!(link.id, "ksl_abc123");
    assert_eq!(link.url, "https://docs.example.com/getting-started");
    assert_eq!(link.status, KnowledgeSourceStatus::Ready);

    let expected = expect(
        Method::GET,
        &format!(
            "/ai/copilots/{COPILOT_ENC}/knowledge/web/{KS_ENC}/links?limit=20&startingAfter=x"
        ),
        Body::None,
    );
    check_op_with(
        Reply::json(200, r#"{"data": [], "nextCursor": null}"#),
        |c| {
            c.get_web_knowledge_source_links(COPILOT, KS)
                .limit(20)
                .starting_after(Cursor::new("x"))
                .send()
        },
        GetWebKnowledgeSourceLinks::new(COPILOT, KS)
            .after(Cursor::new("x"))
            .limit(20),
        &expected,
        &ks_params(),
    );
}

// -------------------------------------------------------------------------------------
// Unions.
// -------------------------------------------------------------------------------------

#[test]
fn copilots_round_trip_faithfully() {
    for json in [
        OPENAI_COPILOT,
        ANTHROPIC_COPILOT,
        GOOGLE_COPILOT,
        COMPATIBLE_COPILOT,
    ] {
        assert_round_trip::<AiCopilot>(json);
    }
    // Every optional field, and provider options in a response.
    let full = r#"{
        "type": "copilot", "id": "cp_1", "name": "n", "description": "d",
        "systemPrompt": "s", "knowledgePrompt": "k", "alwaysUseKnowledge": true,
        "createdAt": "2024-06-01T12:00:00Z", "updatedAt": "2024-06-02T12:00:00Z",
        "lastUsedAt": "2024-06-03T12:00:00Z",
        "settings": {"maxTokens": 1, "temperature": 0.5, "topP": 0.5, "topK": 3.0,
            "frequencyPenalty": 0.1, "presencePenalty": 0.2, "stopSequences": ["x"],
            "seed": 42, "maxRetries": 2},
        "provider": "anthropic", "providerModel": "claude-sonnet-4-6",
        "providerOptions": {"anthropic": {
            "thinking": {"type": "enabled", "budgetTokens": 5000},
            "webSearch": {"allowedDomains": ["a.test"]}
        }}
    }"#;
    let copilot = assert_round_trip::<AiCopilot>(full);
    assert_eq!(copilot.base.description.as_deref(), Some("d"));
    assert_eq!(
        copilot.base.last_used_at.unwrap().to_string(),
        "2024-06-03T12:00:00Z"
    );
    match copilot.provider {
        AiCopilotProvider::Anthropic(p) => {
            assert_eq!(p.provider_model, AnthropicModel::ClaudeSonnet4_6);
            let Some(ProviderOptions::Anthropic(options)) = p.provider_options else {
                panic!("anthropic options expected");
            };
            assert_eq!(
                options.thinking,
                Some(AnthropicThinking::Enabled {
                    budget_tokens: 5000
                })
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_provider_is_kept_with_its_fields() {
    let json = r#"{
        "type": "copilot", "id": "cp_m", "name": "n", "systemPrompt": "s",
        "alwaysUseKnowledge": false,
        "createdAt": "2024-06-01T12:00:00.000Z", "updatedAt": "2024-06-01T12:00:00.000Z",
        "provider": "mistral", "providerModel": "mistral-large", "region": "eu"
    }"#;
    let copilot = assert_round_trip::<AiCopilot>(json);
    assert_eq!(copilot.base.id, "cp_m");
    assert_eq!(copilot.provider.name(), "mistral");
    assert_eq!(copilot.provider.model(), Some("mistral-large"));
    let AiCopilotProvider::Other(fields) = &copilot.provider else {
        panic!("{:?}", copilot.provider);
    };
    // Only the provider-specific fields: the common ones are in `base`.
    let mut keys: Vec<&str> = fields.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["provider", "providerModel", "region"]);
}

#[test]
fn unknown_model_names_are_kept() {
    let json = OPENAI_COPILOT.replace("gpt-4o", "gpt-9-ultra");
    let copilot = assert_round_trip::<AiCopilot>(&json);
    let AiCopilotProvider::OpenAi(p) = &copilot.provider else {
        panic!()
    };
    assert_eq!(p.provider_model, OpenAiModel::Other("gpt-9-ultra".into()));
    assert_eq!(
        serde_json::to_string(&GoogleModel::from("gemini-9")).unwrap(),
        r#""gemini-9""#
    );
    assert_eq!(
        GoogleModel::from("gemini-2.5-pro"),
        GoogleModel::Gemini2_5Pro
    );
    assert_eq!(
        AnthropicModel::Claude4Opus20250514.as_str(),
        "claude-4-opus-20250514"
    );
    assert_eq!(
        OpenAiModel::Gpt5_1ChatLatest.to_string(),
        "gpt-5.1-chat-latest"
    );
}

#[test]
fn known_provider_with_wrong_shape_is_a_decode_error() {
    let cases = [
        // No providerModel.
        OPENAI_COPILOT.replace(r#""providerModel": "gpt-4o","#, ""),
        // openai-compatible without its base URL.
        COMPATIBLE_COPILOT.replace(
            r#", "providerBaseUrl": "https://api.my-provider.com/v1""#,
            "",
        ),
        // No provider at all.
        GOOGLE_COPILOT.replace(r#""provider": "google","#, ""),
        // A provider that is not a string.
        GOOGLE_COPILOT.replace(r#""provider": "google""#, r#""provider": 3"#),
        // Bad anthropic thinking.
        ANTHROPIC_COPILOT.replace(
            r#""providerModel""#,
            r#""providerOptions": {"anthropic": {"thinking": {"type": "enabled"}}}, "providerModel""#,
        ),
    ];
    let originals = [
        OPENAI_COPILOT,
        ANTHROPIC_COPILOT,
        GOOGLE_COPILOT,
        COMPATIBLE_COPILOT,
    ];
    for json in cases {
        assert!(!originals.contains(&json.as_str()), "the edit missed");
        let err = GetAiCopilot::new("cp")
            .response(response(200, &json))
            .unwrap_err();
        let decode = decode_error(&err);
        assert_eq!(decode.status, 200);
        assert!(!decode.message.is_empty(), "{json}");
        assert_eq!(decode.raw_body, Bytes::from(json.clone()));
    }
    // A broken copilot inside a list is located by its index.
    let list = format!(
        r#"{{"data":[{OPENAI_COPILOT},{}],"nextCursor":null}}"#,
        OPENAI_COPILOT.replace(r#""providerModel": "gpt-4o","#, "")
    );
    let err = GetAiCopilots::new()
        .response(response(200, &list))
        .unwrap_err();
    let decode = decode_error(&err);
    assert!(decode.path.starts_with("data[1]"), "{}", decode.path);
    assert!(
        decode.message.contains("providerModel"),
        "{}",
        decode.message
    );
}

#[test]
fn provider_options_are_told_apart_by_their_key() {
    let cases = [
        (
            r#"{"openai":{"reasoningEffort":"medium"}}"#,
            ProviderOptions::OpenAi(OpenAiOptions {
                reasoning_effort: Some(ReasoningEffort::Medium),
                web_search: None,
            }),
        ),
        (
            r#"{"anthropic":{"thinking":{"type":"enabled","budgetTokens":10000}}}"#,
            ProviderOptions::Anthropic(AnthropicOptions {
                thinking: Some(AnthropicThinking::Enabled {
                    budget_tokens: 10_000,
                }),
                web_search: None,
            }),
        ),
        (
            r#"{"anthropic":{"thinking":{"type":"disabled"},"webSearch":{}}}"#,
            ProviderOptions::Anthropic(AnthropicOptions {
                thinking: Some(AnthropicThinking::Disabled),
                web_search: Some(WebSearchOptions::default()),
            }),
        ),
        (
            r#"{"google":{"thinkingConfig":{"thinkingBudget":10000}}}"#,
            ProviderOptions::Google(GoogleOptions {
                thinking_config: Some(GoogleThinkingConfig {
                    thinking_budget: Some(10_000),
                }),
            }),
        ),
    ];
    for (json, expected) in cases {
        let options = assert_round_trip::<ProviderOptions>(json);
        assert_eq!(options, expected);
    }
    // An unknown reasoning effort is kept.
    let options: ProviderOptions = parse(r#"{"openai":{"reasoningEffort":"extreme"}}"#);
    let ProviderOptions::OpenAi(openai) = options else {
        panic!()
    };
    assert_eq!(
        openai.reasoning_effort,
        Some(ReasoningEffort::Other("extreme".into()))
    );
    // No wrapper key, two keys, an unknown key, or a bad thinking type: errors.
    for bad in [
        r#"{}"#,
        r#"{"reasoningEffort":"low"}"#,
        r#"{"mistral":{}}"#,
        r#"{"anthropic":{"thinking":{"type":"sometimes"}}}"#,
        r#"{"anthropic":{"thinking":{"budgetTokens":1}}}"#,
    ] {
        assert!(
            serde_json::from_str::<ProviderOptions>(bad).is_err(),
            "{bad} decoded"
        );
    }
}

#[test]
fn knowledge_sources_round_trip_with_unknown_kind_fallback() {
    assert_round_trip::<KnowledgeSource>(WEB_SOURCE);
    assert_round_trip::<KnowledgeSource>(FILE_SOURCE);

    let with_error = WEB_SOURCE.replace(
        r#""status": "ready""#,
        r#""status": "error", "errorMessage": "404 at https://docs.example.com""#,
    );
    let source = assert_round_trip::<KnowledgeSource>(&with_error);
    assert_eq!(source.base.status, KnowledgeSourceStatus::Error);
    assert_eq!(
        source.base.error_message.as_deref(),
        Some("404 at https://docs.example.com")
    );

    // A kind added later: kept whole, base fields still typed.
    let notion = r#"{
        "id": "ks_n", "type": "ai-knowledge-notion-source",
        "createdAt": "2024-06-01T12:00:00.000Z", "updatedAt": "2024-06-01T12:00:00.000Z",
        "lastIndexedAt": "2024-06-01T12:00:00.000Z", "status": "indexing-later",
        "page": {"id": "p1"}
    }"#;
    let source = assert_round_trip::<KnowledgeSource>(notion);
    assert_eq!(source.base.id, "ks_n");
    assert_eq!(
        source.base.status,
        KnowledgeSourceStatus::Other("indexing-later".into())
    );
    let KnowledgeSourceKind::Other(fields) = &source.kind else {
        panic!("{:?}", source.kind)
    };
    assert_eq!(fields["type"], "ai-knowledge-notion-source");
    assert_eq!(fields["page"], json!({"id": "p1"}));

    // A known kind missing its payload, or no type at all: decode errors.
    for (source, from, to) in [
        (
            WEB_SOURCE,
            r#""link": {"url": "https://docs.example.com", "type": "crawl"}"#,
            r#""linked": true"#,
        ),
        (
            FILE_SOURCE,
            r#""mimeType": "application/pdf""#,
            r#""size": 1"#,
        ),
        (FILE_SOURCE, r#""type": "ai-knowledge-file-source","#, ""),
        (WEB_SOURCE, r#""type": "crawl""#, r#""type": 7"#),
    ] {
        assert!(source.contains(from), "{from}");
        let bad = source.replace(from, to);
        let err = GetKnowledgeSource::new("cp", "ks")
            .response(response(200, &bad))
            .unwrap_err();
        decode_error(&err);
    }
}

// -------------------------------------------------------------------------------------
// Errors and invalid input.
// -------------------------------------------------------------------------------------

#[test]
fn api_errors_are_typed() {
    let mock = Mock::new(Reply::json(
        404,
        r#"{"error":"RESOURCE_NOT_FOUND","message":"Copilot not found"}"#,
    ));
    let err = mock.client.get_ai_copilot("cp_missing").send().unwrap_err();
    assert!(err.is_not_found());
    let api = api_error(&err);
    assert_eq!(api.status, 404);
    assert_eq!(err.code(), Some("RESOURCE_NOT_FOUND"));

    // The dev server answers every AI operation with a 501.
    let mock = Mock::new(Reply::json(501, DEV_NOT_IMPLEMENTED).header(
        "x-lb-warn",
        "This endpoint isn't implemented in the Liveblocks dev server.",
    ));
    let err = mock
        .client
        .create_file_knowledge_source("cp", "a.pdf", vec![1, 2, 3])
        .send()
        .unwrap_err();
    let api = api_error(&err);
    assert_eq!(api.status, 501);
    assert_eq!(err.code(), Some("Not implemented"));

    // 422 on create.
    let mock = Mock::new(Reply::json(
        422,
        r#"{"error":"UNPROCESSABLE_ENTITY","message":"Invalid provider API key"}"#,
    ));
    let err = mock
        .client
        .create_ai_copilot(
            "n",
            "s",
            "bad",
            AiCopilotProvider::openai(OpenAiModel::Gpt4o),
        )
        .send()
        .unwrap_err();
    assert_eq!(api_error(&err).status, 422);
}

#[test]
fn invalid_input_is_rejected_before_sending() {
    let mock = Mock::new(Reply::json(200, "{}"));
    let c = &mock.client;
    let errors = [
        c.get_ai_copilots().limit(0).send().unwrap_err(),
        c.get_ai_copilots().limit(101).send().unwrap_err(),
        c.get_knowledge_sources("cp").limit(0).send().unwrap_err(),
        c.get_web_knowledge_source_links("cp", "ks")
            .limit(500)
            .send()
            .unwrap_err(),
        c.get_ai_copilot("").send().unwrap_err(),
        c.update_ai_copilot("").name("x").send().unwrap_err(),
        c.delete_ai_copilot("").send().unwrap_err(),
        c.get_knowledge_source("cp", "").send().unwrap_err(),
        c.get_knowledge_source("", "ks").send().unwrap_err(),
        c.create_web_knowledge_source("", "https://x.test", WebKnowledgeSourceType::Crawl)
            .send()
            .unwrap_err(),
        c.create_web_knowledge_source("cp", "", WebKnowledgeSourceType::Crawl)
            .send()
            .unwrap_err(),
        c.create_file_knowledge_source("cp", "", vec![1])
            .send()
            .unwrap_err(),
        c.create_ai_copilot(
            "",
            "s",
            "k",
            AiCopilotProvider::google(GoogleModel::Gemini1_5Pro),
        )
        .send()
        .unwrap_err(),
        c.create_ai_copilot("n", "s", "k", AiCopilotProvider::Other(Default::default()))
            .send()
            .unwrap_err(),
        c.delete_file_knowledge_source("cp", "").send().unwrap_err(),
        c.delete_web_knowledge_source("cp", "").send().unwrap_err(),
        c.get_file_knowledge_source_markdown("", "ks")
            .send()
            .unwrap_err(),
    ];
    for err in &errors {
        assert!(err.is_invalid_input(), "{err:?}");
    }
    assert_eq!(mock.calls(), 0, "nothing may be sent");
    // The limits themselves are accepted.
    GetAiCopilots::new().limit(1).request(&config()).unwrap();
    GetAiCopilots::new().limit(100).request(&config()).unwrap();
}
