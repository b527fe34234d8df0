//! AI copilots and their knowledge sources.

use liveblocks_wasm::liveblocks_core::models::ai::{AiCopilotProvider, WebKnowledgeSourceType};
use liveblocks_wasm::Client;

use crate::{empty, json, Args, Failure, Reply};

/// The answer of `operation` if it is one of this module's.
pub(crate) async fn route(c: &Client, operation: &str, a: &Args) -> Reply {
    let copilot = || a.s("copilotId");
    let source = || a.s("knowledgeSourceId");
    match operation {
        "get-ai-copilots" => json(c.get_ai_copilots().await),
        "create-ai-copilot" => json(
            c.create_ai_copilot(
                a.s("name")?,
                a.s("systemPrompt")?,
                a.s("providerApiKey")?,
                a.get::<AiCopilotProvider>("provider")?,
            )
            .await,
        ),
        "get-ai-copilot" => json(c.get_ai_copilot(copilot()?).await),
        "update-ai-copilot" => json(c.update_ai_copilot(copilot()?).await),
        "delete-ai-copilot" => empty(c.delete_ai_copilot(copilot()?).await),
        "get-knowledge-sources" => json(c.get_knowledge_sources(copilot()?).await),
        "get-knowledge-source" => json(c.get_knowledge_source(copilot()?, source()?).await),
        "create-web-knowledge-source" => json(
            c.create_web_knowledge_source(
                copilot()?,
                a.s("url")?,
                a.get::<WebKnowledgeSourceType>("sourceType")?,
            )
            .await,
        ),
        "create-file-knowledge-source" => json(
            c.create_file_knowledge_source(copilot()?, a.s("name")?, a.bytes()?)
                .await,
        ),
        "get-file-knowledge-source-markdown" => json(
            c.get_file_knowledge_source_markdown(copilot()?, source()?)
                .await,
        ),
        "delete-file-knowledge-source" => {
            empty(c.delete_file_knowledge_source(copilot()?, source()?).await)
        }
        "delete-web-knowledge-source" => {
            empty(c.delete_web_knowledge_source(copilot()?, source()?).await)
        }
        "get-web-knowledge-source-links" => json(
            c.get_web_knowledge_source_links(copilot()?, source()?)
                .await,
        ),
        _ => Err(Failure::Unknown),
    }
}
