//! `rtnl link set DEV type KIND OPTIONS` against `ip` 6.1 (`iplink_modify()` with the kind's
//! `parse_opt()`): vxlan on this kernel (what it changes and the ext-ack refusals for what it
//! cannot change), and ipvlan and vrf, whose drivers this kernel lacks, by the request bytes
//! ip and rtnl send (both under strace) and the refusal they print.

mod common;

use common::{RTNL, ip, last_newlink, private_netns, sent_messages};

/// The outcome of one command: exit code, stdout, stderr.
type Outcome = (Option<i32>, String, String);

/// In a fresh namespace (on a thread of its own): `setup` with ip, then `program FORM`; its
/// outcome and `ip -j -d link show` afterwards.
fn in_fresh_netns(setup: &[&str], program: &'static str, form: &str) -> (Outcome, String) {
    let setup: Vec<String> = setup.iter().map(|s| (*s).to_owned()).collect();
    let form = form.to_owned();
    std::thread::spawn(move || {
        private_netns();
        for cmd in &setup {
            ip(&cmd.split_whitespace().collect::<Vec<_>>());
        }
        let out = std::process::Command::new(program)
            .args(form.split_whitespace())
            .output()
            .expect("run the program");
        let outcome = common::outcome_text(&out);
        (outcome, ip(&["-j", "-d", "link", "show"]))
    })
    .join()
    .expect("test thread")
}

/// Every vxlan option of `ip link set DEV type vxlan`, run by rtnl and by ip on the same
/// device: the same stdout, stderr and exit code (the kernel's "Cannot change ..." refusals
/// included), and the same device afterwards. A change sends only what it names: no `id`, no
/// `learning` unless given, no warning about `dstport`.
#[test]
fn vxlan_changes_read_like_ip() {
    let setup = [
        "link add v0 address 02:00:00:00:00:01 type veth peer name v1 address 02:00:00:00:00:02",
        "link add vx0 address 02:00:00:00:00:03 type vxlan id 42 dstport 4789 dev v0 \
         local 192.0.2.1",
        "link add vx6 address 02:00:00:00:00:04 type vxlan id 7 dstport 4790 local 2001:db8::1",
    ];
    let forms = [
        "link set vx0 type vxlan ttl 10",
        "link set vx0 type vxlan ttl inherit tos 0x10 df set",
        "link set vx0 type vxlan nolearning",
        "link set dev vx0 type vxlan learning ageing 100",
        "link set vx0 type vxlan noproxy l2miss nol3miss norsc",
        "link set vx0 type vxlan dev v1",
        "link set vx0 type vxlan local 192.0.2.7",
        "link set vx0 type vxlan remote 192.0.2.9",
        "link set vx6 type vxlan flowlabel 5",
        "link set vx0 type vxlan id 43",
        "link set vx0 type vxlan id 42",
        "link set vx0 type vxlan dstport 1000",
        "link set vx0 type vxlan maxaddress 10",
        "link set vx0 type vxlan flowlabel 5",
        "link set vx0 type vxlan external",
        "link set vx0 type vxlan udpcsum",
        "link set vx0 type vxlan srcport 100 200",
        "link set vx0 type vxlan gpe",
        "link set vx0 type vxlan",
        "link set vx0 type vxlan dev nosuch",
        "link set vx0 type vxlan group 239.1.1.1",
        "link set vx0 type vxlan group 239.1.1.1 dev v0",
        "link set vx0 type vxlan vnifilter",
        "link set vx0 type vxlan ttl 300",
        "link set vx0 type vxlan ttl",
        "link set vx0 type vxlan bogus",
        "link set vx0 type vxlan ttl 5 ttl 6",
        "link set v0 type vxlan ttl 5",
    ];
    for form in forms {
        let (ours, theirs) = common::by_both(|program| in_fresh_netns(&setup, program, form));
        assert_eq!(ours.0, theirs.0, "{form}");
        assert_eq!(ours.1, theirs.1, "state after {form}");
    }
}

/// `link set DEV type ipvlan|vrf|vxlan OPTIONS` and `type KIND` alone send ip's request byte
/// for byte (this kernel has no ipvlan or vrf driver: it refuses them on a veth, and both print
/// the same refusal); a vxlan's `dev` goes where it was given, in `link add` too.
#[test]
fn kind_changes_send_ips_bytes() {
    let setup = [
        "link add r0 address 02:00:00:00:00:01 type veth peer name r1 address 02:00:00:00:00:02",
        "link add rv address 02:00:00:00:00:03 type vxlan id 5 dstport 4789",
    ];
    let forms = [
        "link set dev r1 type ipvlan mode l2",
        "link set dev r1 type ipvlan mode l3s vepa",
        "link set dev r1 type ipvlan private",
        "link set dev r1 type ipvlan",
        "link set dev r1 type vrf table 10",
        "link set dev r1 type vrf table main",
        "link set dev r1 type vrf",
        "link set dev r1 type veth",
        "link set dev rv type vxlan ttl 9",
        "link set dev rv type vxlan ttl 9 ageing 30 nolearning",
        "link set dev rv type vxlan id 5 dev r0 learning",
        "link set dev rv type vxlan ttl 9 ageing 30 dev r0 nolearning",
        "link add vq type vxlan id 9 ttl 5 dev r0 dstport 4789 local 192.0.2.1",
    ];
    for form in forms {
        let words: Vec<&str> = form.split_whitespace().collect();
        let (theirs, ours) = std::thread::scope(|s| {
            s.spawn(|| {
                private_netns();
                for cmd in setup {
                    ip(&cmd.split_whitespace().collect::<Vec<_>>());
                }
                (sent_messages("ip", &words), sent_messages(RTNL, &words))
            })
            .join()
            .expect("test thread")
        });
        let theirs = last_newlink(&theirs).unwrap_or_else(|| panic!("ip sent no NEWLINK: {form}"));
        let ours = last_newlink(&ours).unwrap_or_else(|| panic!("rtnl sent no NEWLINK: {form}"));
        assert_eq!(ours, theirs, "{form}");
        let (ours, theirs) = common::by_both(|program| in_fresh_netns(&setup, program, form));
        assert_eq!(ours.0, theirs.0, "{form}");
    }
}

/// The words ip's ipvlan and vrf parsers refuse in `link set` are refused alike (`link` after
/// `type ipvlan` is rtnl's own only in `link add`).
#[test]
fn kind_change_refusals_read_like_ip() {
    let setup = [
        "link add r0 address 02:00:00:00:00:01 type veth peer name r1 \
                  address 02:00:00:00:00:02",
    ];
    for form in [
        "link set r1 type ipvlan link r0",
        "link set r1 type ipvlan mode l4",
        "link set r1 type ipvlan bridge vepa",
        "link set r1 type ipvlan help",
        "link set r1 type vrf table nosuch",
        "link set r1 type vrf bogus",
        "link set r1 type vrf table",
    ] {
        let (ours, theirs) = common::by_both(|program| in_fresh_netns(&setup, program, form));
        assert_eq!(ours.0, theirs.0, "{form}");
        assert_ne!(ours.0.0, Some(0), "{form} should fail");
    }
}
