//! Who follows a thread: subscribe, unsubscribe, list the subscribers, and the inbox
//! notifications about a thread.

use crate::declare::operations;
use crate::endpoint::check_body_id;
use crate::models::comments::{
    GetThreadInboxNotificationsResponse, GetThreadSubscriptionsResponse, Subscription,
    UserIdRequestBody,
};

operations! {
    /// Subscribes `user_id` to a thread's notifications.
    SubscribeToThread {
        "subscribe-to-thread", POST "/rooms/{roomId}/threads/{threadId}/subscribe",
            Json -> Json Subscription;
        fn subscribe_to_thread(
            room_id: impl Into<String>,
            thread_id: impl Into<String>,
            user_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
            body: UserIdRequestBody = UserIdRequestBody { user_id: user_id.into() },
        }
        path ["roomId" = room_id, "threadId" = thread_id];
        request(self, req) {
            check_body_id(Self::OPERATION.id, "userId", &self.body.user_id)?;
            req.json(&self.body)
        }
    }

    /// Unsubscribes `user_id` from a thread's notifications.
    UnsubscribeFromThread {
        "unsubscribe-from-thread", POST "/rooms/{roomId}/threads/{threadId}/unsubscribe",
            Json -> None ();
        fn unsubscribe_from_thread(
            room_id: impl Into<String>,
            thread_id: impl Into<String>,
            user_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
            body: UserIdRequestBody = UserIdRequestBody { user_id: user_id.into() },
        }
        path ["roomId" = room_id, "threadId" = thread_id];
        request(self, req) {
            check_body_id(Self::OPERATION.id, "userId", &self.body.user_id)?;
            req.json(&self.body)
        }
    }

    /// Lists the users subscribed to a thread. Not paginated.
    GetThreadSubscriptions {
        "get-thread-subscriptions", GET "/rooms/{roomId}/threads/{threadId}/subscriptions",
            None -> Json GetThreadSubscriptionsResponse;
        fn get_thread_subscriptions(room_id: impl Into<String>, thread_id: impl Into<String>);
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
        }
        path ["roomId" = room_id, "threadId" = thread_id];
    }

    /// Lists the inbox notifications about a thread, across every user's inbox. Not
    /// paginated.
    GetThreadInboxNotifications {
        "get-thread-inbox-notifications", GET
            "/rooms/{roomId}/threads/{threadId}/inbox-notifications",
            None -> Json GetThreadInboxNotificationsResponse;
        fn get_thread_inbox_notifications(
            room_id: impl Into<String>,
            thread_id: impl Into<String>,
        );
        struct {
            room_id: String = room_id.into(),
            thread_id: String = thread_id.into(),
        }
        path ["roomId" = room_id, "threadId" = thread_id];
    }
}
