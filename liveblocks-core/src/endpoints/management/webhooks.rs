//! Management API: a project's webhooks, their signing secret and additional headers, their
//! failed deliveries and test events.

use std::collections::BTreeMap;

use crate::declare::operations;
use crate::endpoint::{check_range, RequestBuilder};
use crate::error::Error;
use crate::models::management::{
    CreateManagementWebhookRequestBody, DeleteManagementWebhookHeadersRequestBody,
    ManagementWebhook, ManagementWebhookEvent, ManagementWebhookHeaders,
    RecoverManagementWebhookFailedMessagesRequestBody, RotateManagementWebhookSecretResponse,
    TestManagementWebhookRequestBody, TestManagementWebhookResponse,
    UpdateManagementWebhookRequestBody, UpsertManagementWebhookHeadersRequestBody,
};
use crate::models::{Cursor, Page, Timestamp};

operations! {
    /// Lists a project's webhooks, one page at a time.
    GetManagementWebhooks {
        "get-management-webhooks", GET "/management/projects/{projectId}/webhooks",
            None -> Json Page<ManagementWebhook>;
        query ["limit", "cursor"];
        fn get_management_webhooks(project_id: impl Into<String>);
        struct {
            project_id: String = project_id.into(),
            limit: Option<u32> = None,
            cursor: Option<Cursor> = None,
        }
        set {
            /// Page size, 1 to 100 (server default 20).
            fn limit(self, limit: u32) {
                self.limit = Some(limit);
            }
            /// The page after this cursor (a previous page's `next_cursor`).
            fn cursor(self, cursor: Cursor) {
                self.cursor = Some(cursor);
            }
        }
        pages ManagementWebhook, cursor;
        path ["projectId" = project_id];
        request(self, req) {
            if let Some(limit) = self.limit {
                check_range("limit", limit, 1, 100)?;
            }
            req.query_opt("limit", self.limit)
                .query_opt("cursor", self.cursor.as_ref())
        }
    }

    /// Creates a webhook delivering `subscribed_events` to `url`.
    CreateManagementWebhook {
        "create-management-webhook", POST "/management/projects/{projectId}/webhooks",
            Json -> Json ManagementWebhook;
        fn create_management_webhook(
            project_id: impl Into<String>,
            url: impl Into<String>,
            subscribed_events: impl IntoIterator<Item = ManagementWebhookEvent>,
        );
        struct {
            project_id: String = project_id.into(),
            body: CreateManagementWebhookRequestBody = CreateManagementWebhookRequestBody {
                url: url.into(),
                subscribed_events: subscribed_events.into_iter().collect(),
                rate_limit: None,
                additional_headers: None,
                storage_updated_throttle_seconds: None,
                y_doc_updated_throttle_seconds: None,
            },
        }
        set {
            /// The most deliveries per second, 1 to 65534.
            fn rate_limit(self, per_second: u32) {
                self.body.rate_limit = Some(per_second);
            }
            /// Adds a header sent with each delivery.
            fn additional_header(self, name: impl Into<String>, value: impl Into<String>) {
                self.body
                    .additional_headers
                    .get_or_insert_with(BTreeMap::new)
                    .insert(name.into(), value.into());
            }
            /// The smallest gap between two `storageUpdated` events of a room, in seconds.
            fn storage_updated_throttle_seconds(self, seconds: u32) {
                self.body.storage_updated_throttle_seconds = Some(i64::from(seconds));
            }
            /// The smallest gap between two `ydocUpdated` events of a room, in seconds.
            fn y_doc_updated_throttle_seconds(self, seconds: u32) {
                self.body.y_doc_updated_throttle_seconds = Some(i64::from(seconds));
            }
            /// Replaces all the webhook's settings at once.
            fn settings(self, body: CreateManagementWebhookRequestBody) {
                self.body = body;
            }
        }
        path ["projectId" = project_id];
        request(self, req) {
            check_url(Some(&self.body.url))?;
            check_rate_limit(self.body.rate_limit)?;
            if let Some(headers) = &self.body.additional_headers {
                check_headers(headers)?;
            }
            req.json(&self.body)
        }
    }

    /// Reads a webhook.
    GetManagementWebhook {
        "get-management-webhook", GET "/management/projects/{projectId}/webhooks/{webhookId}",
            None -> Json ManagementWebhook;
        fn get_management_webhook(project_id: impl Into<String>, webhook_id: impl Into<String>);
        struct {
            project_id: String = project_id.into(),
            webhook_id: String = webhook_id.into(),
        }
        request(self, req) { webhook(req, &self.project_id, &self.webhook_id) }
    }

    /// Changes a webhook; only what you set is sent.
    UpdateManagementWebhook {
        "update-management-webhook", POST "/management/projects/{projectId}/webhooks/{webhookId}",
            Json -> Json ManagementWebhook;
        fn update_management_webhook(project_id: impl Into<String>, webhook_id: impl Into<String>);
        struct {
            project_id: String = project_id.into(),
            webhook_id: String = webhook_id.into(),
            body: UpdateManagementWebhookRequestBody = UpdateManagementWebhookRequestBody::default(),
        }
        set {
            /// A new URL.
            fn url(self, url: impl Into<String>) {
                self.body.url = Some(url.into());
            }
            /// A new event list (replaces the old one).
            fn subscribed_events(self, events: impl IntoIterator<Item = ManagementWebhookEvent>) {
                self.body.subscribed_events = Some(events.into_iter().collect());
            }
            /// A new rate limit, 1 to 65534 deliveries per second.
            fn rate_limit(self, per_second: u32) {
                self.body.rate_limit = Some(per_second);
            }
            /// A new `storageUpdated` throttle, in seconds.
            fn storage_updated_throttle_seconds(self, seconds: u32) {
                self.body.storage_updated_throttle_seconds = Some(i64::from(seconds));
            }
            /// A new `ydocUpdated` throttle, in seconds.
            fn y_doc_updated_throttle_seconds(self, seconds: u32) {
                self.body.y_doc_updated_throttle_seconds = Some(i64::from(seconds));
            }
            /// Pauses (`true`) or resumes (`false`) deliveries.
            fn disabled(self, disabled: bool) {
                self.body.disabled = Some(disabled);
            }
            /// Replaces all the changes at once.
            fn changes(self, body: UpdateManagementWebhookRequestBody) {
                self.body = body;
            }
        }
        request(self, req) {
            check_url(self.body.url.as_ref())?;
            check_rate_limit(self.body.rate_limit)?;
            webhook(req, &self.project_id, &self.webhook_id).json(&self.body)
        }
    }

    /// Deletes a webhook.
    DeleteManagementWebhook {
        "delete-management-webhook", DELETE
            "/management/projects/{projectId}/webhooks/{webhookId}", None -> None ();
        fn delete_management_webhook(project_id: impl Into<String>, webhook_id: impl Into<String>);
        struct {
            project_id: String = project_id.into(),
            webhook_id: String = webhook_id.into(),
        }
        request(self, req) { webhook(req, &self.project_id, &self.webhook_id) }
    }

    /// Replaces a webhook's signing secret; the previous one stays valid for a while.
    RollManagementWebhookSecret {
        "roll-management-webhook-secret", POST
            "/management/projects/{projectId}/webhooks/{webhookId}/secret/roll",
            None -> Json RotateManagementWebhookSecretResponse;
        fn roll_management_webhook_secret(
            project_id: impl Into<String>,
            webhook_id: impl Into<String>,
        );
        struct {
            project_id: String = project_id.into(),
            webhook_id: String = webhook_id.into(),
        }
        request(self, req) { webhook(req, &self.project_id, &self.webhook_id) }
    }

    /// Adds or replaces some of a webhook's additional headers (name, value); others are
    /// kept. Names and values must be valid HTTP header names and values.
    UpsertManagementWebhookAdditionalHeaders {
        "upsert-management-webhook-additional-headers", POST
            "/management/projects/{projectId}/webhooks/{webhookId}/additional-headers",
            Json -> Json ManagementWebhookHeaders;
        fn upsert_management_webhook_additional_headers(
            project_id: impl Into<String>,
            webhook_id: impl Into<String>,
            headers: impl IntoIterator<Item = (impl Into<String>, impl Into<String>)>,
        );
        struct {
            project_id: String = project_id.into(),
            webhook_id: String = webhook_id.into(),
            body: UpsertManagementWebhookHeadersRequestBody =
                UpsertManagementWebhookHeadersRequestBody {
                    headers: headers.into_iter().map(|(k, v)| (k.into(), v.into())).collect(),
                },
        }
        request(self, req) {
            check_headers(&self.body.headers)?;
            webhook(req, &self.project_id, &self.webhook_id).json(&self.body)
        }
    }

    /// Reads a webhook's additional headers.
    GetManagementWebhookAdditionalHeaders {
        "get-management-webhook-additional-headers", GET
            "/management/projects/{projectId}/webhooks/{webhookId}/additional-headers",
            None -> Json ManagementWebhookHeaders;
        fn get_management_webhook_additional_headers(
            project_id: impl Into<String>,
            webhook_id: impl Into<String>,
        );
        struct {
            project_id: String = project_id.into(),
            webhook_id: String = webhook_id.into(),
        }
        request(self, req) { webhook(req, &self.project_id, &self.webhook_id) }
    }

    /// Removes some of a webhook's additional headers by name (at least one).
    DeleteManagementWebhookAdditionalHeaders {
        "delete-management-webhook-additional-headers", POST
            "/management/projects/{projectId}/webhooks/{webhookId}/delete-additional-headers",
            Json -> Json ManagementWebhookHeaders;
        fn delete_management_webhook_additional_headers(
            project_id: impl Into<String>,
            webhook_id: impl Into<String>,
            names: impl IntoIterator<Item = impl Into<String>>,
        );
        struct {
            project_id: String = project_id.into(),
            webhook_id: String = webhook_id.into(),
            body: DeleteManagementWebhookHeadersRequestBody =
                DeleteManagementWebhookHeadersRequestBody {
                    headers: names.into_iter().map(Into::into).collect(),
                },
        }
        request(self, req) {
            if self.body.headers.is_empty() {
                return Err(Error::invalid_input(
                    "name at least one header to remove (delete-management-webhook-additional-headers)",
                ));
            }
            webhook(req, &self.project_id, &self.webhook_id).json(&self.body)
        }
    }

    /// Requeues a webhook's deliveries that failed from `since` on.
    RecoverFailedWebhookMessages {
        "recover-failed-webhook-messages", POST
            "/management/projects/{projectId}/webhooks/{webhookId}/recover-failed-messages",
            Json -> None ();
        fn recover_failed_webhook_messages(
            project_id: impl Into<String>,
            webhook_id: impl Into<String>,
            since: Timestamp,
        );
        struct {
            project_id: String = project_id.into(),
            webhook_id: String = webhook_id.into(),
            body: RecoverManagementWebhookFailedMessagesRequestBody =
                RecoverManagementWebhookFailedMessagesRequestBody { since },
        }
        request(self, req) {
            webhook(req, &self.project_id, &self.webhook_id).json(&self.body)
        }
    }

    /// Sends a test `event` to a webhook, which must subscribe to it (else the server answers
    /// 422).
    SendTestWebhook {
        "send-test-webhook", POST "/management/projects/{projectId}/webhooks/{webhookId}/test",
            Json -> Json TestManagementWebhookResponse;
        fn send_test_webhook(
            project_id: impl Into<String>,
            webhook_id: impl Into<String>,
            event: ManagementWebhookEvent,
        );
        struct {
            project_id: String = project_id.into(),
            webhook_id: String = webhook_id.into(),
            body: TestManagementWebhookRequestBody =
                TestManagementWebhookRequestBody { subscribed_event: event },
        }
        request(self, req) {
            webhook(req, &self.project_id, &self.webhook_id).json(&self.body)
        }
    }
}

/// Fills the two path parameters every webhook operation has.
fn webhook<'a>(req: RequestBuilder<'a>, project_id: &str, webhook_id: &str) -> RequestBuilder<'a> {
    req.path_param("projectId", project_id)
        .path_param("webhookId", webhook_id)
}

fn check_rate_limit(rate_limit: Option<u32>) -> Result<(), Error> {
    match rate_limit {
        Some(rate_limit) => check_range("rateLimit", rate_limit, 1, 65534),
        None => Ok(()),
    }
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
