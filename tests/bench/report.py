#!/usr/bin/env python3
"""report.py: turn a bench run's results.csv into table.md and the plots.

Usage: report.py RESULTS_DIR [--quick]
Every figure is lower-is-better. Ratios: to the raw X floor (xF) and to the
best peer of the same run (xP); peers are every WM but ctile and the floor.
"""
import csv
import math
import os
import random
import subprocess
import sys

WMS = ["floor", "ctile", "ctile+bar", "dwm", "i3", "awesome", "herbstluftwm", "bspwm",
       "spectrwm"]
NOT_PEERS = {"floor", "ctile", "ctile+bar"}
# One look per WM in every plot: ctile stands out, the floor is dashed.
STYLE = {
    "floor": "lw 2 dt 2 lc rgb '#000000' pt 1",
    "ctile": "lw 4 lc rgb '#d62728' pt 7",
    "ctile+bar": "lw 3 dt 3 lc rgb '#d62728' pt 6",
    "dwm": "lw 2 lc rgb '#1f77b4' pt 5",
    "i3": "lw 2 lc rgb '#2ca02c' pt 9",
    "awesome": "lw 2 lc rgb '#9467bd' pt 11",
    "herbstluftwm": "lw 2 lc rgb '#8c564b' pt 13",
    "bspwm": "lw 2 lc rgb '#ff7f0e' pt 4",
    "spectrwm": "lw 2 lc rgb '#17becf' pt 6",
}


def load(path):
    rows = {}
    skips = []
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            if r["reps"] in ("", "0"):
                skips.append(r)
                continue
            for k in ("median", "p10", "p90", "x_cpu_ms", "x_minflt",
                      "wm_cpu_ms"):
                r[k] = float(r[k]) if r[k] else 0.0
            r["n"] = int(r["n"])
            r["reps"] = int(r["reps"])
            rows[(r["wm"], r["scenario"], r["n"])] = r
    return rows, skips


def fmt(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "-"
    a = abs(v)
    if a >= 100:
        return f"{v:.0f}"
    if a >= 10:
        return f"{v:.1f}"
    if a >= 1:
        return f"{v:.2f}"
    return f"{v:.3f}"


def wms_in(rows):
    seen = {k[0] for k in rows}
    return [w for w in WMS if w in seen] + sorted(seen - set(WMS))


def best_peer(rows, scen, n):
    vals = [(r["median"], w) for (w, s, k), r in rows.items()
            if s == scen and k == n and w not in NOT_PEERS]
    return min(vals) if vals else (None, None)


def cell(rows, wm, scen, n, floor=True, spread=True):
    r = rows.get((wm, scen, n))
    if not r:
        return "-"
    text = f"**{fmt(r['median'])}**"
    if spread and r["reps"] > 1:
        text += f" [{fmt(r['p10'])}–{fmt(r['p90'])}]"
    f = rows.get(("floor", scen, n))
    if floor and f and wm != "floor" and f["median"] > 0:
        text += f" {r['median'] / f['median']:.2f}×F"
    bp, _ = best_peer(rows, scen, n)
    if bp and wm != "floor":
        text += f" {r['median'] / bp:.2f}×P"
    return text


def table(rows, title, scen, ns, unit, floor=True, spread=True, intro=""):
    wms = [w for w in wms_in(rows)
           if any((w, scen, n) in rows for n in ns)]
    if not wms:
        return []
    out = [f"### {title}", ""]
    if intro:
        out += [intro, ""]
    out.append("| WM | " + " | ".join(f"N = {n} ({unit})" for n in ns) +
               " |")
    out.append("|---|" + "---|" * len(ns))
    for w in wms:
        out.append(f"| {w} | " + " | ".join(
            cell(rows, w, scen, n, floor, spread) for n in ns) + " |")
    out.append("")
    return out


def costs(rows, scen, n, title):
    wms = [w for w in wms_in(rows) if (w, scen, n) in rows]
    if not wms:
        return []
    out = [f"{title}", "",
           "| WM | X server CPU ms | X page faults | WM CPU ms | reps |",
           "|---|---|---|---|---|"]
    for w in wms:
        r = rows[(w, scen, n)]
        wm_cpu = fmt(r["wm_cpu_ms"]) if w != "floor" else "-"
        out.append(f"| {w} | {fmt(r['x_cpu_ms'])} | {r['x_minflt']:.0f} | "
                   f"{wm_cpu} | {r['reps']} |")
    out.append("")
    return out


def ns_of(rows, scen):
    return sorted({k[2] for k in rows if k[1] == scen})


def verdict(ok):
    return "met" if ok else "**missed**"


# The intervals of the default bar's timed widgets (config/config), seconds.
DEFAULT_BAR_INTERVALS = (2, 5, 30, 60)


def default_bar_instants():
    """How many distinct instants a minute the default bar's widgets ask to
    be updated at: they update on whole multiples of their interval."""
    return sum(1 for t in range(60)
               if any(t % i == 0 for i in DEFAULT_BAR_INTERVALS))


def load_samples(outdir):
    """samples.csv: every repetition's value (wm,scenario,n,value), written
    for the tag switch. Empty when the run did not keep them."""
    got = {}
    path = os.path.join(outdir, "samples.csv")
    if os.path.exists(path):
        with open(path, newline="") as f:
            for r in csv.reader(f):
                if len(r) == 4:
                    got.setdefault((r[0], r[1], int(r[2])), []).append(
                        float(r[3]))
    return got


def median(v):
    v = sorted(v)
    mid = len(v) // 2
    return v[mid] if len(v) % 2 else (v[mid - 1] + v[mid]) / 2


def ratio_interval(a, b, resamples=2000):
    """95% percentile-bootstrap interval of median(a) / median(b), each
    resampled on its own (the two were measured at different times).
    Seeded, so the same samples always give the same interval."""
    rnd = random.Random(1)
    ratios = sorted(median(rnd.choices(a, k=len(a))) /
                    median(rnd.choices(b, k=len(b)))
                    for _ in range(resamples))
    return ratios[int(0.025 * resamples)], ratios[int(0.975 * resamples) - 1]


def switch_intervals(rows, samples):
    """{(wm, n): ((lo, hi) to the floor, (lo, hi, peer) to the fastest
    peer)} for ctile and ctile+bar, where the samples were kept."""
    out = {}
    for n in ns_of(rows, "switch"):
        floor = samples.get(("floor", "switch", n))
        _, peer = best_peer(rows, "switch", n)
        peer_v = samples.get((peer, "switch", n)) if peer else None
        for wm in ("ctile", "ctile+bar"):
            v = samples.get((wm, "switch", n))
            if not v or len(v) < 5:
                continue
            to_f = ratio_interval(v, floor) if floor else None
            to_p = ratio_interval(v, peer_v) + (peer,) if peer_v else None
            out[(wm, n)] = (to_f, to_p)
    return out


def intervals_table(iv):
    if not iv:
        return []
    out = ["### 1. Tag switch: how sure the ratios are", "",
           "95% bootstrap intervals (2000 resamples of each WM's "
           "repetitions) of ctile's median over the floor's (target 1.1) "
           "and over the fastest peer's (target below 1). An interval "
           "that holds the target line means this run cannot tell which "
           "side of it ctile is on.", "",
           "| WM | N | ×F (95%) | ×P (95%) |", "|---|---|---|---|"]
    for (wm, n), (to_f, to_p) in sorted(iv.items(), key=lambda k: k[0][1]):
        f = f"{to_f[0]:.2f}–{to_f[1]:.2f}" if to_f else "-"
        p = f"{to_p[0]:.2f}–{to_p[1]:.2f} ({to_p[2]})" if to_p else "-"
        out.append(f"| {wm} | {n} | {f} | {p} |")
    return out + [""]


def sureness(interval, line):
    """What an interval says about a target line."""
    if not interval:
        return ""
    lo, hi = interval[0], interval[1]
    where = ("straddles the line" if lo <= line <= hi else
             "below the line" if hi < line else "above the line")
    return f" (95% interval {lo:.2f}–{hi:.2f}: {where})"


def targets(rows, iv):
    """The issue's targets for ctile, judged on this run's medians; the
    bootstrap intervals (iv) say how sure each switch verdict is."""
    out = ["### ctile against the issue's targets", ""]
    get = rows.get
    for n in ns_of(rows, "switch"):
        c, f = get(("ctile", "switch", n)), get(("floor", "switch", n))
        bp, who = best_peer(rows, "switch", n)
        to_f, to_p = iv.get(("ctile", n), (None, None))
        if c and f:
            out.append(f"- Tag switch N = {n}: {fmt(c['median'])} ms = "
                       f"{c['median'] / f['median']:.2f}× the floor "
                       f"(target 1.1×): {verdict(c['median'] <= 1.1 * f['median'])}"
                       + sureness(to_f, 1.1)
                       + (f"; fastest peer {who} {fmt(bp)} ms: "
                          f"{verdict(c['median'] < bp)}" + sureness(to_p, 1.0)
                          if bp else ""))
    for n in ns_of(rows, "burst"):
        c, f = get(("ctile", "burst", n)), get(("floor", "burst", n))
        cn, rq = get(("ctile", "burst_cn", n)), get(("ctile", "burst_req", n))
        if c and f:
            out.append(f"- Burst of {n}: {fmt(c['median'])} ms = "
                       f"{c['median'] / f['median']:.2f}× the floor "
                       f"(target 3× at 500): "
                       f"{verdict(c['median'] <= 3 * f['median'])}")
        if cn:
            out.append(f"- Burst of {n}: {fmt(cn['median'])} ConfigureNotify "
                       f"per window (target exactly 1): "
                       f"{verdict(abs(cn['median'] - 1) < 0.005)}")
        if rq:
            peers = [r["median"] for (w, s, k), r in rows.items()
                     if s == "burst_req" and k == n and w not in NOT_PEERS]
            if peers:
                out.append(f"- Burst of {n}: {fmt(rq['median'])} X requests "
                           f"per window, fewest of the peers "
                           f"{fmt(min(peers))}: "
                           f"{verdict(rq['median'] < min(peers))}")
    s0 = get(("ctile", "startup", 0))
    if s0:
        out.append(f"- Start-up: {fmt(s0['median'])} ms (target 23 ms): "
                   f"{verdict(s0['median'] < 23)}")
    for scen, n, what in (("startup_cpu", 200, "Start-up with 200 windows"),):
        r = get(("ctile", scen, n))
        if r:
            out.append(f"- {what}: {fmt(r['median'])} ms of ctile's CPU "
                       f"(target 20 ms): {verdict(r['median'] < 20)}")
    r = get(("ctile", "reload", 200))
    if r:
        out.append(f"- Reload with 200 windows: {fmt(r['median'])} ms from "
                   f"key to answer, {fmt(r['wm_cpu_ms'])} ms of ctile's CPU "
                   f"(target 20 ms): {verdict(r['median'] < 20)}")
    rs, ra = get(("ctile", "reload_self", 200)), \
        get(("ctile", "reload_arrange_self", 200))
    if rs and ra:
        own = rs["median"] + ra["median"]
        out.append(f"- Reload with 200 windows, timed inside ctile: "
                   f"{fmt(rs['median'])} ms reloading + {fmt(ra['median'])} "
                   f"ms arranging (target 20 ms): {verdict(own < 20)}")
    rb0, rb5 = get(("ctile+bar", "rss", 0)), get(("ctile+bar", "rss", 500))
    d0 = get(("dwm", "rss", 0))
    if rb0 and d0:
        out.append(f"- RSS with the default bar, no window: {fmt(rb0['median'])}"
                   f" MiB, dwm's + 4 MiB is {fmt(d0['median'] + 4)}: "
                   f"{verdict(rb0['median'] <= d0['median'] + 4)}")
    if rb5:
        out.append(f"- RSS with the default bar, 500 windows: "
                   f"{fmt(rb5['median'])} MiB (target 12): "
                   f"{verdict(rb5['median'] < 12)}")
    iw = get(("ctile+bar", "idle_wakeups", 10))
    if iw:
        asked = default_bar_instants()
        out.append(f"- Idle with the default bar: {fmt(iw['median'])} "
                   f"wake-ups a minute; the default widgets ask for {asked} "
                   f"(cpu every 2 s, memory every 5 s, battery every 30 s, "
                   f"the clock every minute: the instants they share count "
                   f"once), target at most one more: "
                   f"{verdict(iw['median'] <= asked + 1)}")
    if not (rb0 or rb5 or iw):
        out.append("- RSS and idle cost with the default bar: not measured.")
    out.append("")
    return out


def notes(rows, skips):
    """What a row's note says beyond what every such row says."""
    generic = ("real and synthetic", "exec to", "exec until", "WM CPU time",
               "idle, no window", "after the burst", "utime+stime",
               "voluntary context", "the WM's connection", "counted by",
               "_CTILE_SYNC round", "Mod4+Shift+r (reload)",
               "ctile's own time", "_CTILE_STATS request")
    where = {}
    for (w, s, n), r in sorted(rows.items()):
        parts = [p for p in r["note"].split("; ")
                 if p and not p.startswith(generic)
                 and p != f"{n} of {n} on screen"
                 and not p.startswith("CPU clock says 0.000")]
        if parts:
            where.setdefault((w, "; ".join(parts)), []).append(
                f"{s} N = {n}")
    out = [f"- {w} ({', '.join(places)}): {note}"
           for (w, note), places in where.items()]
    if out:
        out = ["### Notes", ""] + out + [""]
    if skips:
        out += ["### Not measured", ""]
        for r in skips:
            out.append(f"- {r['wm']}, {r['scenario']} N = {r['n']}: "
                       f"{r['note']}")
        out.append("")
    return out


def plots(rows, outdir):
    gp = ["set terminal pngcairo size 1000,420 font 'DejaVu Sans,9'",
          f"set output '{outdir}/latest.png'",
          "set multiplot layout 1,2",
          "set logscale xy", "set grid",
          "set key top left",
          "set xlabel 'windows (N)'", "set ylabel 'ms (median)'",
          "set title 'Tag switch: request to final state'"]
    series = []
    for w in wms_in(rows):
        pts = [(n, rows[(w, "switch", n)]["median"])
               for n in ns_of(rows, "switch") if (w, "switch", n) in rows]
        if pts:
            path = f"{outdir}/switch-{w}.dat"
            with open(path, "w") as f:
                for n, v in pts:
                    f.write(f"{n} {v}\n")
            series.append((path, w))
    if not series:
        return
    gp.append("plot " + ", ".join(
        f"'{p}' using 1:2 with linespoints {STYLE.get(w, 'lw 2')} "
        f"title '{w}'" for p, w in series))
    gp += ["unset logscale", "set logscale x", "set yrange [0:*]",
           "set ylabel 'MiB'", "set xlabel 'windows (0 plotted at 1)'",
           "set title 'RSS of the WM, idle'"]
    rs = []
    for w in wms_in(rows):
        pts = [(max(n, 1), rows[(w, "rss", n)]["median"])
               for n in ns_of(rows, "rss") if (w, "rss", n) in rows]
        if pts:
            path = f"{outdir}/rss-{w}.dat"
            with open(path, "w") as f:
                for n, v in pts:
                    f.write(f"{n} {v}\n")
            rs.append((path, w))
    if rs:
        gp.append("plot " + ", ".join(
            f"'{p}' using 1:2 with linespoints {STYLE.get(w, 'lw 2')} "
            f"title '{w}'" for p, w in rs))
    gp.append("unset multiplot")
    script = f"{outdir}/plot.gp"
    with open(script, "w") as f:
        f.write("\n".join(gp) + "\n")
    subprocess.run(["gnuplot", script], check=False)


TEXT_STACKS = [
    ("pango", "pango on cairo, as ctile: shaping, bidi, font fallback, "
              "markup, ellipsizing"),
    ("harfbuzz", "harfbuzz shaping onto cairo glyphs: one font, no bidi, "
                 "no fallback, no markup"),
    ("cairo", "cairo's own text calls: one font, no shaping"),
]


def text_stacks(outdir):
    """The textcost probe's medians: RSS of drawing the bar's text."""
    path = os.path.join(outdir, "textcost.txt")
    got = {}
    if os.path.exists(path):
        for line in open(path):
            parts = line.split()
            if len(parts) == 2:
                got.setdefault(parts[0], []).append(float(parts[1]))
    if not got:
        return []
    out = ["### 4. Memory: the bar's text, by text stack", "",
           "`tests/bench/textcost`: a process linked with ctile's other "
           "libraries draws the default bar's kind of text three times "
           "onto a cairo-xcb pixmap, then reads its VmRSS; one build per "
           "text stack, each run five times. No window management: what "
           "the text stack alone costs.", "",
           "| Text stack | RSS (MiB) | What it draws |", "|---|---|---|"]
    for name, what in TEXT_STACKS:
        if name in got:
            v = sorted(got[name])
            out.append(f"| {name} | **{fmt(v[len(v) // 2])}** | {what} |")
    return out + [""]


def main():
    outdir = os.path.abspath(sys.argv[1])
    quick = "--quick" in sys.argv
    rows, skips = load(os.path.join(outdir, "results.csv"))
    md = ["## Results" + (" (QUICK=1: reduced set)" if quick else ""), ""]
    machine = os.path.join(outdir, "machine.md")
    if os.path.exists(machine):
        md += open(machine).read().splitlines() + [""]
    md += ["Lower is better everywhere. A cell is **median** [p10–p90] of "
           "the repetitions, its ratio to the raw X floor (×F) and to the "
           "fastest peer of this run (×P; peers are every WM but ctile).", ""]
    md += table(rows, "1. Tag switch", "switch", ns_of(rows, "switch"), "ms",
                intro="`_NET_CURRENT_DESKTOP` to the root (dwm: its Mod1+N "
                      "keys), until every window of the new tag is viewable "
                      "and on screen and none of the old one is. Floor: no WM, "
                      "the generator maps the new tag's windows and unmaps "
                      "the old tag's itself (configuring each only the "
                      "first time it is shown), one batch, one flush. "
                      "At N = 10 and 100 the switches are made in rounds, "
                      "every WM (and the floor) in turn in each, each round "
                      "starting further down the list, and merged: a drift "
                      "of the machine's speed during the run, or a WM's "
                      "place in the round, touches all of them alike.")
    iv = switch_intervals(rows, load_samples(outdir))
    md += intervals_table(iv)
    ns = ns_of(rows, "switch")
    if ns:
        md += costs(rows, "switch", ns[-1],
                    f"Cost per switch at N = {ns[-1]} (means over the "
                    f"repetitions, the settling time after each included):")
    md += table(rows, "2. Key to screen", "key", ns_of(rows, "key"), "ms",
                floor=False,
                intro="Mod4+2 / Mod4+1 through XTEST (dwm: Mod1), same "
                      "detector.")
    md += table(rows, "3. Manage burst: time", "burst", ns_of(rows, "burst"),
                "ms", intro="N windows created and mapped at once on an "
                            "empty tag, until all are viewable with no "
                            "change for 300 ms (the time is that of the "
                            "last change).")
    md += table(rows, "3. Manage burst: ConfigureNotify per window",
                "burst_cn", ns_of(rows, "burst_cn"), "events", floor=False,
                spread=False)
    md += table(rows, "3. Manage burst: X requests per window", "burst_req",
                ns_of(rows, "burst_req"), "requests", floor=False,
                spread=False,
                intro="Every request of the WM's connection during the "
                      "first burst, counted by the X server's RECORD "
                      "extension.")
    md += table(rows, "3. Manage burst: X requests per window, xtrace",
                "burst_req_xtrace", ns_of(rows, "burst_req_xtrace"),
                "requests", floor=False, spread=False,
                intro="Cross-check through xtrace, a proxy that slows the "
                      "WM down: WMs that batch per loop turn run more turns "
                      "behind it and send more.")
    md += table(rows, "4. Memory (RSS, idle)", "rss", ns_of(rows, "rss"),
                "MiB", floor=False, spread=False)
    md += text_stacks(outdir)
    md += table(rows, "5. Idle cost, 10 windows: CPU", "idle_cpu",
                ns_of(rows, "idle_cpu"), "ms/min", floor=False, spread=False)
    md += table(rows, "5. Idle cost, 10 windows: wake-ups", "idle_wakeups",
                ns_of(rows, "idle_wakeups"), "per min", floor=False,
                spread=False)
    md += table(rows, "6. Start-up: exec to ready", "startup",
                ns_of(rows, "startup"), "ms", floor=False,
                intro="Ready: SubstructureRedirect held and "
                      "`_NET_SUPPORTING_WM_CHECK` set; N windows already "
                      "open to adopt.")
    md += table(rows, "6. Start-up: CPU time until ready", "startup_cpu",
                ns_of(rows, "startup_cpu"), "ms", floor=False)
    md += table(rows, "6. Start-up: until `_NET_CLIENT_LIST` lists all",
                "startup_adopt", ns_of(rows, "startup_adopt"), "ms",
                floor=False)
    md += table(rows, "7. ctile only: reload", "reload",
                ns_of(rows, "reload"), "ms", floor=False)
    md += table(rows, "7. ctile only: `_CTILE_SYNC` round trip", "sync_rtt",
                ns_of(rows, "sync_rtt"), "ms", floor=False)
    md += table(rows, "7. ctile only: reload, ctile's own time",
                "reload_self", ns_of(rows, "reload_self"), "ms", floor=False,
                intro="Timed inside ctile (CLOCK_MONOTONIC) and read back "
                      "from the root's `_CTILE_STATS` after each reload "
                      "above: `activate_reload`, the config read, checked "
                      "and swapped in.")
    md += table(rows, "7. ctile only: arrange in the reload's turn, ctile's "
                "own time", "reload_arrange_self",
                ns_of(rows, "reload_arrange_self"), "ms", floor=False)
    md += table(rows, "7. ctile only: one full bar redraw, ctile's own time",
                "bar_redraw", ns_of(rows, "bar_redraw"), "ms", floor=False,
                intro="The default bar, N windows open. A `_CTILE_STATS` "
                      "client message asks ctile to redraw every bar in "
                      "full (every widget laid out and painted into the "
                      "bar's pixmap, copied to the window, the requests "
                      "sent), timed inside ctile (CLOCK_MONOTONIC), and to "
                      "publish its timings on the root.")
    md += table(rows, "7. ctile only: bar redraw, request to answer",
                "bar_redraw_rtt", ns_of(rows, "bar_redraw_rtt"), "ms",
                floor=False,
                intro="The same requests, from the client message until "
                      "its PropertyNotify: the redraw, the X server "
                      "drawing it, the round trip.")
    md += targets(rows, iv)
    md += notes(rows, skips)
    with open(os.path.join(outdir, "table.md"), "w") as f:
        f.write("\n".join(md))
    plots(rows, outdir)


if __name__ == "__main__":
    main()
