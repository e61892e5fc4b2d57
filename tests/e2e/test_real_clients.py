"""Two programs users run every day, driven as they drive them: rofi, the
launcher (an override-redirect window that grabs the keyboard), and a GTK
dialog (yad's colour chooser: a real GtkDialog, transient for yad's window).

What yad 0.40 shows by itself (`yad --text=... --button=OK`) is not a
dialog to a window manager: it sets _NET_WM_WINDOW_TYPE_NORMAL and no
WM_TRANSIENT_FOR, so it is tiled as i3 and dwm tile it. The dialog here is
the one GTK opens over a yad form when its colour button is pressed: type
DIALOG, transient for the form, as every GTK application's dialogs are."""

import itertools
import subprocess

import pytest
from Xlib import error

import harness
from harness import CLIENT_TIMEOUT, SCREEN_H, SCREEN_W

ROFI_CANCELLED = 1  # rofi's exit status when Escape closes it
YAD_CLOSED = 252  # yad's exit status when its window is closed (not OK)

_outputs = itertools.count(1)


# -- what X shows


def wm_class(wm, wid):
    v = wm.x.text(wid, "WM_CLASS")
    if isinstance(v, str):
        v = v.encode("latin-1")
    return v.split(b"\0")[0].decode() if v else None


def override_redirect(wm, wid):
    try:
        return bool(wm.x.win(wid).get_attributes().override_redirect)
    except error.BadWindow:
        return False


def focus_in(wm, wid):
    """The X input focus is wid or inside it (GTK gives the focus to a
    child of its toplevel once it is told it has it)."""
    f = wm.x.input_focus()
    while f and f != wm.x.root.id:
        if f == wid:
            return True
        try:
            f = wm.x.win(f).query_tree().parent.id
        except error.BadWindow:
            return False
    return False


def geometries(wm, wins):
    return {w: wm.outer(w) for w in wins}


def centre(rect):
    x, y, w, h = rect
    return (x + w / 2, y + h / 2)


def above(wm, top, below):
    order = wm.x.stacking()
    return order.index(top) > order.index(below)


def inside_screen(rect):
    x, y, w, h = rect
    return x >= 0 and y >= 0 and w > 0 and h > 0 and \
        x + w <= SCREEN_W and y + h <= SCREEN_H


# -- rofi


def start_rofi(wm, *args, entries=None):
    """Start rofi as a user's key binding would (HOME and the XDG dirs are
    the test's own, so no user config leaks in); once its window is shown
    and it holds the keyboard: (process, window, file of its output)."""
    n = next(_outputs)
    out = wm.tmp / f"rofi-{n}.out"
    src = wm.tmp / f"rofi-{n}.in"
    src.write_text("".join(e + "\n" for e in entries or ()))
    with open(src) as stdin, open(out, "wb") as stdout, \
            open(wm.tmp / "clients.log", "ab") as stderr:
        p = subprocess.Popen(["rofi", *args], env=wm.env, stdin=stdin,
                             stdout=stdout, stderr=stderr,
                             start_new_session=True)
    wm.procs.append(p)

    def shown():
        if p.poll() is not None:
            raise harness.HarnessError(f"rofi exited with {p.returncode}")
        for w in wm.x.stacking():
            if wm_class(wm, w) == "rofi" and wm.shown(w):
                # Probed only once its window is up: the probe grabs too.
                return w if not wm.x.keyboard_grabbable() else None
        return None
    w = wm.wait_until(shown, "rofi's window to be shown, holding the keyboard")
    return p, w, out


def rofi_exit(wm, p):
    rc = harness.wait_popen(p, CLIENT_TIMEOUT)
    assert rc is not None, f"rofi still runs {CLIENT_TIMEOUT:g}s later"
    wm.sync()
    return rc


def test_rofi_is_shown_over_the_tiles_and_not_managed(wm):
    """rofi pops up over the windows, as it drew itself; ctile does not
    take it as a window of its own: no tile, no border, no tag, not in
    the client list, and the focused window stays the active one."""
    a = wm.xterm("a")
    b = wm.xterm("b")
    tiles = geometries(wm, (a, b))
    p, r, _ = start_rofi(wm, "-dmenu", entries=["one", "two"])
    wm.sync()
    assert override_redirect(wm, r), "rofi's window is not override-redirect"
    assert r not in wm.managed()
    assert wm.x.stacking()[-1] == r, "rofi is not on top of the windows"
    assert wm.border(r) == 0, "ctile gave rofi a border"
    for prop in ("WM_STATE", "_NET_WM_DESKTOP", "_CTILE_TAGS"):
        assert wm.x.prop(r, prop) is None, f"ctile set {prop} on rofi"
    assert geometries(wm, (a, b)) == tiles, "the tiles moved under rofi"
    assert wm.active() == b
    wm.key("Escape")
    assert rofi_exit(wm, p) == ROFI_CANCELLED
    assert geometries(wm, (a, b)) == tiles


def test_super_2_typed_in_rofi_goes_to_rofi_not_to_ctile(wm):
    """While rofi holds the keyboard, Super+2 is rofi's (pick the second
    entry), not ctile's `view 2`: rofi prints the entry, the view stays."""
    a = wm.xterm("a")
    p, _, out = start_rofi(wm, "-dmenu", "-kb-select-2", "Super+2",
                           entries=["one", "two", "three"])
    wm.key("super+2")
    assert wm.current_desktop() == 0, "ctile switched the view under rofi"
    assert wm.viewed() == 1
    assert rofi_exit(wm, p) == 0
    assert out.read_text() == "two\n", "rofi did not get the key"
    assert wm.current_desktop() == 0 and wm.viewed() == 1
    assert wm.shown(a) and wm.active() == a


def test_ctile_keys_do_nothing_while_rofi_is_open_and_work_after(wm):
    """Keys ctile binds, typed into rofi, change nothing in ctile (focus,
    layout, floating, tags); once Escape closed rofi, they work again."""
    a = wm.xterm("a")
    b = wm.xterm("b")
    tiles = geometries(wm, (a, b))
    p, _, _ = start_rofi(wm, "-dmenu", entries=["one", "two"])
    wm.key("super+j", "super+m", "super+shift+space", "super+shift+Return",
           "super+shift+3")
    assert p.poll() is None, "rofi closed"
    assert wm.active() == b, "focus moved under rofi"
    assert geometries(wm, (a, b)) == tiles, "the layout changed under rofi"
    assert wm.tags(a) == 1 and wm.tags(b) == 1, "a window was re-tagged"
    wm.key("Escape")
    assert rofi_exit(wm, p) == ROFI_CANCELLED
    assert geometries(wm, (a, b)) == tiles
    wm.assert_healthy([a, b])
    wm.key("super+m")
    assert wm.outer(a) == wm.outer(b) == (0, 0, SCREEN_W, SCREEN_H), \
        "ctile's keys do not work after rofi"


@pytest.mark.parametrize("pointer", ["on-the-focused-window",
                                     "on-another-window"])
def test_focus_comes_back_when_rofi_is_closed(wm, pointer):
    """The window that had the focus before rofi opened has it again once
    Escape closed rofi: _NET_ACTIVE_WINDOW and the X input focus. Where
    the pointer happens to rest (rofi opens in the middle of the screen,
    over it) does not matter: the pointer did not move."""
    a = wm.xterm("a")
    b = wm.xterm("b")  # master, on the left, under the screen's middle
    wm.mousemove(SCREEN_W // 2, SCREEN_H // 2)
    assert wm.active() == b
    if pointer == "on-another-window":
        wm.key("super+j")
    had = wm.active()
    assert had == (b if pointer == "on-the-focused-window" else a)
    assert wm.x.input_focus() == had
    p, r, _ = start_rofi(wm, "-show", "run")
    x, y, w, h = wm.outer(r)
    assert x <= SCREEN_W // 2 < x + w and y <= SCREEN_H // 2 < y + h, \
        "rofi is not under the pointer: this test means it to be"
    wm.key("Escape")
    rofi_exit(wm, p)
    assert wm.active() == had, \
        f"focus went to 0x{wm.active():x}, not back to 0x{had:x}"
    assert wm.x.input_focus() == had


def test_a_program_started_from_rofi_is_tiled_and_focused(wm):
    """Type a command into `rofi -show run` and press Return: the program
    appears, tiled as the master, with the focus."""
    a = wm.xterm("a")
    p, _, _ = start_rofi(wm, "-show", "run")
    wm.run("xdotool", "type", "xterm -T from-rofi -e cat")
    wm.key("Return")
    assert rofi_exit(wm, p) == 0
    w = wm.x.wait_for(lambda: wm.find("from-rofi"),
                      "the xterm started from rofi to be managed",
                      CLIENT_TIMEOUT)
    wm.sync()
    assert wm.active() == w
    assert wm.x.input_focus() == w
    assert wm.outer(w) == (0, 0, 704, SCREEN_H)
    assert wm.outer(a) == (704, 0, 576, SCREEN_H)
    pid = wm.x.cardinal(w, "_NET_WM_PID")
    wm.key("super+shift+c")
    wm.wait_unmanaged(w, CLIENT_TIMEOUT)
    assert harness.pidfd_wait(pid, CLIENT_TIMEOUT), "the xterm did not exit"
    assert wm.active() == a


# -- a GTK dialog


def yad(wm, title, *args):
    """Start yad; (process, window) once ctile manages its window."""
    p = wm.spawn("yad", f"--title={title}", *args)

    def managed():
        if p.poll() is not None:
            raise harness.HarnessError(f"yad exited with {p.returncode}")
        return wm.find(title)
    w = wm.x.wait_for(managed, f"yad's window '{title}' to be managed",
                      CLIENT_TIMEOUT)
    wm.sync()
    return p, w


def form_and_xterm(wm):
    """A yad form with a colour button, then an xterm (the master, on the
    left); the pointer rests on the xterm and the focus is on the form, as
    the keyboard put it there. (process, form, xterm)."""
    p, form = yad(wm, "form", "--form", "--field=Colour:CLR")
    a = wm.xterm("a")
    wm.mousemove(200, SCREEN_H // 2)
    wm.key("super+j")
    assert wm.active() == form
    return p, form, a


def open_colour_dialog(wm, form):
    """Press space on the form's colour button (it has the keyboard focus
    in the form): GTK opens its colour chooser dialog. Its window id."""
    before = set(wm.managed())
    wm.key("space")
    dialog = wm.x.wait_for(
        lambda: [w for w in wm.managed() if w not in before],
        "GTK's colour chooser dialog to be managed", CLIENT_TIMEOUT)[0]
    wm.sync()
    types = wm.x.prop(dialog, "_NET_WM_WINDOW_TYPE")
    assert types and [wm.x.atom_name(t) for t in types[2]] == \
        ["_NET_WM_WINDOW_TYPE_DIALOG"], "GTK's dialog is not of type DIALOG"
    assert wm.x.cardinal(dialog, "WM_TRANSIENT_FOR") == form
    return dialog


def test_gtk_dialog_floats_centred_on_its_parent_and_takes_the_focus(wm):
    """A GTK dialog floats: the tiled windows keep their place and size, it
    keeps the size it asked for, sits in the middle of the window it
    belongs to, above it, and has the focus."""
    _, form, a = form_and_xterm(wm)
    tiles = geometries(wm, (form, a))
    dialog = open_colour_dialog(wm, form)
    assert geometries(wm, (form, a)) == tiles, "the dialog was tiled"
    hints = wm.x.cardinals(dialog, "WM_NORMAL_HINTS")
    assert wm.x.geometry(dialog)[2:4] == (hints[5], hints[6]), \
        f"the dialog does not have its size: {wm.x.geometry(dialog)}"
    rect = wm.outer(dialog)
    assert inside_screen(rect), rect
    (dx, dy), (fx, fy) = centre(rect), centre(wm.outer(form))
    assert abs(dx - fx) <= 1 and abs(dy - fy) <= 1, \
        f"the dialog {rect} is not centred on its parent {wm.outer(form)}"
    assert wm.shown(dialog) and above(wm, dialog, form)
    assert wm.tags(dialog) == wm.tags(form)
    assert wm.active() == dialog
    assert focus_in(wm, dialog), "the dialog does not have the input focus"


CLOSE_DIALOG = {
    "Escape": lambda wm, dialog: wm.key("Escape"),
    # Return on the focused colour selects it, Return again picks it.
    "pick": lambda wm, dialog: wm.key("Return", "Return"),
    "close": lambda wm, dialog: wm.key("super+shift+c"),
    "_NET_CLOSE_WINDOW":
        lambda wm, dialog: wm.run("wmctrl", "-i", "-c", hex(dialog)),
}


@pytest.mark.parametrize("how", list(CLOSE_DIALOG))
def test_closing_a_gtk_dialog_gives_the_focus_back_to_its_parent(wm, how):
    """However the dialog is closed (Escape, a colour picked, ctile's
    close, a pager's _NET_CLOSE_WINDOW), it goes, its application stays,
    and the window the focus was on before it has the focus again."""
    p, form, a = form_and_xterm(wm)
    tiles = geometries(wm, (form, a))
    dialog = open_colour_dialog(wm, form)
    assert wm.active() == dialog
    CLOSE_DIALOG[how](wm, dialog)
    wm.wait_unmanaged(dialog, CLIENT_TIMEOUT)
    assert wm.hidden(dialog) or not wm.x.alive(dialog)
    assert p.poll() is None, "closing the dialog ended its application"
    assert wm.managed() == [form, a]
    assert wm.active() == form
    assert focus_in(wm, form), "the form does not have the input focus"
    assert geometries(wm, (form, a)) == tiles


def test_close_asks_a_gtk_window_to_close_and_its_process_exits(wm):
    """ctile's close on a GTK window is a WM_DELETE_WINDOW, not a kill: yad
    exits as it does when its window is closed (status 252; killed, GTK
    would exit 1 on the lost connection). The xterm gets the focus and the
    whole screen back."""
    a = wm.xterm("a")
    p, w = yad(wm, "message", "--text=Saved.", "--button=OK:0")
    protocols = wm.x.prop(w, "WM_PROTOCOLS")
    assert protocols and "WM_DELETE_WINDOW" in \
        [wm.x.atom_name(v) for v in protocols[2]]
    assert wm.outer(w) == (0, 0, 704, SCREEN_H), \
        "yad's message window is a normal window: tiled"
    assert wm.active() == w
    wm.key("super+shift+c")
    rc = harness.wait_popen(p, CLIENT_TIMEOUT)
    assert rc == YAD_CLOSED, f"yad exited with {rc}"
    wm.wait_unmanaged(w)
    assert wm.managed() == [a]
    assert wm.active() == a
    assert wm.x.input_focus() == a
    assert wm.outer(a) == (0, 0, SCREEN_W, SCREEN_H)
