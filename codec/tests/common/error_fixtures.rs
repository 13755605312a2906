//! The kernel's `NLMSG_ERROR` replies among the fixtures (`tests/fixtures/README.md`), with the
//! errno and extended-ack text the kernel sent. Shared by `codec/tests/props.rs` and the root
//! package's `tests/differential.rs` (included with `#[path]`).

/// `(fixture, errno, ext-ack message)` of each error reply; `ack.bin` is the ACK (errno 0).
pub const ERROR_REPLIES: [(&str, i32, Option<&str>); 5] = [
    ("err_exists.bin", 17, None),
    ("err_unknown_kind.bin", 95, Some("Unknown device type")),
    ("err_mtu.bin", 22, Some("mtu greater than device maximum")),
    (
        "err_missing_attr.bin",
        22,
        Some("Missing MDBA_SET_ENTRY attribute"),
    ),
    ("ack.bin", 0, None),
];
