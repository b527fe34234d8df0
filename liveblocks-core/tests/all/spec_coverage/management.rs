//! Management API.

use liveblocks_core::models::management::*;

use super::Registry;

pub fn register(r: &mut Registry) {
    r.schema::<ManagementProjectType>("ManagementProjectType");
    r.schema::<ManagementProjectRegion>("ManagementProjectRegion");
    r.schema::<VersionCreationTimeout>("ManagementProjectVersionCreationTimeout");
    r.schema::<ManagementProjectPublicKey>("ManagementProjectPublicKey");
    r.schema::<ManagementProjectSecretKey>("ManagementProjectSecretKey");
    r.schema_lenient::<ManagementProject>(
        "ManagementProject",
        &["description"],
        "required in the schema, but missing from the spec's own ManagementProject examples \
         (schema example and create-management-project example)",
    );
    r.schema::<GetManagementProjectsResponse>("GetManagementProjectsResponse");
    r.schema::<CreateManagementProjectRequestBody>("CreateManagementProjectRequestBody");
    r.schema::<UpdateManagementProjectRequestBody>("UpdateManagementProjectRequestBody");
    r.schema::<RollProjectPublicApiKeyRequestBody>("RollProjectPublicApiKeyRequestBody");
    r.schema::<RollProjectSecretApiKeyRequestBody>("RollProjectSecretApiKeyRequestBody");
    r.schema::<RollProjectPublicApiKeyResponse>("RollProjectPublicApiKeyResponse");
    r.schema::<RollProjectSecretApiKeyResponse>("RollProjectSecretApiKeyResponse");

    r.schema::<ManagementWebhookEvent>("ManagementWebhookEvent");
    r.schema::<ManagementWebhookSecret>("ManagementWebhookSecret");
    r.schema::<ManagementWebhook>("ManagementWebhook");
    r.schema::<GetManagementWebhooksResponse>("GetManagementWebhooksResponse");
    r.schema::<CreateManagementWebhookRequestBody>("CreateManagementWebhookRequestBody");
    r.schema::<UpdateManagementWebhookRequestBody>("UpdateManagementWebhookRequestBody");
    r.schema::<ManagementWebhookAdditionalHeaders>("ManagementWebhookAdditionalHeaders");
    r.schema::<UpsertManagementWebhookHeadersRequestBody>(
        "UpsertManagementWebhookHeadersRequestBody",
    );
    r.schema::<ManagementWebhookHeaders>("GetManagementWebhookHeadersResponse");
    r.schema::<ManagementWebhookHeaders>("UpsertManagementWebhookHeadersResponse");
    r.schema::<ManagementWebhookHeaders>("DeleteManagementWebhookHeadersResponse");
    r.schema::<DeleteManagementWebhookHeadersRequestBody>(
        "DeleteManagementWebhookHeadersRequestBody",
    );
    r.schema::<DeleteManagementWebhookHeadersRequestBody>("ManagementWebhookHeadersDelete");
    r.schema::<RotateManagementWebhookSecretResponse>("RotateManagementWebhookSecretResponse");
    r.schema::<RecoverManagementWebhookFailedMessagesRequestBody>(
        "RecoverManagementWebhookFailedMessagesRequestBody",
    );
    r.schema::<TestManagementWebhookRequestBody>("TestManagementWebhookRequestBody");
    r.schema::<TestManagementWebhookResponse>("TestManagementWebhookResponse");
}
