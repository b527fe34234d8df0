//! Management API: a team's projects.

use crate::declare::operations;
use crate::endpoint::check_range;
use crate::error::Error;
use crate::models::management::{
    CreateManagementProjectRequestBody, ManagementProject, ManagementProjectType,
    UpdateManagementProjectRequestBody, VersionCreationTimeout,
};
use crate::models::{Cursor, Page};

operations! {
    /// Lists the team's projects, one page at a time.
    GetManagementProjects {
        "get-management-projects", GET "/management/projects", None -> Json Page<ManagementProject>;
        query ["limit", "cursor"];
        fn get_management_projects();
        struct {
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
        pages ManagementProject, cursor;
        request(self, req) {
            if let Some(limit) = self.limit {
                check_range("limit", limit, 1, 100)?;
            }
            req.query_opt("limit", self.limit)
                .query_opt("cursor", self.cursor.as_ref())
        }
    }

    /// Creates a project of this type; everything you don't set takes the server's defaults.
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
    CreateManagementProject {
        "create-management-project", POST "/management/projects", Json -> Json ManagementProject;
        fn create_management_project(project_type: ManagementProjectType);
        struct {
            body: CreateManagementProjectRequestBody = CreateManagementProjectRequestBody {
                project_type,
                name: None,
                description: None,
                version_creation_timeout: None,
            },
        }
        set {
            /// The project name.
            fn name(self, name: impl Into<String>) {
                self.body.name = Some(name.into());
            }
            /// The project description.
            fn description(self, description: impl Into<String>) {
                self.body.description = Some(description.into());
            }
            /// Automatic version creation: `Disabled` or 30 to 300 seconds.
            fn version_creation_timeout(self, timeout: VersionCreationTimeout) {
                self.body.version_creation_timeout = Some(timeout);
            }
            /// Replaces all the project's settings at once.
            fn settings(self, body: CreateManagementProjectRequestBody) {
                self.body = body;
            }
        }
        request(self, req) {
            check_timeout(self.body.version_creation_timeout)?;
            req.json(&self.body)
        }
    }

    /// Reads a project.
    GetManagementProject {
        "get-management-project", GET "/management/projects/{projectId}",
            None -> Json ManagementProject;
        fn get_management_project(project_id: impl Into<String>);
        struct { project_id: String = project_id.into() }
        path ["projectId" = project_id];
    }

    /// Changes a project; only what you set is sent.
    UpdateManagementProject {
        "update-management-project", POST "/management/projects/{projectId}",
            Json -> Json ManagementProject;
        fn update_management_project(project_id: impl Into<String>);
        struct {
            project_id: String = project_id.into(),
            body: UpdateManagementProjectRequestBody = UpdateManagementProjectRequestBody::default(),
        }
        set {
            /// A new name.
            fn name(self, name: impl Into<String>) {
                self.body.name = Some(name.into());
            }
            /// A new description.
            fn description(self, description: impl Into<String>) {
                self.body.description = Some(description.into());
            }
            /// A new version creation timeout: `Disabled` or 30 to 300 seconds.
            fn version_creation_timeout(self, timeout: VersionCreationTimeout) {
                self.body.version_creation_timeout = Some(timeout);
            }
            /// Replaces all the changes at once.
            fn changes(self, body: UpdateManagementProjectRequestBody) {
                self.body = body;
            }
        }
        path ["projectId" = project_id];
        request(self, req) {
            check_timeout(self.body.version_creation_timeout)?;
            req.json(&self.body)
        }
    }

    /// Deletes a project (a soft delete).
    DeleteManagementProject {
        "delete-management-project", DELETE "/management/projects/{projectId}", None -> None ();
        fn delete_management_project(project_id: impl Into<String>);
        struct { project_id: String = project_id.into() }
        path ["projectId" = project_id];
    }
}

fn check_timeout(timeout: Option<VersionCreationTimeout>) -> Result<(), Error> {
    timeout.map_or(Ok(()), VersionCreationTimeout::validate)
}
