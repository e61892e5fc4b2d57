"""Where a window goes when it starts to float, and that it is seen there:
what dwm and awesome users expect of Mod4+Shift+space, a Mod4+drag and the
floating layout."""

import pytest

import xclient
from harness import tile_rects


def above(wm, top, below):
    order = wm.x.stacking()
    return order.index(top) > order.index(below)


def near(rect, tile, slack=24):
    """rect is tile's place, its size at most one terminal cell smaller
    (a floating xterm keeps its size increments)."""
    x, y, w, h = rect
    tx, ty, tw, th = tile
    return (x, y) == (tx, ty) and tw - slack < w <= tw and th - slack < h <= th


def test_a_window_made_floating_stays_where_its_tile_was_and_on_top(wm):
    a = wm.xterm("first")
    b = wm.xterm("second")  # the master, focused
    wm.key("super+j")  # focus a, in the stack: below the master
    assert wm.active() == a
    tile = wm.outer(a)
    wm.key("super+shift+space")
    assert near(wm.outer(a), tile), \
        f"the window jumped from its tile {tile} to {wm.outer(a)}"
    assert above(wm, a, b), "the floating window is hidden under the tiles"


def test_a_window_dragged_out_of_its_tile_is_on_top_at_once(wm):
    a = wm.xterm("first")
    b = wm.xterm("second")
    x, y, w, h = wm.outer(a)  # the stack: b, the master, is focused
    sx, sy = x + w // 2, y + h // 2
    wm.run("xdotool", "mousemove", str(sx), str(sy), "keydown", "super",
           "mousedown", "1", "mousemove", str(sx - 200), str(sy + 10),
           "mouseup", "1", "keyup", "super")
    wm.sync()
    assert wm.outer(a)[0] == x - 200, "the drag did not move the window"
    assert above(wm, a, b), "the dragged window is hidden under the tiles"


@pytest.mark.with_bar
def test_floating_layout_keeps_tiles_in_place_and_new_windows_off_the_bar(wm):
    a = wm.xterm("first")
    b = wm.xterm("second")
    tiles = {w: wm.outer(w) for w in (a, b)}
    wm.key("super+f")
    for w, tile in tiles.items():
        assert near(wm.outer(w), tile), \
            f"{tile} became {wm.outer(w)} in the floating layout"
    c = wm.client()
    n = c.create(0, 0, 300, 200, title="no place of its own")
    wm.wait_managed(n)
    wx, wy, ww, wh = wm.work_area()
    x, y, w, h = wm.outer(n)
    assert y >= wy, f"a new window covers the bar: {wm.outer(n)}"
    assert abs((x + w / 2) - (wx + ww / 2)) <= 1 and \
        abs((y + h / 2) - (wy + wh / 2)) <= 1, \
        f"a window with no place of its own is not centred: {wm.outer(n)}"


def test_a_window_floats_again_where_it_floated_last(wm):
    a = wm.xterm("first")
    b = wm.xterm("second")
    wm.key("super+shift+space")  # b floats where its tile was
    c = wm.client()
    c.configure(b, x=200, y=150, width=300, height=200)
    wm.sync()
    moved = wm.outer(b)
    assert moved[:2] == (200, 150)
    wm.key("super+shift+space")  # tiled again
    assert sorted([wm.outer(a), wm.outer(b)]) == sorted(tile_rects(2))
    wm.key("super+shift+space")
    assert wm.outer(b) == moved, "it forgot where it floated"


def test_wmctrl_a_keeps_a_view_of_several_tags(wm):
    """wmctrl -a and xdotool windowactivate ask for the window's desktop
    (_NET_CURRENT_DESKTOP) before activating it: a window already in view
    is focused, and the view of tags 1 and 2 stays."""
    a = wm.xterm("on-one")
    wm.key("super+2")
    b = wm.xterm("on-two")
    wm.key("super+control+1")  # view tags 1 and 2
    assert wm.viewed() == 0b11
    wm.run("wmctrl", "-i", "-a", hex(a))
    wm.sync()
    assert wm.active() == a
    assert wm.viewed() == 0b11, "activating a visible window narrowed the view"
    assert wm.shown(a) and wm.shown(b)
    wm.run("wmctrl", "-s", "1")
    wm.sync()
    assert wm.viewed() == 0b10, "a request for another desktop still works"


FS = "_NET_WM_STATE_FULLSCREEN"


@pytest.mark.parametrize("how", ["floating layout", "made floating"])
def test_a_film_out_of_fullscreen_floats_at_its_own_size(wm, how):
    """A player that starts fullscreen (mpv --fs, a game) and leaves it
    while floating goes back to the size it asked for, not the screen's."""
    if how == "floating layout":
        wm.key("super+f")
    c = wm.client()
    w = c.create(x=100, y=120, w=300, h=200, title="player", states=[FS])
    wm.wait_managed(w)
    if how == "made floating":
        wm.key("super+shift+space")
    c.send_root_message("_NET_WM_STATE", [0, c.atom(FS), 0, 1], window=w)
    wm.sync()
    x, y, ww, h = wm.outer(w)
    assert ww < 400 and h < 300, f"out of fullscreen it is {ww}x{h}"


def test_a_window_tiled_again_goes_under_the_floating_ones(wm):
    c = wm.client()
    a = c.create(title="a")
    wm.wait_managed(a)
    b = c.create(title="b")
    wm.wait_managed(b)
    wm.key("super+shift+space")  # b floats
    wm.run("xdotool", "windowactivate", "--sync", str(a))
    wm.sync()
    assert wm.active() == a
    wm.key("super+shift+space")  # a floats, on top
    wm.key("super+shift+space")  # a tiled again: fills the screen
    assert above(wm, b, a), "the tile hides the floating window"


def test_a_dialog_bigger_than_the_screen_is_cut_down_to_fit(wm):
    """A file dialog that asks for more than the screen (a small laptop
    screen, HiDPI) is cut down to the work area, so that its buttons can
    be reached; never below the minimum size it gives."""
    parent = wm.xterm("parent")
    c = wm.client()
    big = c.create(0, 0, 1600, 1000, title="big dialog",
                   transient_for=parent,
                   hints=xclient.size_hints(min=(500, 300)))
    wm.wait_managed(big)
    x, y, w, h = wm.outer(big)
    ax, ay, aw, ah = wm.work_area()
    assert ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah, \
        f"the dialog {wm.outer(big)} does not fit the work area " \
        f"{wm.work_area()}"
    assert (w, h) == (aw, ah), \
        f"the dialog was cut more than needed: {w}x{h} in {aw}x{ah}"
    stubborn = c.create(0, 0, 1600, 1000, title="stubborn dialog",
                        transient_for=parent,
                        hints=xclient.size_hints(min=(1400, 900)))
    wm.wait_managed(stubborn)
    border = 2 * wm.x.geometry(stubborn)[4]
    assert wm.x.geometry(stubborn)[2:4] == (1400, 900), \
        f"the dialog was cut below its minimum size: " \
        f"{wm.x.geometry(stubborn)}"
    assert wm.outer(stubborn)[2:4] == (1400 + border, 900 + border)


def test_the_pointer_focuses_a_covered_float_without_raising_it(wm):
    """Focus follows the mouse, but passing over a floating window that
    another covers in part does not bring it to the front (awesome, dwm,
    Qtile); a click does."""
    c = wm.client()
    low = c.create(0, 0, 300, 200, title="low")
    wm.wait_managed(low)
    wm.key("super+shift+space")
    c.configure(low, x=100, y=100, width=300, height=200)
    high = c.create(0, 0, 300, 200, title="high")
    wm.wait_managed(high)
    wm.key("super+shift+space")
    c.configure(high, x=250, y=200, width=300, height=200)
    wm.sync()
    assert wm.active() == high and above(wm, high, low)
    wm.run("xdotool", "mousemove", "150", "150")  # low's uncovered part
    wm.sync()
    assert wm.active() == low, "focus does not follow the mouse"
    assert above(wm, high, low), "passing over the window raised it"
    wm.run("xdotool", "click", "1")
    wm.sync()
    assert above(wm, low, high), "a click did not raise the window"
