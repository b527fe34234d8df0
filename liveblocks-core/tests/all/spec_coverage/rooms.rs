//! Rooms, Storage and Yjs.

use std::collections::BTreeMap;

use liveblocks_core::models::rooms::*;
use liveblocks_core::models::storage::*;
use liveblocks_core::models::Page;
use liveblocks_core::ErrorBody;
use serde_json::{Map, Value};

use super::Registry;

pub fn register(r: &mut Registry) {
    r.schema::<Room>("Room");
    r.schema::<Vec<RoomPermission>>("RoomPermission");
    r.schema::<RoomPermission>("RoomPermissionItem");
    r.schema::<RoomMetadata>("RoomMetadata");
    r.schema::<RoomAccesses>("RoomAccesses");
    r.schema::<Page<Room>>("GetRoomsResponse");
    r.schema::<CreateRoomRequestBody>("CreateRoomRequestBody");
    r.schema::<RoomUpdate>("UpdateRoomRequestBody");
    r.schema::<UpsertRoomRequestBody>("UpsertRoomRequestBody");
    r.schema::<UpdateRoomIdRequestBody>("UpdateRoomIdRequestBody");
    r.schema::<UpdateRoomOrganizationIdRequestBody>("UpdateRoomOrganizationIdRequestBody");
    r.schema::<ActiveUsers>("ActiveUsersResponse");
    r.schema::<SetPresenceRequestBody>("SetPresenceRequestBody");
    r.schema::<Map<String, Value>>("GetStorageDocumentResponse");
    r.schema::<StorageRoot>("InitializeStorageDocumentResponse");
    r.schema::<Vec<JsonPatchOp>>("PatchStorageDocumentRequestBody");
    r.schema::<LiveFileData>("LiveFileData");
    r.schema::<LiveNode>("LiveFile");
    r.schema::<BTreeMap<String, Value>>("GetYjsDocumentResponse");
    r.schema::<ErrorBody>("Error");
}
