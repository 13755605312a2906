//! Request constructors: the messages `ip link`, `ip addr`, `ip route` and `ip netns` send.
