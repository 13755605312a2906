//! `NLMSG_ERROR` and `NLMSG_DONE`: acknowledgements, errors and the extended ack.
//!
//! The kernel answers a request with `NLM_F_ACK` by an `NLMSG_ERROR` whose error is 0 (an ACK) or
//! a negative errno. With `NETLINK_EXT_ACK` set on the socket it adds attributes after the echoed
//! request (flag `NLM_F_ACK_TLVS`): a message text, the offset of the offending attribute in the
//! request, a missing attribute's type. A dump ends with `NLMSG_DONE`, whose payload is an error
//! code that may carry the same attributes. See `netlink_ack()` in `net/netlink/af_netlink.c`.

use zerocopy::FromBytes;

use crate::attr::{Attrs, align4};
use crate::error::{Error, Layer};
use crate::index::{AttrIndex, Len, Rule, policy};
use crate::message::Message;
use crate::raw::{NlMsgErr, NlMsgHdr};
use crate::{nlm_f, nlmsg, nlmsgerr_attr};

const EXT_ACK_SLOTS: usize = 7;
const EXT_ACK_POLICY: [Rule; EXT_ACK_SLOTS] = policy(&[
    (nlmsgerr_attr::OFFS, Len::Min(4)),
    (nlmsgerr_attr::MISS_TYPE, Len::Min(4)),
    (nlmsgerr_attr::MISS_NEST, Len::Min(4)),
]);

/// The extended-ack attributes (`enum nlmsgerr_attrs`) of an error, ACK or DONE message.
#[derive(Clone, Debug)]
pub struct ExtAck<'a> {
    attrs: AttrIndex<'a, EXT_ACK_SLOTS>,
}

impl<'a> ExtAck<'a> {
    fn parse(bytes: &'a [u8], offset: usize) -> Result<Self, Error> {
        Ok(ExtAck {
            attrs: AttrIndex::parse(bytes, offset, &EXT_ACK_POLICY)?,
        })
    }

    /// `NLMSGERR_ATTR_MSG`: the kernel's explanation, e.g. "Unknown device type", if it is
    /// UTF-8 (it always is in practice; [`ExtAck::message_bytes`] has it either way).
    pub fn message(&self) -> Option<&'a str> {
        self.attrs.str(nlmsgerr_attr::MSG)
    }

    /// `NLMSGERR_ATTR_MSG` as bytes, without its NUL.
    pub fn message_bytes(&self) -> Option<&'a [u8]> {
        self.attrs.str_bytes(nlmsgerr_attr::MSG)
    }

    /// `NLMSGERR_ATTR_OFFS`: offset of the offending attribute in the request, from the start of
    /// the request's `nlmsghdr`.
    pub fn offset(&self) -> Option<u32> {
        self.attrs.u32(nlmsgerr_attr::OFFS)
    }

    /// `NLMSGERR_ATTR_MISS_TYPE`: the type of a required attribute the request lacked.
    pub fn missing_type(&self) -> Option<u32> {
        self.attrs.u32(nlmsgerr_attr::MISS_TYPE)
    }

    /// `NLMSGERR_ATTR_MISS_NEST`: offset in the request of the nest that lacked it.
    pub fn missing_nest(&self) -> Option<u32> {
        self.attrs.u32(nlmsgerr_attr::MISS_NEST)
    }

    /// `NLMSGERR_ATTR_COOKIE`: subsystem-specific bytes.
    pub fn cookie(&self) -> Option<&'a [u8]> {
        self.attrs.bytes(nlmsgerr_attr::COOKIE)
    }

    /// `NLMSGERR_ATTR_POLICY`: the policy of the offending attribute, a nest of `NL_POLICY_TYPE_ATTR_*`.
    pub fn policy(&self) -> Option<Attrs<'a>> {
        self.attrs
            .get(nlmsgerr_attr::POLICY)
            .map(|attr| attr.nested())
    }

    /// Whether there is no extended-ack attribute at all.
    pub fn is_empty(&self) -> bool {
        self.attrs.iter().next().is_none()
    }

    /// Every extended-ack attribute, known or not.
    pub fn attrs(&self) -> Attrs<'a> {
        self.attrs.iter()
    }
}

/// An `NLMSG_ERROR` message: `struct nlmsgerr`, the echoed request and the extended ack.
#[derive(Clone, Debug)]
pub struct ErrorMessage<'a> {
    message: Message<'a>,
    header: &'a NlMsgErr,
    request: &'a [u8],
    ext_ack: ExtAck<'a>,
}

impl<'a> ErrorMessage<'a> {
    /// Checks `message` is a well-formed `NLMSG_ERROR`.
    pub fn parse(message: Message<'a>) -> Result<Self, Error> {
        message.expect_types(nlmsg::ERROR, nlmsg::ERROR)?;
        let payload = message.payload();
        let Ok((header, _)) = NlMsgErr::ref_from_prefix(payload) else {
            return Err(Error::Truncated {
                layer: Layer::ErrorHeader,
                needed: NlMsgErr::SIZE,
                available: payload.len(),
                offset: NlMsgHdr::SIZE,
            });
        };
        let flags = message.flags();
        // Unless capped, the whole request follows the error code, `nlmsg_len` bytes of it.
        let echoed = if flags & nlm_f::CAPPED != 0 {
            NlMsgHdr::SIZE
        } else {
            usize::try_from(header.msg.nlmsg_len.get())
                .unwrap_or(usize::MAX)
                .max(NlMsgHdr::SIZE)
        };
        let echoed_end = echoed.saturating_add(4);
        let Some(request) = payload.get(4..echoed_end) else {
            return Err(Error::Truncated {
                layer: Layer::ErrorHeader,
                needed: echoed_end,
                available: payload.len(),
                offset: NlMsgHdr::SIZE,
            });
        };
        let ext_ack = if flags & nlm_f::ACK_TLVS != 0 {
            let start = align4(echoed_end).min(payload.len());
            let tlvs = payload.get(start..).unwrap_or_default();
            ExtAck::parse(tlvs, NlMsgHdr::SIZE.saturating_add(start))?
        } else {
            ExtAck {
                attrs: AttrIndex::EMPTY,
            }
        };
        Ok(ErrorMessage {
            message,
            header,
            request,
            ext_ack,
        })
    }

    /// The message this view was made from.
    pub const fn message(&self) -> Message<'a> {
        self.message
    }

    /// `nlmsgerr.error` as sent: 0 for an ACK, else a negative errno.
    pub fn error(&self) -> i32 {
        self.header.error.get()
    }

    /// The errno, positive (`EEXIST` is 17); 0 for an ACK.
    pub fn errno(&self) -> i32 {
        self.error().saturating_neg()
    }

    /// Whether this is an acknowledgement (error 0), not an error.
    pub fn is_ack(&self) -> bool {
        self.error() == 0
    }

    /// `nlmsgerr.msg`: the header of the request this answers.
    pub const fn request(&self) -> &'a NlMsgHdr {
        &self.header.msg
    }

    /// The echoed request: its header, and unless `NLM_F_CAPPED` its payload too, so that
    /// [`ExtAck::offset`] can be resolved against it.
    pub const fn request_bytes(&self) -> &'a [u8] {
        self.request
    }

    /// The extended-ack attributes; empty unless `NLM_F_ACK_TLVS` was set.
    pub const fn ext_ack(&self) -> &ExtAck<'a> {
        &self.ext_ack
    }
}

/// An `NLMSG_DONE` message: the end of a dump, with its error code and extended ack.
#[derive(Clone, Debug)]
pub struct DoneMessage<'a> {
    message: Message<'a>,
    error: i32,
    ext_ack: ExtAck<'a>,
}

impl<'a> DoneMessage<'a> {
    /// Checks `message` is a well-formed `NLMSG_DONE`.
    ///
    /// The kernel always sends the `int` error code; an empty payload, which some other netlink
    /// families send, is read as 0.
    pub fn parse(message: Message<'a>) -> Result<Self, Error> {
        message.expect_types(nlmsg::DONE, nlmsg::DONE)?;
        let payload = message.payload();
        let error = match payload.first_chunk::<4>() {
            Some(code) => i32::from_ne_bytes(*code),
            None if payload.is_empty() => 0,
            None => {
                return Err(Error::Truncated {
                    layer: Layer::Message,
                    needed: NlMsgHdr::SIZE.saturating_add(4),
                    available: message.bytes().len(),
                    offset: 0,
                });
            }
        };
        let ext_ack = if message.flags() & nlm_f::ACK_TLVS != 0 {
            let tlvs = payload.get(4..).unwrap_or_default();
            ExtAck::parse(tlvs, NlMsgHdr::SIZE.saturating_add(4))?
        } else {
            ExtAck {
                attrs: AttrIndex::EMPTY,
            }
        };
        Ok(DoneMessage {
            message,
            error,
            ext_ack,
        })
    }

    /// The message this view was made from.
    pub const fn message(&self) -> Message<'a> {
        self.message
    }

    /// The error code as sent: 0 when the dump completed, else a negative errno.
    pub const fn error(&self) -> i32 {
        self.error
    }

    /// The errno, positive; 0 when the dump completed.
    pub const fn errno(&self) -> i32 {
        self.error.saturating_neg()
    }

    /// The extended-ack attributes; empty unless `NLM_F_ACK_TLVS` was set.
    pub const fn ext_ack(&self) -> &ExtAck<'a> {
        &self.ext_ack
    }
}
