//! The table of link names the renderers use (`rtnl_ip::show::lookup::LinkTable`) against the
//! kernel: a miss is remembered until `forget_unknown`, after which a link that has appeared
//! under that index is named (what a monitor needs, as `ip`'s `ll_index_to_name()` does).

mod common;

use common::{ip, private_netns};
use rtnl_ip::Handle;
use rtnl_ip::show::lookup::LinkTable;

#[test]
fn a_forgotten_miss_is_asked_again() {
    private_netns();
    let mut handle = Handle::new().expect("handle");
    let mut table = LinkTable::new(&mut handle);
    assert_eq!(table.display(10).to_string(), "if10");
    ip(&[
        "link", "add", "d0", "index", "10", "type", "veth", "peer", "name", "d1",
    ]);
    // Still the remembered miss: a dump's renderer asks once per index.
    assert_eq!(table.display(10).to_string(), "if10");
    table.forget_unknown();
    assert_eq!(table.display(10).to_string(), "d0");
    // A known name stays known.
    table.forget_unknown();
    assert_eq!(table.name(10), Some(&b"d0"[..]));
    assert_eq!(table.display(1).to_string(), "lo");
}
