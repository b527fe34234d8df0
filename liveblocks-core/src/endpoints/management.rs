//! Management API (beta): a team's projects, their API keys and their webhooks.
//!
//! These calls are authenticated with a Management API access token (generated in the
//! dashboard's team settings), not with a project's `sk_` key. Use the same
//! [`Client`] type, built from [`Config::management`]:
//!
//! ```no_run
//! # async fn run<T: liveblocks_core::Transport + liveblocks_core::FromConfig + 'static>() -> Result<(), liveblocks_core::Error> {
//! use liveblocks_core::{Client, Config};
//!
//! // With an adapter: liveblocks_hyper::Client::from_config(Config::management(token)?)
//! let client = Client::<T>::from_config(Config::from_env_management()?)?;
//! let projects = client.get_management_projects().limit(10).await?;
//! for project in &projects.data {
//!     println!("{} ({})", project.name, project.id);
//! }
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;

use http::Method;

use crate::call::Call;
use crate::client::{call_setters, Client};
use crate::config::Config;
use crate::endpoint::{
    check_range, decode_json, ignore_body, list_endpoint, op, path_endpoint, BodyKind, Endpoint,
    Operation, RequestBuilder,
};
use crate::error::Error;
use crate::models::management::{
    CreateManagementProjectRequestBody, CreateManagementWebhookRequestBody,
    DeleteManagementWebhookHeadersRequestBody, KeyExpiration, ManagementProject,
    ManagementProjectType, ManagementWebhook, ManagementWebhookEvent, ManagementWebhookHeaders,
    NewKeyExpiration, RecoverManagementWebhookFailedMessagesRequestBody,
    RollProjectPublicApiKeyRequestBody, RollProjectPublicApiKeyResponse,
    RollProjectSecretApiKeyRequestBody, RollProjectSecretApiKeyResponse,
    RotateManagementWebhookSecretResponse, TestManagementWebhookRequestBody,
    TestManagementWebhookResponse, UpdateManagementProjectRequestBody,
    UpdateManagementWebhookRequestBody, UpsertManagementWebhookHeadersRequestBody,
    VersionCreationTimeout,
};
use crate::models::Timestamp;
use crate::transport::{HttpRequest, HttpResponse};

/// Every operation of this domain.
pub const OPERATIONS: &[Operation] = &[
    GetManagementProjects::OPERATION,
    CreateManagementProject::OPERATION,
    GetManagementProject::OPERATION,
    UpdateManagementProject::OPERATION,
    DeleteManagementProject::OPERATION,
    ActivateProjectPublicApiKey::OPERATION,
    DeactivateProjectPublicApiKey::OPERATION,
    RollProjectPublicApiKey::OPERATION,
    RollProjectSecretApiKey::OPERATION,
    GetManagementWebhooks::OPERATION,
    CreateManagementWebhook::OPERATION,
    GetManagementWebhook::OPERATION,
    UpdateManagementWebhook::OPERATION,
    DeleteManagementWebhook::OPERATION,
    RollManagementWebhookSecret::OPERATION,
    UpsertManagementWebhookAdditionalHeaders::OPERATION,
    GetManagementWebhookAdditionalHeaders::OPERATION,
    DeleteManagementWebhookAdditionalHeaders::OPERATION,
    RecoverFailedWebhookMessages::OPERATION,
    SendTestWebhook::OPERATION,
];

fn project_request<'a>(
    config: &'a Config,
    operation: &'a Operation,
    project_id: &str,
) -> Result<RequestBuilder<'a>, Error> {
    Ok(RequestBuilder::new(config, operation).path_param("projectId", project_id))
}

fn webhook_request<'a>(
    config: &'a Config,
    operation: &'a Operation,
    project_id: &str,
    webhook_id: &str,
) -> Result<RequestBuilder<'a>, Error> {
    Ok(project_request(config, operation, project_id)?.path_param("webhookId", webhook_id))
}

fn check_rate_limit(rate_limit: Option<u32>) -> Result<(), Error> {
    match rate_limit {
        Some(rate_limit) => check_range("rateLimit", rate_limit, 1, 65534),
        None => Ok(()),
    }
}

fn check_timeout(timeout: Option<VersionCreationTimeout>) -> Result<(), Error> {
    timeout.map_or(Ok(()), VersionCreationTimeout::validate)
}

fn check_url(url: Option<&String>) -> Result<(), Error> {
    match url {
        Some(url) if url.trim().is_empty() => {
            Err(Error::invalid_input("the webhook `url` must not be empty"))
        }
        _ => Ok(()),
    }
}

/// Checks that every additional header can go on the wire as an HTTP header.
fn check_headers(headers: &BTreeMap<String, String>) -> Result<(), Error> {
    for (name, value) in headers {
        http::HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
            Error::invalid_input(format!("{name:?} is not a valid HTTP header name"))
        })?;
        http::HeaderValue::from_str(value).map_err(|_| {
            Error::invalid_input(format!(
                "the value of header {name:?} is not a valid HTTP header value"
            ))
        })?;
    }
    Ok(())
}

// ------------------------------------------------------------------------------------------
// Projects
// ------------------------------------------------------------------------------------------

list_endpoint!(
    /// Lists the team's projects, one page at a time (`GET /v2/management/projects`).
    GetManagementProjects, "get-management-projects", "/management/projects",
    ManagementProject, cursor = "cursor",
    /// The first page of projects.
    new()
);

impl Default for GetManagementProjects {
    fn default() -> Self {
        Self::new()
    }
}

/// Creates a project (`POST /v2/management/projects`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateManagementProject {
    body: CreateManagementProjectRequestBody,
}

impl CreateManagementProject {
    /// A project of this type; everything else takes the server's defaults.
    pub fn new(project_type: ManagementProjectType) -> Self {
        Self::from_body(CreateManagementProjectRequestBody {
            project_type,
            name: None,
            description: None,
            version_creation_timeout: None,
        })
    }

    /// A project with all its settings at once.
    pub fn from_body(body: CreateManagementProjectRequestBody) -> Self {
        CreateManagementProject { body }
    }

    /// The project name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.body.name = Some(name.into());
        self
    }

    /// The project description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// Automatic version creation: `Disabled` or 30 to 300 seconds.
    pub fn version_creation_timeout(mut self, timeout: VersionCreationTimeout) -> Self {
        self.body.version_creation_timeout = Some(timeout);
        self
    }
}

call_setters!(CreateManagementProject {
    name(name: impl Into<String>),
    description(description: impl Into<String>),
    version_creation_timeout(timeout: VersionCreationTimeout),
});

impl Endpoint for CreateManagementProject {
    type Output = ManagementProject;
    const OPERATION: Operation = op(
        "create-management-project",
        Method::POST,
        "/management/projects",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_timeout(self.body.version_creation_timeout)?;
        RequestBuilder::new(config, &Self::OPERATION)
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Changes a project; only what you set is sent (`POST /v2/management/projects/{projectId}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateManagementProject {
    project_id: String,
    body: UpdateManagementProjectRequestBody,
}

impl UpdateManagementProject {
    /// An update of `project_id` that changes nothing yet.
    pub fn new(project_id: impl Into<String>) -> Self {
        Self::from_body(project_id, UpdateManagementProjectRequestBody::default())
    }

    /// An update with all its changes at once.
    pub fn from_body(
        project_id: impl Into<String>,
        body: UpdateManagementProjectRequestBody,
    ) -> Self {
        UpdateManagementProject {
            project_id: project_id.into(),
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
        self.body.description = Some(description.into());
        self
    }

    /// A new version creation timeout: `Disabled` or 30 to 300 seconds.
    pub fn version_creation_timeout(mut self, timeout: VersionCreationTimeout) -> Self {
        self.body.version_creation_timeout = Some(timeout);
        self
    }
}

call_setters!(UpdateManagementProject {
    name(name: impl Into<String>),
    description(description: impl Into<String>),
    version_creation_timeout(timeout: VersionCreationTimeout),
});

impl Endpoint for UpdateManagementProject {
    type Output = ManagementProject;
    const OPERATION: Operation = op(
        "update-management-project",
        Method::POST,
        "/management/projects/{projectId}",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_timeout(self.body.version_creation_timeout)?;
        project_request(config, &Self::OPERATION, &self.project_id)?
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

path_endpoint!(
    /// Reads a project (`GET /v2/management/projects/{projectId}`).
    GetManagementProject, "get-management-project", GET, "/management/projects/{projectId}",
    Json, ManagementProject, decode_json,
    /// The endpoint for this project.
    new(project_id = "projectId")
);
path_endpoint!(
    /// Deletes a project (soft delete; `DELETE /v2/management/projects/{projectId}`).
    DeleteManagementProject, "delete-management-project", DELETE,
    "/management/projects/{projectId}",
    None, (), ignore_body,
    /// The endpoint for this project.
    new(project_id = "projectId")
);
path_endpoint!(
    /// Turns a project's public key on
    /// (`POST /v2/management/projects/{projectId}/api-keys/public/activate`).
    ActivateProjectPublicApiKey, "activate-project-public-api-key", POST,
    "/management/projects/{projectId}/api-keys/public/activate",
    None, (), ignore_body,
    /// The endpoint for this project.
    new(project_id = "projectId")
);
path_endpoint!(
    /// Turns a project's public key off
    /// (`POST /v2/management/projects/{projectId}/api-keys/public/deactivate`).
    DeactivateProjectPublicApiKey, "deactivate-project-public-api-key", POST,
    "/management/projects/{projectId}/api-keys/public/deactivate",
    None, (), ignore_body,
    /// The endpoint for this project.
    new(project_id = "projectId")
);

/// Replaces a project's public key with a new one
/// (`POST /v2/management/projects/{projectId}/api-keys/public/roll`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollProjectPublicApiKey {
    project_id: String,
    body: RollProjectPublicApiKeyRequestBody,
}

impl RollProjectPublicApiKey {
    /// Rolls `project_id`'s public key; the previous one stops working at once unless
    /// [`RollProjectPublicApiKey::expiration_in`] says otherwise.
    pub fn new(project_id: impl Into<String>) -> Self {
        RollProjectPublicApiKey {
            project_id: project_id.into(),
            body: RollProjectPublicApiKeyRequestBody::default(),
        }
    }

    /// When the previous key stops working.
    pub fn expiration_in(mut self, expiration: KeyExpiration) -> Self {
        self.body.expiration_in = Some(expiration);
        self
    }
}

call_setters!(RollProjectPublicApiKey { expiration_in(expiration: KeyExpiration) });

impl Endpoint for RollProjectPublicApiKey {
    type Output = RollProjectPublicApiKeyResponse;
    const OPERATION: Operation = op(
        "roll-project-public-api-key",
        Method::POST,
        "/management/projects/{projectId}/api-keys/public/roll",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        project_request(config, &Self::OPERATION, &self.project_id)?
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Replaces a project's secret key with a new one
/// (`POST /v2/management/projects/{projectId}/api-keys/secret/roll`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollProjectSecretApiKey {
    project_id: String,
    body: RollProjectSecretApiKeyRequestBody,
}

impl RollProjectSecretApiKey {
    /// Rolls `project_id`'s secret key; the previous one stops working at once unless
    /// [`RollProjectSecretApiKey::expiration_in`] says otherwise.
    pub fn new(project_id: impl Into<String>) -> Self {
        RollProjectSecretApiKey {
            project_id: project_id.into(),
            body: RollProjectSecretApiKeyRequestBody::default(),
        }
    }

    /// When the previous key stops working.
    pub fn expiration_in(mut self, expiration: KeyExpiration) -> Self {
        self.body.expiration_in = Some(expiration);
        self
    }

    /// When the new key expires.
    pub fn new_key_expiration_in(mut self, expiration: NewKeyExpiration) -> Self {
        self.body.new_key_expiration_in = Some(expiration);
        self
    }
}

call_setters!(RollProjectSecretApiKey {
    expiration_in(expiration: KeyExpiration),
    new_key_expiration_in(expiration: NewKeyExpiration),
});

impl Endpoint for RollProjectSecretApiKey {
    type Output = RollProjectSecretApiKeyResponse;
    const OPERATION: Operation = op(
        "roll-project-secret-api-key",
        Method::POST,
        "/management/projects/{projectId}/api-keys/secret/roll",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        project_request(config, &Self::OPERATION, &self.project_id)?
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

// ------------------------------------------------------------------------------------------
// Webhooks
// ------------------------------------------------------------------------------------------

list_endpoint!(
    /// Lists a project's webhooks, one page at a time
    /// (`GET /v2/management/projects/{projectId}/webhooks`).
    GetManagementWebhooks, "get-management-webhooks", "/management/projects/{projectId}/webhooks",
    ManagementWebhook, cursor = "cursor",
    /// The first page of `project_id`'s webhooks.
    new(project_id = "projectId")
);

/// Creates a webhook (`POST /v2/management/projects/{projectId}/webhooks`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateManagementWebhook {
    project_id: String,
    body: CreateManagementWebhookRequestBody,
}

impl CreateManagementWebhook {
    /// A webhook delivering `subscribed_events` to `url`.
    pub fn new(
        project_id: impl Into<String>,
        url: impl Into<String>,
        subscribed_events: impl IntoIterator<Item = ManagementWebhookEvent>,
    ) -> Self {
        Self::from_body(
            project_id,
            CreateManagementWebhookRequestBody {
                url: url.into(),
                subscribed_events: subscribed_events.into_iter().collect(),
                rate_limit: None,
                additional_headers: None,
                storage_updated_throttle_seconds: None,
                y_doc_updated_throttle_seconds: None,
            },
        )
    }

    /// A webhook with all its settings at once.
    pub fn from_body(
        project_id: impl Into<String>,
        body: CreateManagementWebhookRequestBody,
    ) -> Self {
        CreateManagementWebhook {
            project_id: project_id.into(),
            body,
        }
    }

    /// The most deliveries per second, 1 to 65534.
    pub fn rate_limit(mut self, per_second: u32) -> Self {
        self.body.rate_limit = Some(per_second);
        self
    }

    /// Adds a header sent with each delivery.
    pub fn additional_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.body
            .additional_headers
            .get_or_insert_with(BTreeMap::new)
            .insert(name.into(), value.into());
        self
    }

    /// The smallest gap between two `storageUpdated` events of a room, in seconds.
    pub fn storage_updated_throttle_seconds(mut self, seconds: u32) -> Self {
        self.body.storage_updated_throttle_seconds = Some(i64::from(seconds));
        self
    }

    /// The smallest gap between two `ydocUpdated` events of a room, in seconds.
    pub fn y_doc_updated_throttle_seconds(mut self, seconds: u32) -> Self {
        self.body.y_doc_updated_throttle_seconds = Some(i64::from(seconds));
        self
    }
}

call_setters!(CreateManagementWebhook {
    rate_limit(per_second: u32),
    additional_header(name: impl Into<String>, value: impl Into<String>),
    storage_updated_throttle_seconds(seconds: u32),
    y_doc_updated_throttle_seconds(seconds: u32),
});

impl Endpoint for CreateManagementWebhook {
    type Output = ManagementWebhook;
    const OPERATION: Operation = op(
        "create-management-webhook",
        Method::POST,
        "/management/projects/{projectId}/webhooks",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_url(Some(&self.body.url))?;
        check_rate_limit(self.body.rate_limit)?;
        if let Some(headers) = &self.body.additional_headers {
            check_headers(headers)?;
        }
        project_request(config, &Self::OPERATION, &self.project_id)?
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Changes a webhook; only what you set is sent
/// (`POST /v2/management/projects/{projectId}/webhooks/{webhookId}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateManagementWebhook {
    project_id: String,
    webhook_id: String,
    body: UpdateManagementWebhookRequestBody,
}

impl UpdateManagementWebhook {
    /// An update of `webhook_id` that changes nothing yet.
    pub fn new(project_id: impl Into<String>, webhook_id: impl Into<String>) -> Self {
        Self::from_body(
            project_id,
            webhook_id,
            UpdateManagementWebhookRequestBody::default(),
        )
    }

    /// An update with all its changes at once.
    pub fn from_body(
        project_id: impl Into<String>,
        webhook_id: impl Into<String>,
        body: UpdateManagementWebhookRequestBody,
    ) -> Self {
        UpdateManagementWebhook {
            project_id: project_id.into(),
            webhook_id: webhook_id.into(),
            body,
        }
    }

    /// A new URL.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.body.url = Some(url.into());
        self
    }

    /// A new event list (replaces the old one).
    pub fn subscribed_events(
        mut self,
        events: impl IntoIterator<Item = ManagementWebhookEvent>,
    ) -> Self {
        self.body.subscribed_events = Some(events.into_iter().collect());
        self
    }

    /// A new rate limit, 1 to 65534 deliveries per second.
    pub fn rate_limit(mut self, per_second: u32) -> Self {
        self.body.rate_limit = Some(per_second);
        self
    }

    /// A new `storageUpdated` throttle, in seconds.
    pub fn storage_updated_throttle_seconds(mut self, seconds: u32) -> Self {
        self.body.storage_updated_throttle_seconds = Some(i64::from(seconds));
        self
    }

    /// A new `ydocUpdated` throttle, in seconds.
    pub fn y_doc_updated_throttle_seconds(mut self, seconds: u32) -> Self {
        self.body.y_doc_updated_throttle_seconds = Some(i64::from(seconds));
        self
    }

    /// Pauses (`true`) or resumes (`false`) deliveries.
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.body.disabled = Some(disabled);
        self
    }
}

call_setters!(UpdateManagementWebhook {
    url(url: impl Into<String>),
    subscribed_events(events: impl IntoIterator<Item = ManagementWebhookEvent>),
    rate_limit(per_second: u32),
    storage_updated_throttle_seconds(seconds: u32),
    y_doc_updated_throttle_seconds(seconds: u32),
    disabled(disabled: bool),
});

impl Endpoint for UpdateManagementWebhook {
    type Output = ManagementWebhook;
    const OPERATION: Operation = op(
        "update-management-webhook",
        Method::POST,
        "/management/projects/{projectId}/webhooks/{webhookId}",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_url(self.body.url.as_ref())?;
        check_rate_limit(self.body.rate_limit)?;
        webhook_request(config, &Self::OPERATION, &self.project_id, &self.webhook_id)?
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

path_endpoint!(
    /// Reads a webhook (`GET /v2/management/projects/{projectId}/webhooks/{webhookId}`).
    GetManagementWebhook, "get-management-webhook", GET,
    "/management/projects/{projectId}/webhooks/{webhookId}",
    Json, ManagementWebhook, decode_json,
    /// The endpoint for `webhook_id` of `project_id`.
    new(project_id = "projectId", webhook_id = "webhookId")
);
path_endpoint!(
    /// Deletes a webhook (`DELETE /v2/management/projects/{projectId}/webhooks/{webhookId}`).
    DeleteManagementWebhook, "delete-management-webhook", DELETE,
    "/management/projects/{projectId}/webhooks/{webhookId}",
    None, (), ignore_body,
    /// The endpoint for `webhook_id` of `project_id`.
    new(project_id = "projectId", webhook_id = "webhookId")
);
path_endpoint!(
    /// Replaces a webhook's signing secret; the previous one stays valid for a while
    /// (`POST /v2/management/projects/{projectId}/webhooks/{webhookId}/secret/roll`).
    RollManagementWebhookSecret, "roll-management-webhook-secret", POST,
    "/management/projects/{projectId}/webhooks/{webhookId}/secret/roll",
    Json, RotateManagementWebhookSecretResponse, decode_json,
    /// The endpoint for `webhook_id` of `project_id`.
    new(project_id = "projectId", webhook_id = "webhookId")
);
path_endpoint!(
    /// Reads a webhook's additional headers
    /// (`GET /v2/management/projects/{projectId}/webhooks/{webhookId}/additional-headers`).
    GetManagementWebhookAdditionalHeaders, "get-management-webhook-additional-headers", GET,
    "/management/projects/{projectId}/webhooks/{webhookId}/additional-headers",
    Json, ManagementWebhookHeaders, decode_json,
    /// The endpoint for `webhook_id` of `project_id`.
    new(project_id = "projectId", webhook_id = "webhookId")
);

/// Adds or replaces a webhook's additional headers; others are kept
/// (`POST /v2/management/projects/{projectId}/webhooks/{webhookId}/additional-headers`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpsertManagementWebhookAdditionalHeaders {
    project_id: String,
    webhook_id: String,
    body: UpsertManagementWebhookHeadersRequestBody,
}

impl UpsertManagementWebhookAdditionalHeaders {
    /// Sets `headers` (name, value) on `webhook_id`. Names and values must be valid HTTP
    /// header names and values.
    pub fn new<K: Into<String>, V: Into<String>>(
        project_id: impl Into<String>,
        webhook_id: impl Into<String>,
        headers: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        UpsertManagementWebhookAdditionalHeaders {
            project_id: project_id.into(),
            webhook_id: webhook_id.into(),
            body: UpsertManagementWebhookHeadersRequestBody {
                headers: headers
                    .into_iter()
                    .map(|(k, v)| (k.into(), v.into()))
                    .collect(),
            },
        }
    }
}

impl Endpoint for UpsertManagementWebhookAdditionalHeaders {
    type Output = ManagementWebhookHeaders;
    const OPERATION: Operation = op(
        "upsert-management-webhook-additional-headers",
        Method::POST,
        "/management/projects/{projectId}/webhooks/{webhookId}/additional-headers",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        check_headers(&self.body.headers)?;
        webhook_request(config, &Self::OPERATION, &self.project_id, &self.webhook_id)?
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Removes some of a webhook's additional headers by name
/// (`POST /v2/management/projects/{projectId}/webhooks/{webhookId}/delete-additional-headers`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteManagementWebhookAdditionalHeaders {
    project_id: String,
    webhook_id: String,
    body: DeleteManagementWebhookHeadersRequestBody,
}

impl DeleteManagementWebhookAdditionalHeaders {
    /// Removes the headers named `names` (at least one) from `webhook_id`.
    pub fn new(
        project_id: impl Into<String>,
        webhook_id: impl Into<String>,
        names: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        DeleteManagementWebhookAdditionalHeaders {
            project_id: project_id.into(),
            webhook_id: webhook_id.into(),
            body: DeleteManagementWebhookHeadersRequestBody {
                headers: names.into_iter().map(Into::into).collect(),
            },
        }
    }
}

impl Endpoint for DeleteManagementWebhookAdditionalHeaders {
    type Output = ManagementWebhookHeaders;
    const OPERATION: Operation = op(
        "delete-management-webhook-additional-headers",
        Method::POST,
        "/management/projects/{projectId}/webhooks/{webhookId}/delete-additional-headers",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        if self.body.headers.is_empty() {
            return Err(Error::invalid_input(
                "name at least one header to remove (delete-management-webhook-additional-headers)",
            ));
        }
        webhook_request(config, &Self::OPERATION, &self.project_id, &self.webhook_id)?
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Requeues a webhook's failed deliveries since an instant
/// (`POST /v2/management/projects/{projectId}/webhooks/{webhookId}/recover-failed-messages`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoverFailedWebhookMessages {
    project_id: String,
    webhook_id: String,
    body: RecoverManagementWebhookFailedMessagesRequestBody,
}

impl RecoverFailedWebhookMessages {
    /// Retries `webhook_id`'s deliveries that failed from `since` on.
    pub fn new(
        project_id: impl Into<String>,
        webhook_id: impl Into<String>,
        since: Timestamp,
    ) -> Self {
        RecoverFailedWebhookMessages {
            project_id: project_id.into(),
            webhook_id: webhook_id.into(),
            body: RecoverManagementWebhookFailedMessagesRequestBody { since },
        }
    }
}

impl Endpoint for RecoverFailedWebhookMessages {
    type Output = ();
    const OPERATION: Operation = op(
        "recover-failed-webhook-messages",
        Method::POST,
        "/management/projects/{projectId}/webhooks/{webhookId}/recover-failed-messages",
        &[],
        BodyKind::Json,
        BodyKind::None,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        webhook_request(config, &Self::OPERATION, &self.project_id, &self.webhook_id)?
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        ignore_body(response)
    }
}

/// Sends a test event to a webhook
/// (`POST /v2/management/projects/{projectId}/webhooks/{webhookId}/test`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendTestWebhook {
    project_id: String,
    webhook_id: String,
    body: TestManagementWebhookRequestBody,
}

impl SendTestWebhook {
    /// Sends a test `event`, which the webhook must subscribe to (else the server answers 422).
    pub fn new(
        project_id: impl Into<String>,
        webhook_id: impl Into<String>,
        event: ManagementWebhookEvent,
    ) -> Self {
        SendTestWebhook {
            project_id: project_id.into(),
            webhook_id: webhook_id.into(),
            body: TestManagementWebhookRequestBody {
                subscribed_event: event,
            },
        }
    }
}

impl Endpoint for SendTestWebhook {
    type Output = TestManagementWebhookResponse;
    const OPERATION: Operation = op(
        "send-test-webhook",
        Method::POST,
        "/management/projects/{projectId}/webhooks/{webhookId}/test",
        &[],
        BodyKind::Json,
        BodyKind::Json,
    );

    fn request(&self, config: &Config) -> Result<HttpRequest, Error> {
        webhook_request(config, &Self::OPERATION, &self.project_id, &self.webhook_id)?
            .json(&self.body)
            .build()
    }

    fn parse(&self, response: HttpResponse) -> Result<Self::Output, Error> {
        decode_json(response)
    }
}

/// Management API (beta). Build the client from [`Config::management`].
impl<T> Client<T> {
    /// Lists the team's projects, one page at a time.
    pub fn get_management_projects(&self) -> Call<T, GetManagementProjects> {
        self.call(GetManagementProjects::new())
    }

    /// Creates a project.
    ///
    /// ```no_run
    /// # async fn run(client: liveblocks_core::Client<impl liveblocks_core::Transport + 'static>) -> Result<(), liveblocks_core::Error> {
    /// use liveblocks_core::models::management::{ManagementProjectType, VersionCreationTimeout};
    ///
    /// let project = client
    ///     .create_management_project(ManagementProjectType::Dev)
    ///     .name("Frimousse")
    ///     .version_creation_timeout(VersionCreationTimeout::seconds(60)?)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn create_management_project(
        &self,
        project_type: ManagementProjectType,
    ) -> Call<T, CreateManagementProject> {
        self.call(CreateManagementProject::new(project_type))
    }

    /// Reads a project.
    pub fn get_management_project(
        &self,
        project_id: impl Into<String>,
    ) -> Call<T, GetManagementProject> {
        self.call(GetManagementProject::new(project_id))
    }

    /// Changes a project; only what you set is sent.
    pub fn update_management_project(
        &self,
        project_id: impl Into<String>,
    ) -> Call<T, UpdateManagementProject> {
        self.call(UpdateManagementProject::new(project_id))
    }

    /// Deletes a project.
    pub fn delete_management_project(
        &self,
        project_id: impl Into<String>,
    ) -> Call<T, DeleteManagementProject> {
        self.call(DeleteManagementProject::new(project_id))
    }

    /// Turns a project's public key on.
    pub fn activate_project_public_api_key(
        &self,
        project_id: impl Into<String>,
    ) -> Call<T, ActivateProjectPublicApiKey> {
        self.call(ActivateProjectPublicApiKey::new(project_id))
    }

    /// Turns a project's public key off.
    pub fn deactivate_project_public_api_key(
        &self,
        project_id: impl Into<String>,
    ) -> Call<T, DeactivateProjectPublicApiKey> {
        self.call(DeactivateProjectPublicApiKey::new(project_id))
    }

    /// Replaces a project's public key with a new one.
    pub fn roll_project_public_api_key(
        &self,
        project_id: impl Into<String>,
    ) -> Call<T, RollProjectPublicApiKey> {
        self.call(RollProjectPublicApiKey::new(project_id))
    }

    /// Replaces a project's secret key with a new one.
    pub fn roll_project_secret_api_key(
        &self,
        project_id: impl Into<String>,
    ) -> Call<T, RollProjectSecretApiKey> {
        self.call(RollProjectSecretApiKey::new(project_id))
    }

    /// Lists a project's webhooks, one page at a time.
    pub fn get_management_webhooks(
        &self,
        project_id: impl Into<String>,
    ) -> Call<T, GetManagementWebhooks> {
        self.call(GetManagementWebhooks::new(project_id))
    }

    /// Creates a webhook delivering `subscribed_events` to `url`.
    pub fn create_management_webhook(
        &self,
        project_id: impl Into<String>,
        url: impl Into<String>,
        subscribed_events: impl IntoIterator<Item = ManagementWebhookEvent>,
    ) -> Call<T, CreateManagementWebhook> {
        self.call(CreateManagementWebhook::new(
            project_id,
            url,
            subscribed_events,
        ))
    }

    /// Reads a webhook.
    pub fn get_management_webhook(
        &self,
        project_id: impl Into<String>,
        webhook_id: impl Into<String>,
    ) -> Call<T, GetManagementWebhook> {
        self.call(GetManagementWebhook::new(project_id, webhook_id))
    }

    /// Changes a webhook; only what you set is sent.
    pub fn update_management_webhook(
        &self,
        project_id: impl Into<String>,
        webhook_id: impl Into<String>,
    ) -> Call<T, UpdateManagementWebhook> {
        self.call(UpdateManagementWebhook::new(project_id, webhook_id))
    }

    /// Deletes a webhook.
    pub fn delete_management_webhook(
        &self,
        project_id: impl Into<String>,
        webhook_id: impl Into<String>,
    ) -> Call<T, DeleteManagementWebhook> {
        self.call(DeleteManagementWebhook::new(project_id, webhook_id))
    }

    /// Replaces a webhook's signing secret.
    pub fn roll_management_webhook_secret(
        &self,
        project_id: impl Into<String>,
        webhook_id: impl Into<String>,
    ) -> Call<T, RollManagementWebhookSecret> {
        self.call(RollManagementWebhookSecret::new(project_id, webhook_id))
    }

    /// Adds or replaces some of a webhook's additional headers.
    pub fn upsert_management_webhook_additional_headers<K: Into<String>, V: Into<String>>(
        &self,
        project_id: impl Into<String>,
        webhook_id: impl Into<String>,
        headers: impl IntoIterator<Item = (K, V)>,
    ) -> Call<T, UpsertManagementWebhookAdditionalHeaders> {
        self.call(UpsertManagementWebhookAdditionalHeaders::new(
            project_id, webhook_id, headers,
        ))
    }

    /// Reads a webhook's additional headers.
    pub fn get_management_webhook_additional_headers(
        &self,
        project_id: impl Into<String>,
        webhook_id: impl Into<String>,
    ) -> Call<T, GetManagementWebhookAdditionalHeaders> {
        self.call(GetManagementWebhookAdditionalHeaders::new(
            project_id, webhook_id,
        ))
    }

    /// Removes some of a webhook's additional headers by name.
    pub fn delete_management_webhook_additional_headers(
        &self,
        project_id: impl Into<String>,
        webhook_id: impl Into<String>,
        names: impl IntoIterator<Item = impl Into<String>>,
    ) -> Call<T, DeleteManagementWebhookAdditionalHeaders> {
        self.call(DeleteManagementWebhookAdditionalHeaders::new(
            project_id, webhook_id, names,
        ))
    }

    /// Requeues a webhook's deliveries that failed from `since` on.
    pub fn recover_failed_webhook_messages(
        &self,
        project_id: impl Into<String>,
        webhook_id: impl Into<String>,
        since: Timestamp,
    ) -> Call<T, RecoverFailedWebhookMessages> {
        self.call(RecoverFailedWebhookMessages::new(
            project_id, webhook_id, since,
        ))
    }

    /// Sends a test `event` to a webhook.
    pub fn send_test_webhook(
        &self,
        project_id: impl Into<String>,
        webhook_id: impl Into<String>,
        event: ManagementWebhookEvent,
    ) -> Call<T, SendTestWebhook> {
        self.call(SendTestWebhook::new(project_id, webhook_id, event))
    }
}
