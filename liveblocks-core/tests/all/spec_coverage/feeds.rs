//! Feeds.

use liveblocks_core::models::feeds::*;
use liveblocks_core::models::Page;

use super::Registry;

pub fn register(r: &mut Registry) {
    r.schema::<Feed>("Feed");
    r.schema::<FeedMessage>("FeedMessage");
    r.schema::<CreateFeedRequestBody>("CreateFeedRequestBody");
    r.schema::<UpdateFeedRequestBody>("UpdateFeedRequestBody");
    r.schema::<CreateFeedMessageRequestBody>("CreateFeedMessageRequestBody");
    r.schema::<UpdateFeedMessageRequestBody>("UpdateFeedMessageRequestBody");
    r.schema::<Page<Feed>>("GetFeedsResponse");
    r.schema::<Page<FeedMessage>>("GetFeedMessagesResponse");
}
