//! AI: copilots (list, create, read, update, delete) and their knowledge sources (web pages
//! and uploaded files).

use bytes::Bytes;
use http::Method;

use crate::call::Call;
use crate::client::{call_setters, Client};
use crate::config::Config;
use crate::endpoint::{
    check_not_empty, decode_json, ignore_body, list_endpoint, op, path_endpoint, BodyKind,
    Endpoint, Operation, RequestBuilder,
};
use crate::error::Error;
use crate::models::ai::{
    AiCopilot, AiCopilotProvider, AiCopilotProviderSettings, AiProvider,
    CreateAiCopilotOptionsBase, CreateAiCopilotRequestBody, CreateFileKnowledgeSourceResponse,
    CreateWebKnowledgeSourceRequestBody, CreateWebKnowledgeSourceResponse,
    GetFileKnowledgeSourceMarkdownResponse, KnowledgeSource, ProviderOptions,
    UpdateAiCopilotRequestBody, WebKnowledgeSourceLink, WebKnowledgeSourceType,
};
use crate::models::Tristate;
use crate::transport::{HttpRequest, HttpResponse};

/// Every operation of this domain.
pub const OPERATIONS: &[Operation] = &[
    GetAiCopilots::OPERATION,
    CreateAiCopilot::OPERATION,
    GetAiCopilot::OPERATION,
    UpdateAiCopilot::OPERATION,
    DeleteAiCopilot::OPERATION,
    GetKnowledgeSources::OPERATION,
    GetKnowledgeSource::OPERATION,
    CreateWebKnowledgeSource::OPERATION,
    CreateFileKnowledgeSource::OPERATION,
    GetFileKnowledgeSourceMarkdown::OPERATION,
    DeleteFileKnowledgeSource::OPERATION,
    DeleteWebKnowledgeSource::OPERATION,
    GetWebKnowledgeSourceLinks::OPERATION,
];

list_endpoint!(
    /// Lists the project's AI copilots, one page at a time (`GET /v2/ai/copilots`).
    GetAiCopilots, "get-ai-copilots", "/ai/copilots", AiCopilot,
    starting_after = "startingAfter",
    /// The first page.
    new()
);

impl Default for GetAiCopilots {
    fn default() -> Self {
        Self::new()
    }
}

/// Creates an AI copilot (`POST /v2/ai/copilots`); the server answers 201.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateAiCopilot {
    body: CreateAiCopilotRequestBody,
}

impl CreateAiCopilot {
    /// A copilot named `name` with this system prompt, calling `provider` with
    /// `provider_api_key`.
    pub fn new(
        name: impl Into<String>,
        system_prompt: impl Into<String>,
        provider_api_key: impl Into<String>,
        provider: AiCopilotProvider,
    ) -> Self {
        Self::from_body(CreateAiCopilotRequestBody {
            options: CreateAiCopilotOptionsBase::new(name, system_prompt, provider_api_key),
            provider,
        })
    }

    /// A copilot from a complete body.
    pub fn from_body(body: CreateAiCopilotRequestBody) -> Self {
        CreateAiCopilot { body }
    }

    /// Its description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.options.description = Some(description.into());
        self
    }

    /// The prompt that tells the model how to use knowledge.
    pub fn knowledge_prompt(mut self, knowledge_prompt: impl Into<String>) -> Self {
        self.body.options.knowledge_prompt = Some(knowledge_prompt.into());
        self
    }

    /// Whether knowledge is always added to the context.
    pub fn always_use_knowledge(mut self, always: bool) -> Self {
        self.body.options.always_use_knowledge = Some(always);
        self
    }

    /// Generation settings.
    pub fn settings(mut self, settings: AiCopilotProviderSettings) -> Self {
        self.body.options.settings = Some(settings);
        self
    }

    /// Provider options (see [`AiCopilotProvider::with_options`]).
    pub fn provider_options(mut self, options: ProviderOptions) -> Self {
        self.body.provider = self.body.provider.with_options(options);
        self
    }
}

call_setters!(CreateAiCopilot {
    description(description: impl Into<String>),
    knowledge_prompt(knowledge_prompt: impl Into<String>),
    always_use_knowledge(always: bool),
    settings(settings: AiCopilotProviderSettings),
    provider_options(options: ProviderOptions),
});

impl Endpoint for CreateAiCopilot {
    type Output = AiCopilot;
    const OPERATION: Operation = op(
        "create-ai-copilot",
        Method::POST,
        "/ai/copilots",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_not_empty(Self::OPERATION.id, "name", &self.body.options.name)?;
        if self.body.provider.name().is_empty() {
            return Err(Error::invalid_input(
                "`provider` must be a non-empty string (create-ai-copilot)",
            ));
        }
        RequestBuilder::new(config, &Self::OPERATION)
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

path_endpoint!(
    /// Reads an AI copilot (`GET /v2/ai/copilots/{copilotId}`).
    GetAiCopilot, "get-ai-copilot", GET, "/ai/copilots/{copilotId}",
    Json, AiCopilot, decode_json,
    /// The endpoint for these IDs.
    new(copilot_id = "copilotId")
);

path_endpoint!(
    /// Deletes an AI copilot (`DELETE /v2/ai/copilots/{copilotId}`).
    DeleteAiCopilot, "delete-ai-copilot", DELETE, "/ai/copilots/{copilotId}",
    None, (), ignore_body,
    /// The endpoint for these IDs.
    new(copilot_id = "copilotId")
);

/// Changes an AI copilot (`POST /v2/ai/copilots/{copilotId}`); only what you set is sent,
/// and the `clear_*` setters send `null` to remove a value.
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateAiCopilot {
    copilot_id: String,
    body: UpdateAiCopilotRequestBody,
}

impl UpdateAiCopilot {
    /// An update of `copilot_id` that changes nothing yet.
    pub fn new(copilot_id: impl Into<String>) -> Self {
        Self::from_body(copilot_id, UpdateAiCopilotRequestBody::default())
    }

    /// An update of `copilot_id` with all its changes at once.
    pub fn from_body(copilot_id: impl Into<String>, body: UpdateAiCopilotRequestBody) -> Self {
        UpdateAiCopilot {
            copilot_id: copilot_id.into(),
            body,
        }
    }

    /// A new name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.body.name = Some(name.into());
        self
    }

    /// A new description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Tristate::Set(description.into());
        self
    }

    /// Removes the description (sends `null`).
    pub fn clear_description(mut self) -> Self {
        self.body.description = Tristate::Null;
        self
    }

    /// A new system prompt.
    pub fn system_prompt(mut self, system_prompt: impl Into<String>) -> Self {
        self.body.system_prompt = Some(system_prompt.into());
        self
    }

    /// A new knowledge prompt.
    pub fn knowledge_prompt(mut self, knowledge_prompt: impl Into<String>) -> Self {
        self.body.knowledge_prompt = Tristate::Set(knowledge_prompt.into());
        self
    }

    /// Removes the knowledge prompt (sends `null`).
    pub fn clear_knowledge_prompt(mut self) -> Self {
        self.body.knowledge_prompt = Tristate::Null;
        self
    }

    /// Whether knowledge is always added to the context.
    pub fn always_use_knowledge(mut self, always: bool) -> Self {
        self.body.always_use_knowledge = Some(always);
        self
    }

    /// New generation settings.
    pub fn settings(mut self, settings: AiCopilotProviderSettings) -> Self {
        self.body.settings = Tristate::Set(settings);
        self
    }

    /// Resets the generation settings (sends `null`).
    pub fn clear_settings(mut self) -> Self {
        self.body.settings = Tristate::Null;
        self
    }

    /// A new provider API key.
    pub fn provider_api_key(mut self, key: impl Into<String>) -> Self {
        self.body.provider_api_key = Some(key.into());
        self
    }

    /// A new provider.
    pub fn provider(mut self, provider: AiProvider) -> Self {
        self.body.provider = Some(provider);
        self
    }

    /// A new model name (e.g. `OpenAiModel::Gpt4o.as_str()`).
    pub fn provider_model(mut self, model: impl Into<String>) -> Self {
        self.body.provider_model = Some(model.into());
        self
    }

    /// New provider options.
    pub fn provider_options(mut self, options: ProviderOptions) -> Self {
        self.body.provider_options = Tristate::Set(options);
        self
    }

    /// Removes the provider options (sends `null`).
    pub fn clear_provider_options(mut self) -> Self {
        self.body.provider_options = Tristate::Null;
        self
    }

    /// A new display name of an OpenAI-compatible provider.
    pub fn compatible_provider_name(mut self, name: impl Into<String>) -> Self {
        self.body.compatible_provider_name = Some(name.into());
        self
    }

    /// A new base URL of an OpenAI-compatible provider.
    pub fn provider_base_url(mut self, url: impl Into<String>) -> Self {
        self.body.provider_base_url = Some(url.into());
        self
    }
}

call_setters!(UpdateAiCopilot {
    name(name: impl Into<String>),
    description(description: impl Into<String>),
    clear_description(),
    system_prompt(system_prompt: impl Into<String>),
    knowledge_prompt(knowledge_prompt: impl Into<String>),
    clear_knowledge_prompt(),
    always_use_knowledge(always: bool),
    settings(settings: AiCopilotProviderSettings),
    clear_settings(),
    provider_api_key(key: impl Into<String>),
    provider(provider: AiProvider),
    provider_model(model: impl Into<String>),
    provider_options(options: ProviderOptions),
    clear_provider_options(),
    compatible_provider_name(name: impl Into<String>),
    provider_base_url(url: impl Into<String>),
});

impl Endpoint for UpdateAiCopilot {
    type Output = AiCopilot;
    const OPERATION: Operation = op(
        "update-ai-copilot",
        Method::POST,
        "/ai/copilots/{copilotId}",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("copilotId", &self.copilot_id)
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

list_endpoint!(
    /// Lists a copilot's knowledge sources, one page at a time
    /// (`GET /v2/ai/copilots/{copilotId}/knowledge`).
    GetKnowledgeSources, "get-knowledge-sources", "/ai/copilots/{copilotId}/knowledge",
    KnowledgeSource, starting_after = "startingAfter",
    /// The first page.
    new(copilot_id = "copilotId")
);

path_endpoint!(
    /// Reads a knowledge source
    /// (`GET /v2/ai/copilots/{copilotId}/knowledge/{knowledgeSourceId}`).
    GetKnowledgeSource, "get-knowledge-source", GET,
    "/ai/copilots/{copilotId}/knowledge/{knowledgeSourceId}",
    Json, KnowledgeSource, decode_json,
    /// The endpoint for these IDs.
    new(copilot_id = "copilotId", knowledge_source_id = "knowledgeSourceId")
);

/// Adds web pages to a copilot's knowledge
/// (`POST /v2/ai/copilots/{copilotId}/knowledge/web`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateWebKnowledgeSource {
    body: CreateWebKnowledgeSourceRequestBody,
}

impl CreateWebKnowledgeSource {
    /// Reads `url` the way `source_type` says into `copilot_id`'s knowledge.
    pub fn new(
        copilot_id: impl Into<String>,
        url: impl Into<String>,
        source_type: WebKnowledgeSourceType,
    ) -> Self {
        CreateWebKnowledgeSource {
            body: CreateWebKnowledgeSourceRequestBody {
                copilot_id: copilot_id.into(),
                url: url.into(),
                source_type,
            },
        }
    }
}

impl Endpoint for CreateWebKnowledgeSource {
    type Output = CreateWebKnowledgeSourceResponse;
    const OPERATION: Operation = op(
        "create-web-knowledge-source",
        Method::POST,
        "/ai/copilots/{copilotId}/knowledge/web",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_not_empty(Self::OPERATION.id, "url", &self.body.url)?;
        // The API wants the copilot ID both in the path and in the body.
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("copilotId", &self.body.copilot_id)
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Uploads a file into a copilot's knowledge
/// (`PUT /v2/ai/copilots/{copilotId}/knowledge/file/{name}`, raw bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateFileKnowledgeSource {
    copilot_id: String,
    name: String,
    file: Bytes,
}

impl CreateFileKnowledgeSource {
    /// Uploads `file` under the file name `name`. `Vec<u8>` and `Bytes` convert without a
    /// copy.
    pub fn new(
        copilot_id: impl Into<String>,
        name: impl Into<String>,
        file: impl Into<Bytes>,
    ) -> Self {
        CreateFileKnowledgeSource {
            copilot_id: copilot_id.into(),
            name: name.into(),
            file: file.into(),
        }
    }
}

impl Endpoint for CreateFileKnowledgeSource {
    type Output = CreateFileKnowledgeSourceResponse;
    const OPERATION: Operation = op(
        "create-file-knowledge-source",
        Method::PUT,
        "/ai/copilots/{copilotId}/knowledge/file/{name}",
        &[],
        BodyKind::Binary,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        RequestBuilder::new(config, &Self::OPERATION)
            .path_param("copilotId", &self.copilot_id)
            .path_param("name", &self.name)
            .binary(self.file.clone())
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

path_endpoint!(
    /// Reads a file knowledge source converted to markdown
    /// (`GET /v2/ai/copilots/{copilotId}/knowledge/file/{knowledgeSourceId}`). The answer is
    /// JSON with the markdown in `content`.
    GetFileKnowledgeSourceMarkdown, "get-file-knowledge-source-markdown", GET,
    "/ai/copilots/{copilotId}/knowledge/file/{knowledgeSourceId}",
    Json, GetFileKnowledgeSourceMarkdownResponse, decode_json,
    /// The endpoint for these IDs.
    new(copilot_id = "copilotId", knowledge_source_id = "knowledgeSourceId")
);

path_endpoint!(
    /// Deletes a file knowledge source
    /// (`DELETE /v2/ai/copilots/{copilotId}/knowledge/file/{knowledgeSourceId}`).
    DeleteFileKnowledgeSource, "delete-file-knowledge-source", DELETE,
    "/ai/copilots/{copilotId}/knowledge/file/{knowledgeSourceId}",
    None, (), ignore_body,
    /// The endpoint for these IDs.
    new(copilot_id = "copilotId", knowledge_source_id = "knowledgeSourceId")
);

path_endpoint!(
    /// Deletes a web knowledge source
    /// (`DELETE /v2/ai/copilots/{copilotId}/knowledge/web/{knowledgeSourceId}`).
    DeleteWebKnowledgeSource, "delete-web-knowledge-source", DELETE,
    "/ai/copilots/{copilotId}/knowledge/web/{knowledgeSourceId}",
    None, (), ignore_body,
    /// The endpoint for these IDs.
    new(copilot_id = "copilotId", knowledge_source_id = "knowledgeSourceId")
);

list_endpoint!(
    /// Lists the pages a web knowledge source indexed, one page at a time
    /// (`GET /v2/ai/copilots/{copilotId}/knowledge/web/{knowledgeSourceId}/links`).
    GetWebKnowledgeSourceLinks, "get-web-knowledge-source-links",
    "/ai/copilots/{copilotId}/knowledge/web/{knowledgeSourceId}/links",
    WebKnowledgeSourceLink, starting_after = "startingAfter",
    /// The first page.
    new(copilot_id = "copilotId", knowledge_source_id = "knowledgeSourceId")
);

/// AI copilots and knowledge sources.
impl<T> Client<T> {
    /// Lists the project's AI copilots; set `limit`/`starting_after`, or walk every page
    /// with `into_pages()`/`into_items()`.
    pub fn get_ai_copilots(&self) -> Call<T, GetAiCopilots> {
        self.call(GetAiCopilots::new())
    }

    /// Creates an AI copilot.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// use liveblocks_core::models::ai::{AiCopilotProvider, OpenAiModel};
    ///
    /// let copilot = client
    ///     .create_ai_copilot(
    ///         "Support bot",
    ///         "You are a helpful assistant.",
    ///         "sk-...",
    ///         AiCopilotProvider::openai(OpenAiModel::Gpt4o),
    ///     )
    ///     .always_use_knowledge(true)
    ///     .await?;
    /// println!("created {}", copilot.base.id);
    /// # Ok(()) }
    /// ```
    pub fn create_ai_copilot(
        &self,
        name: impl Into<String>,
        system_prompt: impl Into<String>,
        provider_api_key: impl Into<String>,
        provider: AiCopilotProvider,
    ) -> Call<T, CreateAiCopilot> {
        self.call(CreateAiCopilot::new(
            name,
            system_prompt,
            provider_api_key,
            provider,
        ))
    }

    /// Reads an AI copilot.
    pub fn get_ai_copilot(&self, copilot_id: impl Into<String>) -> Call<T, GetAiCopilot> {
        self.call(GetAiCopilot::new(copilot_id))
    }

    /// Changes an AI copilot; only what you set is sent.
    pub fn update_ai_copilot(&self, copilot_id: impl Into<String>) -> Call<T, UpdateAiCopilot> {
        self.call(UpdateAiCopilot::new(copilot_id))
    }

    /// Deletes an AI copilot.
    pub fn delete_ai_copilot(&self, copilot_id: impl Into<String>) -> Call<T, DeleteAiCopilot> {
        self.call(DeleteAiCopilot::new(copilot_id))
    }

    /// Lists a copilot's knowledge sources.
    pub fn get_knowledge_sources(
        &self,
        copilot_id: impl Into<String>,
    ) -> Call<T, GetKnowledgeSources> {
        self.call(GetKnowledgeSources::new(copilot_id))
    }

    /// Reads a knowledge source.
    pub fn get_knowledge_source(
        &self,
        copilot_id: impl Into<String>,
        knowledge_source_id: impl Into<String>,
    ) -> Call<T, GetKnowledgeSource> {
        self.call(GetKnowledgeSource::new(copilot_id, knowledge_source_id))
    }

    /// Adds web pages to a copilot's knowledge; returns the new source's ID.
    pub fn create_web_knowledge_source(
        &self,
        copilot_id: impl Into<String>,
        url: impl Into<String>,
        source_type: WebKnowledgeSourceType,
    ) -> Call<T, CreateWebKnowledgeSource> {
        self.call(CreateWebKnowledgeSource::new(copilot_id, url, source_type))
    }

    /// Uploads a file into a copilot's knowledge; returns the new source's ID.
    pub fn create_file_knowledge_source(
        &self,
        copilot_id: impl Into<String>,
        name: impl Into<String>,
        file: impl Into<Bytes>,
    ) -> Call<T, CreateFileKnowledgeSource> {
        self.call(CreateFileKnowledgeSource::new(copilot_id, name, file))
    }

    /// Reads a file knowledge source converted to markdown.
    pub fn get_file_knowledge_source_markdown(
        &self,
        copilot_id: impl Into<String>,
        knowledge_source_id: impl Into<String>,
    ) -> Call<T, GetFileKnowledgeSourceMarkdown> {
        self.call(GetFileKnowledgeSourceMarkdown::new(
            copilot_id,
            knowledge_source_id,
        ))
    }

    /// Deletes a file knowledge source.
    pub fn delete_file_knowledge_source(
        &self,
        copilot_id: impl Into<String>,
        knowledge_source_id: impl Into<String>,
    ) -> Call<T, DeleteFileKnowledgeSource> {
        self.call(DeleteFileKnowledgeSource::new(
            copilot_id,
            knowledge_source_id,
        ))
    }

    /// Deletes a web knowledge source.
    pub fn delete_web_knowledge_source(
        &self,
        copilot_id: impl Into<String>,
        knowledge_source_id: impl Into<String>,
    ) -> Call<T, DeleteWebKnowledgeSource> {
        self.call(DeleteWebKnowledgeSource::new(
            copilot_id,
            knowledge_source_id,
        ))
    }

    /// Lists the pages a web knowledge source indexed.
    pub fn get_web_knowledge_source_links(
        &self,
        copilot_id: impl Into<String>,
        knowledge_source_id: impl Into<String>,
    ) -> Call<T, GetWebKnowledgeSourceLinks> {
        self.call(GetWebKnowledgeSourceLinks::new(
            copilot_id,
            knowledge_source_id,
        ))
    }
}
