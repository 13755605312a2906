#!/bin/bash
# One-shot command time above the exec floor (issue #12): `rtnl link set dev lo up` against
# iproute2's `ip link set dev lo up`, each minus `/bin/true`'s time, whole process (posix_spawn
# to wait4), taking turns in rotating order.
#
#   sudo bash benches/oneshot.sh RTNL_BINARY... [-- ARGS]   # default ARGS: link set dev lo up
#
# Runs in a private network namespace. Environment: ONESHOT_ROUNDS (20), ONESHOT_RUNS (25 of
# each program a round). Prints each program's median time, and for each rtnl its ratio to
# ip above the floor, (rtnl - true) / (ip - true), per round: the median (min-max).
set -euo pipefail
exec unshare -n -- python3 - "$@" <<'PY'
import os, shutil, statistics, sys, time
argv = sys.argv[1:]
args = ["link", "set", "dev", "lo", "up"]
if "--" in argv:
    i = argv.index("--")
    argv, args = argv[:i], argv[i + 1:]
if not argv:
    sys.exit("usage: oneshot.sh RTNL_BINARY... [-- ARGS]")
true = "/bin/true"
progs = [[true], [shutil.which("ip")] + args] + [[os.path.realpath(r)] + args for r in argv]
rounds = int(os.environ.get("ONESHOT_ROUNDS", "20"))
runs = int(os.environ.get("ONESHOT_RUNS", "25"))
devnull = os.open(os.devnull, os.O_WRONLY)
acts = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
def run(cmd):
    path = shutil.which(cmd[0])
    t = time.perf_counter_ns()
    pid = os.posix_spawn(path, cmd, os.environ, file_actions=acts)
    _, status, _ = os.wait4(pid, 0)
    dt = time.perf_counter_ns() - t
    if status != 0 and cmd[0] != true:
        sys.exit(f"{' '.join(cmd)} failed: {status}")
    return dt / 1e6
for cmd in progs:  # warm-up, and every command must succeed
    run(cmd)
per_round = [[] for _ in progs]
ratios = [[] for _ in argv]
for r in range(rounds):
    times = [[] for _ in progs]
    order = list(range(len(progs)))
    for k in range(runs):
        shift = (r * runs + k) % len(order)
        for i in order[shift:] + order[:shift]:
            times[i].append(run(progs[i]))
    meds = [statistics.median(t) for t in times]
    for i, m in enumerate(meds):
        per_round[i].append(m)
    for j in range(len(argv)):
        ratios[j].append((meds[2 + j] - meds[0]) / (meds[1] - meds[0]))
print(f"{rounds} rounds x {runs} runs each, args: {' '.join(args)}")
for i, cmd in enumerate(progs):
    print(f"  {cmd[0]:<60} median {statistics.median(per_round[i]):.3f} ms")
for j, r in enumerate(argv):
    q = ratios[j]
    print(f"  {r}: above /bin/true {statistics.median(q):.2f}x ip ({min(q):.2f}-{max(q):.2f})")
PY
