"""The session: restart in place, recovery after SIGKILL, quit, adoption."""

import signal

import pytest
from Xlib import X

import harness
from harness import SCREEN_H, SCREEN_W, tile_rects

FULL = (0, 0, SCREEN_W, SCREEN_H)


def populate(d):
    """Windows on several tags, one of them on two tags, one on a hidden tag.
    Returns {window: tags}."""
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


def assert_tags(d, want):
    managed = d.managed()
    assert sorted(managed) == sorted(want), \
        f"managed {[hex(w) for w in managed]}, want {[hex(w) for w in want]}"
    for w, t in want.items():
        assert d.tags(w) == t, f"0x{w:x}: tags {d.tags(w):#b}, want {t:#b}"
        assert d.desktop(w) == harness_lowest(t)


def harness_lowest(mask):
    return (mask & -mask).bit_length() - 1


def assert_visibility(d, want):
    view = d.viewed()
    for w, t in want.items():
        if t & view:
            assert d.shown(w), f"0x{w:x} (tags {t:#b}) hidden on view {view:#b}"
        else:
            assert d.hidden(w), f"0x{w:x} (tags {t:#b}) shown on view {view:#b}"


def test_restart_keeps_tags_views_and_layouts(wm):
    want = populate(wm)
    wm.key("super+m")  # tag 1: monocle
    wm.key("super+2")
    g = wm.xterm("also-on-2")
    want[g] = 0b10
    wm.key("super+l")  # tag 2: tile, mfact 0.60
    master2 = wm.outer(g)
    assert abs(master2[2] - 768) <= 1
    wm.key("super+1", "super+control+2")  # view tags 1 and 2, shown as tag 1
    assert wm.viewed() == 0b11
    pid = wm.ctile_pid()
    old = wm.watch_wm()

    wm.key("super+control+r", sync=False)
    wm.wait_ready(old_check=old)

    assert wm.xinit.poll() is None, "the xinit session ended on restart"
    assert wm.ctile_pid() == pid, "restart should re-execute ctile in place"
    assert_tags(wm, want)
    assert wm.viewed() == 0b11, "the monitor's view was not kept"
    assert wm.current_desktop() == 0
    assert_visibility(wm, want)
    for w, t in want.items():
        if t & 0b11:
            assert wm.outer(w) == FULL, "tag 1's monocle layout was not kept"
    wm.key("super+2")
    rects = sorted(wm.outer(w) for w, t in want.items() if t & 0b10)
    mw = master2[2]
    assert rects == [(0, 0, mw, SCREEN_H), (mw, 0, SCREEN_W - mw, SCREEN_H)], \
        "tag 2's tile layout and mfact were not kept"
    wm.key("super+3")
    assert_visibility(wm, want)
    wm.key("super+9")
    assert_visibility(wm, want)
    assert wm.active() in want


def test_restart_twice_loses_nothing(wm):
    want = populate(wm)
    for _ in range(2):
        old = wm.watch_wm()
        wm.key("super+control+r", sync=False)
        wm.wait_ready(old_check=old)
    assert_tags(wm, want)
    assert wm.viewed() == 1
    assert_visibility(wm, want)
    wm.assert_healthy(list(want))


def test_restart_keeps_floating_windows_floating(wm):
    a = wm.xterm()
    b = wm.xterm()
    wm.key("super+shift+space")
    assert wm.outer(a) == FULL
    floating = wm.outer(b)
    old = wm.watch_wm()
    wm.key("super+control+r", sync=False)
    wm.wait_ready(old_check=old)
    assert wm.outer(a) == FULL, "the floating window took a tile after restart"
    assert wm.outer(b) == floating
    wm.key("super+shift+space")
    assert sorted([wm.outer(a), wm.outer(b)]) == sorted(tile_rects(2))


def test_sigkill_then_start_again_adopts_every_window(xvfb):
    p = xvfb.start_ctile()
    want = populate(xvfb)
    old = xvfb.watch_wm()
    p.send_signal(signal.SIGKILL)
    xvfb.wait_exit(p)

    xvfb.start_ctile(old_check=old)
    assert_tags(xvfb, want)
    assert xvfb.viewed() == 1
    assert_visibility(xvfb, want)
    for n in (2, 3, 9, 1):
        xvfb.key(f"super+{n}")
        assert_visibility(xvfb, want)
    tiled = [w for w, t in want.items() if t & 1]
    assert sorted(xvfb.outer(w) for w in tiled) == sorted(tile_rects(2))
    xvfb.assert_healthy(list(want))


def test_adopts_windows_that_exist_at_start(xvfb):
    c = xvfb.client()
    a = c.create(x=5, y=5, title="early-1")
    b = c.create(x=50, y=50, title="early-2")
    o = c.create(x=30, y=40, w=120, h=90, title="popup", override_redirect=True)
    u = c.create(title="never-mapped", map=False)
    xvfb.start_ctile()
    assert sorted(xvfb.managed()) == sorted([a, b])
    assert sorted(xvfb.outer(w) for w in (a, b)) == sorted(tile_rects(2))
    assert xvfb.tags(a) == 1 and xvfb.tags(b) == 1
    assert xvfb.x.geometry(o) == (30, 40, 120, 90, 0)
    assert xvfb.hidden(u)
    assert xvfb.active() in (a, b)
    xvfb.assert_healthy([a, b])


def all_mapped(d, wins):
    for w in wins:
        assert d.shown(w), f"window 0x{w:x} was left unmapped"


def test_quit_leaves_every_window_mapped_and_exits_0(xvfb):
    p = xvfb.start_ctile()
    want = populate(xvfb)
    xvfb.key("super+shift+q", sync=False, check=False)
    assert xvfb.wait_exit(p) == 0
    all_mapped(xvfb, want)
    assert xvfb.x.keyboard_grabbable()


def wm_s0_owner(d):
    r = d.x.d.get_selection_owner(d.x.d.intern_atom("WM_S0"))
    return r if isinstance(r, int) else r.id


def test_replace_takes_over_keeping_every_window_and_its_tags(xvfb):
    """`ctile --replace` (as i3 --replace, awesome --replace): started
    beside a running ctile, it asks it to leave through ICCCM's WM_S0
    selection and manages every window where it was, each with its tags;
    the old one exits 0. Without --replace the new one refuses and says
    how to take over."""
    old = xvfb.start_ctile()
    assert wm_s0_owner(xvfb) == xvfb.x.wm_check(), \
        "ctile does not own WM_S0 with its check window (ICCCM 2.8)"
    want = populate(xvfb)
    refused = xvfb.start_ctile(wait=False)
    assert xvfb.wait_exit(refused) == 1
    assert "ctile --replace takes over" in xvfb.log_text()
    check = xvfb.watch_wm()
    xvfb.start_ctile("--replace", old_check=check)
    assert xvfb.wait_exit(old) == 0, "the replaced ctile did not exit 0"
    assert "another window manager takes over: leaving" in xvfb.log_text()
    assert wm_s0_owner(xvfb) == xvfb.x.wm_check()
    for w, t in want.items():
        assert xvfb.tags(w) == t, f"0x{w:x} lost its tags in the takeover"
    assert sorted(xvfb.managed()) == sorted(want)
    xvfb.key("super+2")
    assert xvfb.viewed() == 2, "the new ctile does not answer keys"
    assert [w for w in want if xvfb.shown(w)] == \
        [w for w, t in want.items() if t & 0b10]


def test_replace_cannot_move_a_window_manager_without_wm_s0(xvfb):
    """A window manager that does not own WM_S0 (dwm) cannot be asked to
    leave: --replace says so, and exits 1."""
    # The test's own connection plays that window manager.
    xvfb.x.root.change_attributes(event_mask=X.SubstructureRedirectMask)
    xvfb.x.d.sync()
    p = xvfb.start_ctile("--replace", wait=False)
    assert xvfb.wait_exit(p) == 1
    assert "does not leave when asked" in xvfb.log_text()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT],
                         ids=["SIGTERM", "SIGINT"])
def test_signal_leaves_every_window_mapped_and_exits_0(xvfb, sig):
    p = xvfb.start_ctile()
    want = populate(xvfb)
    p.send_signal(sig)
    assert xvfb.wait_exit(p) == 0
    all_mapped(xvfb, want)


def test_quit_ends_the_xinit_session(wm):
    wm.xterm()
    xvfb_pid = wm.xvfb_pid
    wm.key("super+shift+q", sync=False, check=False)
    rc = harness.wait_popen(wm.xinit, 10)
    assert rc is not None, "xinit did not end after quit"
    assert harness.pidfd_wait(xvfb_pid, 10), "Xvfb kept running after quit"
    log = wm.log.read_text(errors="replace")
    assert "Segmentation" not in log and "AddressSanitizer" not in log, log
