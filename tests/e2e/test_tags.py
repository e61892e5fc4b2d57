"""Tags and views, driven by the default key bindings, with real xterms."""

from harness import ALL_TAGS, SCREEN_H, SCREEN_W, WM_STATE_ICONIC, WM_STATE_NORMAL

FULL = (0, 0, SCREEN_W, SCREEN_H)


def assert_shown(wm, *wins):
    for w in wins:
        assert wm.shown(w), f"window 0x{w:x} should be shown (mapped)"
        assert wm.wm_state(w) == WM_STATE_NORMAL, \
            f"window 0x{w:x}: WM_STATE {wm.wm_state(w)}, want Normal"


def assert_hidden(wm, *wins):
    for w in wins:
        assert wm.hidden(w), f"window 0x{w:x} should be hidden (unmapped)"
        assert wm.wm_state(w) == WM_STATE_ICONIC, \
            f"window 0x{w:x}: WM_STATE {wm.wm_state(w)}, want Iconic"


def test_start_state(wm):
    assert wm.view() == [1], "_CTILE_VIEW: one mask per monitor"
    assert wm.current_desktop() == 0
    assert wm.managed() == []
    assert wm.active() == 0


def test_new_window_gets_the_current_view_and_shows(wm):
    a = wm.xterm()
    assert wm.tags(a) == 1
    assert wm.desktop(a) == 0
    assert_shown(wm, a)
    assert wm.outer(a) == FULL
    assert wm.border(a) == 2


def test_view_hides_and_shows(wm):
    a = wm.xterm()
    wm.key("super+2")
    assert wm.viewed() == 2
    assert wm.current_desktop() == 1
    assert_hidden(wm, a)
    b = wm.xterm()
    assert wm.tags(b) == 2
    assert wm.desktop(b) == 1
    assert wm.outer(b) == FULL, "the only window on tag 2 should fill the screen"
    wm.key("super+1")
    assert wm.viewed() == 1
    assert_shown(wm, a)
    assert_hidden(wm, b)
    assert wm.outer(a) == FULL
    assert wm.active() == a


def test_new_window_on_a_multi_tag_view_gets_all_its_tags(wm):
    wm.key("super+3", "super+control+5")
    assert wm.viewed() == 0b10100
    a = wm.xterm()
    assert wm.tags(a) == 0b10100
    assert wm.desktop(a) == 2
    wm.key("super+5")
    assert_shown(wm, a)


def test_tag_moves_the_focused_window(wm):
    a = wm.xterm()
    b = wm.xterm()
    assert wm.active() == b
    wm.key("super+shift+3")
    assert wm.tags(b) == 0b100
    assert wm.desktop(b) == 2
    assert_hidden(wm, b)
    assert_shown(wm, a)
    assert wm.outer(a) == FULL, "the remaining window should fill the screen"
    assert wm.active() == a, "focus should go to the window still shown"
    wm.key("super+3")
    assert_shown(wm, b)
    assert_hidden(wm, a)
    assert wm.active() == b


def test_toggleview_adds_and_removes_a_tag(wm):
    a = wm.xterm()
    wm.key("super+2")
    b = wm.xterm()
    wm.key("super+control+1")
    assert wm.viewed() == 0b11
    assert wm.current_desktop() == 0
    assert_shown(wm, a, b)
    # b was managed last: it is first in tiling order, the master.
    assert wm.outer(b) == (0, 0, 704, SCREEN_H)
    assert wm.outer(a) == (704, 0, 576, SCREEN_H)
    wm.key("super+control+2")
    assert wm.viewed() == 0b01
    assert_shown(wm, a)
    assert_hidden(wm, b)
    assert wm.outer(a) == FULL


def test_toggleview_never_leaves_an_empty_view(wm):
    a = wm.xterm()
    wm.key("super+control+1")
    assert wm.viewed() == 1, "toggling off the only viewed tag must be refused"
    assert_shown(wm, a)


def test_toggletag_adds_and_removes_a_tag_on_the_window(wm):
    a = wm.xterm()
    wm.key("super+control+shift+2")
    assert wm.tags(a) == 0b11
    assert wm.desktop(a) == 0
    wm.key("super+2")
    assert_shown(wm, a)
    assert wm.active() == a
    wm.key("super+control+shift+1")
    assert wm.tags(a) == 0b10
    assert wm.desktop(a) == 1
    wm.key("super+1")
    assert_hidden(wm, a)


def test_toggletag_refuses_to_remove_the_last_tag(wm):
    a = wm.xterm()
    wm.key("super+control+shift+1")
    assert wm.tags(a) == 1, "removing a window's last tag must be refused"
    assert_shown(wm, a)
    assert wm.managed() == [a]


def test_view_all(wm):
    a = wm.xterm()
    wm.key("super+2")
    b = wm.xterm()
    wm.key("super+9")
    c = wm.xterm()
    wm.key("super+0")
    assert wm.viewed() == ALL_TAGS
    assert wm.current_desktop() == 0
    assert_shown(wm, a, b, c)
    rects = sorted(wm.outer(w) for w in (a, b, c))
    assert rects == [(0, 0, 704, SCREEN_H), (704, 0, 576, 400),
                     (704, 400, 576, 400)]


def test_tag_all_shows_the_window_everywhere(wm):
    a = wm.xterm()
    wm.key("super+shift+0")
    assert wm.tags(a) == ALL_TAGS
    for n in range(1, 10):
        wm.key(f"super+{n}")
        assert_shown(wm, a)
        assert wm.active() == a


def test_view_previous_toggles_between_the_last_two_views(wm):
    a = wm.xterm()
    wm.key("super+3")
    b = wm.xterm()
    wm.key("super+Tab")
    assert wm.viewed() == 1
    assert_shown(wm, a)
    assert_hidden(wm, b)
    wm.key("super+Tab")
    assert wm.viewed() == 0b100
    assert_hidden(wm, a)
    assert_shown(wm, b)
    wm.key("super+Tab")
    assert wm.viewed() == 1


def test_viewing_the_current_view_keeps_previous(wm):
    # Like dwm: pressing super+3 twice does not lose the way back to 1.
    wm.key("super+3", "super+3")
    wm.key("super+Tab")
    assert wm.viewed() == 1


def test_every_window_shows_only_where_its_tags_meet_the_view(wm):
    wins = []
    for n in (1, 2, 3):
        wm.key(f"super+{n}")
        wins.append(wm.xterm())
    for n in (1, 2, 3):
        wm.key(f"super+{n}")
        for i, w in enumerate(wins):
            if i == n - 1:
                assert_shown(wm, w)
                assert wm.outer(w) == FULL
            else:
                assert_hidden(wm, w)


# -- the bindings themselves


def test_bindings_work_with_capslock_and_numlock(wm):
    a = wm.xterm()
    wm.key("Caps_Lock")
    wm.key("super+2")
    assert wm.viewed() == 0b10, "super+2 ignored while CapsLock is on"
    assert wm.hidden(a)
    wm.key("Num_Lock")
    wm.key("super+1")
    assert wm.viewed() == 0b1, "super+1 ignored with CapsLock and NumLock on"
    wm.key("Caps_Lock")
    wm.key("super+3")
    assert wm.viewed() == 0b100, "super+3 ignored while NumLock is on"
    wm.key("Num_Lock")
    wm.key("super+1")
    assert wm.viewed() == 0b1
    assert wm.shown(a)


def test_bindings_follow_a_keymap_change(wm):
    # Move the keysym "2" to another keycode: ctile must re-grab its
    # bindings there (xdotool presses whichever keycode carries "2").
    wm.run("xmodmap", "-e", "keycode 11 = F20", "-e", "keycode 250 = 2 at")
    wm.sync()
    wm.key("super+2")
    assert wm.viewed() == 0b10, "super+2 lost after the keymap changed"
    wm.key("super+shift+3")  # no window: nothing to move, nothing breaks
    wm.key("super+1")
    assert wm.viewed() == 0b1


def test_windows_that_go_away_while_views_switch(wm):
    """Windows that their clients destroy or withdraw while views switch
    back and forth (ctile hides and shows windows with the root's
    SubstructureNotify off, inside a server grab) must still be seen to go;
    every other window stays managed and shown on its tag."""
    c = wm.client()
    ones = [c.create(title=f"one-{i}") for i in range(8)]
    wm.key("super+2")
    twos = [c.create(title=f"two-{i}") for i in range(8)]
    for w in ones + twos:
        wm.wait_managed(w)
    goners = ones[::2] + twos[::2]
    for i, w in enumerate(goners):
        # Each goes in the same flush as a switch request, so it races
        # the switch it causes.
        c.send_root_message("_NET_CURRENT_DESKTOP", [i % 2], sync=None)
        if i % 2:
            c.destroy(w, sync=None)
        else:
            c.withdraw(w, sync=None)
        c.flush()
    for w in goners:
        wm.wait_unmanaged(w)
    keepers = ones[1::2] + twos[1::2]
    assert sorted(wm.managed()) == sorted(keepers)
    wm.assert_healthy(keepers)
    wm.key("super+2")
    for w in twos[1::2]:
        assert wm.shown(w), f"window 0x{w:x} is not shown on its tag"
    for w in ones[1::2]:
        assert wm.hidden(w), f"window 0x{w:x} is shown off its tag"


def test_left_and_right_step_through_the_tags(wm):
    # awesome's Mod4+Left and Mod4+Right: round from the last tag to the
    # first, and from a view of several tags on from its lowest.
    a = wm.xterm()
    wm.key("super+Right")
    assert wm.viewed() == 0b10
    assert_hidden(wm, a)
    wm.key("super+Left", "super+Left")
    assert wm.viewed() == 1 << 8, "from tag 1 back round to tag 9"
    wm.key("super+Right")
    assert wm.viewed() == 1
    assert_shown(wm, a)
    wm.key("super+control+3")
    assert wm.viewed() == 0b101
    wm.key("super+Right")
    assert wm.viewed() == 0b10


def test_super_u_jumps_to_the_urgent_window(wm):
    wm.key("super+4")
    c = wm.client()
    mail = c.create(title="mail")
    wm.wait_managed(mail)
    wm.key("super+1")
    here = wm.xterm()
    c.set_wm_hints(mail, urgent=True, sync=True)
    wm.sync()
    assert wm.viewed() == 1 and wm.active() == here, "no focus stolen"
    wm.key("super+u")
    assert wm.viewed() == 1 << 3, "its tag is shown"
    assert wm.active() == mail
    assert_shown(wm, mail)
    wm.key("super+u")  # nothing urgent now: nothing moves
    assert wm.viewed() == 1 << 3 and wm.active() == mail
