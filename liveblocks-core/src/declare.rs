//! `operations!`: the one way an operation is declared.
//!
//! One declaration gives an operation everything it has: its struct and constructor, each
//! optional parameter once (a builder method on the struct, forwarded with the same doc to
//! [`Call`](crate::Call)), its [`Operation`](crate::Operation) facts, its request, its
//! response (read by default from the response kind), its [`Client`](crate::Client) method,
//! its place in the module's `OPERATIONS` registry, and [`Paginated`](crate::Paginated) for
//! lists. A declaration reads:
//!
//! ```text
//! operations! {
//!     /// Reads a room.                                  <- the struct's, `new`'s and the method's doc
//!     GetRoom {
//!         "get-room", GET "/rooms/{roomId}", None -> Json Room;   <- id, method, path,
//!                                                                    request and response kinds, output
//!         fn get_room(room_id: impl Into<String>);      <- the Client method and its required arguments
//!         struct { room_id: String = room_id.into() }    <- the fields, and how `new` fills them
//!         path ["roomId" = room_id];                     <- each path parameter and its field
//!     }
//! }
//! ```
//!
//! Optional parts, in this order, between `struct` and `request`:
//! - `query ["name", ...];` after the output line: every query parameter the operation may send;
//! - `set { /// doc  fn name(self, arg: Type) { self.field = ...; } ... }`: the optional
//!   parameters; each body changes `self`;
//! - `pages Item, cursor_setter;`: the operation is a list of `Item`s chained by a cursor;
//! - `path ["name" = field, ...];`: the path parameters, filled (encoded, checked) from the
//!   fields;
//! - `request(self, req) { ... }`: what else the request carries (its query, its body);
//!
//! and last `parse(self, response) { ... }` when the default reading of the response kind
//! (`Json`: decode the body; `None`: ignore it; `Binary`: the raw bytes) is not what the
//! operation needs. The `request` block gets a [`RequestBuilder`] with the path parameters
//! filled and returns it; the builder defers invalid input to its `build`, and the block may
//! also return early with `?`.
//!
//! [`RequestBuilder`]: crate::endpoint::RequestBuilder

/// Declares the operations of one module; see the [module docs](self).
macro_rules! operations {
    ( $( $(#[$attr:meta])* $name:ident { $($body:tt)* } )* ) => {
        $( $crate::declare::operation! { [$(#[$attr])*] $name $($body)* } )*

        /// Every operation of this module, in declaration order.
        #[allow(deprecated)]
        pub const OPERATIONS: &[$crate::endpoint::Operation] =
            &[$(<$name as $crate::endpoint::Endpoint>::OPERATION),*];
    };
}
pub(crate) use operations;

/// One operation of [`operations!`].
macro_rules! operation {
    (
        [$(#[$attr:meta])*] $name:ident
        $id:literal, $method:ident $path:literal, $req:ident -> $resp:ident $out:ty;
        $(query [$($query:literal),* $(,)?];)?
        fn $client:ident($($arg:ident: $arg_ty:ty),* $(,)?);
        struct { $($(#[$field_attr:meta])* $field:ident: $field_ty:ty = $init:expr),* $(,)? }
        $(set {
            $($(#[$set_attr:meta])* fn $setter:ident($set_self:ident $(, $set_arg:ident: $set_ty:ty)* $(,)?) $set_body:block)*
        })?
        $(pages $item:ty, $cursor:ident;)?
        $(path [$($param:literal = $param_field:ident),* $(,)?];)?
        $(request($req_self:ident, $builder:ident) $req_body:block)?
        $(parse($parse_self:ident, $response:ident) $parse_body:block)?
    ) => {
        $(#[$attr])*
        #[doc = ""]
        #[doc = concat!("`", stringify!($method), " /v2", $path, "` (`", $id, "`)")]
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            $($(#[$field_attr])* $field: $field_ty,)*
        }

        $crate::declare::operation!(@default $name [$($arg)*]);

        #[allow(deprecated)]
        impl $name {
            $(#[$attr])*
            pub fn new($($arg: $arg_ty),*) -> Self {
                $name { $($field: $init),* }
            }

            $($(
                $(#[$set_attr])*
                pub fn $setter(mut $set_self $(, $set_arg: $set_ty)*) -> Self {
                    $set_body
                    $set_self
                }
            )*)?
        }

        #[allow(deprecated)]
        impl<T> $crate::call::Call<T, $name> {
            $($(
                $(#[$set_attr])*
                pub fn $setter(self $(, $set_arg: $set_ty)*) -> Self {
                    self.map(|endpoint| endpoint.$setter($($set_arg),*))
                }
            )*)?
        }

        #[allow(deprecated)]
        impl<T> $crate::client::Client<T> {
            $(#[$attr])*
            pub fn $client(&self, $($arg: $arg_ty),*) -> $crate::call::Call<T, $name> {
                self.call($name::new($($arg),*))
            }
        }

        #[allow(deprecated)]
        impl $crate::endpoint::Endpoint for $name {
            type Output = $out;
            const OPERATION: $crate::endpoint::Operation = $crate::endpoint::Operation {
                id: $id,
                method: $crate::http::Method::$method,
                path: $path,
                query: &[$($($query),*)?],
                request_body: $crate::endpoint::BodyKind::$req,
                response_body: $crate::endpoint::BodyKind::$resp,
            };

            $crate::declare::operation!(
                @request [$($($param = $param_field),*)?] $(($req_self, $builder) $req_body)?
            );

            $crate::declare::operation!(@parse $resp $(($parse_self, $response) $parse_body)?);
        }

        $(
            #[allow(deprecated)]
            impl $crate::pagination::Paginated for $name {
                type Item = $item;

                fn after(self, cursor: $crate::models::Cursor) -> Self {
                    self.$cursor(cursor)
                }
            }
        )?
    };

    // The request: the path parameters from their fields, then the `request` block if any.
    (@request [$($param:literal = $field:ident),*] ($req_self:ident, $builder:ident) $req_body:block) => {
        fn request(
            &$req_self,
            config: &$crate::config::Config,
        ) -> Result<$crate::transport::HttpRequest, $crate::error::Error> {
            let operation = Self::OPERATION;
            let $builder = $crate::endpoint::RequestBuilder::new(config, &operation)
                $(.path_param($param, &$req_self.$field))*;
            let built: $crate::endpoint::RequestBuilder<'_> = $req_body;
            built.build()
        }
    };
    (@request [$($param:literal = $field:ident),*]) => {
        fn request(
            &self,
            config: &$crate::config::Config,
        ) -> Result<$crate::transport::HttpRequest, $crate::error::Error> {
            let operation = Self::OPERATION;
            $crate::endpoint::RequestBuilder::new(config, &operation)
                $(.path_param($param, &self.$field))*
                .build()
        }
    };

    // An operation without required arguments is also `Default`.
    (@default $name:ident []) => {
        #[allow(deprecated)]
        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }
    };
    (@default $name:ident [$($arg:tt)+]) => {};

    (@parse $resp:ident ($parse_self:ident, $response:ident) $parse_body:block) => {
        fn parse(
            &$parse_self,
            $response: $crate::transport::HttpResponse,
        ) -> Result<Self::Output, $crate::error::Error> $parse_body
    };
    (@parse Json) => {
        fn parse(
            &self,
            response: $crate::transport::HttpResponse,
        ) -> Result<Self::Output, $crate::error::Error> {
            $crate::endpoint::decode_json(response)
        }
    };
    (@parse None) => {
        fn parse(
            &self,
            _response: $crate::transport::HttpResponse,
        ) -> Result<Self::Output, $crate::error::Error> {
            Ok(())
        }
    };
    (@parse Binary) => {
        fn parse(
            &self,
            response: $crate::transport::HttpResponse,
        ) -> Result<Self::Output, $crate::error::Error> {
            Ok(response.into_body())
        }
    };
}
pub(crate) use operation;
