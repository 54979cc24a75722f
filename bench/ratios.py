#!/usr/bin/env python3
"""Ratios of our tcp-checker variants to the C yardstick, next to the targets of issue 5.

Reads the runs.jsonl of each variant folder that bench/run.sh wrote (one harness run
each, so every ratio compares tools measured side by side in the same run) and the
10 000-in-flight run. Usage: ratios.py RESULTS_DIR
"""
import json
import os
import re
import statistics
import sys

# issue 5: checks/s at least this share of C's per concurrency; CPU per check at most 1.5x
CPS_TARGET = {1: 0.7, 64: 0.7, 1024: 0.9}
CPU_TARGET = 1.5
TMO_WALL_TARGET = 1.15  # x the ideal TMO_N / TMO_C * TMO_T
PRIMARY = "tcp-shaker-epoll"


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def cpu_per_check(r):
    if r.get("cpu_user_s") is None or not r.get("checks"):
        return None
    return (r["cpu_user_s"] + r["cpu_sys_s"]) / r["checks"]


def verdict(ok):
    return "met" if ok else "**missed**"


def variant(name, runs, out):
    yard = "c-connect" if "connect" in name else "c-halfopen"
    half_open = yard == "c-halfopen"
    # The targets are the candidate's (epoll, half-open); the other variants are for comparison.
    graded = name == PRIMARY
    out.append(f"### {name} vs {yard} (same harness run){'' if graded else ', for comparison: no targets'}\n")
    out.append("| c | checks/s ratio (min-max over reps) | target | CPU/check ratio (tool window) | target | accepts (ours / C) |")
    out.append("|---:|---:|---|---:|---|---|")
    for conc in sorted({r["conc"] for r in runs if r["scenario"] == "up"}):
        ours = [r for r in runs if r["scenario"] == "up" and r["conc"] == conc and r["tool"] == name]
        theirs = [r for r in runs if r["scenario"] == "up" and r["conc"] == conc and r["tool"] == yard]
        if not ours or not theirs:
            continue
        c_cps = med([r["checks_per_s"] for r in theirs])
        ratios = [r["checks_per_s"] / c_cps for r in ours if r["checks_per_s"] and c_cps]
        cps = med([r["checks_per_s"] for r in ours]) / c_cps if c_cps else None
        cpu_c = med([cpu_per_check(r) for r in theirs])
        cpu = med([cpu_per_check(r) for r in ours]) / cpu_c if cpu_c else None
        acc = sorted({r["accepts"] for r in ours})
        acc_c = sorted({r["accepts"] for r in theirs})
        tgt = CPS_TARGET.get(conc) if graded else None
        cps_txt = f"{cps:.2f} ({min(ratios):.2f}-{max(ratios):.2f})" if cps else "n/a"
        cps_v = f">= {tgt} {verdict(cps >= tgt)}" if tgt and cps else ""
        cpu_v = f"<= {CPU_TARGET} {verdict(cpu <= CPU_TARGET)}" if cpu and graded else ""
        acc_v = f"{acc} / {acc_c}" + ((" " + verdict(acc == [0])) if half_open and graded else "")
        out.append(f"| {conc} | {cps_txt} | {cps_v} | {cpu:.2f} | {cpu_v} | {acc_v} |" if cpu else
                   f"| {conc} | {cps_txt} | {cps_v} | n/a | | {acc_v} |")
    out.append("")
    stress = [r for r in runs if r["scenario"] == "stress"]
    if stress:
        out.append("| stress c | tool | checks/s | accepts | late closes | up/refused/timeout/other |")
        out.append("|---:|---|---:|---:|---:|---|")
        for r in stress:
            if r["tool"] not in (name, yard):
                continue
            late = late_closes(r)
            mark = (" " + verdict(r["accepts"] == 0)) if r["tool"] == name and graded else ""
            out.append(f"| {r['conc']} | {r['tool']} | {r['checks_per_s'] or 0:,.0f} | {r['accepts']}{mark} | "
                       f"{late if late is not None else '-'} | "
                       + "/".join(f"{r[k]:.0f}" if r[k] is not None else "n/a" for k in ("up", "refused", "timeout", "other"))
                       + " |")
        out.append("")
    for r in runs:
        if not r["scenario"].startswith("tmo-") or r["tool"] not in (name, yard):
            continue
        ideal = r["n"] / r["conc"] * r["timeout_ms"] / 1000
        all_tmo = r["timeout"] == r["n"]
        ratio = r["seconds"] / ideal if r["seconds"] else None
        line = (f"- {r['scenario']} {r['tool']}: timeouts {r['timeout']:.0f}/{r['n']}, tool window "
                f"{r['seconds']:.3f} s = {ratio:.2f}x the ideal {ideal:.1f} s, process wall {r['proc_wall_s']:.2f} s")
        if r["tool"] == name and graded:
            line += f" -> {verdict(all_tmo and ratio <= TMO_WALL_TARGET)} (all TIMEOUT, <= {TMO_WALL_TARGET}x)"
        out.append(line)
    out.append("")


def late_closes(r):
    """late_closes from the tool's log (the harness keeps the whole stdout there)."""
    log = r.get("log")
    if not log or not os.path.exists(log):
        return None
    m = re.findall(r"late_closes=(\d+)", open(log).read())
    return int(m[-1]) if m else None


def inflight(results, out):
    path = os.path.join(results, "inflight.out")
    if not os.path.exists(path):
        return
    text = open(path).read() + open(os.path.join(results, "inflight.err")).read()
    line = next((l for l in text.splitlines() if l.startswith("checks=")), "no result line")
    fds = re.search(r"Open file descriptors: (\d+) before the checks, (\d+) after", text)
    ok = "timeout=10000 " in line and fds and fds.group(1) == fds.group(2)
    out.append("### 10 000 checks in flight, -Xmx64m, full-backlog target, t=1000 ms\n")
    out.append(f"- `{line}`")
    out.append(f"- open fds before/after the checks: {fds.groups() if fds else 'n/a'} -> {verdict(bool(ok))}")
    out.append("")


def main():
    results = sys.argv[1]
    out = [f"## Ratios to the C yardstick ({os.path.basename(os.path.normpath(results))})\n"]
    for name in sorted(os.listdir(results), key=lambda n: (n != PRIMARY, n)):
        path = os.path.join(results, name, "runs.jsonl")
        if os.path.exists(path):
            runs = load(path)
            for r in runs:
                r["log"] = os.path.join(results, name, "logs", f"{r['scenario']}-{r['tool']}-c{r['conc']}-r{r['rep']}.out")
            variant(name, runs, out)
    inflight(results, out)
    print("\n".join(out))


if __name__ == "__main__":
    main()
