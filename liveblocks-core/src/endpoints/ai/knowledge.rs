//! The knowledge sources of AI copilots: web pages and uploaded files.

use bytes::Bytes;

use crate::declare::operations;
use crate::endpoint::{check_not_empty, check_range};
use crate::models::ai::{
    CreateFileKnowledgeSourceResponse, CreateWebKnowledgeSourceRequestBody,
    CreateWebKnowledgeSourceResponse, GetFileKnowledgeSourceMarkdownResponse, KnowledgeSource,
    WebKnowledgeSourceLink, WebKnowledgeSourceType,
};
use crate::models::{Cursor, Page};

operations! {
    /// Lists a copilot's knowledge sources, one page at a time.
    GetKnowledgeSources {
        "get-knowledge-sources", GET "/ai/copilots/{copilotId}/knowledge",
            None -> Json Page<KnowledgeSource>;
        query ["limit", "startingAfter"];
        fn get_knowledge_sources(copilot_id: impl Into<String>);
        struct {
            copilot_id: String = copilot_id.into(),
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
        pages KnowledgeSource, starting_after;
        path ["copilotId" = copilot_id];
        request(self, req) {
            if let Some(limit) = self.limit {
                check_range("limit", limit, 1, 100)?;
            }
            req.query_opt("limit", self.limit)
                .query_opt("startingAfter", self.starting_after.as_ref())
        }
    }

    /// Reads a knowledge source.
    GetKnowledgeSource {
        "get-knowledge-source", GET "/ai/copilots/{copilotId}/knowledge/{knowledgeSourceId}",
            None -> Json KnowledgeSource;
        fn get_knowledge_source(
            copilot_id: impl Into<String>,
            knowledge_source_id: impl Into<String>,
        );
        struct {
            copilot_id: String = copilot_id.into(),
            knowledge_source_id: String = knowledge_source_id.into(),
        }
        path ["copilotId" = copilot_id, "knowledgeSourceId" = knowledge_source_id];
    }

    /// Adds web pages to a copilot's knowledge: reads `url` the way `source_type` says;
    /// returns the new source's ID.
    CreateWebKnowledgeSource {
        "create-web-knowledge-source", POST "/ai/copilots/{copilotId}/knowledge/web",
            Json -> Json CreateWebKnowledgeSourceResponse;
        fn create_web_knowledge_source(
            copilot_id: impl Into<String>,
            url: impl Into<String>,
            source_type: WebKnowledgeSourceType,
        );
        struct {
            body: CreateWebKnowledgeSourceRequestBody = CreateWebKnowledgeSourceRequestBody {
                copilot_id: copilot_id.into(),
                url: url.into(),
                source_type,
            },
        }
        request(self, req) {
            check_not_empty(Self::OPERATION.id, "url", &self.body.url)?;
            // The API wants the copilot ID both in the path and in the body.
            req.path_param("copilotId", &self.body.copilot_id).json(&self.body)
        }
    }

    /// Uploads `file` into a copilot's knowledge under the file name `name` (raw bytes);
    /// returns the new source's ID. `Vec<u8>` and `Bytes` convert without a copy.
    CreateFileKnowledgeSource {
        "create-file-knowledge-source", PUT "/ai/copilots/{copilotId}/knowledge/file/{name}",
            Binary -> Json CreateFileKnowledgeSourceResponse;
        fn create_file_knowledge_source(
            copilot_id: impl Into<String>,
            name: impl Into<String>,
            file: impl Into<Bytes>,
        );
        struct {
            copilot_id: String = copilot_id.into(),
            name: String = name.into(),
            file: Bytes = file.into(),
        }
        path ["copilotId" = copilot_id, "name" = name];
        request(self, req) {
            req.binary(self.file.clone())
        }
    }

    /// Reads a file knowledge source converted to markdown. The answer is JSON with the
    /// markdown in `content`.
    GetFileKnowledgeSourceMarkdown {
        "get-file-knowledge-source-markdown", GET
            "/ai/copilots/{copilotId}/knowledge/file/{knowledgeSourceId}",
            None -> Json GetFileKnowledgeSourceMarkdownResponse;
        fn get_file_knowledge_source_markdown(
            copilot_id: impl Into<String>,
            knowledge_source_id: impl Into<String>,
        );
        struct {
            copilot_id: String = copilot_id.into(),
            knowledge_source_id: String = knowledge_source_id.into(),
        }
        path ["copilotId" = copilot_id, "knowledgeSourceId" = knowledge_source_id];
    }

    /// Deletes a file knowledge source.
    DeleteFileKnowledgeSource {
        "delete-file-knowledge-source", DELETE
            "/ai/copilots/{copilotId}/knowledge/file/{knowledgeSourceId}", None -> None ();
        fn delete_file_knowledge_source(
            copilot_id: impl Into<String>,
            knowledge_source_id: impl Into<String>,
        );
        struct {
            copilot_id: String = copilot_id.into(),
            knowledge_source_id: String = knowledge_source_id.into(),
        }
        path ["copilotId" = copilot_id, "knowledgeSourceId" = knowledge_source_id];
    }

    /// Deletes a web knowledge source.
    DeleteWebKnowledgeSource {
        "delete-web-knowledge-source", DELETE
            "/ai/copilots/{copilotId}/knowledge/web/{knowledgeSourceId}", None -> None ();
        fn delete_web_knowledge_source(
            copilot_id: impl Into<String>,
            knowledge_source_id: impl Into<String>,
        );
        struct {
            copilot_id: String = copilot_id.into(),
            knowledge_source_id: String = knowledge_source_id.into(),
        }
        path ["copilotId" = copilot_id, "knowledgeSourceId" = knowledge_source_id];
    }

    /// Lists the pages a web knowledge source indexed, one page at a time.
    GetWebKnowledgeSourceLinks {
        "get-web-knowledge-source-links", GET
            "/ai/copilots/{copilotId}/knowledge/web/{knowledgeSourceId}/links",
            None -> Json Page<WebKnowledgeSourceLink>;
        query ["limit", "startingAfter"];
        fn get_web_knowledge_source_links(
            copilot_id: impl Into<String>,
            knowledge_source_id: impl Into<String>,
        );
        struct {
            copilot_id: String = copilot_id.into(),
            knowledge_source_id: String = knowledge_source_id.into(),
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
        pages WebKnowledgeSourceLink, starting_after;
        path ["copilotId" = copilot_id, "knowledgeSourceId" = knowledge_source_id];
        request(self, req) {
            if let Some(limit) = self.limit {
                check_range("limit", limit, 1, 100)?;
            }
            req.query_opt("limit", self.limit)
                .query_opt("startingAfter", self.starting_after.as_ref())
        }
    }
}
