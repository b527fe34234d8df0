//! What is uploaded where: the five endpoints of one kind of upload (storage files,
//! comment attachments), so the drivers are written once.

use bytes::Bytes;

use crate::attachments::{
    AbortAttachmentMultipartUpload, CompleteAttachmentMultipartUpload,
    CreateAttachmentMultipartUpload, UploadAttachment, UploadAttachmentMultipartPart,
};
use crate::endpoint::Endpoint;
use crate::models::attachments::{
    AttachmentMultipartPart, AttachmentMultipartUpload, CommentAttachment,
};
use crate::models::storage_files::{
    LiveFileData, StorageFileMultipartPart, StorageFileMultipartUpload,
};
use crate::storage_files::{
    AbortStorageFileMultipartUpload, CompleteStorageFileMultipartUpload,
    CreateStorageFileMultipartUpload, UploadStorageFile, UploadStorageFileMultipartPart,
};
use crate::transport::{MaybeSend, MaybeSendSync};

/// One kind of upload: how to build each of its requests and read the answers it needs.
pub trait UploadTarget: Clone + MaybeSendSync + 'static {
    /// What a finished upload returns.
    type Output: MaybeSend + 'static;
    /// The answer of the create request.
    type Created: MaybeSend + 'static;
    /// The answer of one part's upload.
    type PartDone: MaybeSend + 'static;
    /// The whole file in one request.
    type Single: Endpoint<Output = Self::Output> + MaybeSend + 'static;
    /// Starts a multipart upload.
    type Create: Endpoint<Output = Self::Created> + MaybeSend + 'static;
    /// Uploads one part.
    type Part: Endpoint<Output = Self::PartDone> + MaybeSend + 'static;
    /// Completes a multipart upload.
    type Complete: Endpoint<Output = Self::Output> + MaybeSend + 'static;
    /// Aborts a multipart upload.
    type Abort: Endpoint<Output = ()> + MaybeSend + 'static;

    /// The single request for `content`.
    fn single(&self, content: Bytes) -> Self::Single;
    /// The create request, announcing the size when known.
    fn create(&self, size: Option<u64>) -> Self::Create;
    /// The upload ID in the create answer.
    fn upload_id(created: Self::Created) -> String;
    /// The request for part `number`.
    fn part(&self, upload_id: &str, number: u32, content: Bytes) -> Self::Part;
    /// The part number and etag in a part's answer.
    fn etag(done: Self::PartDone) -> (u32, String);
    /// The completion request with every `(part number, etag)`, in order.
    fn complete(&self, upload_id: &str, parts: Vec<(u32, String)>) -> Self::Complete;
    /// The abort request.
    fn abort(&self, upload_id: &str) -> Self::Abort;
}

/// A storage file: `name` under `file_id` in `room_id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageFile {
    /// The room.
    pub room_id: String,
    /// The file ID, `fl_` + 21 characters (checked when the first request is built).
    pub file_id: String,
    /// The file name.
    pub name: String,
}

impl UploadTarget for StorageFile {
    type Output = LiveFileData;
    type Created = StorageFileMultipartUpload;
    type PartDone = StorageFileMultipartPart;
    type Single = UploadStorageFile;
    type Create = CreateStorageFileMultipartUpload;
    type Part = UploadStorageFileMultipartPart;
    type Complete = CompleteStorageFileMultipartUpload;
    type Abort = AbortStorageFileMultipartUpload;

    fn single(&self, content: Bytes) -> Self::Single {
        let size = content.len() as u64;
        UploadStorageFile::new(&self.room_id, &self.file_id, &self.name, content).file_size(size)
    }

    fn create(&self, size: Option<u64>) -> Self::Create {
        let create =
            CreateStorageFileMultipartUpload::new(&self.room_id, &self.file_id, &self.name);
        match size {
            Some(size) => create.file_size(size),
            None => create,
        }
    }

    fn upload_id(created: Self::Created) -> String {
        created.upload_id
    }

    fn part(&self, upload_id: &str, number: u32, content: Bytes) -> Self::Part {
        UploadStorageFileMultipartPart::new(
            &self.room_id,
            &self.file_id,
            upload_id,
            number,
            content,
        )
    }

    fn etag(done: Self::PartDone) -> (u32, String) {
        (done.part_number, done.etag)
    }

    fn complete(&self, upload_id: &str, parts: Vec<(u32, String)>) -> Self::Complete {
        let parts = parts
            .into_iter()
            .map(|(n, etag)| StorageFileMultipartPart::new(n, etag));
        CompleteStorageFileMultipartUpload::new(&self.room_id, &self.file_id, upload_id, parts)
    }

    fn abort(&self, upload_id: &str) -> Self::Abort {
        AbortStorageFileMultipartUpload::new(&self.room_id, &self.file_id, upload_id)
    }
}

/// A comment attachment: `name` by `user_id` under `attachment_id` in `room_id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The room.
    pub room_id: String,
    /// The attachment ID, `at_` + 21 characters (checked when the first request is built).
    pub attachment_id: String,
    /// The file name.
    pub name: String,
    /// The uploading user.
    pub user_id: String,
}

impl UploadTarget for Attachment {
    type Output = CommentAttachment;
    type Created = AttachmentMultipartUpload;
    type PartDone = AttachmentMultipartPart;
    type Single = UploadAttachment;
    type Create = CreateAttachmentMultipartUpload;
    type Part = UploadAttachmentMultipartPart;
    type Complete = CompleteAttachmentMultipartUpload;
    type Abort = AbortAttachmentMultipartUpload;

    fn single(&self, content: Bytes) -> Self::Single {
        let size = content.len() as u64;
        UploadAttachment::new(
            &self.room_id,
            &self.attachment_id,
            &self.name,
            &self.user_id,
            content,
        )
        .file_size(size)
    }

    fn create(&self, size: Option<u64>) -> Self::Create {
        let create =
            CreateAttachmentMultipartUpload::new(&self.room_id, &self.attachment_id, &self.name);
        match size {
            Some(size) => create.file_size(size),
            None => create,
        }
    }

    fn upload_id(created: Self::Created) -> String {
        created.upload_id
    }

    fn part(&self, upload_id: &str, number: u32, content: Bytes) -> Self::Part {
        UploadAttachmentMultipartPart::new(
            &self.room_id,
            &self.attachment_id,
            upload_id,
            number,
            content,
        )
    }

    fn etag(done: Self::PartDone) -> (u32, String) {
        (done.part_number, done.etag)
    }

    fn complete(&self, upload_id: &str, parts: Vec<(u32, String)>) -> Self::Complete {
        let parts = parts
            .into_iter()
            .map(|(n, etag)| AttachmentMultipartPart::new(n, etag));
        CompleteAttachmentMultipartUpload::new(
            &self.room_id,
            &self.attachment_id,
            upload_id,
            &self.user_id,
            parts,
        )
    }

    fn abort(&self, upload_id: &str) -> Self::Abort {
        AbortAttachmentMultipartUpload::new(&self.room_id, &self.attachment_id, upload_id)
    }
}
