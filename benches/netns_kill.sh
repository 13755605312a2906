#!/bin/bash
# SIGKILL `netns add x` at 200 points spread over an add (0 to 1.5x its time), for rtnl and
# for iproute2's ip, and count the names left that are not namespaces: right after the kill,
# and after the next `netns add x` (which heals a leftover in rtnl's case).
#
#   cargo build --release --bin rtnl
#   sudo bash benches/netns_kill.sh [RTNL_BINARY]
#
# Runs in a private mount and network namespace with a tmpfs on /run (never the host's
# /run/netns). A name is a namespace when `nsenter --net=NAME true` succeeds.
set -euo pipefail
rtnl=$(realpath "${1:-$(dirname "$0")/../target/release/rtnl}")
exec unshare -m -n --propagation private -- python3 - "$rtnl" <<'PY'
import os, subprocess, sys, time
subprocess.run(["mount", "-t", "tmpfs", "rtnl-bench", "/run"], check=True)
os.mkdir("/run/netns")
def is_namespace(path):
    return subprocess.run(["nsenter", "--net=" + path, "true"], capture_output=True).returncode == 0
for prog in (sys.argv[1], "ip"):
    probes = []
    for _ in range(5):  # the median add time, from the second run dir set-up on
        t = time.perf_counter()
        subprocess.run([prog, "netns", "add", "probe"], check=True)
        probes.append(time.perf_counter() - t)
        subprocess.run([prog, "netns", "del", "probe"], check=True)
    add_time = sorted(probes)[2]
    after_kill = after_next_add = 0
    for i in range(200):
        child = subprocess.Popen([prog, "netns", "add", "x"])
        time.sleep(add_time * 1.5 * (i % 50) / 50)
        child.kill()
        child.wait()
        path = "/run/netns/x"
        if os.path.lexists(path) and not is_namespace(path):
            after_kill += 1
        subprocess.run([prog, "netns", "add", "x"], capture_output=True)
        if not is_namespace(path):
            after_next_add += 1
        subprocess.run([prog, "netns", "del", "x"], capture_output=True)
    name = "rtnl" if prog != "ip" else "ip"
    print(f"{name}: 200 kills over 0-{1.5 * add_time * 1e3:.1f} ms; names that are not namespaces right after the kill: {after_kill}, "
          f"after the next add: {after_next_add}")
PY
