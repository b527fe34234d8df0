//! The types requests send and responses return, one file per API domain, plus the few
//! building blocks they share.

pub mod ai;
pub mod attachments;
pub mod auth;
pub mod comments;
pub mod feeds;
pub mod groups;
pub mod management;
pub mod notifications;
pub mod rooms;
pub mod storage;
pub mod storage_files;
pub(crate) mod timestamp;
pub mod versions;
pub mod yjs;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An RFC 3339 instant, as the API writes timestamps (`2022-08-04T21:07:09.380Z`).
pub use jiff::Timestamp;

/// A field of an update body that can be left alone, cleared with `null`, or set.
///
/// ```
/// use liveblocks_core::models::Tristate;
///
/// let keep: Tristate<u32> = Tristate::Unset; // not sent at all
/// let clear: Tristate<u32> = Tristate::Null; // sent as null
/// let set = Tristate::Set(3);               // sent as 3
/// assert_eq!(serde_json::to_string(&clear).unwrap(), "null");
/// assert_eq!(serde_json::to_string(&set).unwrap(), "3");
/// assert!(keep.is_unset());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Tristate<T> {
    /// Leave the field out: the server keeps its value.
    #[default]
    Unset,
    /// Send `null`: the server clears or resets the field.
    Null,
    /// Send this value.
    Set(T),
}

impl<T> Tristate<T> {
    /// True for [`Tristate::Unset`]; used to skip the field when serializing.
    pub fn is_unset(&self) -> bool {
        matches!(self, Tristate::Unset)
    }
}

impl<T> From<Option<T>> for Tristate<T> {
    /// `Some(v)` sets, `None` clears.
    fn from(value: Option<T>) -> Self {
        match value {
            Some(v) => Tristate::Set(v),
            None => Tristate::Null,
        }
    }
}

impl<T: Serialize> Serialize for Tristate<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Tristate::Set(value) => value.serialize(serializer),
            Tristate::Null | Tristate::Unset => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Tristate<T> {
    /// A present value reads as `Set`, `null` as `Null`; pair with `#[serde(default)]` so an
    /// absent field reads as `Unset`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Option::<T>::deserialize(deserializer)?.into())
    }
}

/// For a property the spec marks required but nullable: `null` reads as `None`, while a
/// missing property is an error (serde would otherwise read a missing `Option` as `None`).
/// Use as `#[serde(deserialize_with = "crate::models::required_nullable")]`.
pub(crate) fn required_nullable<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer)
}

/// The cursor of the next page of a paginated list. Opaque: pass it back as it came.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Cursor(String);

impl Cursor {
    /// Wraps a cursor stored earlier.
    pub fn new(cursor: impl Into<String>) -> Self {
        Cursor(cursor.into())
    }

    /// The cursor as sent on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One page of a paginated list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Page<T> {
    /// The items of this page.
    pub data: Vec<T>,
    /// The cursor of the next page, `None` on the last one.
    #[serde(deserialize_with = "required_nullable")]
    pub next_cursor: Option<Cursor>,
}

/// Reads a string into an open enum (see `open_enum!`) without allocating for a known value.
pub(crate) struct OpenEnumVisitor<T>(std::marker::PhantomData<T>);

impl<T> OpenEnumVisitor<T> {
    pub(crate) fn new() -> Self {
        OpenEnumVisitor(std::marker::PhantomData)
    }
}

impl<T: for<'a> From<&'a str>> serde::de::Visitor<'_> for OpenEnumVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
        Ok(T::from(value))
    }
}

/// Declares an open string enum: known values get variants, anything else is kept in
/// `Other(String)`, so a value the server adds later never fails a decode.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this version of the SDK does not know, kept as sent.
            Other(String),
        }

        impl $name {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )*
                    $name::Other(other) => other,
                }
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $wire => $name::$variant, )*
                    other => $name::Other(other.to_owned()),
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(value.into())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                // A known value allocates nothing; an unknown one is kept as sent.
                deserializer.deserialize_str($crate::models::OpenEnumVisitor::<$name>::new())
            }
        }
    };
}
pub(crate) use open_enum;

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize, Default, Debug, PartialEq)]
    struct Body {
        #[serde(default, skip_serializing_if = "Tristate::is_unset")]
        field: Tristate<String>,
    }

    #[test]
    fn tristate_round_trip() {
        let cases = [
            (Tristate::Unset, "{}"),
            (Tristate::Null, r#"{"field":null}"#),
            (Tristate::Set("x".to_owned()), r#"{"field":"x"}"#),
        ];
        for (field, json) in cases {
            let body = Body { field };
            assert_eq!(serde_json::to_string(&body).unwrap(), json);
            assert_eq!(serde_json::from_str::<Body>(json).unwrap(), body);
        }
        assert_eq!(Tristate::from(Some(1)), Tristate::Set(1));
        assert_eq!(Tristate::<i32>::from(None), Tristate::Null);
    }

    open_enum! {
        /// Test enum.
        pub enum Color {
            /// Red.
            Red = "red",
        }
    }

    #[test]
    fn open_enum_keeps_unknown_values() {
        let colors: Vec<Color> = serde_json::from_str(r#"["red","ultraviolet"]"#).unwrap();
        assert_eq!(colors, vec![Color::Red, Color::Other("ultraviolet".into())]);
        assert_eq!(
            serde_json::to_string(&colors).unwrap(),
            r#"["red","ultraviolet"]"#
        );
    }

    #[test]
    fn page_reads_null_cursor_and_ignores_extra_keys() {
        let page: Page<u8> =
            serde_json::from_str(r#"{"data":[1],"nextCursor":null,"nextPage":null}"#).unwrap();
        assert_eq!(page.data, vec![1]);
        assert_eq!(page.next_cursor, None);
        let page: Page<u8> = serde_json::from_str(r#"{"data":[],"nextCursor":"abc"}"#).unwrap();
        assert_eq!(page.next_cursor.unwrap().as_str(), "abc");
    }
}
