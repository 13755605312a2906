//! What every typed view of an rtnetlink family has in common: [`View`] (its message types
//! and its checking parse) and [`Dump`] (a dump request and the view its replies parse into).
//!
//! Generic code is written once over these traits instead of once per family: a dump loop
//! that parses each reply, [`Message::decode`](crate::Message::decode), an event loop that
//! tells new from deleted objects. The families are [`LinkMessage`], [`AddressMessage`],
//! [`RouteMessage`], [`NsidMessage`], [`RuleMessage`] and [`NeighbourMessage`], asked for
//! with [`LinkDump`], [`AddressDump`], [`RouteDump`], [`NsidDump`], [`RuleDump`] and
//! [`NeighbourDump`].
//!
//! ```
//! use rtnl_codec::{Dump, Messages, View};
//!
//! /// Counts the objects of a dump reply, whatever the family `D` asks for.
//! fn count<D: Dump>(datagram: &[u8]) -> Result<usize, rtnl_codec::Error> {
//!     let mut n = 0;
//!     for message in Messages::new(datagram) {
//!         let message = message?;
//!         if message.ty() == <D::Reply<'_> as View<'_>>::NEW {
//!             D::Reply::parse(message)?;
//!             n += 1;
//!         }
//!     }
//!     Ok(n)
//! }
//! # assert_eq!(count::<rtnl_codec::request::LinkDump<'static>>(&[]), Ok(0));
//! ```

use crate::builder::MessageBuilder;
use crate::error::Error;
use crate::message::Message;
// The family list names the views by their names at the crate's root.
use crate::*;

/// A typed view of one rtnetlink family's messages (`struct ifinfomsg`, `ifaddrmsg`, `rtmsg`,
/// `rtgenmsg` and their attributes).
///
/// rtnetlink numbers each family's message types in a block of four (`RTM_NEWLINK`,
/// `RTM_DELLINK`, `RTM_GETLINK`, `RTM_SETLINK` are 16 to 19): [`View::FIRST`] to
/// [`View::LAST`] are the ones the view decodes.
pub trait View<'a>: Sized {
    /// The first message type of the family, its `RTM_NEW*`: what the kernel answers a dump or
    /// a get with, and announces a new or changed object with.
    const NEW: u16;
    /// `RTM_DEL*`: what the kernel announces a removed object with.
    const DEL: u16;
    /// The first message type this view decodes (= [`View::NEW`]).
    const FIRST: u16 = Self::NEW;
    /// The last message type this view decodes (`RTM_SETLINK`, `RTM_GETADDR`, ...).
    const LAST: u16;

    /// Checks `message` is a well-formed message of the family and indexes it; after that no
    /// accessor fails.
    ///
    /// # Errors
    /// [`Error::WrongType`] for a type outside [`View::FIRST`]..=[`View::LAST`]; the
    /// family's own errors for a malformed header or attribute.
    fn parse(message: Message<'a>) -> Result<Self, Error>;

    /// The message the view was made from.
    fn message(&self) -> Message<'a>;
}

/// A dump request of one family (`NLM_F_DUMP`), with the view its replies parse into.
pub trait Dump {
    /// The view of the kernel's replies (`RTM_NEW*` messages).
    type Reply<'a>: View<'a>;

    /// Writes the request into `buf` with sequence number `seq`; more attributes may be
    /// appended to the returned builder.
    ///
    /// # Errors
    /// [`Error::BufferFull`] when `buf` is too small; the family's errors for a filter value
    /// the kernel would refuse.
    fn write<'b>(&self, buf: &'b mut [u8], seq: u32) -> Result<MessageBuilder<'b>, Error>;
}

/// The [`View`] of each row of the family list: its message types, and the view's own
/// checking `parse`.
macro_rules! family_views {
    ($($(#[$doc:meta])* $variant:ident($view:ident, $dump:ty) in $module:ident
        [$get:path; $new:path, $del:path, $last:path] $(consts $consts:ident)?;)*) => {
        $(
            impl<'a> View<'a> for $view<'a> {
                const NEW: u16 = $new;
                const DEL: u16 = $del;
                const LAST: u16 = $last;

                #[inline(always)]
                fn parse(message: Message<'a>) -> Result<Self, Error> {
                    $view::parse(message)
                }

                #[inline]
                fn message(&self) -> Message<'a> {
                    $view::message(self)
                }
            }
        )*
    };
}
families!(family_views);

/// Declares a family's view (one for each row of `families!`): the struct of a message, its
/// fixed header and its indexed attributes, its checking `parse`, and the accessors every view
/// has: `message`, `header`, one for each header field, `attr` and `attrs`.
///
/// The family's file passes its docs (naming the kernel struct and messages) through, and
/// keeps its policy and its other accessors. What its `parse` does beyond the policy works on
/// the indexed attributes: a further field made from them by a block (`info: T = |attrs| {
/// ... }`, e.g. a nest indexed in turn; `?` in it fails the parse), or a check after the
/// struct (`checked with f;`, e.g. of a nest). The header fields are
/// read as [`header_fields!`] reads them.
macro_rules! family_view {
    (
        $(#[$meta:meta])*
        pub struct $view:ident: $noun:literal {
            $(#[$header_doc:meta])*
            header: $header:ty {
                $( $(#[$field_doc:meta])* $name:ident: $ty:ty = $field:ident $(.$conv:ident())*, )*
            },
            attrs: $index:ty = $policy:path, $names:literal,
            $( $(#[$extra_doc:meta])* $extra:ident: $extra_ty:ty = |$from:ident| $init:block, )*
        }
        $(checked with $check:path;)?
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug)]
        pub struct $view<'a> {
            message: $crate::message::Message<'a>,
            header: &'a $header,
            attrs: $index,
            $( $(#[$extra_doc])* $extra: $extra_ty, )*
        }

        impl<'a> $view<'a> {
            #[doc = concat!("Checks `message` is a well-formed ", $noun, " message and indexes its attributes.")]
            #[inline(always)]
            pub fn parse(
                message: $crate::message::Message<'a>,
            ) -> Result<Self, $crate::error::Error> {
                use $crate::view::View;
                message.expect_types(<Self as View<'a>>::FIRST, <Self as View<'a>>::LAST)?;
                let (header, attrs, offset) = $crate::message::family_header::<$header>(&message)?;
                let attrs = $crate::index::AttrIndex::parse(attrs, offset, &$policy)?;
                $( $check(&attrs)?; )?
                $( let $extra = {
                    let $from = &attrs;
                    $init
                }; )*
                Ok($view {
                    message,
                    header,
                    attrs,
                    $( $extra, )*
                })
            }

            /// The message this view was made from.
            #[inline]
            pub const fn message(&self) -> $crate::message::Message<'a> {
                self.message
            }

            $(#[$header_doc])*
            #[inline]
            pub const fn header(&self) -> &'a $header {
                self.header
            }

            $crate::view::header_fields! {
                $( $(#[$field_doc])* $name: $ty = $field $(.$conv())*, )*
            }

            $crate::index::raw_attrs!($names);
        }
    };
}
// Imported by path (`use crate::view::family_view`), so the family modules need not follow it.
pub(crate) use family_view;

/// The accessors of a message's fixed header (a field `header`), one for each field: read as
/// it is (`u8`: a `const fn`), or through its byte-order conversion (`nlmsg_type.get()`).
macro_rules! header_fields {
    ($( $(#[$doc:meta])* $name:ident: $ty:ty = $field:ident $(.$conv:ident())*, )*) => {
        $( $crate::view::header_fields!(@one $(#[$doc])* $name: $ty = $field $(.$conv())*); )*
    };
    (@one $(#[$doc:meta])* $name:ident: $ty:ty = $field:ident) => {
        $(#[$doc])*
        #[inline]
        pub const fn $name(&self) -> $ty {
            self.header.$field
        }
    };
    (@one $(#[$doc:meta])* $name:ident: $ty:ty = $field:ident $(.$conv:ident())+) => {
        $(#[$doc])*
        #[inline]
        pub fn $name(&self) -> $ty {
            self.header.$field$(.$conv())+
        }
    };
}
pub(crate) use header_fields;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::*;

    /// The request a dump writes and the range of its reply view, for one family.
    fn check<D: Dump>(dump: &D, get: u16, new: u16, last: u16) {
        let mut buf = [0u8; 64];
        let len = dump.write(&mut buf, 7).unwrap().len();
        let m = Message::parse(&buf[..len]).unwrap();
        assert_eq!((m.ty(), m.seq()), (get, 7));
        assert_eq!(m.flags() & nlm_f::DUMP, nlm_f::DUMP);
        assert_eq!(<D::Reply<'_> as View<'_>>::NEW, new);
        assert_eq!(<D::Reply<'_> as View<'_>>::FIRST, new);
        assert_eq!(<D::Reply<'_> as View<'_>>::DEL, new + 1);
        assert_eq!(<D::Reply<'_> as View<'_>>::LAST, last);
        // rtnetlink numbers a family's types in a block of four: NEW, DEL, GET (, SET).
        assert_eq!(get, new + 2);
        assert!(last == get || last == get + 1);
        // The GET type is in the family's block, so the reply view reads the request too.
        assert!(D::Reply::parse(m).is_ok());
    }

    /// Each row of the family list: its dump and the types the row names.
    macro_rules! each_family_knows_its_types_and_request {
        ($($(#[$doc:meta])* $variant:ident($view:ident, $dump:ty) in $module:ident
            [$get:path; $new:path, $del:path, $last:path] $(consts $consts:ident)?;)*) => {
            #[test]
            fn each_family_knows_its_types_and_request() {
                $(check(&<$dump>::default(), $get, $new, $last);)*
            }
        };
    }
    families!(each_family_knows_its_types_and_request);
}
