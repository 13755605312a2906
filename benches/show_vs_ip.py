#!/usr/bin/env python3
"""Whole-process `show` commands of rtnl against iproute2's `ip`, side by side.

Builds PAIRS veth pairs (2 * PAIRS + 1 links with lo), an IPv4 address on each end and one
IPv6 route per pair, in the CURRENT network namespace, which must be a fresh one (only `lo`):

    unshare -n python3 benches/show_vs_ip.py [--pairs 1000] [--rounds 11] target/release/rtnl [OTHER_RTNL...]

Then runs each command with `ip` and each given binary taking turns (ip, rtnl, ..., ip, rtnl,
...), output to /dev/null, and prints per binary the median wall time and its ratio to ip's,
the fastest run, the median CPU time (user + system, from wait4) and its ratio, and the peak
RSS (`/usr/bin/time -f %M`, one run each). The addresses are documentation ranges
(198.51.100.0/24 and 203.0.113.0/24, /32 each, repeated on different links) and the routes
2001:db8::/32 prefixes.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

COMMANDS = [
    ["-j", "link", "show"],
    ["link", "show"],
    ["-j", "-d", "link", "show"],
    ["-j", "addr", "show"],
    ["-j", "route", "show", "table", "all"],
]


def fresh_namespace():
    out = subprocess.run(["ip", "-o", "link", "show"], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    return len(lines) == 1 and ": lo:" in lines[0]


def build(pairs):
    for conf in ("all", "default"):
        with open(f"/proc/sys/net/ipv6/conf/{conf}/accept_dad", "w") as f:
            f.write("0")
    lines = ["link set lo up"]
    lines += [f"link add a{i} type veth peer name b{i}" for i in range(pairs)]
    for i in range(pairs):
        lines.append(f"address add 198.51.100.{i % 254 + 1}/32 dev a{i}")
        lines.append(f"address add 203.0.113.{i % 254 + 1}/32 dev b{i}")
    for i in range(pairs):
        lines.append(f"link set a{i} up")
        lines.append(f"link set b{i} up")
    for i in range(pairs):
        lines.append(f"route add 2001:db8:{i // 65536:x}:{i % 65536:x}::/64 dev a{i}")
    with tempfile.NamedTemporaryFile("w", suffix=".batch", delete=False) as f:
        f.write("\n".join(lines) + "\n")
        path = f.name
    subprocess.run(["ip", "-batch", path], check=True)
    os.unlink(path)
    # IPv6 link-local addresses and routes come when the links are up: wait until two counts
    # a second apart agree, so no dump is interrupted by the tables still changing.
    def state():
        addrs = subprocess.run(["ip", "-o", "addr", "show"], capture_output=True, text=True)
        routes = subprocess.run(["ip", "-o", "route", "show", "table", "all"],
                                capture_output=True, text=True)
        return len(addrs.stdout.splitlines()), len(routes.stdout.splitlines())
    before = state()
    for _ in range(120):
        time.sleep(1)
        now = state()
        if now == before and now[0] >= 4 * pairs:
            break
        before = now


def run(exe, args):
    """One whole process: wall seconds, and CPU seconds (user + system) of the child."""
    start = time.perf_counter()
    p = subprocess.Popen([exe] + args, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{exe} {' '.join(args)}: exit status {status}")
    return elapsed, usage.ru_utime + usage.ru_stime


def peak_rss(exe, args):
    """Peak RSS in KiB, as /usr/bin/time reports it (a child of this Python process would
    inherit the parent's high-water mark across fork)."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as f:
        result = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", f.name, exe] + args,
                                stdout=subprocess.DEVNULL)
        if result.returncode != 0:
            sys.exit(f"{exe} {' '.join(args)}: exit status {result.returncode}")
        return int(f.read().split()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("binaries", nargs="+")
    opts = parser.parse_args()
    if not fresh_namespace():
        sys.exit("run in a fresh network namespace: unshare -n python3 benches/show_vs_ip.py ...")
    build(opts.pairs)
    counts = {
        "links": len(subprocess.run(["ip", "-o", "link", "show"], capture_output=True,
                                    text=True).stdout.splitlines()),
        "addresses": len(subprocess.run(["ip", "-o", "addr", "show"], capture_output=True,
                                        text=True).stdout.splitlines()),
        "routes": len(subprocess.run(["ip", "-o", "route", "show", "table", "all"],
                                     capture_output=True, text=True).stdout.splitlines()),
    }
    print(f"state: {counts['links']} links, {counts['addresses']} addresses, "
          f"{counts['routes']} routes; {opts.rounds} rounds, turns taken")
    exes = ["ip"] + [os.path.abspath(b) for b in opts.binaries]
    for args in COMMANDS:
        times = {exe: [] for exe in exes}
        cpu = {exe: [] for exe in exes}
        rss = {exe: 0 for exe in exes}
        for exe in exes:  # one untimed pass each, measuring memory
            rss[exe] = peak_rss(exe, args)
        for _ in range(opts.rounds):
            for exe in exes:
                wall, used = run(exe, args)
                times[exe].append(wall)
                cpu[exe].append(used)
        ip_median = statistics.median(times["ip"])
        ip_cpu = statistics.median(cpu["ip"])
        print(f"\n{' '.join(args)}")
        for exe in exes:
            median = statistics.median(times[exe])
            name = "ip" if exe == "ip" else exe
            used = statistics.median(cpu[exe])
            print(f"  {name:<26} wall median {median * 1e3:7.2f} ms {median / ip_median:5.2f}x"
                  f"  min {min(times[exe]) * 1e3:7.2f} ms"
                  f"  cpu median {used * 1e3:7.2f} ms {used / ip_cpu:5.2f}x"
                  f"  peak RSS {rss[exe] / 1024:6.1f} MiB")


if __name__ == "__main__":
    main()
