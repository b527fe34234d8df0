//! Auth: access tokens and ID tokens.

use liveblocks_core::models::auth::*;

use super::Registry;

pub fn register(r: &mut Registry) {
    r.schema::<AuthorizeUserRequestBody>("AuthorizeUserRequestBody");
    r.schema::<AuthorizeUserResponse>("AuthorizeUserResponse");
    // A standalone `{token}` schema no operation references; the same shape as the response.
    r.schema::<AuthorizeUserResponse>("Authorization");
    r.schema::<IdentifyUserRequestBody>("IdentifyUserRequestBody");
    r.schema::<IdentifyUserResponse>("IdentifyUserResponse");
}
