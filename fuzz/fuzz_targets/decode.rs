//! Any bytes as a datagram: every message, every view, every accessor, every nest down to 8
//! levels, with the contract checks of the shared `exercise` (accessors agree with the
//! attributes they read, checked runs yield no error, iterators stop after their first error).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../codec/tests/common/exercise.rs"]
mod exercise;

fuzz_target!(|data: &[u8]| {
    exercise::exercise_datagram(data);
});
