//! AI: copilots (list, create, read, update, delete) and their knowledge sources (web pages
//! and uploaded files).
//!
//! The operations are declared in two files, [`copilots`] and [`knowledge`]; every one of
//! them is re-exported here.

pub mod copilots;
pub mod knowledge;

pub use copilots::{
    CreateAiCopilot, DeleteAiCopilot, GetAiCopilot, GetAiCopilots, UpdateAiCopilot,
};
pub use knowledge::{
    CreateFileKnowledgeSource, CreateWebKnowledgeSource, DeleteFileKnowledgeSource,
    DeleteWebKnowledgeSource, GetFileKnowledgeSourceMarkdown, GetKnowledgeSource,
    GetKnowledgeSources, GetWebKnowledgeSourceLinks,
};
