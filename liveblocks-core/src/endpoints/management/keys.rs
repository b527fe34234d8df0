//! Management API: a project's public and secret API keys.

use crate::declare::operations;
use crate::models::management::{
    KeyExpiration, NewKeyExpiration, RollProjectPublicApiKeyRequestBody,
    RollProjectPublicApiKeyResponse, RollProjectSecretApiKeyRequestBody,
    RollProjectSecretApiKeyResponse,
};

operations! {
    /// Turns a project's public key on.
    ActivateProjectPublicApiKey {
        "activate-project-public-api-key", POST
            "/management/projects/{projectId}/api-keys/public/activate", None -> None ();
        fn activate_project_public_api_key(project_id: impl Into<String>);
        struct { project_id: String = project_id.into() }
        path ["projectId" = project_id];
    }

    /// Turns a project's public key off.
    DeactivateProjectPublicApiKey {
        "deactivate-project-public-api-key", POST
            "/management/projects/{projectId}/api-keys/public/deactivate", None -> None ();
        fn deactivate_project_public_api_key(project_id: impl Into<String>);
        struct { project_id: String = project_id.into() }
        path ["projectId" = project_id];
    }

    /// Replaces a project's public key with a new one; the previous one stops working at once
    /// unless [`RollProjectPublicApiKey::expiration_in`] says otherwise.
    RollProjectPublicApiKey {
        "roll-project-public-api-key", POST
            "/management/projects/{projectId}/api-keys/public/roll",
            Json -> Json RollProjectPublicApiKeyResponse;
        fn roll_project_public_api_key(project_id: impl Into<String>);
        struct {
            project_id: String = project_id.into(),
            body: RollProjectPublicApiKeyRequestBody = RollProjectPublicApiKeyRequestBody::default(),
        }
        set {
            /// When the previous key stops working.
            fn expiration_in(self, expiration: KeyExpiration) {
                self.body.expiration_in = Some(expiration);
            }
        }
        path ["projectId" = project_id];
        request(self, req) {
            req.json(&self.body)
        }
    }

    /// Replaces a project's secret key with a new one; the previous one stops working at once
    /// unless [`RollProjectSecretApiKey::expiration_in`] says otherwise.
    RollProjectSecretApiKey {
        "roll-project-secret-api-key", POST
            "/management/projects/{projectId}/api-keys/secret/roll",
            Json -> Json RollProjectSecretApiKeyResponse;
        fn roll_project_secret_api_key(project_id: impl Into<String>);
        struct {
            project_id: String = project_id.into(),
            body: RollProjectSecretApiKeyRequestBody = RollProjectSecretApiKeyRequestBody::default(),
        }
        set {
            /// When the previous key stops working.
            fn expiration_in(self, expiration: KeyExpiration) {
                self.body.expiration_in = Some(expiration);
            }
            /// When the new key expires.
            fn new_key_expiration_in(self, expiration: NewKeyExpiration) {
                self.body.new_key_expiration_in = Some(expiration);
            }
        }
        path ["projectId" = project_id];
        request(self, req) {
            req.json(&self.body)
        }
    }
}
