//! Walking paginated lists: a pure cursor state machine, driven as an `Iterator` by blocking
//! transports and as a `futures::Stream` by async ones.
//!
//! ```
//! use bytes::Bytes;
//! use liveblocks_core::{Client, Config, TransportError};
//!
//! // A server with two pages of rooms.
//! let transport = |request: http::Request<Bytes>| -> Result<http::Response<Bytes>, TransportError> {
//!     let room = |id: &str| format!(r#"{{"type":"room","id":"{id}","organizationId":"o",
//!         "createdAt":"2024-01-01T00:00:00Z","defaultAccesses":[],"usersAccesses":{{}},
//!         "groupsAccesses":{{}},"metadata":{{}}}}"#);
//!     let body = match request.uri().query() {
//!         None => format!(r#"{{"data":[{}],"nextCursor":"c1"}}"#, room("a")),
//!         Some("startingAfter=c1") => format!(r#"{{"data":[{}],"nextCursor":null}}"#, room("b")),
//!         Some(other) => panic!("unexpected query {other}"),
//!     };
//!     Ok(http::Response::new(Bytes::from(body)))
//! };
//! let client = Client::with_transport(Config::new("sk_test")?, transport);
//! let ids: Vec<String> = client
//!     .get_rooms()
//!     .into_items()
//!     .map(|room| room.map(|room| room.id))
//!     .collect::<Result<_, _>>()?;
//! assert_eq!(ids, ["a", "b"]);
//! # Ok::<(), liveblocks_core::Error>(())
//! ```

use std::collections::VecDeque;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use futures::Stream;

use crate::call::{Call, CallFuture, CallOptions};
use crate::client::Client;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::models::{Cursor, Page};
use crate::transport::{BlockingTransport, MaybeSend, Transport};

/// A list endpoint whose pages are chained by a cursor.
pub trait Paginated: Endpoint<Output = Page<Self::Item>> + Clone {
    /// One element of a page.
    type Item;

    /// The same request, for the page after `cursor`.
    fn after(self, cursor: Cursor) -> Self;
}

/// The pure part: which request comes next, given the pages seen so far.
#[derive(Debug, Clone)]
pub struct Cursors<E> {
    next: Option<E>,
    last_cursor: Option<Cursor>,
}

impl<E: Paginated> Cursors<E> {
    /// Starts at `first`.
    pub fn new(first: E) -> Self {
        Cursors {
            next: Some(first),
            last_cursor: None,
        }
    }

    /// The endpoint for the next page, or `None` when the list is done.
    pub fn next_endpoint(&mut self) -> Option<E> {
        self.next.clone()
    }

    /// Records a page: the next request follows its cursor, and the walk ends on a `null`
    /// cursor or on a cursor that repeats (a server that ignores cursors would loop forever).
    pub fn on_page(&mut self, page: &Page<E::Item>) {
        let current = self.next.take();
        match (&page.next_cursor, current) {
            (Some(cursor), Some(endpoint)) if self.last_cursor.as_ref() != Some(cursor) => {
                self.last_cursor = Some(cursor.clone());
                self.next = Some(endpoint.after(cursor.clone()));
            }
            _ => self.next = None,
        }
    }

    /// Stops the walk (after an error).
    pub fn stop(&mut self) {
        self.next = None;
    }
}

/// Every page of a list: an `Iterator` with a blocking transport, a `Stream` with an async one.
#[must_use = "pages are fetched only when iterated or polled"]
pub struct Pages<T, E: Endpoint> {
    client: Client<T>,
    options: CallOptions,
    cursors: Cursors<E>,
    in_flight: Option<CallFuture<E::Output>>,
}

/// Every item of a list, page after page: an `Iterator` or a `Stream` like [`Pages`].
#[must_use = "items are fetched only when iterated or polled"]
pub struct Items<T, E: Paginated> {
    pages: Pages<T, E>,
    buffer: VecDeque<E::Item>,
}

impl<T, E: Paginated> Call<T, E> {
    /// Walks every page, starting with this call's.
    pub fn into_pages(self) -> Pages<T, E> {
        let (client, endpoint, options) = self.into_parts();
        Pages {
            client,
            options,
            cursors: Cursors::new(endpoint),
            in_flight: None,
        }
    }

    /// Walks every item of every page, starting with this call's page.
    pub fn into_items(self) -> Items<T, E> {
        Items {
            pages: self.into_pages(),
            buffer: VecDeque::new(),
        }
    }
}

impl<T: BlockingTransport, E: Paginated> Iterator for Pages<T, E> {
    type Item = Result<Page<E::Item>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let endpoint = self.cursors.next_endpoint()?;
        let result = Call::from_parts(self.client.clone(), endpoint, self.options.clone()).send();
        match &result {
            Ok(page) => self.cursors.on_page(page),
            Err(_) => self.cursors.stop(),
        }
        Some(result)
    }
}

impl<T: BlockingTransport, E: Paginated> Iterator for Items<T, E> {
    type Item = Result<E::Item, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.buffer.pop_front() {
                return Some(Ok(item));
            }
            match self.pages.next()? {
                Ok(page) => self.buffer.extend(page.data),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

impl<T, E> Stream for Pages<T, E>
where
    T: Transport + 'static,
    E: Paginated + MaybeSend + Unpin + 'static,
    E::Item: MaybeSend,
{
    type Item = Result<Page<E::Item>, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if this.in_flight.is_none() {
            let Some(endpoint) = this.cursors.next_endpoint() else {
                return Poll::Ready(None);
            };
            let call = Call::from_parts(this.client.clone(), endpoint, this.options.clone());
            this.in_flight = Some(std::future::IntoFuture::into_future(call));
        }
        let result = ready!(this
            .in_flight
            .as_mut()
            .expect("set above")
            .as_mut()
            .poll(cx));
        this.in_flight = None;
        match &result {
            Ok(page) => this.cursors.on_page(page),
            Err(_) => this.cursors.stop(),
        }
        Poll::Ready(Some(result))
    }
}

impl<T, E> Stream for Items<T, E>
where
    T: Transport + 'static,
    E: Paginated + MaybeSend + Unpin + 'static,
    E::Item: MaybeSend + Unpin,
{
    type Item = Result<E::Item, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            if let Some(item) = this.buffer.pop_front() {
                return Poll::Ready(Some(Ok(item)));
            }
            match ready!(Pin::new(&mut this.pages).poll_next(cx)) {
                Some(Ok(page)) => this.buffer.extend(page.data),
                Some(Err(e)) => return Poll::Ready(Some(Err(e))),
                None => return Poll::Ready(None),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use bytes::Bytes;
    use futures::StreamExt;

    use crate::transport::{HttpRequest, HttpResponse, TransportError};
    use crate::{Client, Config};

    fn room(id: &str) -> String {
        format!(
            r#"{{"type":"room","id":"{id}","organizationId":"o","createdAt":"2024-01-01T00:00:00Z",
            "defaultAccesses":[],"usersAccesses":{{}},"groupsAccesses":{{}},"metadata":{{}}}}"#
        )
    }

    /// Answers page N with cursor `cN+1`; the last page per `last` has a null cursor, or
    /// repeats its cursor when `repeat` is set.
    fn server(
        last: usize,
        repeat: bool,
        calls: Arc<AtomicUsize>,
    ) -> impl Fn(HttpRequest) -> HttpResponse {
        move |request| {
            calls.fetch_add(1, Ordering::SeqCst);
            let n: usize = request
                .uri()
                .query()
                .and_then(|q| {
                    q.split('&')
                        .find_map(|kv| kv.strip_prefix("startingAfter=c"))
                })
                .map_or(0, |n| n.parse().unwrap());
            let cursor = if n < last {
                format!(r#""c{}""#, n + 1)
            } else if repeat {
                format!(r#""c{n}""#)
            } else {
                "null".to_owned()
            };
            let body = format!(
                r#"{{"data":[{}],"nextCursor":{cursor}}}"#,
                room(&format!("r{n}"))
            );
            http::Response::new(Bytes::from(body))
        }
    }

    #[test]
    fn blocking_items_follow_cursors_and_keep_query() {
        let calls = Arc::new(AtomicUsize::new(0));
        let serve = server(2, false, calls.clone());
        let seen_limit = Arc::new(AtomicUsize::new(0));
        let seen = seen_limit.clone();
        let transport = move |request: HttpRequest| -> Result<HttpResponse, TransportError> {
            if request.uri().query().unwrap_or("").contains("limit=1") {
                seen.fetch_add(1, Ordering::SeqCst);
            }
            Ok(serve(request))
        };
        let client = Client::with_transport(Config::new("sk_test").unwrap(), transport);
        let ids: Vec<String> = client
            .get_rooms()
            .limit(1)
            .into_items()
            .map(|r| r.unwrap().id)
            .collect();
        assert_eq!(ids, ["r0", "r1", "r2"]);
        assert_eq!(calls.load(Ordering::SeqCst), 3);
        assert_eq!(
            seen_limit.load(Ordering::SeqCst),
            3,
            "every page keeps the limit"
        );
    }

    #[test]
    fn a_repeated_cursor_ends_the_walk() {
        let calls = Arc::new(AtomicUsize::new(0));
        let serve = server(1, true, calls.clone());
        let transport = move |request: HttpRequest| -> Result<HttpResponse, TransportError> {
            Ok(serve(request))
        };
        let client = Client::with_transport(Config::new("sk_test").unwrap(), transport);
        let pages: Vec<_> = client.get_rooms().into_pages().collect();
        assert_eq!(pages.len(), 2);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn an_error_is_yielded_once_then_the_walk_stops() {
        let transport = |_: HttpRequest| -> Result<HttpResponse, TransportError> {
            Ok(http::Response::builder()
                .status(500)
                .body(Bytes::new())
                .unwrap())
        };
        let client = Client::with_transport(Config::new("sk_test").unwrap(), transport);
        let results: Vec<_> = client.get_rooms().into_items().collect();
        assert_eq!(results.len(), 1);
        assert_eq!(
            results[0]
                .as_ref()
                .unwrap_err()
                .status()
                .map(|s| s.as_u16()),
            Some(500)
        );
    }

    #[test]
    fn async_stream_of_items() {
        let calls = Arc::new(AtomicUsize::new(0));
        let serve = Arc::new(server(3, false, calls.clone()));
        let transport = crate::transport::from_fn(
            move |request: HttpRequest| {
                let serve = serve.clone();
                async move { Ok::<_, TransportError>(serve(request)) }
            },
            |_| std::future::ready(()),
        );
        let client = Client::with_transport(Config::new("sk_test").unwrap(), transport);
        let ids: Vec<String> = futures::executor::block_on(
            client
                .get_rooms()
                .into_items()
                .map(|r| r.unwrap().id)
                .collect(),
        );
        assert_eq!(ids, ["r0", "r1", "r2", "r3"]);
        assert_eq!(calls.load(Ordering::SeqCst), 4);
    }
}
