//! Builds the fuzz corpora from the kernel fixtures: run by `seed.sh`, std only.
//!
//! `seed FIXTURES CORPUS` writes, for each target, `CORPUS/<target>/<name>`:
//!
//! - `decode`: each fixture file whole (the large link dumps cut at a message boundary near
//!   64 KiB) and each of its messages alone (the first 60 and the last of a long dump);
//! - `ext_ack`: each `NLMSG_ERROR` / `NLMSG_DONE` message in that target's input format (a
//!   control byte with the type and the `NLM_F_CAPPED` / `NLM_F_ACK_TLVS` bits, the other flag
//!   bits, then the payload), with and without the echo-length fix-up bit;
//! - `build_roundtrip` and `request`: the single messages as they are (their inputs are
//!   `arbitrary` structures; kernel bytes give them varied, realistic shapes to start from).

use std::fs;
use std::path::Path;

const WHOLE_LIMIT: usize = 64 * 1024;
const PER_FILE: usize = 60;

fn messages(bytes: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(header) = bytes.get(at..at + 16) {
        let len = u32::from_ne_bytes(header[..4].try_into().unwrap()) as usize;
        let Some(message) = bytes.get(at..at + len).filter(|_| len >= 16) else {
            break;
        };
        out.push(message);
        at += len.next_multiple_of(4);
    }
    out
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    fs::create_dir_all(dir).unwrap();
    fs::write(dir.join(name), bytes).unwrap();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, fixtures, corpus] = &args[..] else {
        eprintln!("usage: seed FIXTURES_DIR CORPUS_DIR");
        std::process::exit(2);
    };
    let corpus = Path::new(corpus);
    let mut files: Vec<_> = fs::read_dir(fixtures)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "bin"))
        .collect();
    files.sort();
    if files.is_empty() {
        eprintln!("seed: no .bin fixtures in {fixtures}");
        std::process::exit(1);
    }
    let mut counts = [0usize; 4];
    for path in &files {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let bytes = fs::read(path).unwrap();
        let all = messages(&bytes);

        // The whole file, or its first messages up to WHOLE_LIMIT.
        let mut whole = 0;
        for message in &all {
            let next = whole + message.len().next_multiple_of(4);
            if next > WHOLE_LIMIT && whole > 0 {
                break;
            }
            whole = next.min(bytes.len());
        }
        write(&corpus.join("decode"), &name, &bytes[..whole]);
        counts[0] += 1;

        let picked = all
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < PER_FILE || *i + 1 == all.len());
        for (i, message) in picked {
            let single = format!("{name}-{i}");
            write(&corpus.join("decode"), &single, message);
            write(&corpus.join("build_roundtrip"), &single, message);
            write(&corpus.join("request"), &single, message);
            counts[0] += 1;
            counts[2] += 1;
            counts[3] += 1;

            let ty = u16::from_ne_bytes([message[4], message[5]]);
            let flags = u16::from_ne_bytes([message[6], message[7]]);
            if ty == 2 || ty == 3 {
                let mut control = u8::from(ty == 3);
                control |= if flags & 0x100 != 0 { 2 } else { 0 };
                control |= if flags & 0x200 != 0 { 4 } else { 0 };
                let rest = (flags & !0x300).to_ne_bytes();
                for fixup in [0u8, 8] {
                    let mut seed = vec![control | fixup, rest[0], rest[1]];
                    seed.extend_from_slice(&message[16..]);
                    write(&corpus.join("ext_ack"), &format!("{single}-{fixup}"), &seed);
                    counts[1] += 1;
                }
            }
        }
    }
    println!(
        "seeded from {} fixtures: decode {}, ext_ack {}, build_roundtrip {}, request {}",
        files.len(),
        counts[0],
        counts[1],
        counts[2],
        counts[3]
    );
}
