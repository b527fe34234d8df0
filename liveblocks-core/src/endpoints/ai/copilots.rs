//! AI copilots: list, create, read, update, delete.

use crate::declare::operations;
use crate::endpoint::{check_not_empty, check_range};
use crate::error::Error;
use crate::models::ai::{
    AiCopilot, AiCopilotProvider, AiCopilotProviderSettings, AiProvider,
    CreateAiCopilotOptionsBase, CreateAiCopilotRequestBody, ProviderOptions,
    UpdateAiCopilotRequestBody,
};
use crate::models::{Cursor, Page, Tristate};

operations! {
    /// Lists the project's AI copilots, one page at a time; set `limit`/`starting_after`, or
    /// walk every page with `into_pages()`/`into_items()`.
    GetAiCopilots {
        "get-ai-copilots", GET "/ai/copilots", None -> Json Page<AiCopilot>;
        query ["limit", "startingAfter"];
        fn get_ai_copilots();
        struct {
            limit: Option<u32> = None,
            starting_after: Option<Cursor> = None,
        }
        set {
            /// Page size, 1 to 100 (server default 20).
            fn limit(self, limit: u32) {
                self.limit = Some(limit);
            }
            /// The page after this cursor (a previous page's `next_cursor`).
            fn starting_after(self, cursor: Cursor) {
                self.starting_after = Some(cursor);
            }
        }
        pages AiCopilot, starting_after;
        request(self, req) {
            if let Some(limit) = self.limit {
                check_range("limit", limit, 1, 100)?;
            }
            req.query_opt("limit", self.limit)
                .query_opt("startingAfter", self.starting_after.as_ref())
        }
    }

    /// Creates an AI copilot named `name` with this system prompt, calling `provider` with
    /// `provider_api_key`; the server answers 201.
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
    CreateAiCopilot {
        "create-ai-copilot", POST "/ai/copilots", Json -> Json AiCopilot;
        fn create_ai_copilot(
            name: impl Into<String>,
            system_prompt: impl Into<String>,
            provider_api_key: impl Into<String>,
            provider: AiCopilotProvider,
        );
        struct {
            body: CreateAiCopilotRequestBody = CreateAiCopilotRequestBody {
                options: CreateAiCopilotOptionsBase::new(name, system_prompt, provider_api_key),
                provider,
            },
        }
        set {
            /// Its description.
            fn description(self, description: impl Into<String>) {
                self.body.options.description = Some(description.into());
            }
            /// The prompt that tells the model how to use knowledge.
            fn knowledge_prompt(self, knowledge_prompt: impl Into<String>) {
                self.body.options.knowledge_prompt = Some(knowledge_prompt.into());
            }
            /// Whether knowledge is always added to the context.
            fn always_use_knowledge(self, always: bool) {
                self.body.options.always_use_knowledge = Some(always);
            }
            /// Generation settings.
            fn settings(self, settings: AiCopilotProviderSettings) {
                self.body.options.settings = Some(settings);
            }
            /// Provider options (see [`AiCopilotProvider::with_options`]).
            fn provider_options(self, options: ProviderOptions) {
                self.body.provider = self.body.provider.with_options(options);
            }
            /// Replaces all the common fields at once (name, prompts, API key and the
            /// optional ones).
            fn options(self, options: CreateAiCopilotOptionsBase) {
                self.body.options = options;
            }
        }
        request(self, req) {
            check_not_empty(Self::OPERATION.id, "name", &self.body.options.name)?;
            if self.body.provider.name().is_empty() {
                return Err(Error::invalid_input(
                    "`provider` must be a non-empty string (create-ai-copilot)",
                ));
            }
            req.json(&self.body)
        }
    }

    /// Reads an AI copilot.
    GetAiCopilot {
        "get-ai-copilot", GET "/ai/copilots/{copilotId}", None -> Json AiCopilot;
        fn get_ai_copilot(copilot_id: impl Into<String>);
        struct { copilot_id: String = copilot_id.into() }
        path ["copilotId" = copilot_id];
    }

    /// Changes an AI copilot; only what you set is sent, and the `clear_*` setters send
    /// `null` to remove a value.
    UpdateAiCopilot {
        "update-ai-copilot", POST "/ai/copilots/{copilotId}", Json -> Json AiCopilot;
        fn update_ai_copilot(copilot_id: impl Into<String>);
        struct {
            copilot_id: String = copilot_id.into(),
            body: UpdateAiCopilotRequestBody = UpdateAiCopilotRequestBody::default(),
        }
        set {
            /// A new name.
            fn name(self, name: impl Into<String>) {
                self.body.name = Some(name.into());
            }
            /// A new description.
            fn description(self, description: impl Into<String>) {
                self.body.description = Tristate::Set(description.into());
            }
            /// Removes the description (sends `null`).
            fn clear_description(self) {
                self.body.description = Tristate::Null;
            }
            /// A new system prompt.
            fn system_prompt(self, system_prompt: impl Into<String>) {
                self.body.system_prompt = Some(system_prompt.into());
            }
            /// A new knowledge prompt.
            fn knowledge_prompt(self, knowledge_prompt: impl Into<String>) {
                self.body.knowledge_prompt = Tristate::Set(knowledge_prompt.into());
            }
            /// Removes the knowledge prompt (sends `null`).
            fn clear_knowledge_prompt(self) {
                self.body.knowledge_prompt = Tristate::Null;
            }
            /// Whether knowledge is always added to the context.
            fn always_use_knowledge(self, always: bool) {
                self.body.always_use_knowledge = Some(always);
            }
            /// New generation settings.
            fn settings(self, settings: AiCopilotProviderSettings) {
                self.body.settings = Tristate::Set(settings);
            }
            /// Resets the generation settings (sends `null`).
            fn clear_settings(self) {
                self.body.settings = Tristate::Null;
            }
            /// A new provider API key.
            fn provider_api_key(self, key: impl Into<String>) {
                self.body.provider_api_key = Some(key.into());
            }
            /// A new provider.
            fn provider(self, provider: AiProvider) {
                self.body.provider = Some(provider);
            }
            /// A new model name (e.g. `OpenAiModel::Gpt4o.as_str()`).
            fn provider_model(self, model: impl Into<String>) {
                self.body.provider_model = Some(model.into());
            }
            /// New provider options.
            fn provider_options(self, options: ProviderOptions) {
                self.body.provider_options = Tristate::Set(options);
            }
            /// Removes the provider options (sends `null`).
            fn clear_provider_options(self) {
                self.body.provider_options = Tristate::Null;
            }
            /// A new display name of an OpenAI-compatible provider.
            fn compatible_provider_name(self, name: impl Into<String>) {
                self.body.compatible_provider_name = Some(name.into());
            }
            /// A new base URL of an OpenAI-compatible provider.
            fn provider_base_url(self, url: impl Into<String>) {
                self.body.provider_base_url = Some(url.into());
            }
            /// Replaces all the changes at once.
            fn changes(self, body: UpdateAiCopilotRequestBody) {
                self.body = body;
            }
        }
        path ["copilotId" = copilot_id];
        request(self, req) {
            req.json(&self.body)
        }
    }

    /// Deletes an AI copilot.
    DeleteAiCopilot {
        "delete-ai-copilot", DELETE "/ai/copilots/{copilotId}", None -> None ();
        fn delete_ai_copilot(copilot_id: impl Into<String>);
        struct { copilot_id: String = copilot_id.into() }
        path ["copilotId" = copilot_id];
    }
}
