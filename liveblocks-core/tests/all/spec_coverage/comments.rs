//! Comments and attachments.

use liveblocks_core::models::attachments::*;
use liveblocks_core::models::comments::*;

use super::Registry;

pub fn register(r: &mut Registry) {
    r.schema::<Thread>("Thread");
    r.schema::<Comment>("Comment");
    r.schema::<CommentBody>("CommentBody");
    r.schema::<ThreadMetadata>("ThreadMetadata");
    r.schema::<CommentMetadata>("CommentMetadata");
    r.schema::<CommentReaction>("CommentReaction");
    r.schema::<GetThreadsResponse>("GetThreadsResponse");
    r.schema::<CreateThreadRequestBody>("CreateThreadRequestBody");
    r.schema::<CreateCommentRequestBody>("CreateCommentRequestBody");
    r.schema::<EditCommentRequestBody>("EditCommentRequestBody");
    r.schema::<EditThreadMetadataRequestBody>("EditThreadMetadataRequestBody");
    r.schema::<EditCommentMetadataRequestBody>("EditCommentMetadataRequestBody");
    r.schema::<MarkThreadAsResolvedRequestBody>("MarkThreadAsResolvedRequestBody");
    r.schema::<MarkThreadAsUnresolvedRequestBody>("MarkThreadAsUnresolvedRequestBody");
    r.schema::<SubscribeToThreadRequestBody>("SubscribeToThreadRequestBody");
    r.schema::<UnsubscribeFromThreadRequestBody>("UnsubscribeFromThreadRequestBody");
    r.schema::<AddCommentReactionRequestBody>("AddCommentReactionRequestBody");
    r.schema::<RemoveCommentReactionRequestBody>("RemoveCommentReactionRequestBody");
    r.schema::<GetThreadParticipantsResponse>("GetThreadParticipantsResponse");
    r.schema::<Subscription>("Subscription");
    r.schema::<UserSubscription>("UserSubscription");
    r.schema::<GetThreadSubscriptionsResponse>("GetThreadSubscriptionsResponse");
    r.schema::<CommentAttachment>("CommentAttachment");
    r.schema::<AttachmentWithUrl>("AttachmentWithUrl");
    r.schema::<AttachmentMultipartUpload>("AttachmentMultipartUpload");
    r.schema::<AttachmentMultipartPart>("AttachmentMultipartPart");
    r.schema::<CompleteAttachmentMultipartUploadRequestBody>(
        "CompleteAttachmentMultipartUploadRequestBody",
    );
    // `InboxNotificationThreadData` is registered by the notifications domain; the items of
    // get-thread-inbox-notifications (that schema + `userId`) are checked in tests/comments.rs.
}
