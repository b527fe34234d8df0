//! The Management API: the exercises of the `management` domain.

use liveblocks_core::models::management::{
    KeyExpiration, ManagementProject, ManagementProjectRegion, ManagementProjectType,
    ManagementWebhook, ManagementWebhookEvent, NewKeyExpiration, VersionCreationTimeout,
};
use liveblocks_core::Error;

use super::examples::{cursor, expect_status, single, ts};
use crate::harness::{ensure, ensure_eq, Failure, Mode, Session};

const PROJECT: &str = "683d49ed6b4d1cec5a597b13";
const WEBHOOK: &str = "wh_abc123";

/// The `ManagementProject` example.
fn ensure_example_project(project: &ManagementProject) -> Result<(), Failure> {
    let when = ts("2024-09-03T12:34:56.000Z");
    ensure_eq("id", project.id.as_str(), PROJECT)?;
    ensure_eq("teamId", project.team_id.as_str(), "team_123")?;
    ensure_eq("type", &project.project_type, &ManagementProjectType::Dev)?;
    ensure_eq("name", project.name.as_str(), "My Project")?;
    ensure_eq("description", project.description.as_deref(), None)?;
    ensure_eq(
        "dates",
        (project.created_at, project.updated_at),
        (when, when),
    )?;
    ensure_eq(
        "publicKey",
        (
            project.public_key.activated,
            project.public_key.created_at,
            project.public_key.value.as_str(),
        ),
        (true, when, "pk_dev_123"),
    )?;
    ensure_eq(
        "secretKey",
        project
            .secret_key
            .as_ref()
            .map(|k| (k.created_at, k.value.as_str())),
        Some((when, "sk_dev_123")),
    )?;
    ensure_eq("region", &project.region, &ManagementProjectRegion::Earth)?;
    ensure_eq(
        "versionCreationTimeout",
        project.version_creation_timeout,
        VersionCreationTimeout::Disabled,
    )
}

/// The `ManagementWebhook` example.
fn ensure_example_webhook(webhook: &ManagementWebhook) -> Result<(), Failure> {
    let when = ts("2024-09-03T12:34:56.000Z");
    ensure_eq("id", webhook.id.as_str(), WEBHOOK)?;
    ensure_eq(
        "dates",
        (webhook.created_at, webhook.updated_at),
        (when, when),
    )?;
    ensure_eq("url", webhook.url.as_str(), "https://example.com/webhooks")?;
    ensure_eq("disabled", webhook.disabled, false)?;
    ensure_eq("rateLimit", webhook.rate_limit, None)?;
    ensure_eq(
        "subscribedEvents",
        webhook.subscribed_events.as_slice(),
        &[
            ManagementWebhookEvent::StorageUpdated,
            ManagementWebhookEvent::UserEntered,
        ],
    )?;
    ensure_eq(
        "secret",
        webhook.secret.as_ref().map(|s| s.value.as_str()),
        Some("whsec_abc123"),
    )?;
    ensure_eq("additionalHeaders", &webhook.additional_headers, &None)?;
    ensure_eq(
        "throttles",
        (
            webhook.storage_updated_throttle_seconds,
            webhook.y_doc_updated_throttle_seconds,
        ),
        (10, 10),
    )
}

/// Static mode: asks the plain server for the response's named example `name` (Prism's
/// `Prefer: example=...`), which breaks its own schema, and checks that decoding it fails with
/// a typed [`Error::Decode`] at `path` whose message contains `message`.
async fn expect_broken_example<E>(
    s: &Session,
    name: &'static str,
    call: liveblocks_core::Call<crate::harness::BoxedTransport, E>,
    path: &str,
    message: &str,
) -> Result<(), Failure>
where
    E: liveblocks_core::Endpoint + Clone + Send + 'static,
    E::Output: Send + std::fmt::Debug,
{
    s.prefer(Some(name));
    let outcome = s.fetch_plain(call).await;
    s.prefer(None);
    match outcome {
        Err(Error::Decode(decode)) => {
            ensure_eq("decode error path", decode.path.as_str(), path)?;
            ensure(decode.message.contains(message), || {
                format!(
                    "decode error message {:?} lacks {message:?}",
                    decode.message
                )
            })
        }
        other => Err(Failure::Check(format!(
            "the broken example {name} should fail to decode, got {other:?}"
        ))),
    }
}

/// Runs the exercise of `op`, an operation of this domain.
pub async fn exercise(s: &Session, op: &str, mode: Mode) -> Result<(), Failure> {
    let m = &s.mgmt;
    let is_static = mode == Mode::Static;
    match op {
        "get-management-projects" => {
            let page = s
                .fetch(m.get_management_projects().limit(20).cursor(cursor()))
                .await?;
            mode.check(|| {
                single(&page, None)?;
                ensure_example_project(&page.data[0])
            })?;
            if is_static {
                // The response's named example wraps the list in `projects`.
                expect_broken_example(
                    s,
                    "example=example",
                    m.get_management_projects(),
                    ".",
                    "missing field `data`",
                )
                .await?;
            }
            Ok(())
        }
        "create-management-project" => {
            let project = s
                .fetch(
                    m.create_management_project(ManagementProjectType::Dev)
                        .name("My Project")
                        .description("Project description")
                        .version_creation_timeout(VersionCreationTimeout::Seconds(60)),
                )
                .await?;
            let disabled = s
                .fetch(
                    m.create_management_project(ManagementProjectType::Prod)
                        .version_creation_timeout(VersionCreationTimeout::Disabled),
                )
                .await?;
            mode.check(|| {
                ensure_example_project(&project)?;
                ensure_example_project(&disabled)
            })?;
            if is_static {
                // The response's named example wraps the project in `project`.
                expect_broken_example(
                    s,
                    "example=example",
                    m.create_management_project(ManagementProjectType::Dev),
                    ".",
                    "missing field `id`",
                )
                .await?;
            }
            Ok(())
        }
        "get-management-project" => {
            let project = s.fetch(m.get_management_project(PROJECT)).await?;
            mode.check(|| ensure_example_project(&project))
        }
        "update-management-project" => {
            let project = s
                .fetch(
                    m.update_management_project(PROJECT)
                        .name("Updated Project Name")
                        .description("Updated project description")
                        .version_creation_timeout(VersionCreationTimeout::Seconds(300)),
                )
                .await?;
            let empty = s.fetch(m.update_management_project(PROJECT)).await?;
            mode.check(|| {
                ensure_example_project(&project)?;
                ensure_example_project(&empty)
            })
        }
        "delete-management-project" => {
            s.fetch(m.delete_management_project(PROJECT)).await?;
            mode.check(|| expect_status(s, 200))
        }
        "activate-project-public-api-key" => {
            s.fetch(m.activate_project_public_api_key(PROJECT)).await?;
            mode.check(|| expect_status(s, 200))
        }
        "deactivate-project-public-api-key" => {
            s.fetch(m.deactivate_project_public_api_key(PROJECT))
                .await?;
            mode.check(|| expect_status(s, 200))
        }
        "roll-project-public-api-key" => {
            let rolled = s
                .fetch(
                    m.roll_project_public_api_key(PROJECT)
                        .expiration_in(KeyExpiration::OneHour),
                )
                .await?;
            let now = s.fetch(m.roll_project_public_api_key(PROJECT)).await?;
            mode.check(|| {
                for key in [&rolled.public_key, &now.public_key] {
                    ensure_eq(
                        "publicKey",
                        (key.activated, key.created_at, key.value.as_str()),
                        (true, ts("2024-09-03T12:34:56.000Z"), "pk_dev_123"),
                    )?;
                }
                Ok(())
            })
        }
        "roll-project-secret-api-key" => {
            let rolled = s
                .fetch(
                    m.roll_project_secret_api_key(PROJECT)
                        .expiration_in(KeyExpiration::ThreeDays)
                        .new_key_expiration_in(NewKeyExpiration::OneYear),
                )
                .await?;
            let now = s.fetch(m.roll_project_secret_api_key(PROJECT)).await?;
            mode.check(|| {
                for key in [&rolled.secret_key, &now.secret_key] {
                    ensure_eq(
                        "secretKey",
                        (key.created_at, key.value.as_str()),
                        (ts("2024-09-03T12:34:56.000Z"), "sk_dev_123"),
                    )?;
                }
                Ok(())
            })
        }
        "get-management-webhooks" => {
            let page = s
                .fetch(
                    m.get_management_webhooks(PROJECT)
                        .limit(100)
                        .cursor(cursor()),
                )
                .await?;
            mode.check(|| {
                single(&page, None)?;
                ensure_example_webhook(&page.data[0])
            })
        }
        "create-management-webhook" => {
            let webhook = s
                .fetch(
                    m.create_management_webhook(
                        PROJECT,
                        "https://example.com/webhooks",
                        [
                            ManagementWebhookEvent::StorageUpdated,
                            ManagementWebhookEvent::UserEntered,
                        ],
                    )
                    .rate_limit(100)
                    .additional_header("X-Custom-Header", "value")
                    .storage_updated_throttle_seconds(10)
                    .y_doc_updated_throttle_seconds(10),
                )
                .await?;
            let minimal = s
                .fetch(m.create_management_webhook(
                    PROJECT,
                    "https://example.com/hooks/minimal",
                    [ManagementWebhookEvent::Notification],
                ))
                .await?;
            mode.check(|| {
                ensure_example_webhook(&webhook)?;
                ensure_example_webhook(&minimal)
            })
        }
        "get-management-webhook" => {
            let webhook = s.fetch(m.get_management_webhook(PROJECT, WEBHOOK)).await?;
            mode.check(|| ensure_example_webhook(&webhook))
        }
        "update-management-webhook" => {
            let webhook = s
                .fetch(
                    m.update_management_webhook(PROJECT, WEBHOOK)
                        .url("https://example.com/webhooks/v2")
                        .subscribed_events([
                            ManagementWebhookEvent::ThreadCreated,
                            ManagementWebhookEvent::YdocUpdated,
                        ])
                        .rate_limit(65534)
                        .storage_updated_throttle_seconds(5)
                        .y_doc_updated_throttle_seconds(5)
                        .disabled(true),
                )
                .await?;
            let empty = s
                .fetch(m.update_management_webhook(PROJECT, WEBHOOK))
                .await?;
            mode.check(|| {
                ensure_example_webhook(&webhook)?;
                ensure_example_webhook(&empty)
            })
        }
        "delete-management-webhook" => {
            s.fetch(m.delete_management_webhook(PROJECT, WEBHOOK))
                .await?;
            mode.check(|| expect_status(s, 200))
        }
        "roll-management-webhook-secret" => {
            let rolled = s
                .fetch(m.roll_management_webhook_secret(PROJECT, WEBHOOK))
                .await?;
            mode.check(|| {
                ensure_eq(
                    "rolled",
                    (rolled.secret.value.as_str(), rolled.message.as_str()),
                    (
                        "whsec_new_abc123",
                        "Previous secret remains valid for 24 hours.",
                    ),
                )
            })
        }
        "upsert-management-webhook-additional-headers" => {
            let headers = s
                .fetch(m.upsert_management_webhook_additional_headers(
                    PROJECT,
                    WEBHOOK,
                    [("X-Custom-Header", "value"), ("X-Another-Header", "other")],
                ))
                .await?;
            mode.check(|| {
                ensure_eq(
                    "headers",
                    headers.headers.into_iter().collect::<Vec<_>>(),
                    vec![("X-Custom-Header".to_owned(), "value".to_owned())],
                )
            })
        }
        "get-management-webhook-additional-headers" => {
            let headers = s
                .fetch(m.get_management_webhook_additional_headers(PROJECT, WEBHOOK))
                .await?;
            mode.check(|| {
                ensure_eq(
                    "headers",
                    headers.headers.into_iter().collect::<Vec<_>>(),
                    vec![("X-Custom-Header".to_owned(), "value".to_owned())],
                )
            })
        }
        "delete-management-webhook-additional-headers" => {
            let headers = s
                .fetch(m.delete_management_webhook_additional_headers(
                    PROJECT,
                    WEBHOOK,
                    ["X-Custom-Header", "X-Another-Header"],
                ))
                .await?;
            mode.check(|| {
                ensure_eq(
                    "remaining headers",
                    headers.headers.into_iter().collect::<Vec<_>>(),
                    vec![("X-Remaining-Header".to_owned(), "value".to_owned())],
                )
            })
        }
        "recover-failed-webhook-messages" => {
            s.fetch(m.recover_failed_webhook_messages(
                PROJECT,
                WEBHOOK,
                ts("2026-01-21T00:00:00.000Z"),
            ))
            .await?;
            mode.check(|| expect_status(s, 200))
        }
        "send-test-webhook" => {
            let sent = s
                .fetch(m.send_test_webhook(
                    PROJECT,
                    WEBHOOK,
                    ManagementWebhookEvent::StorageUpdated,
                ))
                .await?;
            mode.check(|| {
                ensure_eq(
                    "message",
                    (sent.message.id.as_str(), sent.message.delivered_at),
                    ("msg_abc123", Some(ts("2024-09-03T12:34:56.000Z"))),
                )
            })
        }
        other => Err(Failure::Check(format!("no exercise for operation {other}"))),
    }
}
