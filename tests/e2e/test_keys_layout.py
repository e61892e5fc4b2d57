"""Key bindings on keyboard layouts other than QWERTY, pressed with the real
keys: on AZERTY the digits are on the Shift level of the number row, and
Mod4+1..9 must still view tags 1..9."""

import struct

from Xlib import XK
from Xlib.protocol import rq

from harness import ALL_TAGS

# The French number row, keycodes 10 to 19: first level, Shift level.
FRENCH_ROW = [("ampersand", "1"), ("eacute", "2"), ("quotedbl", "3"),
              ("apostrophe", "4"), ("parenleft", "5"), ("minus", "6"),
              ("egrave", "7"), ("underscore", "8"), ("ccedilla", "9"),
              ("agrave", "0")]
QWERTY_ROW = [("1", "exclam"), ("2", "at"), ("3", "numbersign"),
              ("4", "dollar"), ("5", "percent"), ("6", "asciicircum"),
              ("7", "ampersand"), ("8", "asterisk"), ("9", "parenleft"),
              ("0", "parenright")]


class _XkbUseExtension(rq.ReplyRequest):
    _request = rq.Struct(
        rq.Card8("opcode"), rq.Opcode(0), rq.RequestLength(),
        rq.Card16("major"), rq.Card16("minor"))
    _reply = rq.Struct(
        rq.ReplyCode(), rq.Card8("supported"), rq.Card16("sequence_number"),
        rq.ReplyLength(), rq.Card16("major"), rq.Card16("minor"), rq.Pad(20))


class _XkbSetMap(rq.Request):
    """XkbSetMap with only key symbols (XkbKeySymsMask)."""
    _request = rq.Struct(
        rq.Card8("opcode"), rq.Opcode(9), rq.RequestLength(),
        rq.Card16("device"), rq.Card16("present"), rq.Card16("flags"),
        rq.Card8("min_keycode"), rq.Card8("max_keycode"),
        rq.Card8("first_type"), rq.Card8("n_types"),
        rq.Card8("first_keysym"), rq.Card8("n_keysyms"),
        rq.Card16("total_syms"), rq.Pad(18), rq.String8("maps", pad=0))


def set_number_row(d, row):
    """Put row on keycodes 10 to 19 of the server's keyboard. The X server
    sends every client the keymap change events that setxkbmap would.
    Only the key symbols change (type TWO_LEVEL), in one XkbSetMap:
    setxkbmap's and xkbcomp's whole keymaps are silently ignored by some X
    servers (Debian 12's current Xvfb among them), so a test cannot rely
    on them."""
    disp = d.x.d
    opcode = disp.query_extension("XKEYBOARD").major_opcode
    r = _XkbUseExtension(display=disp.display, opcode=opcode, major=1,
                         minor=0)
    assert r.supported, "the X server has no usable XKB"
    maps = b"".join(
        struct.pack("=4BBBH2I", 1, 0, 0, 0, 1, 2, 2,
                    XK.string_to_keysym(a), XK.string_to_keysym(b))
        for a, b in row)
    _XkbSetMap(display=disp.display, opcode=opcode, device=0x100,
               present=1 << 1, flags=0,
               min_keycode=disp.display.info.min_keycode,
               max_keycode=disp.display.info.max_keycode,
               first_type=0, n_types=0, first_keysym=10,
               n_keysyms=len(row), total_syms=2 * len(row), maps=maps)
    disp.sync()
    got = [syms[0] for syms in disp.get_keyboard_mapping(10, len(row))]
    assert got == [XK.string_to_keysym(a) for a, _ in row], \
        "the X server did not take the new number row"


def french(d):
    set_number_row(d, FRENCH_ROW)


def assert_views(d, mask):
    assert d.viewed() == mask, f"viewed {d.viewed():#b}, want {mask:#b}"


def check_azerty_tag_keys(d):
    """The default tag bindings, pressed as a French user presses them."""
    a = d.xterm()
    # Mod4+Shift+2 (tag 2) is super+shift+eacute: it always worked.
    d.key("super+shift+eacute")
    assert d.tags(a) == 0b10
    assert d.desktop(a) == 1
    assert d.hidden(a)
    # Mod4+2 (view 2) is super+eacute: the window is there.
    d.key("super+eacute")
    assert_views(d, 0b10)
    assert d.current_desktop() == 1
    assert d.shown(a)
    assert d.active() == a
    d.key("super+ampersand")
    assert_views(d, 0b1)
    assert d.current_desktop() == 0
    assert d.hidden(a)
    # Mod4+Control+2: toggleview; Mod4+Control+Shift+3: toggletag.
    d.key("super+control+eacute")
    assert_views(d, 0b11)
    assert d.shown(a)
    d.key("super+control+shift+quotedbl")
    assert d.tags(a) == 0b110
    # Mod4+0 is super+agrave: view all; Mod4+Shift+0 tags all.
    d.key("super+agrave")
    assert_views(d, ALL_TAGS)
    d.key("super+shift+agrave")
    assert d.tags(a) == ALL_TAGS
    d.key("super+ccedilla")
    assert_views(d, 1 << 8)
    assert d.shown(a)
    return a


def test_azerty_before_ctile_starts(xvfb):
    french(xvfb)
    xvfb.start_ctile()
    check_azerty_tag_keys(xvfb)
    assert "no key on this keyboard" not in xvfb.log_text()


def test_azerty_set_while_ctile_runs_and_back(wm):
    wm.key("super+2")
    assert_views(wm, 0b10)
    french(wm)
    wm.sync()
    wm.key("super+ampersand")
    assert_views(wm, 0b1)
    check_azerty_tag_keys(wm)
    set_number_row(wm, QWERTY_ROW)
    wm.sync()
    wm.key("super+3")
    assert_views(wm, 0b100)
    wm.key("super+1")
    assert_views(wm, 0b1)


def test_qwerty_binding_of_the_key_wins_over_a_shifted_symbol(make_wm):
    """Mod4+exclam could fall back to the '1' key, but Mod4+1 binds that
    key directly and keeps it; a shifted symbol nothing else claims does
    fall back to its key."""
    d = make_wm("bind Mod4+exclam view 3\nbind Mod4+1 view 1\n"
                "bind Mod4+at view 4\n")
    d.key("super+1")
    assert_views(d, 0b1)
    d.key("super+2")
    assert_views(d, 0b1000)


def test_keycode_bindings(make_wm):
    """awesome's #N: the key by its keycode, whatever the layout."""
    d = make_wm("bind Mod4+#10 view 5\nbind Mod4+Shift+#11 view 6\n")
    d.key("super+1")
    assert_views(d, 1 << 4)
    d.key("super+shift+2")
    assert_views(d, 1 << 5)
    french(d)
    d.sync()
    d.key("super+ampersand")
    assert_views(d, 1 << 4)


def test_a_binding_no_key_makes_is_reported_once(make_wm):
    d = make_wm("bind Mod4+Greek_alpha view 2\nbind Mod4+1 view 1\n")
    d.key("super+1")
    d.sync()
    lines = [line for line in d.log_text().splitlines()
             if "no key on this keyboard" in line]
    assert len(lines) == 1, lines
    assert "warning" in lines[0] and "view 2" in lines[0], lines
