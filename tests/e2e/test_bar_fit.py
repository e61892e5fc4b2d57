"""A bar whose widgets do not fit: a long status text, a script printing
a long line, a config error's banner. The tags, the layout symbol and the
tray are never pushed off; the title yields first, then the text widgets are
cut (at their start, on the right, so the status line's end stays); clicks
still land on the tags and on a cut widget. At 96 and 192 dpi."""

import subprocess

import pytest

import harness
from test_bar import bar_geometry, bar_rows, inked, runs, set_status
from test_bar_systray import ctile_tray, dock, make_icon, wait_docked, \
    watch_tray

DEFAULT = (harness.REPO / "config" / "config").read_text()
FOCUSED_BG = "#5e81ac"
BACKGROUND = "#2e3440"
URGENT_BG = "#ff8000"
MAGENTA = "#ff00ff"
LONG = ("wlan0: 192.168.100.23 (87% at HomeNetwork-5G) | eth0: down | "
        "disk /: 123.4 GiB free | load 0.52 0.48 0.41 | 22°C | "
        "Thu 2025-12-03 09:12:01")
LONGER = LONG + " | " + LONG  # too long for the bar at any dpi


def config(right="status"):
    return (DEFAULT + "\n# the test's bar\n"
            "bar left tags layout title\n"
            "bar center\n"
            f"bar right systray {right} clock format=CLOCK\n"
            f"bar color background {BACKGROUND}\n"
            f"bar color focused_background {FOCUSED_BG}\n"
            f"bar color urgent_background {URGENT_BG}\n")


def start(make_wm, dpi, text):
    """ctile with the bar of text at dpi, a window and a tray icon."""
    d = make_wm(text)
    if dpi != 96:
        subprocess.run(["xrdb", "-display", d.name, "-merge"],
                       input=f"Xft.dpi: {dpi}\n".encode(), check=True)
        d.key("super+shift+r")
    d.xterm("a window")
    tray = ctile_tray(d)
    watch_tray(d, tray)
    c = d.client()
    dock(c, tray, make_icon(c))
    icon = wait_docked(d, tray)[0]
    return d, icon


def left_block(d):
    """[0, x) of the tags and the layout symbol: up to the lit title."""
    _, _, _, h = bar_geometry(d)
    return runs(bar_rows(d)[h - 2], FOCUSED_BG)[-1][0]


def tag_cells(d):
    """The left edge and the width of each tag's cell."""
    _, _, _, h = bar_geometry(d)
    d.key("super+0")  # every tag viewed: the cells are one lit stretch
    lit = runs(bar_rows(d)[h - 2], FOCUSED_BG)[0]
    d.key("super+1")
    return lit[0], (lit[1] - lit[0]) / 9


def check_in_place(d, icon, before, left_end, clock_at, cells):
    """The left block as before, the tray icon whole after it, the clock
    as before, and a click on tag 3 views it."""
    _, _, w, h = bar_geometry(d)
    after = bar_rows(d)
    assert [r[:left_end] for r in after] == [r[:left_end] for r in before], \
        "the tags or the layout symbol were drawn over"
    x, _, iw, _ = d.outer(icon)
    assert left_end <= x and x + iw <= clock_at, \
        f"the tray icon at {x}..{x + iw}, the bar {left_end}..{clock_at}"
    assert [r[clock_at:] for r in after] == [r[clock_at:] for r in before], \
        "the clock moved or was drawn over"
    x0, cell = cells
    d.click(int(x0 + 2.5 * cell), h // 2)
    assert d.viewed() == 4, "a click on tag 3 views it"
    d.key("super+1")
    return after


@pytest.mark.parametrize("dpi", [96, 192])
def test_a_long_status_pushes_nothing_off(make_wm, dpi):
    d, icon = start(make_wm, dpi, config())
    _, _, w, h = bar_geometry(d)
    cells = tag_cells(d)
    left_end = left_block(d)
    before = bar_rows(d)
    x, _, iw, _ = d.outer(icon)
    clock_at = inked(before, x + iw)[0]  # the status is empty: the clock
    set_status(d, LONGER)
    after = check_in_place(d, icon, before, left_end, clock_at, cells)
    x, _, iw, _ = d.outer(icon)
    assert inked(after, x + iw, clock_at), \
        "the status is drawn between the tray and the clock"
    assert len(runs(after[h - 2], FOCUSED_BG)) == 1, \
        "only tag 1 is lit: the title gave all its room"
    # Cut at its start: the end of the line shows, next to the clock.
    set_status(d, "X" + LONGER)
    assert bar_rows(d) == after, "the status's start is shown"
    set_status(d, LONGER[:-1] + "9")
    assert bar_rows(d) != after, "the status's end is not shown"


def test_a_long_script_line_is_cut_and_clicks_reach_it(make_wm, tmp_path):
    got = tmp_path / "clicked"
    line = tmp_path / "line.sh"
    line.write_text("#!/bin/sh\n"
                    f"printf '<span background=\"{MAGENTA}\">%0300d</span>"
                    "\\n' 0\nexec sleep 1000\n")
    line.chmod(0o755)
    widget = (f'script command="sh {line}" markup=pango '
              f'click="echo $BUTTON > {got}"')
    d, icon = start(make_wm, 96, config(widget))
    _, _, w, h = bar_geometry(d)
    rows = d.wait_until(
        lambda: (lambda r: r if MAGENTA in r[h // 2] else None)(bar_rows(d)),
        "the script's line to be drawn")
    lit = runs(rows[h - 2], FOCUSED_BG)
    assert lit and lit[0][0] == 0, "tag 1's cell is drawn at the left"
    left_end = lit[0][1]
    x, _, iw, _ = d.outer(icon)
    span = runs(rows[h // 2], MAGENTA)
    assert x >= left_end and span[0][0] >= x + iw, \
        f"the tray at {x}, the script's text at {span}"
    assert span[-1][1] < w, "the clock keeps its place at the right"
    assert inked(rows, span[-1][1])[0] < w, "the clock is drawn"
    d.click((span[0][0] + span[-1][1]) // 2, h // 2, button=3)
    assert d.wait_until(lambda: got.exists() and got.read_text().split(),
                        "the click command to run") == ["3"]


def test_a_config_error_stays_readable_beside_a_long_status(make_wm):
    d, icon = start(make_wm, 96, config())
    _, _, w, h = bar_geometry(d)
    cells = tag_cells(d)
    left_end = left_block(d)
    before = bar_rows(d)
    x, _, iw, _ = d.outer(icon)
    clock_at = inked(before, x + iw)[0]
    d.write_config(config() + "borderwidth 3\n")
    d.key("super+shift+r")
    set_status(d, LONGER)
    after = check_in_place(d, icon, before, left_end, clock_at, cells)
    banner = runs(after[h - 2], URGENT_BG)
    assert len(banner) == 1 and banner[0][0] >= left_end, banner
    assert banner[0][1] - banner[0][0] > w // 3, \
        f"the banner {banner} has the room before the status text"
    x, _, _, _ = d.outer(icon)
    assert banner[0][1] <= x, "the banner ends before the tray"
