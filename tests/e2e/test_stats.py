"""ctile's own timings, as make bench reads them: a _CTILE_STATS client
message to the root makes ctile set the root's _CTILE_STATS to one line of
key=value words; data[0] = 1 asks for a full redraw of every bar first.
What is checked is what a reader can rely on (the counts), never how fast
anything was."""

import time

import pytest
from Xlib import X
from Xlib.protocol import event as xevent

import harness

KINDS = ("bar_redraw", "reload", "arrange")
FIELDS = ("count", "last_ns", "total_ns", "max_ns")


def ask(d, redraw, fmt=32):
    """Send _CTILE_STATS and wait for the root property to change: the
    line, parsed. fmt other than 32 is not a request: None after a sync."""
    x = d.x
    atom = x.atom("_CTILE_STATS")
    data = [1 if redraw is True else int(redraw), 0, 0, 0, 0]
    if fmt != 32:
        data = data * {8: 4, 16: 2}[fmt]
    ev = xevent.ClientMessage(window=x.root, client_type=atom,
                              data=(fmt, data))
    x.root.send_event(
        ev, event_mask=X.SubstructureRedirectMask | X.SubstructureNotifyMask)
    x.d.flush()
    if fmt != 32:
        return None
    deadline = time.monotonic() + harness.SYNC_TIMEOUT
    while True:
        ev = x.next_event(deadline)
        assert ev is not None, "ctile did not set _CTILE_STATS"
        if (ev.type == X.PropertyNotify and ev.window.id == x.root.id
                and ev.atom == atom):
            return parse(x.prop(x.root.id, "_CTILE_STATS"))


def parse(prop):
    assert prop is not None, "_CTILE_STATS is not on the root"
    type_name, fmt, value = prop
    assert (type_name, fmt) == ("UTF8_STRING", 8)
    text = value.decode() if isinstance(value, bytes) else value
    assert "\n" not in text, "one line"
    stats = {}
    for word in text.split(" "):
        key, _, v = word.partition("=")
        assert v.isdigit(), f"{word!r} is not key=number"
        stats[key] = int(v)
    for kind in KINDS:
        for field in FIELDS:
            assert f"{kind}_{field}" in stats, f"no {kind}_{field}"
        s = {f: stats[f"{kind}_{f}"] for f in FIELDS}
        if s["count"]:
            assert 0 < s["last_ns"] <= s["max_ns"] <= s["total_ns"], kind
        else:
            assert s["last_ns"] == s["total_ns"] == s["max_ns"] == 0, kind
    return stats


@pytest.mark.with_bar
def test_each_request_redraws_the_bar_once(wm):
    assert len(wm.bars()) == 1
    first = ask(wm, False)
    counts = [first["bar_redraw_count"]]
    for _ in range(3):
        counts.append(ask(wm, True)["bar_redraw_count"])
    assert counts == [counts[0] + i for i in range(4)]
    # A report alone redraws nothing, and the bar is still as it was.
    again = ask(wm, False)
    assert again["bar_redraw_count"] == counts[-1]
    assert len(wm.bars()) == 1
    wm.assert_healthy()


def test_no_bar_no_redraw(wm):
    assert not wm.bars()
    assert ask(wm, True)["bar_redraw_count"] == 0
    assert ask(wm, True)["bar_redraw_count"] == 0


def test_reload_and_arrange_are_counted(wm):
    before = ask(wm, False)
    wm.key("super+shift+r")
    after = ask(wm, False)
    assert after["reload_count"] == before["reload_count"] + 1
    assert after["arrange_count"] > before["arrange_count"]


@pytest.mark.with_bar
def test_odd_requests(wm):
    """Other formats are not requests; data[0] other than 1 only reports."""
    before = ask(wm, False)
    for fmt in (8, 16):
        ask(wm, True, fmt=fmt)
    wm.sync()
    for d0 in (2, 0xFFFFFFFF):
        s = ask(wm, d0)
        assert s["bar_redraw_count"] == before["bar_redraw_count"]
    wm.assert_healthy()
