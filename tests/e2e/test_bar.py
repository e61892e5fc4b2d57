"""The bar as a user sees it: it takes its height from the screen, shows
the view, the focused window's title and the status text, answers clicks,
and hides on `bar toggle`."""

import subprocess
import time

from Xlib import X

import harness
from harness import SCREEN_H, SCREEN_W

DEFAULT = (harness.REPO / "config" / "config").read_text()
FOCUSED_BG = "#5e81ac"
BACKGROUND = "#2e3440"
# A bar whose pixels change only when the test acts: no clock, no cpu.
BAR = "\n".join([
    "bar left tags layout title",
    "bar right status",
    "bar center",
    "bar color background " + BACKGROUND,
    "bar color focused_background " + FOCUSED_BG,
])


def config():
    return DEFAULT + "\n# the test's bar\n" + BAR + "\n"


def bar_geometry(d):
    bars = d.bars()
    assert len(bars) == 1, "one monitor, one bar"
    x, y, w, h, _ = d.x.geometry(bars[0])
    return x, y, w, h


def row(d, y):
    """The colours of one row of the screen, left to right."""
    img = d.x.root.get_image(0, y, SCREEN_W, 1, X.ZPixmap, 0xFFFFFFFF)
    b = img.data
    return ["#%02x%02x%02x" % (b[i + 2], b[i + 1], b[i])
            for i in range(0, 4 * SCREEN_W, 4)]


def runs(colours, colour):
    """[start, end) of each stretch of that colour."""
    out, start = [], None
    for i, c in enumerate(colours + [None]):
        if c == colour and start is None:
            start = i
        elif c != colour and start is not None:
            out.append((start, i))
            start = None
    return out


def region(d, x, w, h):
    img = d.x.root.get_image(x, 0, w, h, X.ZPixmap, 0xFFFFFFFF)
    return bytes(img.data)


def test_bar_reserves_its_height_and_hides(make_wm):
    d = make_wm(config())
    x, y, w, h = bar_geometry(d)
    assert (x, y, w) == (0, 0, SCREEN_W) and 10 < h < 60
    a = d.xterm()
    assert d.outer(a) == (0, h, SCREEN_W, SCREEN_H - h)
    d.key("super+b")
    assert d.bars() == [], "bar toggle hides it"
    assert d.outer(a) == (0, 0, SCREEN_W, SCREEN_H), "windows take its room"
    d.key("super+b")
    assert d.outer(a) == (0, h, SCREEN_W, SCREEN_H - h)


def test_viewed_tag_is_drawn_focused_and_moves(make_wm):
    d = make_wm(config())
    _, _, _, h = bar_geometry(d)
    line = h - 2  # below the text, inside the cells
    first = runs(row(d, line), FOCUSED_BG)
    assert first and first[0][0] == 0, "tag 1's cell, at the left, is lit"
    d.key("super+2")
    now = runs(row(d, line), FOCUSED_BG)
    assert now and now[0][0] == first[0][1], "tag 2's cell, next to it"
    assert row(d, line)[first[0][0] + 1] != FOCUSED_BG
    d.key("super+control+4")
    lit = runs(row(d, line), FOCUSED_BG)
    assert len(lit) >= 2, "a view of two tags lights two cells"


def test_clicking_a_tag_views_it(make_wm):
    d = make_wm(config())
    _, _, _, h = bar_geometry(d)
    d.key("super+0")  # every tag viewed: the cells are one lit stretch
    lit = runs(row(d, h - 2), FOCUSED_BG)[0]
    cell = (lit[1] - lit[0]) / 9
    d.key("super+1")
    d.click(int(lit[0] + 2.5 * cell), h // 2)
    assert d.viewed() == 4, "a click on tag 3 views it"
    d.click(int(lit[0] + 4.5 * cell), h // 2, button=3)
    assert d.viewed() == 4 | 16, "a right click adds tag 5 to the view"
    d.click(int(lit[0] + 0.5 * cell), h // 2, button=5)
    assert d.viewed() == 8, "the wheel steps to the next tag"


def test_title_follows_focus(make_wm):
    d = make_wm(config())
    _, _, w, h = bar_geometry(d)
    a = d.xterm("first window")
    b = d.xterm("second window, a longer title")
    assert d.active() == b
    left = w // 4  # the title sits after the tags and the layout symbol
    shown_b = region(d, left, w // 2, h)
    d.key("super+j")
    assert d.active() == a
    shown_a = region(d, left, w // 2, h)
    assert shown_a != shown_b, "the title changed with the focus"
    d.key("super+k")
    assert region(d, left, w // 2, h) == shown_b


def test_xsetroot_name_shows_in_the_status(make_wm):
    d = make_wm(config())
    _, _, w, h = bar_geometry(d)
    right = (w - w // 4, w // 4)
    empty = region(d, *right, h)
    subprocess.run(["xsetroot", "-display", d.name, "-name", "hello"],
                   check=True)
    d.sync()
    hello = region(d, *right, h)
    assert hello != empty, "the status text is drawn"
    colours = set(row(d, h // 2)[w - w // 4:])
    assert len(colours) > 1, "text on the background"
    subprocess.run(["xsetroot", "-display", d.name, "-name", ""], check=True)
    d.sync()
    assert region(d, *right, h) == empty, "an empty name clears it"


def test_a_flood_of_status_changes_is_coalesced(make_wm):
    d = make_wm(config())
    _, _, w, h = bar_geometry(d)
    right = (w - w // 4, w // 4)
    # A status loop gone wild: 300 names in a burst, then a key.
    script = (f"for n in $(seq 300); do "
              f"xsetroot -display {d.name} -name s$n; done")
    subprocess.run(["sh", "-c", script], check=True)
    d.key("super+2")
    assert d.viewed() == 2, "keys are still answered at once"
    after_flood = region(d, *right, h)
    subprocess.run(["xsetroot", "-display", d.name, "-name", "s300"],
                   check=True)
    d.sync()
    assert region(d, *right, h) == after_flood, "the last name is shown"


def test_bar_follows_xft_dpi(make_wm):
    """HiDPI: the bar's font and height follow Xft.dpi from the X resources,
    as GTK and Qt programs do, once ctile reads them again (reload)."""
    d = make_wm(config())
    _, _, _, h = bar_geometry(d)
    subprocess.run(["xrdb", "-display", d.name, "-merge"],
                   input=b"Xft.dpi: 192\n", check=True)
    d.key("super+shift+r")
    _, _, _, h2 = bar_geometry(d)
    assert 1.8 * h <= h2 <= 2.2 * h, f"{h} px at 96 dpi, {h2} px at 192"
    a = d.xterm()
    assert d.outer(a)[1] == h2, "windows tile below the taller bar"


def test_a_hidden_bar_with_timed_widgets_costs_nothing(make_wm):
    """Hidden, the bar's clock and cpu widgets are not updated; their timers
    must wait too, not fire again and again (that was a busy loop taking a
    whole core). Shown again, the bar is drawn at once."""
    d = make_wm(DEFAULT + "\nbar right cpu interval=1 clock format=%T\n")
    pid = d.ctile_pid()
    shown = region(d, 0, SCREEN_W, bar_geometry(d)[3])
    d.key("super+b")
    assert d.bars() == []
    before = harness.proc_cpu_seconds(pid)
    # Nothing to wait for: this measures that nothing happens meanwhile.
    time.sleep(1.0)
    used = harness.proc_cpu_seconds(pid) - before
    assert used < 0.2, f"a hidden bar took {used:.2f} s of CPU in 1 s"
    d.key("super+b")
    h = bar_geometry(d)[3]
    d.wait_until(lambda: region(d, 0, SCREEN_W, h) != shown,
                 "the shown bar to be drawn with a new time")


def test_a_bar_repainted_piece_by_piece_shows_what_a_full_paint_does(make_wm):
    """Changes that leave every widget its place repaint only the widgets
    that changed (the status, the title, the tags): what they leave on
    screen must be the bar painted afresh, with no trace of before."""
    d = make_wm(config())
    _, _, w, h = bar_geometry(d)

    def status(text):
        subprocess.run(["xsetroot", "-display", d.name, "-name", text],
                       check=True)
        d.sync()

    d.xterm("first")
    d.xterm("the second window")
    status("load 0.18")
    status("load 0.42")  # as wide: the status alone is repainted
    d.key("super+j")  # another title
    d.key("super+3")  # another tag lit, no title
    d.key("super+1")
    d.key("super+k")
    status("load 0.57")
    painted_in_pieces = region(d, 0, w, h)
    d.key("super+b", "super+b")  # hidden and shown: painted in full
    assert d.bars(), "the bar is back"
    assert region(d, 0, w, h) == painted_in_pieces


def bar_rows(d):
    """The bar's pixels as rows of '#rrggbb'."""
    _, _, w, h = bar_geometry(d)
    data = region(d, 0, w, h)
    return [["#%02x%02x%02x" % (data[i + 2], data[i + 1], data[i])
             for i in range(4 * w * r, 4 * w * (r + 1), 4)]
            for r in range(h)]


def inked(rows, x0=0, x1=None):
    """The columns in [x0, x1) where something other than the bar's
    background is drawn."""
    x1 = len(rows[0]) if x1 is None else x1
    return [x for x in range(x0, x1)
            if any(r[x] != BACKGROUND for r in rows)]


def ink(rows, x0, x1):
    """What is drawn in [x0, x1), cut to its bounding box: two cells showing
    the same text in the same colours give the same ink."""
    xs = inked(rows, x0, x1)
    ys = [y for y, r in enumerate(rows)
          if any(c != BACKGROUND for c in r[x0:x1])]
    assert xs and ys, "nothing drawn there"
    return [r[xs[0]:xs[-1] + 1] for r in rows[ys[0]:ys[-1] + 1]]


def set_status(d, text):
    subprocess.run(["xsetroot", "-display", d.name, "-name", text],
                   check=True)
    d.sync()


def test_a_config_error_leaves_the_right_widgets_whole(make_wm):
    """The config error's banner takes the room the widgets leave, between
    the left ones and the right ones, ellipsized: it covered the right
    widgets, so that "cpu 65%" read "65%"."""
    urgent = "#ff8000"
    good = config() + f"bar color urgent_background {urgent}\n"
    d = make_wm(good)
    _, _, w, h = bar_geometry(d)
    d.xterm("a window")
    set_status(d, "cpu 65% mem 2% load 0.42 0.31 0.20 up 3 days, 4:05, "
               "1 user, 12 tasks")
    before = bar_rows(d)
    title_end = runs(before[h - 2], FOCUSED_BG)[-1][1]  # the lit title
    right_start = inked(before, title_end)[0]  # the status text begins
    tags = inked(before, 0, w // 8)  # tag names and the layout symbol
    d.write_config(good + "borderwidth 3\n")
    d.key("super+shift+r")
    after = d.wait_until(
        lambda: (lambda r: r if urgent in r[h - 2] else None)(bar_rows(d)),
        "the config error to be shown")
    banner = runs(after[h - 2], urgent)  # below the text
    assert len(banner) == 1, banner
    assert banner[0][1] < right_start, \
        f"the banner {banner[0]} reaches the status text at {right_start}"
    assert [r[right_start:] for r in after] == \
        [r[right_start:] for r in before], "the right widgets were drawn over"
    assert [r[:tags[-1] + 1] for r in after] == \
        [r[:tags[-1] + 1] for r in before], "the tags were drawn over"
    assert banner[0][1] - banner[0][0] > w // 4, "the banner has its room"
    # The status alone is repainted (as wide as before): the banner stays,
    # as a full paint would draw it.
    set_status(d, "cpu 66% mem 2% load 0.42 0.31 0.20 up 3 days, 4:05, "
               "1 user, 12 tasks")
    in_pieces = bar_rows(d)
    assert in_pieces != after
    d.key("super+b", "super+b")
    assert d.bars() and bar_rows(d) == in_pieces


def test_monocle_symbol_counts_the_windows_of_the_view(make_wm):
    """As dwm's: [3] for three windows in monocle, one behind the other;
    [M] when the view has none. The layout symbol sits at the bar's left,
    the status at its right: the same text draws the same ink."""
    d = make_wm(DEFAULT + "\nbar left layout\nbar right status\nbar center\n"
                f"bar color background {BACKGROUND}\n")
    _, _, w, _ = bar_geometry(d)

    def shows(text):
        set_status(d, text)
        rows = bar_rows(d)
        return ink(rows, 0, w // 2) == ink(rows, w // 2, w)

    for _ in range(3):
        d.xterm()
    assert shows("[]="), "tile keeps its symbol"
    d.key("super+m")
    assert shows("[3]"), "monocle counts the three windows"
    assert not shows("[M]")
    d.key("super+shift+2")  # one window goes to tag 2, out of the view
    assert shows("[2]"), "only windows in view count"
    d.key("super+2")  # each tag has its own layout: tag 2's is tile
    assert shows("[]=")
    d.key("super+3", "super+m")
    assert shows("[M]"), "an empty view shows monocle's own symbol"


def test_a_misspelt_widget_option_is_a_config_error(make_wm, ctile_bin,
                                                    tmp_path):
    """`fromat=` was taken and ignored: the clock showed its default format
    and nothing said why. It is a config error at the option, naming the
    widget and the option meant, in `ctile -C` and at start (where, as for
    any error, the built-in config runs and the bar shows the error)."""
    line = "bar right clock fromat=%H cpu intervall=1"
    text = DEFAULT + "\n" + line + "\n"
    n = text.splitlines().index(line) + 1
    want = (f":{n}:17: bar: clock: unknown option 'fromat' "
            "(did you mean format=?)\n")
    f = tmp_path / "typo.conf"
    f.write_text(text)
    env = harness.base_env(tmp_path)
    env.pop("DISPLAY", None)
    r = subprocess.run([ctile_bin, "-C", "-c", str(f)], env=env,
                       capture_output=True, text=True, timeout=10)
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.startswith(f"{f}{want}    {line}\n"
                               + " " * 20 + "^\n"), r.stderr
    d = make_wm(text)
    log = d.log_text()
    assert f"{d.config_home / 'ctile' / 'config'}{want}" in log, log
    assert "1 error; running the built-in config" in log, log
    _, _, w, h = bar_geometry(d)
    assert d.x.pixel(w // 2, 1) == harness.COLOR_URGENT, \
        "the bar shows the config error"


def test_the_bar_follows_a_change_of_the_screen_size(make_wm):
    """xrandr --fb (a resolution change with one output): the bar spans
    the new width, as the tiles do, and a floating window stays within
    reach."""
    wm = make_wm(BAR)
    a = wm.xterm("a")
    c = wm.client()
    f = c.create(title="float")
    wm.wait_managed(f)
    wm.key("super+shift+space")
    c.configure(f, x=1000, y=600, width=250, height=150)
    wm.sync()
    wm.run("xrandr", "--fb", "1024x768", check=False)
    wm.x.wait_for(lambda: wm.x.root.get_geometry().width == 1024,
                  "the screen to be 1024 wide")
    wm.sync()
    for bar in wm.bars():
        assert wm.x.geometry(bar)[2] == 1024, \
            f"the bar is {wm.x.geometry(bar)[2]} wide on a 1024 screen"
    x, y, w, h = wm.outer(f)
    assert x + w <= 1024 and y + h <= 768, \
        f"the floating window {wm.outer(f)} is off the 1024x768 screen"
    assert wm.outer(a)[0] + wm.outer(a)[2] <= 1024
