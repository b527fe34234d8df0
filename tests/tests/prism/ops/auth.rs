//! Auth: the exercises of the `auth` domain.

use liveblocks_core::models::rooms::{RoomPermission, UserInfo};

use super::examples::GROUP;
use crate::harness::{ensure_eq, Failure, Mode, Session};

use RoomPermission::AllWrite;

/// The token both auth examples carry.
const TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIi...";

/// Runs the exercise of `op`, an operation of this domain.
pub async fn exercise(s: &Session, op: &str, mode: Mode) -> Result<(), Failure> {
    let c = &s.app;
    match op {
        "authorize-user" => {
            let token = s
                .fetch(
                    c.authorize_user("user-123")
                        .allow("my-room-1", [AllWrite])
                        .allow(
                            "my-room-*",
                            [RoomPermission::RoomRead, RoomPermission::CommentsRead],
                        )
                        .user_info(
                            UserInfo::new()
                                .name("bob")
                                .avatar("https://example.org/images/user123.jpg"),
                        )
                        .organization_id("acme-corp"),
                )
                .await?;
            let minimal = s.fetch(c.authorize_user("user-123")).await?;
            mode.check(|| {
                ensure_eq("token", token.token.as_str(), TOKEN)?;
                ensure_eq("minimal token", minimal.token.as_str(), TOKEN)
            })
        }
        "identify-user" => {
            let token = s
                .fetch(
                    c.identify_user("user-123")
                        .organization_id("acme-corp")
                        .group_ids(["marketing", GROUP])
                        .user_info(UserInfo::new().name("bob").extra("team", "growth")),
                )
                .await?;
            let minimal = s.fetch(c.identify_user("user-123")).await?;
            mode.check(|| {
                ensure_eq("token", token.token.as_str(), TOKEN)?;
                ensure_eq("minimal token", minimal.token.as_str(), TOKEN)
            })
        }
        other => Err(Failure::Check(format!("no exercise for operation {other}"))),
    }
}
