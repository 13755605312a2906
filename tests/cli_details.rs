//! `rtnl -d link show` against `ip -d link show` on the same state: bridges, bridge ports,
//! vxlans, macvlans and veths, with their kind options set, in a private namespace. Text is
//! compared byte for byte and `-j -d` JSON value for value in both directions (so every key ip
//! prints is there), with the bridge timers, which tick between the two dumps, masked.

mod common;

use common::{ip, last_newlink, ok, private_netns, rtnl, sent_messages, words};
use serde_json::Value;

/// The bridge and bridge port timers (`_bridge_print_timer()`, `_print_timer()`).
const TIMERS: [&str; 7] = [
    "hello_timer",
    "tcn_timer",
    "topology_change_timer",
    "gc_timer",
    "hold_timer",
    "message_age_timer",
    "forward_delay_timer",
];

/// `text` with each timer's value (`gc_timer  119.84 `) replaced by `T`.
fn mask_timers_text(text: &str) -> String {
    let mut out = String::new();
    let mut words = text.split(' ').peekable();
    let mut first = true;
    while let Some(word) = words.next() {
        if !first {
            out.push(' ');
        }
        first = false;
        out.push_str(word);
        if TIMERS.contains(&word) {
            // `%4i.%.2i`: spaces pad the seconds, so empty words come before the value.
            while words.peek() == Some(&"") {
                words.next();
            }
            let value = words.next().expect("a timer's value");
            assert!(
                value.contains('.') && value.replace('.', "").bytes().all(|b| b.is_ascii_digit()),
                "{word} {value}"
            );
            out.push_str(" T");
        }
    }
    out
}

/// `value` with every timer member replaced by `null` (after checking it is a number).
fn mask_timers_json(value: &mut Value) {
    match value {
        Value::Object(members) => {
            for (key, member) in members.iter_mut() {
                if TIMERS.contains(&key.as_str()) {
                    assert!(member.is_number(), "{key}: {member}");
                    *member = Value::Null;
                } else {
                    mask_timers_json(member);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(mask_timers_json),
        _ => {}
    }
}

/// The first key path at which `ours` and `theirs` differ, for a readable failure.
fn first_difference(path: &str, ours: &Value, theirs: &Value) -> Option<String> {
    match (ours, theirs) {
        (Value::Object(a), Value::Object(b)) => {
            for key in b.keys() {
                if !a.contains_key(key) {
                    return Some(format!("{path}.{key}: ip prints {}, we do not", b[key]));
                }
            }
            for (key, value) in a {
                let Some(other) = b.get(key) else {
                    return Some(format!("{path}.{key}: we print {value}, ip does not"));
                };
                if let Some(d) = first_difference(&format!("{path}.{key}"), value, other) {
                    return Some(d);
                }
            }
            None
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(i, (x, y))| first_difference(&format!("{path}[{i}]"), x, y)),
        _ => (ours != theirs).then(|| format!("{path}: ours {ours}, ip's {theirs}")),
    }
}

/// `rtnl OPTS link show` and `ip OPTS link show`: the same text (timers masked), the same JSON
/// for `-j -d` and `-j -p -d` (timers masked); returns ip's JSON.
fn details_match_ip() -> Value {
    let text = ["-d", "link", "show"];
    let ours = mask_timers_text(&ok(&text));
    let theirs = mask_timers_text(&ip(&text));
    assert_eq!(ours, theirs, "rtnl -d link show");
    let mut last = Value::Null;
    for args in ["-j -d link show", "-j -p -d link show"] {
        let args: &[&str] = &words(args);
        let mut ours: Value = serde_json::from_str(&ok(args)).expect("our JSON");
        let mut theirs: Value = serde_json::from_str(&ip(args)).expect("ip's JSON");
        mask_timers_json(&mut ours);
        mask_timers_json(&mut theirs);
        if let Some(difference) = first_difference("", &ours, &theirs) {
            panic!("{}: {difference}", args.join(" "));
        }
        last = theirs;
    }
    last
}

/// The keys of `linkinfo.PART` of the link named `name` in `links`.
fn keys(links: &Value, name: &str, part: &str) -> usize {
    let link = links
        .as_array()
        .expect("a list")
        .iter()
        .find(|l| l["ifname"] == name)
        .unwrap_or_else(|| panic!("no {name}"));
    link["linkinfo"][part]
        .as_object()
        .unwrap_or_else(|| panic!("{name}: no linkinfo.{part}"))
        .len()
}

/// Kinds with the kernel's defaults: what a new bridge, port, vxlan, macvlan and veth print.
#[test]
fn details_of_default_kinds_are_ips() {
    private_netns();
    ip(&["link", "add", "br0", "type", "bridge"]);
    ip(&["link", "add", "v0", "type", "veth", "peer", "name", "v1"]);
    ip(&["link", "set", "v0", "master", "br0"]);
    ip(&words(
        "link add vx0 type vxlan id 42 dstport 4789 local 192.0.2.1",
    ));
    ip(&words("link add mv0 link v1 type macvlan mode bridge"));
    let links = details_match_ip();
    // What ip 6.1 prints on this kernel, so a renderer that printed nothing would fail.
    assert!(keys(&links, "br0", "info_data") >= 40, "{links}");
    assert!(keys(&links, "v0", "info_slave_data") >= 30, "{links}");
    assert!(keys(&links, "vx0", "info_data") >= 10, "{links}");
    assert_eq!(keys(&links, "mv0", "info_data"), 3, "{links}");
    for link in links.as_array().expect("a list") {
        assert_eq!(link["inet6_addr_gen_mode"], "eui64", "{link}");
    }
}

/// Kinds with their options changed from the defaults, so each printed word is taken from its
/// attribute: STP and multicast settings of a bridge, a port's flags, an IPv6 vxlan with every
/// flag, a metadata vxlan, a `source` macvlan with its addresses, `addrgenmode none`, a
/// macvtap, and tun/tap devices with owners (by name and by number).
#[test]
fn details_of_configured_kinds_are_ips() {
    private_netns();
    ip(&words(
        "link add br1 type bridge stp_state 1 forward_delay 400 hello_time 300 max_age \
         1000 ageing_time 12000 priority 4096 group_fwd_mask 0x8 group_address 01:80:c2:00:00:0e \
         mcast_snooping 0 mcast_router 2 mcast_querier 1 no_linklocal_learn 1 \
         mcast_last_member_interval 200 nf_call_iptables 1 mcast_igmp_version 3 \
         mcast_mld_version 2 mcast_stats_enabled 1",
    ));
    ip(&["link", "add", "d0", "type", "veth", "peer", "name", "d1"]);
    ip(&["link", "set", "d0", "master", "br1"]);
    ip(&words(
        "link set d0 type bridge_slave priority 7 cost 9 guard on hairpin on root_block on \
         fastleave on learning off flood off proxy_arp on mcast_router 2 mcast_flood off \
         bcast_flood off mcast_to_unicast on neigh_suppress on group_fwd_mask 0x4000 isolated on",
    ));
    ip(&words(
        "link add vx1 type vxlan id 7 remote 2001:db8::1 local 2001:db8::2 dstport 4790 \
         srcport 1000 2000 ttl 9 tos 0x10 df set flowlabel 0x123 ageing 0 maxaddress 10 \
         nolearning proxy rsc l2miss l3miss noudpcsum udp6zerocsumtx udp6zerocsumrx gbp",
    ));
    ip(&words(
        "link add vx2 type vxlan id 8 group 239.1.1.1 dev d1 dstport 0 ttl inherit tos \
         inherit df inherit",
    ));
    ip(&["link", "add", "vx3", "type", "vxlan", "external"]);
    ip(&words(
        "link add mv1 link d1 type macvlan mode source bcqueuelen 500",
    ));
    for mac in ["02:00:00:00:00:01", "02:00:00:00:00:02"] {
        ip(&[
            "link", "set", "mv1", "type", "macvlan", "macaddr", "add", mac,
        ]);
    }
    ip(&["link", "set", "d1", "addrgenmode", "none"]);
    ip(&words("link add link d1 name mt0 type macvtap mode bridge"));
    ip(&words("tuntap add tap0 mode tap vnet_hdr pi user 4242"));
    ip(&words(
        "tuntap add tun0 mode tun multi_queue user 0 group 0",
    ));
    let links = details_match_ip();
    assert_eq!(keys(&links, "tun0", "info_data"), 9, "{links}");
    assert_eq!(keys(&links, "tap0", "info_data"), 6, "{links}");
    assert_eq!(keys(&links, "mt0", "info_data"), 3, "{links}");
    let d1 = links
        .as_array()
        .expect("a list")
        .iter()
        .find(|l| l["ifname"] == "d1")
        .expect("d1");
    assert_eq!(d1["inet6_addr_gen_mode"], "none");
    assert!(keys(&links, "vx1", "info_data") >= 20, "{links}");
    assert_eq!(keys(&links, "mv1", "info_data"), 5, "{links}");
}

/// `linkinfo.PART` of `name` as `ip -j -d` shows it, without the timers and the ids that hold
/// the bridge's own address (two bridges differ there).
fn kind_data(name: &str, part: &str) -> Value {
    let mut link = common::ip_link(name);
    mask_timers_json(&mut link);
    let mut data = link["linkinfo"][part].clone();
    let members = data
        .as_object_mut()
        .unwrap_or_else(|| panic!("{name}: no linkinfo.{part}: {link}"));
    for key in ["bridge_id", "root_id"] {
        members.remove(key);
    }
    data
}

/// Runs `words` (with `NAME`, `PORT`, `PEER` standing for the devices) with `ip` on the first
/// set of devices and with `rtnl` on the second.
fn both(words: &[&str], ip_names: [&str; 3], our_names: [&str; 3]) {
    let with = |names: [&str; 3]| -> Vec<String> {
        words
            .iter()
            .map(|w| match *w {
                "NAME" => names[0].to_owned(),
                "PORT" => names[1].to_owned(),
                "PEER" => names[2].to_owned(),
                w => w.to_owned(),
            })
            .collect()
    };
    let theirs = with(ip_names);
    ip(&theirs.iter().map(String::as_str).collect::<Vec<_>>());
    let ours = with(our_names);
    ok(&ours.iter().map(String::as_str).collect::<Vec<_>>());
}

/// `link add ... type bridge OPTIONS`, `link set ... type bridge OPTIONS` and `link set PORT
/// type bridge_slave OPTIONS` from `rtnl` leave the kernel as the same commands from `ip` do
/// (read back through `ip -j -d`); bad options fail with ip's message and exit code.
#[test]
fn bridge_and_port_options_do_what_ips_do() {
    private_netns();
    let ip_names = ["bi", "pi", "qi"];
    let our_names = ["bz", "pz", "qz"];
    let steps: [&[&str]; 5] = [
        &words(
            "link add NAME type bridge stp_state 1 forward_delay 400 hello_t 300 max_age 1000 \
             priority 4096 group_fwd_mask 0x8 group_address 01:80:c2:00:00:0e no_linklocal_learn \
             1 mcast_vlan_snooping 0 mcast_snooping 0 mcast_querier 1 mcast_hash_max 1024 \
             mcast_last_member_interval 200 mcast_startup_query_interval 1000 mcast_igmp_version \
             3 mcast_mld_version 2 mcast_stats_enabled 1 nf_call_iptables 1 nf_call_arptables 1",
        ),
        &words("link add PORT type veth peer name PEER"),
        &words("link set PORT master NAME"),
        &words(
            "link set NAME type bridge ageing_time 1000 mcast_router 2 mcast_query_use_ifaddr 1 \
             fdb_flush",
        ),
        &words(
            "link set PORT type bridge_slave priority 7 cost 9 guard on hairpin on root_block on \
             learning off flood off mcast_flood off bcast_flood off mcast_to_unicast on \
             proxy_arp on mcast_router 2 mcast_fast_leave on neigh_suppress on group_fwd_mask \
             0x4000 isolated on fdb_flush",
        ),
    ];
    for step in steps {
        both(step, ip_names, our_names);
    }
    let (theirs, ours) = (kind_data("bi", "info_data"), kind_data("bz", "info_data"));
    assert_eq!(ours, theirs);
    assert_eq!(theirs["forward_delay"], 400);
    assert_eq!(theirs["ageing_time"], 1000);
    assert_eq!(theirs["no_linklocal_learn"], 1);
    assert_eq!(theirs["mcast_query_use_ifaddr"], 1);
    let (theirs, ours) = (
        kind_data("pi", "info_slave_data"),
        kind_data("pz", "info_slave_data"),
    );
    assert_eq!(ours, theirs);
    assert_eq!(theirs["cost"], 9);
    assert_eq!(theirs["group_fwd_mask_str"], "lldp");
    assert_eq!(theirs["isolated"], true);

    // Bad words: ip's messages and exit codes.
    common::same_failure_each(&[
        "link add b9 type bridge forward_delay x",
        "link add b9 type bridge priority 65536",
        "link add b9 type bridge vlan_protocol 802.1x",
        "link add b9 type bridge group_address zz",
        "link add b9 type bridge foo",
        "link add b9 type bridge help",
        "link add b9 type bridge_slave",
        "link set pz type bridge_slave hairpin x",
        "link set pz type bridge_slave state 256",
        "link set pz type bridge_slave backup_port nope",
        "link set pz type bridge_slave foo",
        "link set pz type bridge_slave backup_port qz",
    ]);
    // `o` is `off` for a port's on/off options (the first of "off", "on" it begins).
    both(
        &["link", "set", "PORT", "type", "bridge_slave", "guard", "o"],
        ip_names,
        our_names,
    );
    assert_eq!(kind_data("pz", "info_slave_data")["guard"], false);
    assert_eq!(
        kind_data("pz", "info_slave_data"),
        kind_data("pi", "info_slave_data")
    );
}

/// `link add ... type vxlan OPTIONS` from `rtnl` makes the device the same command from `ip`
/// makes (read back through `ip -j -d`), prints ip's warning for a missing `dstport`, and
/// fails on bad words with ip's message and exit code.
#[test]
fn vxlan_options_do_what_ips_do() {
    private_netns();
    ip(&["link", "add", "u0", "type", "veth", "peer", "name", "u1"]);
    let cases: [&[&str]; 4] = [
        &words(
            "id 7 dev u0 ttl inherit tos 0x10 df set flowlabel 0x123 ageing 0 maxaddress 10 \
             srcport 1000 2000 dstport 4790 nolearning proxy norsc l2miss nol3miss noudpcsum \
             udp6zerocsumtx noudp6zerocsumrx remcsumtx gbp local 2001:db8::1 remote 2001:db8::2",
        ),
        &words("vni 9 group 239.1.1.1 dev u0 ttl 5 tos inherit df inherit dstport 0"),
        &words("external vnifilter gpe"),
        &words("id 10 dstport 4789 rsc l3miss maxaddress unlimited"),
    ];
    // The same VNI cannot be made twice: ip's device is read and deleted before ours is made.
    for (i, words) in cases.iter().enumerate() {
        let (theirs, ours) = (format!("xi{i}"), format!("xr{i}"));
        let mut ip_args = vec!["link", "add", theirs.as_str(), "type", "vxlan"];
        ip_args.extend_from_slice(words);
        ip(&ip_args);
        let expected = kind_data(&theirs, "info_data");
        ip(&["link", "del", theirs.as_str()]);
        let mut our_args = vec!["link", "add", ours.as_str(), "type", "vxlan"];
        our_args.extend_from_slice(words);
        ok(&our_args);
        assert_eq!(
            kind_data(&ours, "info_data"),
            expected,
            "vxlan {}",
            words.join(" ")
        );
        if i != 0 {
            ip(&["link", "del", ours.as_str()]);
        }
    }
    let vx = kind_data("xr0", "info_data");
    assert_eq!(vx["label"], "0x123");
    assert_eq!(vx["limit"], 10);
    assert_eq!(vx["udp_csum"], false);

    // No dstport: ip's warning on stderr, and the link is made.
    let theirs = common::ip_raw(&["link", "add", "xv", "type", "vxlan", "id", "11"]);
    ip(&["link", "del", "xv"]);
    let ours = rtnl(&["link", "add", "xw", "type", "vxlan", "id", "11"]);
    assert_eq!(common::outcome(&ours), common::outcome(&theirs));
    assert!(String::from_utf8_lossy(&ours.stderr).contains("dstport 4789"));

    common::same_failure_each(&[
        "link add x9 type vxlan id 1 id 2",
        "link add x9 type vxlan id 1 tos 0x1g",
        "link add x9 type vxlan id 1 nolearning learning",
        "link add x9 type vxlan id 1 df maybe",
        "link add x9 type vxlan id 1 flowlabel 0x100000",
        "link add x9 type vxlan id 1 ttl 256",
        "link add x9 type vxlan id 1 srcport 1 x",
        "link add x9 type vxlan group 239.1.1.1 remote 192.0.2.1",
        "link add x9 type vxlan id 5 group 239.1.1.1",
        "link add x9 type vxlan external id 5",
        "link add x9 type vxlan vnifilter dstport 0",
        "link add x9 type vxlan dstport 0",
        "link add x9 type vxlan id 1 foo",
        "link add x9 type vxlan help",
    ]);
}

/// The kind options of `link add` and `link set` reach the kernel as the same bytes ip sends
/// (each command run by both under strace, on the same state, and undone in between).
#[test]
fn kind_option_requests_are_ips_byte_for_byte() {
    private_netns();
    ip(&["link", "add", "r0", "type", "veth", "peer", "name", "r1"]);
    ip(&["link", "add", "rb", "type", "bridge"]);
    ip(&["link", "set", "r0", "master", "rb"]);
    ip(&words("link add link r1 name rm type macvlan mode source"));
    let commands: [&str; 15] = [
        "link add vq type vxlan id 7 dev r1 ttl inherit tos 0x10 df set flowlabel 0x123 \
         ageing 0 maxaddress 10 srcport 1000 2000 dstport 4790 nolearning proxy norsc l2miss \
         nol3miss noudpcsum udp6zerocsumtx noudp6zerocsumrx remcsumtx noremcsumrx gbp \
         local 2001:db8::1 remote 2001:db8::2",
        "link add vq type vxlan external vnifilter gpe",
        "link add vq type vxlan id 9 group 239.1.1.1 dev r1 ttl 5 tos inherit dstport 0",
        "link add bq type bridge stp_state 1 forward_delay 400 priority 4096 group_fwd_mask 0x8 \
         group_address 01:80:c2:00:00:0e mcast_snooping 0 no_linklocal_learn 1 \
         mcast_last_member_interval 200 mcast_vlan_snooping 0 fdb_flush nf_call_iptables 1",
        "link set dev rb type bridge ageing_time 1000 mcast_router 2 mcast_querier 1",
        "link set dev r0 type bridge_slave state 3 priority 7 cost 9 hairpin on learning off \
         mcast_fast_leave on group_fwd_mask 0x4000 isolated on fdb_flush nobackup_port",
        "link add link r1 name mq type macvlan mode source macaddr add 02:00:00:00:00:01 \
         macaddr set 02:00:00:00:00:02 02:00:00:00:00:03 bcqueuelen 500 nodst",
        "link add link r1 name mq type macvlan mode private flag null bcqueuelen 7",
        "link set dev rm type macvlan macaddr add 02:00:00:00:00:09 macaddr flush",
        "link set dev rm type macvlan macaddr set 02:00:00:00:00:04",
        "link add link r1 name iq type ipvlan mode l2 bridge",
        "link add link r1 name iq type ipvlan mode l3s vepa",
        "link add link r1 name iq type ipvlan",
        "link add vrq type vrf table 10",
        "link add vrq type vrf table main",
    ];
    for command in commands {
        let words: Vec<&str> = command.split_whitespace().collect();
        let undo = |words: &[&str]| {
            if words[1] == "add" {
                let name = words.iter().skip_while(|w| **w != "name").nth(1);
                let _ = common::ip_raw(&["link", "del", name.unwrap_or(&words[2])]);
            }
        };
        let theirs = sent_messages("ip", &words);
        undo(&words);
        let ours = sent_messages(common::RTNL, &words);
        undo(&words);
        let theirs =
            last_newlink(&theirs).unwrap_or_else(|| panic!("ip sent no NEWLINK: {command}"));
        let ours = last_newlink(&ours).unwrap_or_else(|| panic!("rtnl sent no NEWLINK: {command}"));
        assert_eq!(ours, theirs, "{command}");
    }
}

/// `type macvlan` options from `rtnl` (a `source` macvlan's addresses, flags, the broadcast
/// queue length) leave the kernel as ip's do; bad words fail as ip's do.
#[test]
fn macvlan_options_do_what_ips_do() {
    private_netns();
    ip(&["link", "add", "m0", "type", "veth", "peer", "name", "m1"]);
    let ip_names = ["mi", "m0", ""];
    let our_names = ["mz", "m0", ""];
    let steps: [&[&str]; 3] = [
        &words(
            "link add link PORT name NAME type macvlan mode source macaddr add 02:00:00:00:00:01 \
             bcqueuelen 300 nodst",
        ),
        &words(
            "link set NAME type macvlan macaddr set 02:00:00:00:00:02 02:00:00:00:00:03 \
             bcqueuelen 400",
        ),
        &words("link set NAME type macvlan macaddr del 02:00:00:00:00:02"),
    ];
    for step in steps {
        both(step, ip_names, our_names);
    }
    let theirs = kind_data("mi", "info_data");
    assert_eq!(kind_data("mz", "info_data"), theirs);
    assert_eq!(theirs["macaddr_count"], 1);
    assert_eq!(theirs["bcqueuelen"], 400);
    assert_eq!(theirs["nodst"], true);
    common::same_failure_each(&[
        "link add link m0 name m9 type macvlan mode x",
        "link add link m0 name m9 type macvlan flag x",
        "link add link m0 name m9 type macvlan nopromisc",
        "link add link m0 name m9 type macvlan foo",
        "link add link m0 name m9 type macvlan help",
        "link add link m0 name m9 type macvlan macaddr zap",
        "link add link m0 name m9 type macvlan bcqueuelen x",
    ]);
}
