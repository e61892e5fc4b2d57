"""Hostile and broken clients. Each test does the bad thing, then proves ctile
is alive and well: it answers sync, super+2 still switches the view, no
managed window was lost and no grab was left behind."""

import time

from Xlib import X

import xclient
from harness import SCREEN_H, SCREEN_W

INT_MAX = 2**31 - 1


def inside_screen(rect):
    x, y, w, h = rect
    return x >= 0 and y >= 0 and w > 0 and h > 0 and \
        x + w <= SCREEN_W and y + h <= SCREEN_H


def baseline(wm):
    """A real xterm and a well-behaved test window, both on tag 1."""
    x = wm.xterm("bystander")
    c = wm.client()
    w = c.create(title="good-citizen")
    wm.wait_managed(w)
    return [x, w]


def test_clients_that_die_between_requests(wm):
    base = baseline(wm)
    c = wm.client()
    for i in range(300):
        w = c.create(title=f"ephemeral-{i}", sync=False)
        if i % 3 == 0:
            c.set_title(w, b"renamed")
            c.set_normal_hints(w, xclient.size_hints(min=(10, 10)))
        c.destroy(w, sync=False)
    c.sync()
    wm.sync()
    assert sorted(wm.managed()) == sorted(base), "destroyed windows linger"
    wm.assert_healthy(base)


def test_client_connection_closed_with_windows_mapped(wm):
    base = baseline(wm)
    c = wm.client()
    doomed = [c.create(title=f"doomed-{i}") for i in range(5)]
    for w in doomed:
        wm.wait_managed(w)
    assert wm.active() == doomed[-1]
    c.close_abruptly()
    wm.x.wait_for(lambda: sorted(wm.managed()) == sorted(base),
                  "the dead client's windows to leave _NET_CLIENT_LIST")
    wm.sync()
    assert wm.active() in base, "focus is stuck on a dead window"
    wm.assert_healthy(base)


def test_client_dies_before_its_map_request_is_handled(wm):
    base = baseline(wm)
    for _ in range(5):
        c = wm.client()
        for i in range(20):
            c.create(title=f"racer-{i}", sync=False)
        c.close_abruptly()
    wm.sync()
    wm.x.wait_for(lambda: sorted(wm.managed()) == sorted(base),
                  "windows of dead clients to leave _NET_CLIENT_LIST")
    wm.assert_healthy(base)


WILD_HINTS = {
    "zero": xclient.size_hints(min=(0, 0), max=(0, 0), inc=(0, 0),
                               base=(0, 0), aspect=(0, 0, 0, 0),
                               pos=(0, 0), size=(0, 0)),
    "negative": xclient.size_hints(min=(-100, -100), max=(-1, -1),
                                   inc=(-5, -5), base=(-50, -50),
                                   aspect=(-1, 0, 0, -1), size=(-10, -10)),
    "huge-fixed": xclient.size_hints(min=(INT_MAX, INT_MAX),
                                     max=(INT_MAX, INT_MAX)),
    "huge-min": xclient.size_hints(min=(100000, 100000)),
    "huge-inc": xclient.size_hints(inc=(100000, 100000), base=(0, 0)),
    "min-above-max": xclient.size_hints(min=(500, 500), max=(100, 100)),
    "all-ones": [0xFFFFFFFF] * 18,
    "aspect-div-zero": xclient.size_hints(aspect=(1, 0, 1, 0)),
    "max-below-base": xclient.size_hints(base=(400, 400), max=(10, 10),
                                         inc=(7, 7)),
    "short": [xclient.P_MIN_SIZE | xclient.P_MAX_SIZE, 0, 0],
}


def test_wild_size_hints(wm):
    base = baseline(wm)
    c = wm.client()
    wins = {}
    for name, hints in WILD_HINTS.items():
        wins[name] = c.create(title=f"hints-{name}", hints=hints)
    for w in wins.values():
        wm.wait_managed(w)
    for name, w in wins.items():
        assert wm.shown(w), f"{name}: not shown"
        assert inside_screen(wm.outer(w)), f"{name}: {wm.outer(w)} off screen"
    wm.assert_healthy(base + list(wins.values()))


def test_wild_size_hints_changed_while_managed(wm):
    base = baseline(wm)
    c = wm.client()
    w = c.create(title="shape-shifter")
    wm.wait_managed(w)
    for hints in WILD_HINTS.values():
        c.set_normal_hints(w, hints)
    wm.sync()
    for name, hints in WILD_HINTS.items():
        c.set_normal_hints(w, hints, sync=True)
        wm.sync()
        assert inside_screen(wm.outer(w)), f"{name}: {wm.outer(w)} off screen"
        assert wm.shown(w)
    wm.assert_healthy(base + [w])


def test_100kb_title(wm):
    base = baseline(wm)
    c = wm.client()
    w = c.create(title=b"A" * 100_000, net_title=("\u00e9" * 50_000).encode())
    wm.wait_managed(w)
    assert wm.shown(w)
    r = wm.run("wmctrl", "-l")
    assert f"0x{w:08x}" in r.stdout
    c.set_title(w, b"B" * 100_000, net=True)
    c.set_title(w, b"C" * 100_000)
    wm.assert_healthy(base + [w])


def test_invalid_utf8_title(wm):
    base = baseline(wm)
    c = wm.client()
    bad = b"\xff\xfe\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc\x00mid\x00" \
          b"\xed\xa0\x80\xf8\x88\x80\x80\x80"
    w = c.create(title=bad, net_title=bad)
    wm.wait_managed(w)
    assert wm.shown(w)
    c.set_title(w, b"\xc3", net=True)  # a truncated sequence
    c.set_title(w, b"", net=True)
    wm.run("wmctrl", "-l")
    wm.assert_healthy(base + [w])


def test_title_flood(wm):
    base = baseline(wm)
    c = wm.client()
    w = c.create(title="chatterbox")
    wm.wait_managed(w)
    end = time.monotonic() + 2.0
    i = 0
    while time.monotonic() < end:
        for _ in range(100):
            c.set_title(w, f"title {i}", sync=None)
            c.set_title(w, f"net title {i} \u2603", net=True, sync=None)
            i += 1
        c.flush()
    c.sync()
    # The next key press is answered within the normal sync deadline.
    wm.key("super+2")
    assert wm.viewed() == 2
    wm.key("super+1")
    assert wm.shown(w)
    wm.assert_healthy(base + [w])


def test_configure_request_storm_from_a_floating_window(wm):
    base = baseline(wm)
    c = wm.client()
    t = c.create(title="jittery-dialog", transient_for=base[1])
    wm.wait_managed(t)
    for i in range(3000):
        c.configure(t, sync=None, x=i % 900, y=i % 500,
                    width=100 + i % 300, height=80 + i % 200,
                    border_width=i % 7)
        if i % 200 == 0:
            c.flush()
    c.configure(t, x=100, y=110, width=400, height=300)
    wm.sync()
    assert wm.x.geometry(t)[:4] == (100, 110, 400, 300)
    wm.assert_healthy(base + [t])


def test_configure_request_storm_from_a_tiled_window(wm):
    base = baseline(wm)
    tiled = {w: wm.outer(w) for w in base}
    c = wm.client()
    w = base[1]
    for i in range(3000):
        c.configure(w, sync=None, x=i % 900, y=i % 500, width=1 + i % 2000,
                    height=1 + i % 1500, border_width=i % 50,
                    stack_mode=X.Above if i % 2 else X.Below)
        if i % 200 == 0:
            c.flush()
    c.sync()
    wm.sync()
    for win, rect in tiled.items():
        assert wm.outer(win) == rect, "a tiled window left its tile"
        assert wm.border(win) == 2
    wm.assert_healthy(base)


def test_transient_for_self_and_loops(wm):
    base = baseline(wm)
    c = wm.client()
    me = c.create(title="my-own-parent", map=False)
    c.set_transient_for(me, me)
    c.map(me)
    p = c.create(title="loop-1", map=False)
    q = c.create(title="loop-2", map=False)
    c.set_transient_for(p, q)
    c.set_transient_for(q, p)
    c.map(p)
    c.map(q)
    ghost = c.create(title="orphan", transient_for=0x7ffffff0)
    rooted = c.create(title="child-of-root", transient_for=c.root.id)
    wins = [me, p, q, ghost, rooted]
    for w in wins:
        wm.wait_managed(w)
    for w in wins:
        assert wm.shown(w)
        assert inside_screen(wm.outer(w))
        assert wm.tags(w) == 1
    # Change the loop while managed.
    c.set_transient_for(p, p)
    c.set_transient_for(q, q, sync=True)
    wm.assert_healthy(base + wins)


def test_window_mapped_and_unmapped_1000_times(wm):
    base = baseline(wm)
    c = wm.client()
    w = c.create(title="blinker", map=False)
    for i in range(1000):
        c.map(w, sync=False)
        c.unmap(w, sync=False)
        if i % 100 == 0:
            c.flush()
    c.map(w)
    wm.wait_managed(w)
    managed = wm.managed()
    assert managed.count(w) == 1 and len(managed) == 3, managed
    assert wm.shown(w)
    assert wm.tags(w) == 1
    wm.assert_healthy(base + [w])
    c.unmap(w)
    wm.wait_unmanaged(w)
    assert sorted(wm.managed()) == sorted(base)
    wm.assert_healthy(base)


def test_wild_client_messages(wm):
    base = baseline(wm)
    c = wm.client()
    w = base[1]
    popup = c.create(x=1, y=1, w=20, h=20, title="popup",
                     override_redirect=True)
    unmanaged = c.create(title="never-mapped", map=False)
    wm.key("super+control+shift+3")  # base[1] is on tags 1 and 3
    before = (wm.viewed(), wm.managed(), {x: wm.tags(x) for x in base},
              wm.active())
    bogus = 0x7ffffff0
    for d in (9, 10, 31, 32, 1000, INT_MAX, 0x80000000, 0xFFFFFFFE):
        c.send_root_message("_NET_CURRENT_DESKTOP", [d, 0], sync=False)
        c.send_root_message("_NET_WM_DESKTOP", [d, 2], window=w, sync=False)
    # 0xFFFFFFFF means "all desktops" for a window, not for the view.
    c.send_root_message("_NET_CURRENT_DESKTOP", [0xFFFFFFFF, 0], sync=False)
    # Wrong formats: read as 32-bit these would be valid desktop 2.
    c.send_root_message("_NET_CURRENT_DESKTOP", [2, 0, 0, 0], fmt=8)
    c.send_root_message("_NET_CURRENT_DESKTOP", [2, 0], fmt=16)
    c.send_root_message("_NET_WM_DESKTOP", [2, 0, 0, 0], fmt=8, window=w)
    c.send_root_message("_NET_WM_DESKTOP", [2, 0], fmt=16, window=w)
    c.send_root_message("_NET_ACTIVE_WINDOW", [2, 0, 0, 0], fmt=8,
                        window=base[0])
    # Messages about windows ctile does not manage, or that do not exist.
    for target in (bogus, popup, unmanaged, c.root.id):
        c.send_root_message("_NET_WM_DESKTOP", [1, 2], window=target)
        c.send_root_message("_NET_ACTIVE_WINDOW", [2, 0, 0], window=target)
        c.send_root_message("_NET_CLOSE_WINDOW", [0, 2], window=target)
    c.send_root_message("_CTILE_SYNC", [bogus, 1])
    c.send_root_message("_CTILE_SYNC", [0, 2])
    c.send_root_message("_CTILE_NO_SUCH_MESSAGE", [1, 2, 3, 4, 5])
    wm.sync()
    after = (wm.viewed(), wm.managed(), {x: wm.tags(x) for x in base},
             wm.active())
    assert after == before, "a bad client message changed something"
    assert not c.closed, "ctile killed a client over an unmanaged window"
    assert wm.x.alive(popup) and wm.shown(popup)
    wm.assert_healthy(base)


def test_thousand_windows_in_a_burst(wm):
    base = baseline(wm)
    c = wm.client()
    wins = []
    for i in range(1000):
        wins.append(c.create(title=f"burst-{i}", sync=False))
        if i % 100 == 0:
            c.flush()
    for w in wins:
        c.destroy(w, sync=False)
    c.sync()
    wm.sync()
    assert sorted(wm.managed()) == sorted(base)
    wm.assert_healthy(base)


def test_three_hundred_windows_tile_and_go(wm):
    base = baseline(wm)
    c = wm.client()
    wins = []
    for i in range(300):
        wins.append(c.create(title=f"crowd-{i}", sync=False))
    c.sync()
    wm.x.wait_for(lambda: len(wm.managed()) == 302,
                  "300 new windows to be managed", 10)
    wm.sync()
    for w in wins[::37] + base:
        assert wm.shown(w)
        x, y, width, height = wm.outer(w)
        assert 0 <= x < SCREEN_W and 0 <= y < SCREEN_H, (x, y)
        assert width > 0 and height > 0
    assert wm.active() == wins[-1]
    for w in wins:
        c.destroy(w, sync=False)
    c.sync()
    wm.sync()
    assert sorted(wm.managed()) == sorted(base)
    wm.assert_healthy(base)
