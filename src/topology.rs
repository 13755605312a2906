//! The network namespaces of a run dir seen as one graph: [`Topology`], what `rtnl netns
//! topology` prints (iproute2 has no such command).
//!
//! The nodes are the current network namespace and every named one (a namespace with several
//! names, or named and current at once, is one node); each holds its links. The edges are the
//! veth pairs, both ends resolved to a name and a namespace: the kernel tells a veth's peer by
//! `IFLA_LINK` (its index in the peer's namespace) and, when that is another namespace,
//! `IFLA_LINK_NETNSID` (the id this namespace has for it, matched against `RTM_GETNSID` of
//! each node).
//!
//! ```no_run
//! use rtnl_ip::netns::Namespaces;
//! use rtnl_ip::topology::Topology;
//!
//! let graph = Topology::of(&Namespaces::new())?;
//! for pair in &graph.veth_pairs {
//!     println!("{} -- {}", graph.end_label(&pair[0]), graph.end_label(&pair[1]));
//! }
//! # Ok::<(), rtnl_ip::Error>(())
//! ```

use rtnl_sys::{NetnsFd, NetnsId};

use crate::error::{Context, Result};
use crate::handle::{Handle, NetnsRef};
use crate::link::LinkFilter;
use crate::model::Link;
use crate::netns::Namespaces;

/// One network namespace of the graph.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct TopologyNetns {
    /// Its names in the run dir, in directory order (empty for an unnamed current namespace).
    pub names: Vec<String>,
    /// Whether it is the namespace of the thread that made the graph.
    pub current: bool,
    /// Which namespace it is (nsfs `st_dev`/`st_ino`).
    pub id: NetnsId,
    /// Its links, as `ip link show` dumps them.
    pub links: Vec<Link>,
}

impl TopologyNetns {
    /// How the text, JSON and DOT forms name it: its first name, or `(current)` for an
    /// unnamed current namespace.
    pub fn label(&self) -> &str {
        self.names.first().map_or("(current)", String::as_str)
    }
}

/// One end of a veth pair: the namespace (an index into [`Topology::namespaces`], `None` when
/// the peer lives in a namespace that is neither named nor current) and the link.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct VethEnd {
    /// Index of its namespace in [`Topology::namespaces`].
    pub netns: Option<usize>,
    /// Its ifindex, in its namespace.
    pub ifindex: u32,
    /// Its name (`None` when its namespace is not in the graph).
    pub ifname: Option<String>,
}

/// The current network namespace and every named one, their links and the veth pairs that
/// join them.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Topology {
    /// The current namespace first, then the named ones in directory order.
    pub namespaces: Vec<TopologyNetns>,
    /// Each veth pair once, the end in the earlier namespace (then the lower ifindex) first.
    pub veth_pairs: Vec<[VethEnd; 2]>,
}

impl Topology {
    /// Dumps the links of the current namespace and of every named namespace of `names` (an
    /// `RTM_GETLINK` dump through a socket opened in each), asks each for its ids of the others
    /// (`RTM_GETNSID` with `NETNSA_FD`), and pairs the veth ends.
    ///
    /// # Errors
    /// A namespace that cannot be opened or dumped. A name whose file is not a namespace
    /// (the leftover of a killed add, any other file) is left out.
    pub fn of(names: &Namespaces) -> Result<Topology> {
        let mut namespaces: Vec<TopologyNetns> = Vec::new();
        let mut fds: Vec<NetnsFd> = Vec::new();
        let current = NetnsFd::current().context("open namespace", "current")?;
        let current_id = current.id().context("identify namespace", "current")?;
        namespaces.push(TopologyNetns {
            names: Vec::new(),
            current: true,
            id: current_id,
            links: Vec::new(),
        });
        fds.push(current);
        for name in names.names()? {
            let Ok(fd) = names.open(&name) else { continue };
            let Ok(id) = fd.id() else { continue };
            let on_nsfs =
                rustix::fs::fstatfs(&fd).is_ok_and(|st| st.f_type as u64 == rtnl_sys::NSFS_MAGIC);
            if !on_nsfs {
                continue;
            }
            let name = name.to_string_lossy().into_owned();
            match namespaces.iter_mut().find(|n| n.id == id) {
                Some(node) => node.names.push(name),
                None => {
                    namespaces.push(TopologyNetns {
                        names: vec![name],
                        current: false,
                        id,
                        links: Vec::new(),
                    });
                    fds.push(fd);
                }
            }
        }
        // Per namespace: its handle, its links, and which node each of its nsids means.
        let mut nsid_maps: Vec<Vec<(i32, usize)>> = Vec::with_capacity(fds.len());
        for (i, fd) in fds.iter().enumerate() {
            let mut handle = Handle::in_netns_at(names.run_dir(), NetnsRef::Fd(fd))?;
            namespaces[i].links = handle.links(&LinkFilter::default())?;
            let mut map = Vec::new();
            for (j, other) in fds.iter().enumerate() {
                if i == j {
                    continue;
                }
                if let Some(nsid) = handle.nsid_get(NetnsRef::Fd(other))? {
                    map.push((nsid, j));
                }
            }
            nsid_maps.push(map);
        }
        let mut veth_pairs: Vec<[VethEnd; 2]> = Vec::new();
        for (i, node) in namespaces.iter().enumerate() {
            for link in &node.links {
                if link.kind.as_deref() != Some("veth") {
                    continue;
                }
                let here = VethEnd {
                    netns: Some(i),
                    ifindex: link.index,
                    ifname: Some(link.name.clone()),
                };
                let Some(peer_index) = link.link else {
                    continue;
                };
                let peer_netns = match link.link_netnsid {
                    None => Some(i),
                    Some(nsid) => nsid_maps[i]
                        .iter()
                        .find(|(id, _)| *id == nsid)
                        .map(|&(_, j)| j),
                };
                let peer_name = peer_netns.and_then(|j| {
                    namespaces[j]
                        .links
                        .iter()
                        .find(|l| l.index == peer_index)
                        .map(|l| l.name.clone())
                });
                let there = VethEnd {
                    netns: peer_netns,
                    ifindex: peer_index,
                    ifname: peer_name,
                };
                let key = |e: &VethEnd| (e.netns.unwrap_or(usize::MAX), e.ifindex);
                let pair = if key(&here) <= key(&there) {
                    [here, there]
                } else {
                    [there, here]
                };
                if !veth_pairs.contains(&pair) {
                    veth_pairs.push(pair);
                }
            }
        }
        Ok(Topology {
            namespaces,
            veth_pairs,
        })
    }

    /// The other end of link `ifindex` in namespace `netns` (an index into
    /// [`Topology::namespaces`]), if that link is one end of a veth pair.
    pub fn peer_of(&self, netns: usize, ifindex: u32) -> Option<&VethEnd> {
        self.veth_pairs.iter().find_map(|[a, b]| {
            if a.netns == Some(netns) && a.ifindex == ifindex {
                Some(b)
            } else if b.netns == Some(netns) && b.ifindex == ifindex {
                Some(a)
            } else {
                None
            }
        })
    }

    /// `NETNS/IFNAME` for an end (`?` for what is not known: a peer in a namespace outside the
    /// graph shows as `?/if7`).
    pub fn end_label(&self, end: &VethEnd) -> String {
        let netns = end
            .netns
            .and_then(|i| self.namespaces.get(i))
            .map_or("?", TopologyNetns::label);
        match &end.ifname {
            Some(name) => format!("{netns}/{name}"),
            None => format!("{netns}/if{}", end.ifindex),
        }
    }
}
