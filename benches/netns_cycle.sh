#!/bin/bash
# `netns add NAME` + `netns del NAME`, whole process, rtnl against iproute2's ip taking turns
# (A B A B ...) so a slow spell of the machine lands on both alike.
#
#   cargo build --release --bin rtnl
#   sudo bash benches/netns_cycle.sh [CYCLES] [RTNL_BINARY]
#
# The static-ish build the CLI can ship as (no ld.so, no libgcc_s: their start-up is most of
# a short command's CPU time on this machine, see the README), measured the same way:
#   CARGO_TARGET_DIR=target/static cargo rustc --release --bin rtnl -- -C target-feature=+crt-static
#   sudo bash benches/netns_cycle.sh 400 target/static/release/rtnl
#
# Runs in a private mount and network namespace (unshare -m -n) with a tmpfs on /run, so the
# host's /run/netns is never touched. Prints the median and mean per cycle of each and the
# ratio rtnl/ip (below 1: rtnl is faster), and the load average before and after.
set -euo pipefail
cycles=${1:-200}
rtnl=${2:-$(dirname "$0")/../target/release/rtnl}
rtnl=$(realpath "$rtnl")
command -v ip >/dev/null || { echo "ip (iproute2) is needed as the peer" >&2; exit 1; }
[ -x "$rtnl" ] || { echo "no $rtnl: cargo build --release --bin rtnl" >&2; exit 1; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
unshare -m -n --propagation private -- python3 - "$cycles" "$rtnl" <<'PY'
import statistics, subprocess, sys, time, os
cycles, rtnl = int(sys.argv[1]), sys.argv[2]
subprocess.run(["mount", "-t", "tmpfs", "rtnl-bench", "/run"], check=True)
os.mkdir("/run/netns")
def cycle(prog):
    t = time.perf_counter_ns()
    subprocess.run([prog, "netns", "add", "bench"], check=True)
    subprocess.run([prog, "netns", "del", "bench"], check=True)
    return time.perf_counter_ns() - t
for prog in (rtnl, "ip"):  # warm the page cache and the run dir's mount
    cycle(prog)
times = {rtnl: [], "ip": []}
for i in range(cycles):
    order = (rtnl, "ip") if i % 2 == 0 else ("ip", rtnl)
    for prog in order:
        times[prog].append(cycle(prog))
for prog, name in ((rtnl, "rtnl"), ("ip", "ip")):
    t = times[prog]
    print(f"{name:5} median {statistics.median(t)/1e6:7.3f} ms  mean {statistics.mean(t)/1e6:7.3f} ms  per add+del cycle ({cycles} cycles)")
ratios = [a / b for a, b in zip(times[rtnl], times["ip"])]
print(f"rtnl/ip: median of medians {statistics.median(times[rtnl])/statistics.median(times['ip']):.3f}x, "
      f"mean {statistics.mean(times[rtnl])/statistics.mean(times['ip']):.3f}x, median per-pair ratio {statistics.median(ratios):.3f}x")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
