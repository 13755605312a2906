//! `rtnl netns topology` (beyond ip): the namespaces, their links and the veth pairs that join
//! them, as text or JSON from the same calls.

use std::io::Write;

use crate::topology::{Topology, VethEnd};

use super::Printer;

/// The whole graph. Text: a block per namespace (`netns NAME [alias A] [(current)]`, its links
/// as `    INDEX: NAME [KIND] [<-> NETNS/PEER]`), then `veth pairs` with each pair once. JSON:
/// `{"namespaces":[{"name","names","current","links":[{"ifindex","ifname","kind"}]}],
/// "veth_pairs":[[END,END]]}`, an end being `{"netns","ifname","ifindex"}` (`null` where
/// unknown).
pub fn topology<W: Write>(p: &mut Printer<W>, graph: &Topology) {
    p.start_object();
    p.open_array(Some("namespaces"));
    for (i, ns) in graph.namespaces.iter().enumerate() {
        p.open_object(None);
        let label = ns.label();
        p.string(Some("name"), label, format_args!("netns {label}"));
        p.open_array(Some("names"));
        for name in &ns.names {
            p.string(None, name, format_args!(""));
        }
        p.close_array();
        for alias in ns.names.iter().skip(1) {
            p.text(format_args!(" alias {alias}"));
        }
        let current = if ns.current && !ns.names.is_empty() {
            " (current)"
        } else {
            ""
        };
        p.boolean(Some("current"), ns.current, format_args!("{current}\n"));
        p.open_array(Some("links"));
        for link in &ns.links {
            p.open_object(None);
            p.number(
                Some("ifindex"),
                link.index,
                format_args!("    {}", link.index),
            );
            p.string(Some("ifname"), &link.name, format_args!(": {}", link.name));
            match &link.kind {
                Some(kind) => p.string(Some("kind"), kind, format_args!(" {kind}")),
                None => p.null(Some("kind"), format_args!("")),
            }
            if let Some(peer) = graph.peer_of(i, link.index) {
                p.text(format_args!(" <-> {}", graph.end_label(peer)));
            }
            p.text(format_args!("\n"));
            p.close_object();
        }
        p.close_array();
        p.close_object();
    }
    p.close_array();
    p.open_array(Some("veth_pairs"));
    if !graph.veth_pairs.is_empty() {
        p.text(format_args!("veth pairs\n"));
    }
    for [a, b] in &graph.veth_pairs {
        p.open_array(None);
        p.text(format_args!("    "));
        end(p, graph, a);
        p.text(format_args!(" <-> "));
        end(p, graph, b);
        p.text(format_args!("\n"));
        p.close_array();
    }
    p.close_array();
    p.end_object();
}

/// One end of a pair: its label in text, `{"netns","ifname","ifindex"}` in JSON.
fn end<W: Write>(p: &mut Printer<W>, graph: &Topology, end: &VethEnd) {
    p.text(format_args!("{}", graph.end_label(end)));
    p.open_object(None);
    match end.netns.and_then(|i| graph.namespaces.get(i)) {
        Some(ns) => p.string(Some("netns"), ns.label(), format_args!("")),
        None => p.null(Some("netns"), format_args!("")),
    }
    match &end.ifname {
        Some(name) => p.string(Some("ifname"), name, format_args!("")),
        None => p.null(Some("ifname"), format_args!("")),
    }
    p.number(Some("ifindex"), end.ifindex, format_args!(""));
    p.close_object();
}
