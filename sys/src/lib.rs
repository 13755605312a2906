//! Netlink sockets, the rtnetlink request engine and network-namespace syscalls.
#![no_std]
