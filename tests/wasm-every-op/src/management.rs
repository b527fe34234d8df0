//! The Management API: projects, their API keys and webhooks.

use std::collections::BTreeMap;

use liveblocks_wasm::liveblocks_core::models::management::{
    ManagementProjectType, ManagementWebhookEvent,
};
use liveblocks_wasm::liveblocks_core::models::Timestamp;
use liveblocks_wasm::Client;

use crate::{empty, json, Args, Failure, Reply};

/// The answer of `operation` if it is one of this module's.
pub(crate) async fn route(c: &Client, operation: &str, a: &Args) -> Reply {
    let project = || a.s("projectId");
    let webhook = || a.s("webhookId");
    match operation {
        // Projects.
        "get-management-projects" => json(c.get_management_projects().await),
        "create-management-project" => json(
            c.create_management_project(a.get::<ManagementProjectType>("projectType")?)
                .await,
        ),
        "get-management-project" => json(c.get_management_project(project()?).await),
        "update-management-project" => json(c.update_management_project(project()?).await),
        "delete-management-project" => empty(c.delete_management_project(project()?).await),
        // API keys.
        "activate-project-public-api-key" => {
            empty(c.activate_project_public_api_key(project()?).await)
        }
        "deactivate-project-public-api-key" => {
            empty(c.deactivate_project_public_api_key(project()?).await)
        }
        "roll-project-public-api-key" => json(c.roll_project_public_api_key(project()?).await),
        "roll-project-secret-api-key" => json(c.roll_project_secret_api_key(project()?).await),
        // Webhooks.
        "get-management-webhooks" => json(c.get_management_webhooks(project()?).await),
        "create-management-webhook" => json(
            c.create_management_webhook(
                project()?,
                a.s("url")?,
                a.get::<Vec<ManagementWebhookEvent>>("subscribedEvents")?,
            )
            .await,
        ),
        "get-management-webhook" => json(c.get_management_webhook(project()?, webhook()?).await),
        "update-management-webhook" => {
            json(c.update_management_webhook(project()?, webhook()?).await)
        }
        "delete-management-webhook" => {
            empty(c.delete_management_webhook(project()?, webhook()?).await)
        }
        "roll-management-webhook-secret" => json(
            c.roll_management_webhook_secret(project()?, webhook()?)
                .await,
        ),
        "get-management-webhook-additional-headers" => json(
            c.get_management_webhook_additional_headers(project()?, webhook()?)
                .await,
        ),
        "upsert-management-webhook-additional-headers" => json(
            c.upsert_management_webhook_additional_headers(
                project()?,
                webhook()?,
                a.get::<BTreeMap<String, String>>("headers")?,
            )
            .await,
        ),
        "delete-management-webhook-additional-headers" => json(
            c.delete_management_webhook_additional_headers(
                project()?,
                webhook()?,
                a.get::<Vec<String>>("names")?,
            )
            .await,
        ),
        "recover-failed-webhook-messages" => empty(
            c.recover_failed_webhook_messages(project()?, webhook()?, since(a)?)
                .await,
        ),
        "send-test-webhook" => json(
            c.send_test_webhook(
                project()?,
                webhook()?,
                a.get::<ManagementWebhookEvent>("webhookEvent")?,
            )
            .await,
        ),
        _ => Err(Failure::Unknown),
    }
}

/// `since` as Unix milliseconds: a number is what a gateway's callers can send without a
/// date parser on either side.
fn since(a: &Args) -> Result<Timestamp, Failure> {
    let millis: i64 = a.get("sinceMillis")?;
    Timestamp::from_millisecond(millis)
        .map_err(|_| Failure::Args(format!("sinceMillis {millis} is out of range")))
}
