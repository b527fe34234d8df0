//! Storage files and version history.

use liveblocks_core::models::storage_files::*;
use liveblocks_core::models::versions::*;

use super::Registry;

pub fn register(r: &mut Registry) {
    r.schema::<StorageFileWithUrl>("StorageFileWithUrl");
    r.schema::<StorageFileMultipartUpload>("StorageFileMultipartUpload");
    r.schema::<StorageFileMultipartPart>("StorageFileMultipartPart");
    r.schema::<CompleteStorageFileMultipartUploadRequestBody>(
        "CompleteStorageFileMultipartUploadRequestBody",
    );

    r.schema::<HistoryVersion>("HistoryVersion");
    r.schema::<GetVersionHistoryResponse>("GetVersionHistoryResponse");
    r.schema::<CreateVersionHistorySnapshotResponse>("CreateVersionHistorySnapshotResponse");
}
