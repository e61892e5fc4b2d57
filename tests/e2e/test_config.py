"""The config file, as a user meets it: where ctile finds it, what it says
(bindings, modes, mouse, rules, look, exec), checking it, reloading it with
windows open, and what a broken one does."""

import os
import re
import signal
import struct
import subprocess
from pathlib import Path

from Xlib import Xatom

import harness
from harness import COLOR_FOCUS, COLOR_URGENT, SCREEN_H, SCREEN_W
from test_bad_input import baseline

FULL = (0, 0, SCREEN_W, SCREEN_H)
DEFAULT = (harness.REPO / "config" / "config").read_text()
DEFAULT_NAMES = [str(i) for i in range(1, 10)]


def config(*extra):
    """The default config, as a user copies it, with lines added at its end
    (a later binding of a key replaces the earlier one)."""
    return DEFAULT + "\n# added by the test\n" + "\n".join(extra) + "\n"


def named(*names):
    """A `tags` line naming the nine tags."""
    return "tags " + " ".join(names)


def f32(v):
    """v as the C float ctile keeps it in."""
    return struct.unpack("f", struct.pack("f", v))[0]


def mfact(*changes, start=0.55):
    """The master share after `mfact +X` commands, float by float."""
    v = f32(start)
    for c in changes:
        v = f32(v + c)
    return v


def split(start, length, k, gap, i):
    """Part i of k of a line, gap apart, the first ones a pixel longer."""
    base, rem = divmod(length - (k - 1) * gap, k)
    return start + i * base + i * gap + min(i, rem), base + (i < rem)


def tile(area, n, nmaster=1, share=mfact(), inner=0, outer=0):
    """Outer rects of the tile layout in the work area, tiling order."""
    x, y, w, h = area
    x, y, w, h = x + outer, y + outer, w - 2 * outer, h - 2 * outer
    nm = min(nmaster, n)
    master = stack = (x, y, w, h)
    if 0 < nm < n:
        usable = w - inner
        mw = int(usable * share)
        master = (x, y, mw, h)
        stack = (x + mw + inner, y, usable - mw, h)
    out = []
    for i in range(n):
        col, k, j = (master, nm, i) if i < nm else (stack, n - nm, i - nm)
        cy, ch = split(col[1], col[3], k, inner, j)
        out.append((col[0], cy, col[2], ch))
    return out


def grid2(area):
    """The grid layout of two windows: two columns."""
    x, y, w, h = area
    return [(split(x, w, 2, 0, i)[0], y, split(x, w, 2, 0, i)[1], h)
            for i in range(2)]


def lines(path):
    try:
        return Path(path).read_text().splitlines()
    except FileNotFoundError:
        return []


def wait_lines(d, path, n):
    """Wait until the marker file a spawned command writes has n lines."""
    d.wait_until(lambda: len(lines(path)) >= n,
                 f"{path.name} to have {n} line(s) (has {len(lines(path))})")
    assert len(lines(path)) == n, f"{path.name}: {lines(path)}"


def marker(d, name):
    return d.tmp / name


def shell_append(path):
    assert "'" not in str(path)
    return f"sh -c 'echo x >> {path}'"


def where(text, line_has, word):
    """LINE:COL of word in the first line of text that contains line_has."""
    for n, line in enumerate(text.splitlines(), 1):
        if line_has in line:
            return f"{n}:{line.index(word) + 1}"
    raise AssertionError(f"no line has {line_has!r}")


def run_check(ctile_bin, tmp_path, *args, env=None, unset=(), cwd=None):
    """ctile --check-config ... with no X server anywhere (DISPLAY unset)."""
    e = harness.base_env(tmp_path)
    e["XDG_CONFIG_DIRS"] = str(tmp_path / "no-such-dir")
    e.update(env or {})
    for var in unset:
        e.pop(var, None)
    assert "DISPLAY" not in e
    return subprocess.run([ctile_bin, *args], env=e, cwd=cwd,
                          capture_output=True, text=True, timeout=10,
                          stdin=subprocess.DEVNULL)


def set_type(c, wid, name):
    c.win(wid).change_property(c.atom("_NET_WM_WINDOW_TYPE"), Xatom.ATOM, 32,
                               [c.atom("_NET_WM_WINDOW_TYPE_" + name)])


def floating(d, wid):
    v = d.x.cardinals(wid, "_CTILE_TAGS")  # tags, floating
    return v[1] if v and len(v) > 1 else None


def bar_shows_a_problem(d):
    """Config errors show in the middle of the bar, in the urgent colours."""
    bars = d.bars()
    assert bars, "ctile shows no bar"
    x, y, w, h, _ = d.x.geometry(bars[0])
    return d.x.pixel(x + w // 2, y + 1) == COLOR_URGENT


# -- a user config: bindings, a rule, a colour


def test_user_config_rebinds_keys_sets_a_rule_and_a_colour(make_wm):
    d = make_wm(config(
        "bind $mod+F5 view 5",
        "bind $mod+1 view 3",
        "rule class=^XTerm$ tags=3",
        "color focused #ff0000"))
    c = d.client()
    a = c.create(title="plain")
    d.wait_managed(a)
    assert d.tags(a) == 1 and d.shown(a) and d.active() == a
    assert d.border_color(a) == "#ff0000", "color focused was not applied"

    x = d.xterm("term")
    assert d.tags(x) == 0b100, f"the rule gave tags {d.tags(x):#b}, want tag 3"
    assert d.desktop(x) == 2
    assert d.hidden(x), "the xterm shows on tag 1 although the rule says 3"
    assert d.active() == a, "a window on a hidden tag took the focus"
    assert d.outer(a) == d.work_area(), "the xterm took a tile on tag 1"

    d.key("super+F5")
    assert d.viewed() == 1 << 4, "bind $mod+F5 view 5 does not work"
    d.key("super+1")
    assert d.viewed() == 1 << 2, "super+1 was rebound to view 3"
    assert d.shown(x) and d.hidden(a)
    assert d.border_color(x) == "#ff0000"
    d.key("super+2")
    assert d.viewed() == 0b10, "the default bindings were lost"


# -- where the config comes from


def test_dash_c_wins_over_xdg_config_home(make_wm):
    d = make_wm(start=False, args=())
    d.write_config(config(named("home", *DEFAULT_NAMES[1:])))
    cli = d.write_config(config(named("cli", *DEFAULT_NAMES[1:])),
                         d.tmp / "elsewhere" / "my.conf")
    d.ctile_args = ["-c", str(cli)]
    d.start()
    assert d.desktop_names() == ["cli"] + DEFAULT_NAMES[1:]
    d.key("super+3")
    assert d.viewed() == 0b100


def test_xdg_config_home_is_read(make_wm):
    d = make_wm(config(named("home", *DEFAULT_NAMES[1:])))
    assert d.desktop_names() == ["home"] + DEFAULT_NAMES[1:]


def test_xdg_config_dirs_are_the_fallback_in_order(make_wm, tmp_path):
    dirs = [tmp_path / n for n in ("empty", "first", "second")]
    for n, d in (("first", dirs[1]), ("second", dirs[2])):
        (d / "ctile").mkdir(parents=True)
        (d / "ctile" / "config").write_text(
            config(named(n, *DEFAULT_NAMES[1:])))
    d = make_wm(env={"XDG_CONFIG_DIRS": ":".join(map(str, dirs))})
    assert not (d.config_home / "ctile" / "config").exists()
    assert d.desktop_names() == ["first"] + DEFAULT_NAMES[1:]


def test_built_in_config_when_there_is_no_file(make_wm):
    d = make_wm()
    assert d.desktop_names() == DEFAULT_NAMES
    a = d.xterm()
    d.assert_healthy([a])
    assert d.border_color(a) == COLOR_FOCUS
    assert "error" not in d.log_text()
    assert not bar_shows_a_problem(d)


def test_check_config_shows_the_lookup_order(ctile_bin, tmp_path):
    home = Path(harness.base_env(tmp_path)["HOME"])
    xdg_home = home / ".config"
    dirs = tmp_path / "dirs"
    (dirs / "ctile").mkdir(parents=True)
    (dirs / "ctile" / "config").write_text("tags a b\n")
    env = {"XDG_CONFIG_DIRS": f"{tmp_path / 'none'}:{dirs}"}

    r = run_check(ctile_bin, tmp_path, "--check-config", env=env)
    assert (r.stdout, r.stderr, r.returncode) == \
        (f"ok ({dirs}/ctile/config)\n", "", 0)

    (xdg_home / "ctile").mkdir(parents=True)
    (xdg_home / "ctile" / "config").write_text("tags a b c\n")
    r = run_check(ctile_bin, tmp_path, "--check-config", env=env)
    assert r.stdout == f"ok ({xdg_home}/ctile/config)\n", r.stderr
    # XDG_CONFIG_HOME unset: ~/.config
    r = run_check(ctile_bin, tmp_path, "-C", env=env,
                  unset=["XDG_CONFIG_HOME"])
    assert r.stdout == f"ok ({xdg_home}/ctile/config)\n", r.stderr

    other = tmp_path / "other.conf"
    other.write_text("border_width 3\n")
    r = run_check(ctile_bin, tmp_path, "-C", "-c", str(other), env=env)
    assert (r.stdout, r.returncode) == (f"ok ({other})\n", 0), r.stderr

    r = run_check(ctile_bin, tmp_path, "-C",
                  env={"XDG_CONFIG_HOME": str(tmp_path / "nothing")})
    assert (r.stdout, r.stderr, r.returncode) == \
        ("ok (built-in config)\n", "", 0)


# -- ctile --check-config


def test_check_config_good_file_with_no_x_server(ctile_bin, tmp_path):
    f = tmp_path / "good.conf"
    f.write_text(config("bind $mod+F5 view 5", "rule class=^XTerm$ tags=3",
                        "mode launch oneshot {", "  bind t layout monocle",
                        "}", "bind $mod+a mode launch"))
    for flag in ("--check-config", "-C"):
        r = run_check(ctile_bin, tmp_path, flag, "-c", str(f))
        assert (r.stdout, r.stderr, r.returncode) == (f"ok ({f})\n", "", 0)
        r = run_check(ctile_bin, tmp_path, "-c", str(f), flag)
        assert (r.stdout, r.returncode) == (f"ok ({f})\n", 0), r.stderr


def test_default_config_checks_clean(ctile_bin, tmp_path):
    f = harness.REPO / "config" / "config"
    r = run_check(ctile_bin, tmp_path, "-C", "-c", str(f))
    assert (r.stdout, r.stderr, r.returncode) == (f"ok ({f})\n", "", 0)


def test_default_config_names_only_options_ctile_has(ctile_bin, tmp_path):
    """A user copies the default config and follows its comments: every
    `ctile ...` they quote must be an option `ctile --help` lists, not a
    subcommand still to come."""
    usage = run_check(ctile_bin, tmp_path, "--help").stdout
    options = set(re.findall(r"(?<![\w-])--?[\w-]+", usage))
    quoted = re.findall(r"`ctile ([^`]*)`", DEFAULT)
    assert quoted, "the default config no longer quotes a ctile command line"
    for line in quoted:
        assert line.split()[0] in options, \
            f"the default config names `ctile {line}`, which ctile has not"


BAD = """\
set $mod Mod4
bind $mod+1 view 1
bind $mod+2 frobnicate
color focused #12345
gaps sideways 4
view 3
bind $mod+Hyper+x close
rule class=^XTerm$ tags=12
font "unterminated
"""

BAD_ERRORS = """\
{f}:3:13: bind: unknown command 'frobnicate'
    bind $mod+2 frobnicate
                ^
{f}:4:15: color: '#12345' is not #rrggbb or #rrggbbaa
    color focused #12345
                  ^
{f}:5:6: gaps: 'sideways' is not inner or outer
    gaps sideways 4
         ^
{f}:6:1: 'view' is a command, not a config statement (bind it to a key)
    view 3
    ^
{f}:7:6: unknown modifier 'Hyper' in 'Mod4+Hyper+x'
    bind $mod+Hyper+x close
         ^
{f}:8:20: rule: unknown tag in '12'
    rule class=^XTerm$ tags=12
                       ^
{f}:9:6: unterminated double quote
    font "unterminated
         ^
"""


def test_check_config_bad_file_lists_every_error(ctile_bin, tmp_path):
    f = tmp_path / "bad.conf"
    f.write_text(BAD)
    r = run_check(ctile_bin, tmp_path, "--check-config", "-c", str(f))
    assert r.returncode == 1
    assert r.stdout == ""
    assert r.stderr == BAD_ERRORS.format(f=f)


def test_check_config_errors_in_an_included_file(ctile_bin, tmp_path):
    main = tmp_path / "main.conf"
    (tmp_path / "conf.d").mkdir()
    (tmp_path / "conf.d" / "a.conf").write_text("border_width 3\n")
    (tmp_path / "conf.d" / "b.conf").write_text("\nborder_width wide\n")
    main.write_text("include conf.d/*.conf\ninclude missing.conf\n")
    r = run_check(ctile_bin, tmp_path, "-C", "-c", str(main))
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.splitlines() == [
        f"{tmp_path}/conf.d/b.conf:2:14: border_width: 'wide' is not a whole"
        " number in 0..100",
        "    border_width wide",
        "                 ^",
        f"{main}:2:9: include: cannot read '{tmp_path}/missing.conf': no such"
        " file",
        "    include missing.conf",
        "            ^",
    ]


def test_check_config_unreadable_files(ctile_bin, tmp_path):
    missing = tmp_path / "nope.conf"
    r = run_check(ctile_bin, tmp_path, "-C", "-c", str(missing))
    assert r.returncode == 1 and r.stdout == ""
    assert str(missing) in r.stderr and "No such file" in r.stderr
    r = run_check(ctile_bin, tmp_path, "-C", "-c", str(tmp_path))
    assert r.returncode == 1 and r.stdout == ""
    assert "is a directory" in r.stderr


def test_check_config_of_a_fifo_or_a_device_answers(ctile_bin, tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    r = run_check(ctile_bin, tmp_path, "-C", "-c", str(fifo))
    assert (r.stdout, r.returncode) == ("", 1), r.stderr
    assert f"{fifo}: '{fifo}' is not a regular file\n" in r.stderr

    top = tmp_path / "top.conf"
    top.write_text("border_width 3\ninclude /dev/zero\n")
    r = run_check(ctile_bin, tmp_path, "-C", "-c", str(top))
    assert (r.stdout, r.returncode) == ("", 1), r.stderr
    assert f"{top}:2: '/dev/zero' is not a regular file\n" in r.stderr


# -- a broken config at start


def test_broken_config_at_start_runs_the_built_in_one(make_wm):
    text = config(named("x", "y", "z", "4", "5", "6", "7", "8", "9"),
                  "bind $mod+1 view 3",
                  "bind $mod+F5 frobnicate",
                  "color focused red")
    d = make_wm(text)
    path = d.config_home / "ctile" / "config"
    log = d.log_text()
    at = where(text, "F5 frobnicate", "frobnicate")
    assert f"{path}:{at}: bind: unknown command 'frobnicate'\n" in log, log
    at = where(text, "focused red", "red")
    assert f"{path}:{at}: color: 'red' is not #rrggbb or #rrggbbaa\n" \
        in log, log
    assert "2 errors; running the built-in config" in log, log
    assert bar_shows_a_problem(d), "the bar does not show the config error"
    # Nothing of the broken file is in force: not its names, not its keys.
    assert d.desktop_names() == DEFAULT_NAMES
    a = d.xterm()
    assert d.border_color(a) == COLOR_FOCUS
    for n in list(range(2, 10)) + [1]:
        d.key(f"super+{n}")
        assert d.viewed() == 1 << (n - 1), f"super+{n} does not view tag {n}"
    assert d.shown(a)
    d.assert_healthy([a])


def test_missing_dash_c_file_at_start_runs_the_built_in_one(make_wm):
    d = make_wm(config(named("home", *DEFAULT_NAMES[1:])),
                args=["-c", "/nonexistent/ctile.conf"])
    assert "cannot read '/nonexistent/ctile.conf'" in d.log_text()
    assert d.desktop_names() == DEFAULT_NAMES, \
        "-c FILE could not be read: the built-in config, not XDG's, runs"
    d.assert_healthy()


# -- reload


def populate(d):
    """Windows on tags 1, 1+3, 2 and 9, view 1. Returns {window: tags}."""
    c = d.client()
    a = d.xterm("on-1")
    b = c.create(title="on-1-and-3")
    d.wait_managed(b)
    d.key("super+control+shift+3")
    d.key("super+2")
    e = c.create(title="on-2")
    d.wait_managed(e)
    d.key("super+9")
    f = d.xterm("on-9")
    d.key("super+1")
    want = {a: 0b1, b: 0b101, e: 0b10, f: 1 << 8}
    for w, t in want.items():
        assert d.tags(w) == t
    return want


def test_reload_applies_the_new_config_and_keeps_every_window(make_wm):
    d = make_wm(config("bind $mod+F5 view 5"))
    want = populate(d)
    shown = [w for w in want if d.shown(w)]
    assert len(shown) == 2
    focused = d.active()
    assert focused in shown
    other = next(w for w in shown if w != focused)
    for w in want:
        d.x.watch(w)
    d.x.unmaps.clear()

    d.write_config(config(
        named("a", "b", "c", "d", "e", "f", "g", "h", "i"),
        "gaps inner 10",
        "gaps outer 20",
        "color focused #00ff00",
        "color normal #0000ff",
        "bind $mod+F6 view 6",
        "rule class=^XTerm$ tags=7"))
    d.key("super+shift+r")

    assert sorted(d.managed()) == sorted(want), "a window was lost"
    for w, t in want.items():
        assert d.tags(w) == t, f"0x{w:x} has tags {d.tags(w):#b}, want {t:#b}"
        assert d.shown(w) == (w in shown)
    unmapped = [hex(w) for w in d.x.unmaps if w in shown]
    assert not unmapped, f"reload unmapped shown windows: {unmapped}"
    assert d.viewed() == 1 and d.active() == focused
    assert d.desktop_names() == list("abcdefghi")
    assert d.x.cardinals(d.x.root.id, "_NET_NUMBER_OF_DESKTOPS") == [9]

    # Gaps and colours, on screen at once.
    order = [w for w in d.managed()[::-1] if w in shown]  # newest first
    assert [d.outer(w) for w in order] == \
        tile(d.work_area(), 2, inner=10, outer=20), \
        "the new gaps do not show"
    assert d.border_color(focused) == "#00ff00"
    assert d.border_color(other) == "#0000ff"

    # The new binding works, the removed one does not.
    d.key("super+F5")
    assert d.viewed() == 1, "super+F5 was removed from the config"
    d.key("super+F6")
    assert d.viewed() == 1 << 5
    assert set(shown) <= set(d.x.unmaps), \
        "the test does not see unmaps: its check above proves nothing"
    # The new rule holds for new windows.
    d.key("super+1")
    x = d.xterm("after-reload")
    assert d.tags(x) == 1 << 6 and d.hidden(x)
    d.assert_healthy(list(want) + [x])


def test_sighup_reloads(make_wm):
    d = make_wm(config())
    a = d.xterm()
    d.write_config(config(named("one", *DEFAULT_NAMES[1:]), "gaps outer 7"))
    os.kill(d.ctile_pid(), signal.SIGHUP)
    d.x.wait_for(lambda: d.desktop_names() == ["one"] + DEFAULT_NAMES[1:],
                 "the tag names of the reloaded config")
    d.sync()
    assert d.outer(a) == tile(d.work_area(), 1, outer=7)[0]
    d.assert_healthy([a])


def test_reload_with_errors_keeps_the_old_config(make_wm):
    d = make_wm(config("bind $mod+F5 view 5", "rule class=^XTerm$ tags=3",
                       "color focused #ff0000"))
    a = d.client().create(title="plain")
    d.wait_managed(a)
    broken = config(named("x", "y", "z", "4", "5", "6", "7", "8", "9"),
                    "bind $mod+F6 view 6",
                    "color focused #00ff00",
                    "bind $mod+F7 frobnicate")
    path = d.write_config(broken)
    d.key("super+shift+r")
    at = where(broken, "F7 frobnicate", "frobnicate")
    log = d.log_text()
    assert f"{path}:{at}: bind: unknown command 'frobnicate'\n" in log, log
    assert "reload: 1 error; the running config stays as it was" in log, log
    assert bar_shows_a_problem(d), "the bar does not show the config error"

    assert d.desktop_names() == DEFAULT_NAMES
    assert d.border_color(a) == "#ff0000"
    d.key("super+F6")
    assert d.viewed() == 1, "a binding of the broken config is live"
    d.key("super+F5")
    assert d.viewed() == 1 << 4, "the old binding is gone"
    d.key("super+1")
    x = d.xterm()
    assert d.tags(x) == 0b100, "the old rule no longer applies"
    d.assert_healthy([a, x])

    # Fixed, it reloads.
    d.write_config(config(named("fixed", *DEFAULT_NAMES[1:])))
    d.key("super+shift+r")
    assert d.desktop_names() == ["fixed"] + DEFAULT_NAMES[1:]
    assert not bar_shows_a_problem(d), "the fixed error still shows"


def test_reload_finds_a_config_written_after_start(make_wm):
    """As the README says: copy the default in, edit it, Mod4+Shift+r. With
    no -c, each reload looks again: once the user's file is gone, the one
    in $XDG_CONFIG_DIRS, then the built-in config."""
    d = make_wm()
    a = d.xterm()
    assert d.border(a) == 2
    user = d.write_config(config("border_width 9"))
    d.key("super+shift+r")
    assert d.border(a) == 9, "the config written after start was not read"
    assert f"reloaded {user}\n" in d.log_text()

    system = d.write_config(config("border_width 5"),
                            Path(d.env["XDG_CONFIG_DIRS"]) / "ctile" /
                            "config")
    user.unlink()
    d.key("super+shift+r")
    assert d.border(a) == 5, "the $XDG_CONFIG_DIRS config was not read"
    assert f"reloaded {system}\n" in d.log_text()

    system.unlink()
    d.key("super+shift+r")
    assert d.border(a) == 2
    assert "reloaded the built-in config\n" in d.log_text()
    d.assert_healthy([a])


def test_reload_with_dash_c_reads_that_file_again(make_wm):
    d = make_wm(start=False)
    cli = d.write_config(config("border_width 3"),
                         d.tmp / "elsewhere" / "my.conf")
    d.ctile_args = ["-c", str(cli)]
    d.start()
    a = d.xterm()
    assert d.border(a) == 3
    d.write_config(config("border_width 9"))
    d.write_config(config("border_width 4"), cli)
    d.key("super+shift+r")
    assert d.border(a) == 4, "reload did not read the -c file"
    assert f"reloaded {cli}\n" in d.log_text()


def test_reload_of_a_config_that_includes_a_fifo(wm):
    """A FIFO named by mistake is an error, not a ctile stuck for good
    waiting for a writer; the running config stays."""
    base = baseline(wm)
    fifo = wm.tmp / "not-a-config"
    os.mkfifo(fifo)
    path = wm.config_home / "ctile" / "config"
    text = path.read_text() + f"include {fifo}\n"
    wm.write_config(text)
    try:
        wm.key("super+shift+r")
        wm.assert_healthy(base)
        log = wm.log_text()
        line = len(text.splitlines())
        assert f"{path}:{line}: '{fifo}' is not a regular file\n" in log, log
        assert "reload: 1 error; the running config stays as it was" in log
    finally:
        try:  # frees a ctile that would still wait for a writer
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass


# -- exec and exec_always


def test_exec_at_session_start_exec_always_at_every_start_and_reload(
        make_wm):
    d = make_wm(start=False)
    once, always = marker(d, "exec.log"), marker(d, "exec_always.log")
    d.write_config(config(f"exec {shell_append(once)}",
                          f"exec_always {shell_append(always)}"))
    d.start()
    wait_lines(d, always, 1)
    wait_lines(d, once, 1)

    d.key("super+shift+r")
    wait_lines(d, always, 2)
    assert len(lines(once)) == 1, "exec ran again on reload"

    old = d.watch_wm()
    d.key("super+control+r", sync=False)
    d.wait_ready(old_check=old)
    wait_lines(d, always, 3)
    assert len(lines(once)) == 1, "exec ran again on restart"

    # A reload with errors runs nothing.
    d.write_config(config(f"exec_always {shell_append(always)}",
                          "bind $mod+F7 frobnicate"))
    d.key("super+shift+r")
    # Then one that works runs exec_always once more, and only that.
    d.write_config(config(f"exec_always {shell_append(always)}"))
    d.key("super+shift+r")
    wait_lines(d, always, 4)
    assert len(lines(once)) == 1


# -- modes


def test_resize_mode_of_the_default_config(make_wm):
    d = make_wm()
    a = d.xterm("a")
    b = d.xterm("b")
    area = d.work_area()
    assert [d.outer(w) for w in (b, a)] == tile(area, 2)
    # One key per call: a mode's keys are grabbed once ctile has entered
    # it, as a user who presses one key after the other.
    d.key("super+r")
    d.key("l")
    grown = tile(area, 2, share=mfact(+0.05))
    assert [d.outer(w) for w in (b, a)] == grown, \
        "l in the resize mode does not grow the master"
    d.key("super+2")
    assert d.viewed() == 1, "default bindings are live inside the mode"
    d.key("Escape")
    d.key("l")
    assert [d.outer(w) for w in (b, a)] == grown, \
        "l alone still resizes after Escape left the mode"
    d.key("super+l")
    assert [d.outer(w) for w in (b, a)] == \
        tile(area, 2, share=mfact(+0.05, +0.05))
    # Return leaves it too.
    for k in ("super+r", "h", "Return", "h"):
        d.key(k)
    assert [d.outer(w) for w in (b, a)] == \
        tile(area, 2, share=mfact(+0.05, +0.05, -0.05))
    d.assert_healthy([a, b])


def test_oneshot_mode_is_a_key_chain(make_wm):
    d = make_wm(config("bind $mod+a mode launch",
                       "mode launch oneshot {",
                       "    bind t layout monocle",
                       "    bind g layout grid",
                       "}"))
    a = d.xterm("a")
    b = d.xterm("b")
    area = d.work_area()
    d.key("super+a")
    d.key("t")
    assert d.outer(a) == d.outer(b) == area, "super+a t did not set monocle"
    d.key("g")
    assert d.outer(a) == d.outer(b) == area, \
        "the oneshot mode did not end after one key"
    d.key("super+2")
    assert d.viewed() == 0b10, "not back in the default mode"
    for k in ("super+1", "super+a", "g"):
        d.key(k)
    assert [d.outer(b), d.outer(a)] == grid2(area), \
        "super+a g did not set the grid layout"
    # Escape leaves a oneshot mode without doing anything.
    for k in ("super+a", "Escape", "t"):
        d.key(k)
    assert [d.outer(b), d.outer(a)] == grid2(area)
    d.assert_healthy([a, b])


# -- mouse bindings


def drag(d, button, start, end):
    (x0, y0), (x1, y1) = start, end
    d.run("xdotool", "mousemove", str(x0), str(y0), "keydown", "super",
          "mousedown", str(button), "mousemove", str((x0 + x1) // 2),
          str((y0 + y1) // 2), "mousemove", str(x1), str(y1), "mouseup",
          str(button), "keyup", "super")
    d.sync()


def test_super_button1_drag_moves_a_window_and_floats_it(make_wm):
    d = make_wm()
    a = d.xterm("a")
    b = d.xterm("b")
    c = d.xterm("c")
    area = d.work_area()
    assert [d.outer(w) for w in (c, b, a)] == tile(area, 3)
    x, y, w, h = d.outer(b)
    start = (x + w // 2, y + h // 2)
    dx, dy = -300, 100
    drag(d, 1, start, (start[0] + dx, start[1] + dy))
    assert d.outer(b) == (x + dx, y + dy, w, h), \
        f"super+Button1 drag did not move the window: {d.outer(b)}"
    assert floating(d, b) == 1, "the moved window is not floating"
    assert [d.outer(v) for v in (c, a)] == tile(area, 2), \
        "the others did not re-tile without it"
    assert d.x.keyboard_grabbable(), "the drag left a grab behind"
    d.assert_healthy([a, b, c])


def test_super_button3_drag_resizes_a_window(make_wm):
    d = make_wm()
    d.key("super+f")  # floating layout: windows keep their geometry
    c = d.client()
    win = c.create(x=100, y=100, w=300, h=200, title="resize-me", border=0)
    d.wait_managed(win)
    x, y, w, h = d.outer(win)
    bw = d.border(win)
    corner = (x + w - 1 - bw, y + h - 1 - bw)  # its last pixel inside
    dx, dy = 120, 80
    drag(d, 3, corner, (corner[0] + dx, corner[1] + dy))
    nx, ny, nw, nh = d.outer(win)
    assert (nx, ny) == (x, y), "resizing from the corner moved the window"
    assert abs(nw - (w + dx)) <= 2 * bw + 1 and abs(nh - (h + dy)) <= \
        2 * bw + 1, f"super+Button3 drag did not resize: {(w, h)} -> " \
        f"{(nw, nh)}, want about {(w + dx, h + dy)}"
    assert d.x.keyboard_grabbable(), "the drag left a grab behind"
    d.assert_healthy([win])


# -- rules


def test_rules_match_type_and_title_and_later_ones_override(make_wm):
    d = make_wm(config(
        "rule title=^pinned$ tags=2 focus=no",
        "rule title=^quiet$ focus=no",
        "rule title=^layered$ tags=4 floating",
        "rule title=^layered$ tags=5",
        "rule type=dialog title=^tiled-dialog$ floating=no"))
    base = d.xterm("base")
    c = d.client()

    dlg = c.create(x=300, y=200, w=250, h=120, title="a-dialog", map=False)
    set_type(c, dlg, "DIALOG")
    c.map(dlg)
    d.wait_managed(dlg)
    assert floating(d, dlg) == 1, "rule type=dialog floating"
    area = d.work_area()
    assert d.outer(base) == area, "the dialog took a tile"
    assert d.x.geometry(dlg)[2:4] == (250, 120), \
        "a floating dialog was resized"

    pinned = c.create(title="pinned")
    d.wait_managed(pinned)
    assert d.tags(pinned) == 0b10 and d.hidden(pinned)
    assert d.active() == dlg, "a window on another tag took the focus"

    quiet = c.create(title="quiet")
    d.wait_managed(quiet)
    assert d.tags(quiet) == 1 and d.shown(quiet)
    assert d.active() == dlg, "focus=no: the new window took the focus"
    assert [d.outer(w) for w in (quiet, base)] == tile(area, 2)

    layered = c.create(title="layered")
    d.wait_managed(layered)
    assert d.tags(layered) == 1 << 4, "the later rule's tags=5 did not win"
    assert floating(d, layered) == 1, \
        "the earlier rule's floating was lost (the later one did not say)"

    td = c.create(title="tiled-dialog", map=False)
    set_type(c, td, "DIALOG")
    c.map(td)
    d.wait_managed(td)
    assert floating(d, td) == 0, \
        "the later rule (floating=no) did not override type=dialog floating"
    assert [d.outer(w) for w in (td, quiet, base)] == tile(area, 3)

    d.key("super+2")
    assert d.shown(pinned)
    d.assert_healthy([base, dlg, pinned, quiet, layered, td], start_view=2)


def test_rules_match_class_instance_role_and_give_fullscreen(make_wm):
    d = make_wm(config(
        "rule instance=^ctile-e2e$ role=^editor$ tags=6",
        "rule class=^CtileE2E$ title=^big$ fullscreen",
        "rule class=^Nope$ tags=9"))
    c = d.client()
    ed = c.create(title="with-role", map=False)
    c.win(ed).change_property(c.atom("WM_WINDOW_ROLE"), Xatom.STRING, 8,
                              b"editor")
    c.map(ed)
    d.wait_managed(ed)
    assert d.tags(ed) == 1 << 5
    plain = c.create(title="no-role")
    d.wait_managed(plain)
    assert d.tags(plain) == 1, "a rule matched a window without its role"
    big = c.create(title="big")
    d.wait_managed(big)
    assert d.outer(big) == FULL and d.border(big) == 0, \
        "rule ... fullscreen did not make the window fullscreen"
    d.assert_healthy([ed, plain, big])


# -- the language in a real session: include, variables, quotes, \ lines


def test_include_variables_quotes_and_continued_lines(make_wm, tmp_path):
    d = make_wm(start=False)
    conf = d.config_home / "ctile"
    (conf / "conf.d").mkdir(parents=True)
    (conf / "conf.d" / "10-keys.conf").write_text(
        "# keys of their own\n"
        "bind $mod+F8 \\\n"
        "    view 8\n")
    (conf / "conf.d" / "20-rules.conf").write_text(
        "set $there 6\n"
        "rule title=^inc$ tags=$there   # a comment after a blank\n")
    (Path(d.env["HOME"]) / "names.conf").write_text(
        'tags "my web" \'it\'\\\'\'s\' "say \\"hi\\"" 4 5 6 7 8 9\n')
    d.write_config(config("include conf.d/*.conf", "include ~/names.conf",
                          "set $mod Mod1",
                          "bind $mod+F9 view 9"))
    d.start()
    assert d.desktop_names() == ["my web", "it's", 'say "hi"'] + \
        DEFAULT_NAMES[3:]
    d.key("super+F8")
    assert d.viewed() == 1 << 7, "the included, continued binding"
    d.key("alt+F9")
    assert d.viewed() == 1 << 8, "a later `set` changes later lines"
    d.key("super+1")
    w = d.client().create(title="inc")
    d.wait_managed(w)
    assert d.tags(w) == 1 << 5, "the included rule with $there"
    d.assert_healthy([w])


# -- look and behaviour settings


def test_look_settings(make_wm):
    d = make_wm(config("border_width 5",
                       "smart_borders yes",
                       "smart_gaps yes",
                       "gaps inner 6",
                       "gaps outer 12",
                       "color normal #00ff0080",
                       "color urgent #ffff00"))
    c = d.client()
    a = c.create(title="a")
    d.wait_managed(a)
    area = d.work_area()
    assert d.outer(a) == area and d.border(a) == 0, \
        "smart_gaps/smart_borders: a lone window fills the area borderless"
    b = c.create(title="b")
    d.wait_managed(b)
    assert d.border(a) == d.border(b) == 5, "border_width 5"
    assert [d.outer(w) for w in (b, a)] == tile(area, 2, inner=6, outer=12)
    assert d.border_color(a) == "#00ff00", "#rrggbbaa: the colour shows"
    c.set_wm_hints(a, urgent=True, sync=True)
    d.sync()
    assert d.border_color(a) == "#ffff00", "color urgent"
    d.key("super+m")
    assert d.outer(b) == area and d.border(b) == 0, \
        "smart_borders/smart_gaps: monocle windows fill the area"


def test_layout_settings(make_wm):
    d = make_wm(config("default_layout grid",
                       "tag_layout 2 monocle",
                       "tag_layout 3 tile",
                       "default_mfact 0.7",
                       "default_nmaster 2"))
    a, b = d.xterm("a"), d.xterm("b")
    area = d.work_area()
    assert [d.outer(w) for w in (b, a)] == grid2(area), "default_layout grid"
    d.key("super+2")
    e, f = d.xterm("e"), d.xterm("f")
    assert d.outer(e) == d.outer(f) == area, "tag_layout 2 monocle"
    d.key("super+3")
    g, h, i = d.xterm("g"), d.xterm("h"), d.xterm("i")
    assert [d.outer(w) for w in (i, h, g)] == \
        tile(area, 3, nmaster=2, share=mfact(start=0.7)), \
        "tag_layout 3 tile with default_mfact 0.7 and default_nmaster 2"


def test_focus_follows_mouse_off_and_mouse_warps_on(make_wm):
    d = make_wm(config("focus_follows_mouse no", "mouse_warps yes"))
    a, b = d.xterm("a"), d.xterm("b")
    assert d.active() == b
    x, y, w, h = d.outer(a)
    d.mousemove(x + w // 2, y + h // 2)
    assert d.active() == b, "focus_follows_mouse no: the pointer took focus"
    d.key("super+j")
    assert d.active() == a
    d.key("super+j")
    assert d.active() == b
    p = d.x.root.query_pointer()
    x, y, w, h = d.outer(b)
    assert x <= p.root_x < x + w and y <= p.root_y < y + h, \
        "mouse_warps yes: the pointer did not follow the focus"
    d.click(*(lambda r: (r[0] + r[2] // 2, r[1] + r[3] // 2))(d.outer(a)))
    assert d.active() == a, "a click still focuses"


def test_mouse_binding_runs_a_command(make_wm):
    d = make_wm(config("mouse $mod+Button2 zoom"))
    a, b = d.xterm("a"), d.xterm("b")
    area = d.work_area()
    assert [d.outer(w) for w in (b, a)] == tile(area, 2)
    x, y, w, h = d.outer(a)
    d.run("xdotool", "mousemove", str(x + w // 2), str(y + h // 2),
          "keydown", "super", "click", "2", "keyup", "super")
    d.sync()
    assert [d.outer(w) for w in (a, b)] == tile(area, 2), \
        "mouse $mod+Button2 zoom did not make the window the master"
    assert floating(d, a) == 0
    d.assert_healthy([a, b])
