//! AI copilots and knowledge sources.

use liveblocks_core::models::ai::*;
use liveblocks_core::models::Page;

use super::Registry;

pub fn register(r: &mut Registry) {
    r.schema::<AiCopilotBase>("AiCopilotBase");
    r.schema::<AiCopilot>("AiCopilot");
    r.schema::<AiCopilot>("AiCopilotOpenAi");
    r.schema::<AiCopilot>("AiCopilotAnthropic");
    r.schema::<AiCopilot>("AiCopilotGoogle");
    r.schema::<AiCopilot>("AiCopilotOpenAiCompatible");
    r.schema::<Page<AiCopilot>>("GetAiCopilotsResponse");
    r.schema::<CreateAiCopilotOptionsBase>("CreateAiCopilotOptionsBase");
    r.schema::<CreateAiCopilotRequestBody>("CreateAiCopilotRequestBody");
    r.schema::<CreateAiCopilotRequestBody>("CreateAiCopilotOptionsOpenAi");
    r.schema::<CreateAiCopilotRequestBody>("CreateAiCopilotOptionsAnthropic");
    r.schema::<CreateAiCopilotRequestBody>("CreateAiCopilotOptionsGoogle");
    r.schema::<CreateAiCopilotRequestBody>("CreateAiCopilotOptionsOpenAiCompatible");
    r.schema::<UpdateAiCopilotRequestBody>("UpdateAiCopilotRequestBody");
    r.schema::<AiCopilotProviderSettings>("AiCopilotProviderSettings");
    r.schema::<OpenAiModel>("OpenAiModel");
    r.schema::<AnthropicModel>("AnthropicModel");
    r.schema::<GoogleModel>("GoogleModel");
    r.schema::<ProviderOptions>("OpenAiProviderOptions");
    r.schema::<ProviderOptions>("AnthropicProviderOptions");
    r.schema::<ProviderOptions>("GoogleProviderOptions");
    r.schema::<KnowledgeSourceBase>("KnowledgeSourceBase");
    r.schema::<KnowledgeSource>("KnowledgeSource");
    r.schema::<KnowledgeSource>("KnowledgeSourceWebSource");
    r.schema::<KnowledgeSource>("KnowledgeSourceFileSource");
    r.schema::<Page<KnowledgeSource>>("GetKnowledgeSourcesResponse");
    r.schema::<CreateWebKnowledgeSourceRequestBody>("CreateWebKnowledgeSourceRequestBody");
    r.schema::<CreateWebKnowledgeSourceResponse>("CreateWebKnowledgeSourceResponse");
    r.schema::<GetFileKnowledgeSourceMarkdownResponse>("GetFileKnowledgeSourceMarkdownResponse");
    r.schema::<WebKnowledgeSourceLink>("WebKnowledgeSourceLink");
    r.schema::<Page<WebKnowledgeSourceLink>>("GetWebKnowledgeSourceLinksResponse");
}
