//! Yjs: the shared types a key of a Yjs document can be read as.

/// How to read one key of a Yjs document (`doc.get(key, Type)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YjsType {
    /// `Y.Map`.
    YMap,
    /// `Y.Text`.
    YText,
    /// `Y.XmlText`.
    YXmlText,
    /// `Y.XmlFragment`.
    YXmlFragment,
    /// `Y.Array`.
    YArray,
}

impl YjsType {
    /// The value as sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            YjsType::YMap => "ymap",
            YjsType::YText => "ytext",
            YjsType::YXmlText => "yxmltext",
            YjsType::YXmlFragment => "yxmlfragment",
            YjsType::YArray => "yarray",
        }
    }
}
