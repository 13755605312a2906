//! Proof that printing is streamed: the renderers of `rtnl_ip::show` print the fixture dumps
//! (links, addresses, routes, nsids, neighbours; text and JSON, compact and pretty, with and
//! without details) into `std::io::sink()` with a counting global allocator watching, and the count
//! does not grow with the number of messages.
//!
//! The only memory that may grow is the link table's (one fixed-size entry per link, in a
//! `Vec` that doubles): a second pass over the same dump with the same table and printer must
//! allocate nothing at all, and a first pass over 2,001 links no more than the table's
//! doublings.

mod common;

use std::hint::black_box;
use std::io::Sink;

use common::fixture;
use rtnl_ip::codec::{Messages, Payload};
use rtnl_ip::show::link::LinkStyle;
use rtnl_ip::show::lookup::LinkTable;
use rtnl_ip::show::route::{Extra, RouteStyle};
use rtnl_ip::show::{self, Printer};

#[path = "common/counting.rs"]
mod counting;

use counting::{Counting, allocations_in};

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The output modes: text, compact JSON, pretty JSON.
const MODES: [(bool, bool); 3] = [(false, false), (true, false), (true, true)];

/// Prints every message of `dump` (as `ip` would in that mode) the way the CLI streams it;
/// the number of messages printed.
fn render(p: &mut Printer<Sink>, table: &mut LinkTable, dump: &[u8], details: bool) -> usize {
    let link_style = LinkStyle::link_show(details, true);
    let route_style = RouteStyle::all_tables(details);
    let mut printed = 0;
    p.start_list();
    for message in Messages::new(dump) {
        let Ok(payload) = message.and_then(|m| m.decode()) else {
            panic!("fixture does not decode");
        };
        match payload {
            Payload::Link(m) => {
                table.insert(&m);
                show::link::link(p, &m, table, link_style);
            }
            Payload::Address(a) => {
                p.open_object(None);
                p.open_array(Some("addr_info"));
                show::address::address(p, &a);
                p.close_array();
                p.close_object();
            }
            Payload::Route(r) => show::route::route(p, &r, table, route_style, Extra::default()),
            Payload::Nsid(n) => show::nsid::nsid(p, &n, Some("ns1")),
            Payload::Neighbour(n) => {
                let style = show::neigh::NeighbourStyle {
                    stats: details,
                    dev_filtered: false,
                    brief: false,
                };
                show::neigh::neighbour(p, &n, table, style);
            }
            Payload::Done(_) => continue,
            other => panic!("unexpected message in a dump fixture: {other:?}"),
        }
        printed += 1;
    }
    p.end_list();
    assert!(!p.failed());
    printed
}

/// For each mode and detail level: the first pass's allocations (`None` before) and a
/// second pass's, which must be none; returns the largest first-pass count.
fn check(name: &str, at_least: usize) -> usize {
    let dump = fixture(name);
    let mut worst = 0;
    for (json, pretty) in MODES {
        for details in [false, true] {
            let mut p = Printer::new(std::io::sink(), json, pretty);
            let mut table = LinkTable::offline();
            let mut printed = 0;
            let first = allocations_in(|| printed = render(&mut p, &mut table, &dump, details));
            assert!(
                printed >= at_least,
                "{name}: {printed} messages printed, expected at least {at_least}"
            );
            let second = allocations_in(|| {
                black_box(render(&mut p, &mut table, &dump, details));
            });
            assert_eq!(
                second, 0,
                "{name} (json {json}, pretty {pretty}, details {details}): {second} \
                 allocations printing {printed} messages a second time"
            );
            worst = worst.max(first);
        }
    }
    worst
}

#[test]
fn the_counter_counts() {
    assert_eq!(allocations_in(|| drop(black_box(vec![1u8; 10]))), 1);
}

#[test]
fn links_print_without_allocating() {
    // The first pass allocates only as the link table grows.
    assert!(check("links.bin", 2) <= 8);
}

/// The kind details ip prints with `-d` (a bridge and its port, vxlans with their options, a
/// `source` macvlan, tun/taps with owners) print without allocating either: a live dump from a
/// private namespace, printed twice, the second time with no allocation at all.
#[test]
fn kind_details_print_without_allocating() {
    common::private_netns();
    for command in [
        "link add kb type bridge stp_state 1 group_fwd_mask 0x8 no_linklocal_learn 1",
        "link add ka type veth peer name kc",
        "link set ka master kb",
        "link set ka type bridge_slave isolated on group_fwd_mask 0x4000",
        "link add kx type vxlan id 7 remote 2001:db8::1 dstport 4789 flowlabel 0x12 gbp l2miss",
        "link add ky type vxlan external dstport 4790",
        "link add link kc name km type macvlan mode source macaddr add 02:00:00:00:00:01",
        "tuntap add kt mode tap user 0 group 0",
        "tuntap add ku mode tun multi_queue user 4242",
    ] {
        common::ip(&command.split_whitespace().collect::<Vec<_>>());
    }
    let mut dump = Vec::new();
    rtnl_ip::Handle::new()
        .unwrap()
        .for_each_link(&rtnl_ip::LinkFilter::default(), |m| {
            dump.extend_from_slice(m.message().bytes());
            dump.resize(dump.len().next_multiple_of(4), 0);
        })
        .unwrap();
    for (json, pretty) in MODES {
        let mut p = Printer::new(std::io::sink(), json, pretty);
        let mut table = LinkTable::offline();
        let mut printed = 0;
        allocations_in(|| printed = render(&mut p, &mut table, &dump, true));
        assert_eq!(printed, 9, "lo and the eight links made");
        let second = allocations_in(|| {
            black_box(render(&mut p, &mut table, &dump, true));
        });
        assert_eq!(
            second, 0,
            "json {json}, pretty {pretty}: {second} allocations"
        );
    }
}

#[test]
fn two_thousand_links_allocate_only_the_table() {
    // 2,001 links: a doubling table needs about log2(2001) = 11 allocations, not thousands.
    let first = check("links_2001.bin", 2001);
    assert!(first <= 16, "{first} allocations for 2,001 links");
}

#[test]
fn one_link_or_all_allocate_alike() {
    // The same growth rule whether 1 or 2,001 links are printed: at most the table's
    // doublings more.
    let dump = fixture("links_2001.bin");
    let first_message = Messages::new(&dump)
        .next()
        .unwrap()
        .unwrap()
        .bytes()
        .to_vec();
    let count = |bytes: &[u8]| {
        let mut p = Printer::new(std::io::sink(), true, false);
        let mut table = LinkTable::offline();
        allocations_in(|| {
            black_box(render(&mut p, &mut table, bytes, true));
        })
    };
    let one = count(&first_message);
    let all = count(&dump);
    assert!(
        all <= one + 12,
        "1 link: {one} allocations, 2,001 links: {all}"
    );
}

#[test]
fn addresses_print_without_allocating() {
    assert_eq!(check("addrs.bin", 2), 0);
}

#[test]
fn routes_print_without_allocating() {
    // Each device a route names is a table entry, made on its first mention.
    assert!(check("routes4.bin", 2) <= 8);
    assert!(check("routes6.bin", 2) <= 8);
}

#[test]
fn neighbours_print_without_allocating() {
    // Each device an entry names is a table entry, made on its first mention; `-s` (here with
    // details) prints the cache times too.
    assert!(check("neighs.bin", 12) <= 8);
    assert!(check("fdb.bin", 17) <= 8);
}

#[test]
fn nsids_print_without_allocating() {
    assert_eq!(check("nsids.bin", 1), 0);
}

/// The output options (`-s -s -h`, `-br`, `-o`, `-c`) stream too: printing the link and
/// address dumps with them a second time allocates nothing, in text and JSON.
#[test]
fn output_options_print_without_allocating() {
    use rtnl_ip::show::Palette;
    use rtnl_ip::show::address::AddressForm;
    use rtnl_ip::show::link::Brief;
    use rtnl_ip::show::stats::{Human, StatsStyle};

    let links = fixture("links.bin");
    let addrs = fixture("addrs.bin");
    let with_stats = Messages::new(&links)
        .filter_map(|m| match m.and_then(|m| m.decode()) {
            Ok(Payload::Link(l)) => l.link_stats(),
            _ => None,
        })
        .count();
    assert!(
        with_stats >= 2,
        "links.bin has {with_stats} links with IFLA_STATS64"
    );
    let render = |p: &mut Printer<Sink>, table: &mut LinkTable, brief: Brief| {
        let mut style = LinkStyle::link_show(true, true);
        style.brief = brief;
        style.stats = StatsStyle {
            level: 2,
            human: Human::Iec,
        };
        let mut printed = 0;
        p.start_list();
        for message in Messages::new(&links).chain(Messages::new(&addrs)) {
            match message.and_then(|m| m.decode()) {
                Ok(Payload::Link(m)) => {
                    table.insert(&m);
                    show::link::link(p, &m, table, style);
                    p.open_object(None);
                    show::stats::link_stats(p, &m, style.stats);
                    p.close_object();
                }
                Ok(Payload::Address(a)) => {
                    p.open_object(None);
                    p.open_array(Some("addr_info"));
                    let form = match brief {
                        Brief::Off => AddressForm::Oneline {
                            index: a.index(),
                            dev: b"eth0",
                        },
                        _ => AddressForm::Brief,
                    };
                    show::address::address_as(p, &a, form);
                    p.close_array();
                    p.close_object();
                }
                Ok(Payload::Done(_)) => continue,
                other => panic!("unexpected message in a dump fixture: {other:?}"),
            }
            printed += 1;
        }
        p.end_list();
        assert!(!p.failed());
        printed
    };
    for json in [false, true] {
        for brief in [Brief::Off, Brief::Link, Brief::Name] {
            let mut p = Printer::new(std::io::sink(), json, false);
            p.set_oneline(true);
            p.set_color(Some(Palette::Dark));
            let mut table = LinkTable::offline();
            let printed = render(&mut p, &mut table, brief);
            assert!(printed >= 4, "{printed} messages printed");
            let second = allocations_in(|| {
                black_box(render(&mut p, &mut table, brief));
            });
            assert_eq!(second, 0, "json {json}, {brief:?}: {second} allocations");
        }
    }
}
