//! Projects and their API keys.

use super::*;

#[test]
fn get_management_projects() {
    let body = json!({"data": [project_json()], "nextCursor": null});
    let page = check_op(
        Reply::value(200, body),
        |c| {
            c.get_management_projects()
                .limit(20)
                .cursor(Cursor::new("eyJ=+/"))
                .send()
        },
        GetManagementProjects::new()
            .limit(20)
            .cursor(Cursor::new("eyJ=+/")),
        &expect(
            Method::GET,
            "/management/projects?limit=20&cursor=eyJ%3D%2B%2F",
            Body::None,
        ),
    );
    assert_eq!(page.data.len(), 1);
    assert_example_project(&page.data[0]);
    assert!(page.next_cursor.is_none());
    check_op(
        Reply::value(200, json!({"data": [], "nextCursor": null})),
        |c| c.get_management_projects().send(),
        GetManagementProjects::new(),
        &expect(Method::GET, "/management/projects", Body::None),
    );
}

#[test]
fn spec_examples_that_contradict_the_schema_are_decode_errors() {
    // get-management-projects example: items under `projects` instead of `data`.
    let mut listed = project_json();
    listed["description"] =
        json!("A lightweight, unstyled, and composable emoji picker for React.");
    let wrapped = json!({"projects": [listed.clone()], "nextCursor": "eyJpZCI6IjY4M2QifQ=="});
    let err = GetManagementProjects::new()
        .response(Reply::value(200, wrapped).to_response())
        .unwrap_err();
    let decode = decode_error(&err);
    assert!(decode.message.contains("data"), "{decode:?}");
    // The same item under `data` decodes, with its description.
    let page = GetManagementProjects::new()
        .response(
            Reply::value(
                200,
                json!({"data": [listed], "nextCursor": "eyJpZCI6IjY4M2QifQ=="}),
            )
            .to_response(),
        )
        .unwrap();
    assert_eq!(
        page.data[0].description.as_deref(),
        Some("A lightweight, unstyled, and composable emoji picker for React.")
    );
    assert_eq!(page.next_cursor.unwrap().as_str(), "eyJpZCI6IjY4M2QifQ==");

    // create-management-project example: the project wrapped in `project`.
    let err = CreateManagementProject::new(ManagementProjectType::Dev)
        .response(Reply::value(200, json!({"project": project_json()})).to_response())
        .unwrap_err();
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
    assert_eq!(err.status().unwrap(), 200);
    let project = CreateManagementProject::new(ManagementProjectType::Dev)
        .response(Reply::value(200, project_json()).to_response())
        .unwrap();
    assert_example_project(&project);
}

#[test]
fn projects_paginate_with_cursor() {
    let transport =
        |request: http::Request<Bytes>| -> Result<http::Response<Bytes>, TransportError> {
            let mut second = project_json();
            second["id"] = json!("p2");
            let body = match request.uri().query() {
                None => json!({"data": [project_json()], "nextCursor": "c1"}),
                Some("cursor=c1") => json!({"data": [second], "nextCursor": null}),
                Some(other) => panic!("unexpected query {other}"),
            };
            Ok(http::Response::new(Bytes::from(body.to_string())))
        };
    let client = Client::with_transport(Config::management("mgmt_token").unwrap(), transport);
    let ids: Vec<String> = client
        .get_management_projects()
        .into_items()
        .map(|p| p.map(|p| p.id))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids, ["683d49ed6b4d1cec5a597b13", "p2"]);
}

#[test]
fn create_management_project() {
    let project = check_op(
        Reply::value(200, project_json()),
        |c| {
            c.create_management_project(ManagementProjectType::Dev)
                .name("Frimousse")
                .description("An emoji picker")
                .version_creation_timeout(VersionCreationTimeout::Disabled)
                .send()
        },
        CreateManagementProject::new(ManagementProjectType::Dev)
            .name("Frimousse")
            .description("An emoji picker")
            .version_creation_timeout(VersionCreationTimeout::Disabled),
        &expect(
            Method::POST,
            "/management/projects",
            Body::Json(json!({
                "name": "Frimousse",
                "description": "An emoji picker",
                "type": "dev",
                "versionCreationTimeout": false
            })),
        ),
    );
    assert_example_project(&project);
    // Only the type is required; a timeout in seconds goes out as a number.
    check_op(
        Reply::value(200, project_json()),
        |c| {
            c.create_management_project(ManagementProjectType::Prod)
                .version_creation_timeout(VersionCreationTimeout::seconds(60)?)
                .send()
        },
        CreateManagementProject::new(ManagementProjectType::Prod)
            .version_creation_timeout(VersionCreationTimeout::Seconds(60)),
        &expect(
            Method::POST,
            "/management/projects",
            Body::Json(json!({"type": "prod", "versionCreationTimeout": 60})),
        ),
    );
}

#[test]
fn get_update_delete_management_project() {
    let project = check_op_with(
        Reply::value(200, project_json()),
        |c| c.get_management_project(PROJECT).send(),
        GetManagementProject::new(PROJECT),
        &expect(Method::GET, &project_path(""), Body::None),
        &p(),
    );
    assert_example_project(&project);

    let mut updated = project_json();
    updated["name"] = json!("Valleys");
    updated["versionCreationTimeout"] = json!(60);
    updated["secretKey"] = Value::Null;
    let project = check_op_with(
        Reply::value(200, updated),
        |c| {
            c.update_management_project(PROJECT)
                .name("Valleys")
                .version_creation_timeout(VersionCreationTimeout::Seconds(60))
                .send()
        },
        UpdateManagementProject::new(PROJECT)
            .name("Valleys")
            .version_creation_timeout(VersionCreationTimeout::Seconds(60)),
        &expect(
            Method::POST,
            &project_path(""),
            Body::Json(json!({"name": "Valleys", "versionCreationTimeout": 60})),
        ),
        &p(),
    );
    assert_eq!(project.name, "Valleys");
    assert_eq!(
        project.version_creation_timeout,
        VersionCreationTimeout::Seconds(60)
    );
    assert_eq!(project.secret_key, None);
    // An update that changes nothing sends an empty object.
    check_op_with(
        Reply::value(200, project_json()),
        |c| c.update_management_project(PROJECT).send(),
        UpdateManagementProject::new(PROJECT),
        &expect(Method::POST, &project_path(""), Body::Json(json!({}))),
        &p(),
    );

    check_op_with(
        Reply::empty(200),
        |c| c.delete_management_project(PROJECT).send(),
        DeleteManagementProject::new(PROJECT),
        &expect(Method::DELETE, &project_path(""), Body::None),
        &p(),
    );
}

#[test]
fn public_key_activation() {
    check_op_with(
        Reply::empty(200),
        |c| c.activate_project_public_api_key(PROJECT).send(),
        ActivateProjectPublicApiKey::new(PROJECT),
        &expect(
            Method::POST,
            &project_path("/api-keys/public/activate"),
            Body::None,
        ),
        &p(),
    );
    check_op_with(
        Reply::empty(200),
        |c| c.deactivate_project_public_api_key(PROJECT).send(),
        DeactivateProjectPublicApiKey::new(PROJECT),
        &expect(
            Method::POST,
            &project_path("/api-keys/public/deactivate"),
            Body::None,
        ),
        &p(),
    );
}

#[test]
fn roll_keys() {
    let public = json!({"publicKey": {"activated": true, "createdAt": "2024-09-03T12:34:56.000Z", "value": "pk_dev_456"}});
    let rolled = check_op_with(
        Reply::value(200, public.clone()),
        |c| {
            c.roll_project_public_api_key(PROJECT)
                .expiration_in(KeyExpiration::OneHour)
                .send()
        },
        RollProjectPublicApiKey::new(PROJECT).expiration_in(KeyExpiration::OneHour),
        &expect(
            Method::POST,
            &project_path("/api-keys/public/roll"),
            Body::Json(json!({"expirationIn": "1 hour"})),
        ),
        &p(),
    );
    assert_eq!(rolled.public_key.value, "pk_dev_456");
    // No option: an empty object (the body is optional in the spec).
    check_op_with(
        Reply::value(200, public),
        |c| c.roll_project_public_api_key(PROJECT).send(),
        RollProjectPublicApiKey::new(PROJECT),
        &expect(
            Method::POST,
            &project_path("/api-keys/public/roll"),
            Body::Json(json!({})),
        ),
        &p(),
    );

    let secret =
        json!({"secretKey": {"createdAt": "2024-09-03T12:34:56.000Z", "value": "sk_dev_456"}});
    let rolled = check_op_with(
        Reply::value(200, secret),
        |c| {
            c.roll_project_secret_api_key(PROJECT)
                .expiration_in(KeyExpiration::ThreeDays)
                .new_key_expiration_in(NewKeyExpiration::ThirtyDays)
                .send()
        },
        RollProjectSecretApiKey::new(PROJECT)
            .expiration_in(KeyExpiration::ThreeDays)
            .new_key_expiration_in(NewKeyExpiration::ThirtyDays),
        &expect(
            Method::POST,
            &project_path("/api-keys/secret/roll"),
            Body::Json(json!({"expirationIn": "3 days", "newKeyExpirationIn": "30 days"})),
        ),
        &p(),
    );
    assert_eq!(rolled.secret_key.value, "sk_dev_456");
    assert!(!format!("{rolled:?}").contains("sk_dev_456"));
    // Other spellings the API accepts go out unchanged.
    let body = serde_json::to_value(RollProjectPublicApiKeyRequestBody {
        expiration_in: Some(KeyExpiration::from("24hrs")),
    })
    .unwrap();
    assert_eq!(body, json!({"expirationIn": "24hrs"}));
}
