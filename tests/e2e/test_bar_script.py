"""The script widget in a real bar: i3status drives it through the i3bar
protocol; a status command under the test's control (ctile runs `cat` of a
FIFO the test writes) shows each status line with its colours, an error for
bad input, and gets the clicks; a hanging and a flooding script leave key
handling as quick as ever.

What the widget draws is read off the screen: the blocks' backgrounds and
text colours are picked to appear nowhere else on the bar."""

import errno
import fcntl
import json
import os
import shutil
import signal
import time

import pytest
from Xlib import X

import harness

DEFAULT = (harness.REPO / "config" / "config").read_text()

MAGENTA, CYAN, YELLOW, GREEN, BLUE = \
    "#ff00ff", "#00ffff", "#ffff00", "#00ff00", "#0000ff"
ERROR_BG = "#ff8000"  # the bar's urgent background: errors are drawn on it


def config(*widgets):
    """The default config with the given widgets on the bar's right (the
    left keeps tags, layout, mode and title; nothing there changes while a
    test runs: no window is opened)."""
    return (DEFAULT + "\n# added by the test\n"
            f"bar color urgent_background {ERROR_BG}\n"
            "bar right " + " ".join(widgets) + "\n")


def script(command, **opts):
    """A script widget; the command should not need double quotes."""
    assert '"' not in command
    words = [f'command="{command}"'] + [f"{k}={v}" for k, v in opts.items()]
    return "script " + " ".join(words)


def write_script(path, text):
    path.write_text("#!/bin/sh\n" + text)
    path.chmod(0o755)
    return path


# --------------------------------------------------------------------------
# The bar on screen


def bar(d):
    bars = d.bars()
    assert len(bars) == 1, f"want one bar, have {bars}"
    x, y, w, h, _ = d.x.geometry(bars[0])
    return x, y, w, h


def bar_image(d):
    """The bar's pixels as rows of '#rrggbb'."""
    x, y, w, h = bar(d)
    data = d.x.root.get_image(x, y, w, h, X.ZPixmap, 0xFFFFFFFF).data
    return [["#%02x%02x%02x" % (data[i + 2], data[i + 1], data[i])
             for i in range((r * w) * 4, (r * w + w) * 4, 4)]
            for r in range(h)]


def span(img, color):
    """(first, last) x where the bar's middle row has color, or None."""
    row = img[len(img) // 2]
    xs = [x for x, c in enumerate(row) if c == color]
    return (xs[0], xs[-1]) if xs else None


def count(img, color, x0=0, x1=None):
    return sum(1 for row in img for c in row[x0:x1] if c == color)


def wait_drawn(d, pred, what):
    """Wait (round trips through ctile, bounded) until the bar's pixels
    satisfy pred; the image, for more checks."""
    return d.wait_until(lambda: (lambda img: img if pred(img) else None)(
        bar_image(d)), what)


# --------------------------------------------------------------------------
# Processes of the session


def descendants(pid):
    """Every process below pid, with its name: {pid: comm}."""
    parent, comm = {}, {}
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open(f"/proc/{p}/stat") as f:
                head, rest = f.read().rsplit(")", 1)
        except OSError:
            continue
        parent[int(p)] = int(rest.split()[1])
        comm[int(p)] = head.split("(", 1)[1]
    out = {}
    for p in parent:
        q = parent[p]
        while q > 1 and q != pid:
            q = parent.get(q, 0)
        if q == pid:
            out[p] = comm[p]
    return out


def scripts_named(d, name):
    return [p for p, c in descendants(d.ctile_pid()).items() if c == name]


def written(pid):
    """Bytes process pid has written so far."""
    with open(f"/proc/{pid}/io") as f:
        for line in f:
            if line.startswith("wchar:"):
                return int(line.split()[1])
    return 0


@pytest.fixture
def scripts(make_wm):
    """make_wm, and the scripts its sessions run killed at the end, in case
    ctile does not stop them (a script that hangs outlives a killed ctile)."""
    made = []

    def make(*args, **kwargs):
        d = make_wm(*args, **kwargs)
        made.append(d)
        return d
    try:
        yield make
    finally:
        for d in made:
            pid = d.ctile_pid()
            for p in descendants(pid) if pid else ():
                try:
                    os.kill(p, signal.SIGKILL)
                except ProcessLookupError:
                    pass


# --------------------------------------------------------------------------
# A status command under the test's control


class Feed:
    """ctile's script runs `cat FIFO`; the test writes the lines."""

    def __init__(self, tmp):
        self.path = tmp / "status.fifo"
        os.mkfifo(self.path)
        self.fd = None

    def widget(self, **opts):
        return script(f"cat {self.path}", **opts)

    def open(self, d):
        """Once cat has the FIFO open for reading (ENXIO before)."""
        def try_open():
            try:
                self.fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as e:
                if e.errno == errno.ENXIO:
                    return False
                raise
            flags = fcntl.fcntl(self.fd, fcntl.F_GETFL)
            fcntl.fcntl(self.fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
            return True
        d.wait_until(try_open, "the script widget to run cat on its FIFO")

    def write(self, *lines):
        data = b"".join((l if isinstance(l, bytes) else l.encode()) + b"\n"
                        for l in lines)
        os.write(self.fd, data)

    def close(self):
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


@pytest.fixture
def feed(tmp_path):
    f = Feed(tmp_path)
    yield f
    f.close()


def blocks(*bs):
    return json.dumps(list(bs))


# --------------------------------------------------------------------------
# The tests


def test_i3status_drives_the_widget(scripts, tmp_path):
    """Real i3status through the i3bar protocol: its good colour is drawn,
    and its clock goes on changing the widget."""
    assert shutil.which("i3status"), \
        "i3status is not installed (scripts/deps.sh check)"
    conf = tmp_path / "i3status.conf"
    conf.write_text(
        'general {\n output_format = "i3bar"\n colors = true\n'
        f' color_good = "{GREEN}"\n interval = 1\n}}\n'
        'order += "path_exists root"\norder += "time"\n'
        'path_exists root {\n path = "/"\n format = "%title here"\n}\n'
        'time {\n format = "%H:%M:%S"\n}\n')
    d = scripts(config(script(f"i3status -c {conf}")))
    first = wait_drawn(d, lambda img: count(img, GREEN) > 20,
                       "i3status's green block in the bar")
    # Only the widget draws in that green, at the bar's right end.
    _, _, w, _ = bar(d)
    assert count(first, GREEN, 0, w // 2) == 0
    # The time block changes each second: the bar follows.
    wait_drawn(d, lambda img: img != first and count(img, GREEN) > 20,
               "the bar to change with i3status's clock")
    assert scripts_named(d, "i3status"), "i3status is not running"


def test_i3bar_blocks_colours_and_errors(scripts, feed):
    d = scripts(config(feed.widget()))
    feed.open(d)
    feed.write('{"version":1}', "[",
               blocks({"full_text": "one", "background": MAGENTA,
                       "color": GREEN}))
    img = wait_drawn(d, lambda img: span(img, MAGENTA),
                     "the block's magenta background")
    x0, x1 = span(img, MAGENTA)
    assert count(img, GREEN, x0, x1 + 1) > 5, "its green text is not drawn"

    # The next status line, with the comma of the endless array: two blocks.
    feed.write("," + blocks({"full_text": "two", "background": CYAN},
                            {"full_text": "three", "background": YELLOW}))
    img = wait_drawn(d, lambda img: span(img, CYAN) and span(img, YELLOW)
                     and not span(img, MAGENTA), "the two new blocks")
    assert span(img, CYAN)[1] < span(img, YELLOW)[0]

    # Bad JSON: an error in the urgent colours, then the stream goes on.
    feed.write(',[{"full_text":')
    wait_drawn(d, lambda img: span(img, ERROR_BG) and not span(img, CYAN),
               "the error for bad JSON")
    feed.write("," + blocks({"full_text": "back", "background": MAGENTA}))
    wait_drawn(d, lambda img: span(img, MAGENTA) and not span(img, ERROR_BG),
               "the blocks after the error")

    # Invalid UTF-8 is drawn, made valid.
    feed.write(b',[{"full_text":"bad \xff\xfe bytes","background":"'
               + BLUE.encode() + b'"}]')
    wait_drawn(d, lambda img: span(img, BLUE), "the block with bad UTF-8")

    # A line longer than 64 KiB is dropped with an error.
    feed.write("," + blocks({"full_text": "x" * 70000,
                             "background": MAGENTA}))
    wait_drawn(d, lambda img: span(img, ERROR_BG) and not span(img, MAGENTA),
               "the error for a line too long")
    feed.write("," + blocks({"full_text": "fine", "background": CYAN}))
    wait_drawn(d, lambda img: span(img, CYAN) and not span(img, ERROR_BG),
               "the blocks after the long line")
    d.assert_healthy()


def test_plain_lines_markup_and_exit(scripts, feed, tmp_path):
    """Without the header each line is shown as it comes (pango markup
    when asked); a command that fails without a word says how it ended."""
    fails = write_script(tmp_path / "fails.sh", "exit 3\n")
    d = scripts(config(feed.widget(markup="pango"), script(f"sh {fails}")))
    # The failing one: "exited 3" on the error colour.
    wait_drawn(d, lambda img: span(img, ERROR_BG), "'exited 3' as an error")
    feed.open(d)
    feed.write(f'<span background="{MAGENTA}">first</span>')
    wait_drawn(d, lambda img: span(img, MAGENTA), "the first line")
    feed.write("ignored", f'<span background="{CYAN}">second</span>')
    wait_drawn(d, lambda img: span(img, CYAN) and not span(img, MAGENTA),
               "the last of two lines")


def test_hanging_and_flooding_scripts_do_not_stall_keys(scripts, tmp_path):
    hang = write_script(
        tmp_path / "hang.sh",
        f"echo '<span background=\"{MAGENTA}\">hi</span>'\nsleep 1000\n")
    flood = write_script(
        tmp_path / "flood.sh",
        f"exec yes '<span background=\"{CYAN}\">flood</span>'\n")
    d = scripts(config(script(f"sh {hang}", markup="pango"),
                       script(f"sh {flood}", markup="pango")))
    wait_drawn(d, lambda img: span(img, MAGENTA) and span(img, CYAN),
               "the hanging script's line and the flood's")
    ctile = d.ctile_pid()
    yes = scripts_named(d, "yes")
    assert len(yes) == 1, f"want the flood's yes, have {yes}"
    # Keys while it floods: each switch is synced with the usual deadline.
    t0, cpu0 = time.monotonic(), harness.proc_cpu_seconds(ctile)
    w0 = written(yes[0])
    presses = 0
    while time.monotonic() - t0 < 1.5 or presses < 20:
        d.key("super+2")
        assert d.viewed() == 1 << 1, "super+2 did not switch the view"
        d.key("super+1")
        assert d.viewed() == 1, "super+1 did not switch the view"
        presses += 2
    # ...and the flood was being read all along.
    d.wait_until(lambda: written(yes[0]) - w0 > 1 << 20,
                 "ctile to read a MiB of the flood")
    wall, cpu = time.monotonic() - t0, harness.proc_cpu_seconds(ctile) - cpu0
    assert cpu < 0.5 * wall, \
        f"ctile used {cpu:.2f}s of CPU in {wall:.2f}s while a script flooded"
    img = bar_image(d)
    assert span(img, MAGENTA), "the hanging script's last line went away"
    d.assert_healthy()


def test_click_events_reach_the_status_command(scripts, tmp_path):
    got = tmp_path / "clicks"
    cmd = write_script(
        tmp_path / "clicky.sh",
        "echo '{\"version\":1,\"click_events\":true}'\necho '['\n"
        "echo '[{\"name\":\"btn\",\"instance\":\"i1\",\"full_text\":"
        f"\"click me\",\"background\":\"{MAGENTA}\"}},"
        "{\"name\":\"other\",\"full_text\":\"other\","
        f"\"background\":\"{CYAN}\"}}]'\n"
        f"exec cat > {got}\n")
    d = scripts(config(script(f"sh {cmd}")))
    img = wait_drawn(d, lambda img: span(img, MAGENTA) and span(img, CYAN),
                     "the clickable blocks")
    bx, by, bw, bh = bar(d)
    x0, x1 = span(img, MAGENTA)
    cx, cy = bx + (x0 + x1) // 2, by + bh // 2
    d.click(cx, cy)

    def lines():
        text = got.read_text() if got.exists() else ""
        return text.splitlines() if text.count("\n") >= 2 else None
    out = d.wait_until(lines, "the click to reach the status command")
    assert out[0] == "["
    ev = json.loads(out[1])
    assert ev["name"] == "btn" and ev["instance"] == "i1"
    assert ev["button"] == 1 and ev["modifiers"] == []
    assert (ev["x"], ev["y"]) == (cx, cy)
    assert ev["relative_x"] == cx - bx - x0
    assert ev["relative_y"] == bh // 2
    assert ev["width"] == x1 - x0 + 1 and ev["height"] == bh

    # The second click, on the other block with the right button and a
    # modifier: comma-separated, as i3bar writes them.
    c0, c1 = span(img, CYAN)
    d.run("xdotool", "mousemove", str(bx + (c0 + c1) // 2), str(cy),
          "keydown", "shift", "click", "3", "keyup", "shift")
    d.sync()
    out = d.wait_until(lambda: (lambda l: l if l and len(l) >= 3 else None)(
        lines()), "the second click")
    assert out[2].startswith(",{")
    ev = json.loads(out[2][1:])
    assert ev["name"] == "other" and "instance" not in ev
    assert ev["button"] == 3 and ev["modifiers"] == ["Shift"]


def test_click_command_gets_the_button(scripts, tmp_path):
    """click= runs a command with the button and where it was in its
    environment, as a user writes it in the config."""
    got = tmp_path / "clicked"
    plain = write_script(tmp_path / "plain.sh",
                         f"echo '<span background=\"{MAGENTA}\">x</span>'\n"
                         "exec sleep 1000\n")
    d = scripts(config(script(f"sh {plain}", markup="pango",
                              click=f'"echo $BUTTON $X $Y > {got}"')))
    img = wait_drawn(d, lambda img: span(img, MAGENTA), "the script's line")
    bx, by, bw, bh = bar(d)
    x0, x1 = span(img, MAGENTA)
    cx, cy = bx + (x0 + x1) // 2, by + bh // 2
    d.click(cx, cy, button=2)
    out = d.wait_until(lambda: got.exists() and got.read_text().split(),
                       "the click command to run")
    assert out == ["2", str(cx), str(cy)]


def test_interval_runs_are_never_started_twice(scripts, tmp_path):
    """interval=1 with a command that takes longer: each run's last line
    is shown when it comes, and a run still going at the next second is
    not started again."""
    count, lock, overlap = (tmp_path / n for n in ("count", "lock", "overlap"))
    run = write_script(
        tmp_path / "slow.sh",
        f"mkdir {lock} 2>/dev/null || echo overlap >> {overlap}\n"
        f"n=$(( $(cat {count} 2>/dev/null || echo 0) + 1 ))\n"
        f"echo $n > {count}\n"
        "sleep 1.5\n"
        f"rmdir {lock}\n"
        f"if [ $((n % 2)) = 0 ]; then c='{MAGENTA}'; else c='{CYAN}'; fi\n"
        "echo \"<span background='$c'>run $n</span>\"\n")
    d = scripts(config(script(f"sh {run}", interval=1, markup="pango")))
    wait_drawn(d, lambda img: span(img, CYAN), "the first run's line")
    wait_drawn(d, lambda img: span(img, MAGENTA) and not span(img, CYAN),
               "the second run's line")
    wait_drawn(d, lambda img: span(img, CYAN) and not span(img, MAGENTA),
               "the third run's line")
    assert not overlap.exists(), "a run was started while one was going"


def test_a_dying_script_is_restarted_after_a_back_off(scripts, tmp_path):
    starts = tmp_path / "starts"
    die = write_script(tmp_path / "die.sh",
                       f"date +%s.%N >> {starts}\nexit 1\n")
    d = scripts(config(script(f"sh {die}")))
    wait_drawn(d, lambda img: span(img, ERROR_BG), "'exited 1' as an error")
    times = d.wait_until(
        lambda: (lambda t: t if len(t) >= 2 else None)(
            starts.read_text().split() if starts.exists() else []),
        "the command to be started again")
    assert len(times) == 2, f"restarted without a pause: {times}"
    assert float(times[1]) - float(times[0]) > 4, \
        f"restarted too soon: {times}"


def test_a_killed_script_shows_an_error(scripts, tmp_path):
    hang = write_script(
        tmp_path / "hang.sh",
        f"echo '<span background=\"{MAGENTA}\">alive</span>'\nsleep 1000\n")
    d = scripts(config(script(f"sh {hang}", markup="pango")))
    wait_drawn(d, lambda img: span(img, MAGENTA), "the script's line")
    sleeps = d.wait_until(lambda: scripts_named(d, "sleep"),
                          "the script to run sleep")
    assert len(sleeps) == 1, f"want the script's sleep, have {sleeps}"
    os.kill(sleeps[0], signal.SIGKILL)
    wait_drawn(d, lambda img: span(img, ERROR_BG) and not span(img, MAGENTA),
               "the error for the killed script")
    d.assert_healthy()
