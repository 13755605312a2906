//! Any bytes as the payload of one `NLMSG_ERROR` or `NLMSG_DONE`, the header forced from the
//! first three bytes so that every input reaches `ErrorMessage` / `DoneMessage` / `ExtAck`:
//!
//! - byte 0: bit 0 picks `NLMSG_DONE` over `NLMSG_ERROR`, bit 1 sets `NLM_F_CAPPED`, bit 2
//!   `NLM_F_ACK_TLVS`, bit 3 makes the echoed request's `nlmsg_len` fit the bytes there (so an
//!   uncapped error reaches its extended ack more often);
//! - bytes 1 and 2: the other `nlmsg_flags` bits;
//! - the rest: the payload after `nlmsghdr`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rtnl_codec::{DoneMessage, ErrorMessage, Message, nlm_f, nlmsg};

#[path = "../../codec/tests/common/exercise.rs"]
mod exercise;

fuzz_target!(|data: &[u8]| {
    let Some((&[control, f0, f1], body)) = data.split_first_chunk::<3>() else {
        return;
    };
    let ty = if control & 1 == 0 {
        nlmsg::ERROR
    } else {
        nlmsg::DONE
    };
    let mut flags = u16::from_ne_bytes([f0, f1]) & !(nlm_f::CAPPED | nlm_f::ACK_TLVS);
    if control & 2 != 0 {
        flags |= nlm_f::CAPPED;
    }
    if control & 4 != 0 {
        flags |= nlm_f::ACK_TLVS;
    }
    let mut body = body.to_vec();
    if control & 8 != 0 && body.len() >= 20 {
        // The echoed request: its header, then as much of the rest as the next byte says.
        let room = body.len() - 20;
        let echoed = 16 + usize::from(body[4]) % (room + 1);
        body[4..8].copy_from_slice(&(echoed as u32).to_ne_bytes());
    }

    let mut bytes = Vec::with_capacity(16 + body.len());
    bytes.extend_from_slice(&(16 + body.len() as u32).to_ne_bytes());
    bytes.extend_from_slice(&ty.to_ne_bytes());
    bytes.extend_from_slice(&flags.to_ne_bytes());
    bytes.extend_from_slice(&[0; 8]);
    bytes.extend_from_slice(&body);

    assert_eq!(exercise::exercise_datagram(&bytes), 1);
    let message = Message::parse(&bytes).expect("the header was made to fit");
    match ty {
        nlmsg::ERROR => {
            assert!(DoneMessage::parse(message).is_err());
            match ErrorMessage::parse(message) {
                Ok(error) => {
                    exercise::exercise_error(&error);
                    let request = error.request_bytes();
                    if flags & nlm_f::CAPPED != 0 {
                        assert_eq!(request.len(), 16);
                    }
                    if flags & nlm_f::ACK_TLVS == 0 {
                        assert!(error.ext_ack().is_empty());
                    }
                }
                Err(e) => exercise::display(&e),
            }
        }
        _ => {
            assert!(ErrorMessage::parse(message).is_err());
            match DoneMessage::parse(message) {
                Ok(done) => {
                    exercise::exercise_done(&done);
                    if flags & nlm_f::ACK_TLVS == 0 {
                        assert!(done.ext_ack().is_empty());
                    }
                }
                Err(e) => exercise::display(&e),
            }
        }
    }
});
