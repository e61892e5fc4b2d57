"""xclient.py: a scriptable X client for windows that misbehave on purpose.

Each TestClient is its own X connection, so it can die (close_abruptly) or be
killed by the window manager without taking the test's connection with it.
Every property is written raw, so a test can say anything: zero, negative or
huge size hints, titles of any bytes, transient loops.
"""

import select
import time

from Xlib import X, Xatom, display, error
from Xlib.protocol import event as xevent

# WM_SIZE_HINTS flags (ICCCM 4.1.2.3)
US_POSITION, US_SIZE, P_POSITION, P_SIZE = 1, 2, 4, 8
P_MIN_SIZE, P_MAX_SIZE, P_RESIZE_INC, P_ASPECT = 16, 32, 64, 128
P_BASE_SIZE, P_WIN_GRAVITY = 256, 512

# WM_HINTS flags
INPUT_HINT, STATE_HINT, URGENCY_HINT = 1, 2, 256


def u32(v):
    return int(v) & 0xFFFFFFFF


def size_hints(min=None, max=None, inc=None, base=None, aspect=None,
               pos=None, size=None, gravity=None, flags=None):
    """The 18 CARD32 of WM_NORMAL_HINTS; each given pair sets its flag.
    Values are written as given (negative ones as two's complement)."""
    v = [0] * 18
    f = 0
    if pos is not None:
        f |= P_POSITION
        v[1:3] = pos
    if size is not None:
        f |= P_SIZE
        v[3:5] = size
    if min is not None:
        f |= P_MIN_SIZE
        v[5:7] = min
    if max is not None:
        f |= P_MAX_SIZE
        v[7:9] = max
    if inc is not None:
        f |= P_RESIZE_INC
        v[9:11] = inc
    if aspect is not None:
        f |= P_ASPECT
        v[11:15] = aspect
    if base is not None:
        f |= P_BASE_SIZE
        v[15:17] = base
    if gravity is not None:
        f |= P_WIN_GRAVITY
        v[17] = gravity
    v[0] = f if flags is None else flags
    return [u32(x) for x in v]


class TestClient:
    __test__ = False  # not a pytest class

    def __init__(self, name):
        self.name = name
        self.d = display.Display(name)
        self.root = self.d.screen().root
        self.errors = []
        self.d.set_error_handler(self._on_error)
        self.closed = False
        self._atoms = {}
        self.events = []  # kept by drain()

    def _on_error(self, err, request):
        self.errors.append(err)

    def atom(self, name):
        if name not in self._atoms:
            self._atoms[name] = self.d.intern_atom(name)
        return self._atoms[name]

    def win(self, wid):
        return self.d.create_resource_object("window", int(wid))

    # -- windows

    def create(self, x=10, y=10, w=200, h=150, title="test-window", *,
               net_title=None, override_redirect=False, hints=None,
               transient_for=None, protocols=("WM_DELETE_WINDOW",),
               urgent=False, input_hint=True, states=None,
               map=True, border=0,
               event_mask=X.StructureNotifyMask | X.PropertyChangeMask,
               sync=True):
        """Create a top-level window and (by default) map it; its id."""
        screen = self.d.screen()
        win = self.root.create_window(
            x, y, w, h, border, screen.root_depth, X.InputOutput,
            X.CopyFromParent, background_pixel=screen.white_pixel,
            event_mask=event_mask, override_redirect=override_redirect)
        wid = win.id
        if title is not None:
            self.set_title(wid, title if isinstance(title, bytes)
                           else title.encode())
        if net_title is not None:
            self.set_title(wid, net_title, net=True)
        win.set_wm_class("ctile-e2e", "CtileE2E")
        if hints is not None:
            self.set_normal_hints(wid, hints)
        if transient_for is not None:
            self.set_transient_for(wid, transient_for)
        if protocols is not None:
            self.set_protocols(wid, protocols)
        self.set_wm_hints(wid, urgent=urgent, input_hint=input_hint)
        if states:
            self.set_states(wid, states)
        if map:
            win.map()
        if sync:
            self.d.sync()
        else:
            self.d.flush()
        return wid

    def set_title(self, wid, data, net=False, sync=False):
        if isinstance(data, str):
            data = data.encode()
        if net:
            self.win(wid).change_property(self.atom("_NET_WM_NAME"),
                                          self.atom("UTF8_STRING"), 8, data)
        else:
            self.win(wid).change_property(Xatom.WM_NAME, Xatom.STRING, 8, data)
        self._done(sync)

    def set_normal_hints(self, wid, values, sync=False):
        self.win(wid).change_property(Xatom.WM_NORMAL_HINTS,
                                      Xatom.WM_SIZE_HINTS, 32,
                                      [u32(v) for v in values])
        self._done(sync)

    def set_transient_for(self, wid, other, sync=False):
        self.win(wid).change_property(Xatom.WM_TRANSIENT_FOR, Xatom.WINDOW,
                                      32, [u32(other)])
        self._done(sync)

    def set_protocols(self, wid, names, sync=False):
        self.win(wid).change_property(self.atom("WM_PROTOCOLS"), Xatom.ATOM, 32,
                                      [self.atom(n) for n in names])
        self._done(sync)

    def set_wm_hints(self, wid, urgent=False, input_hint=True, sync=False):
        flags = INPUT_HINT | (URGENCY_HINT if urgent else 0)
        self.win(wid).change_property(
            Xatom.WM_HINTS, Xatom.WM_HINTS, 32,
            [flags, 1 if input_hint else 0, 0, 0, 0, 0, 0, 0, 0])
        self._done(sync)

    def set_cardinals(self, wid, name, values, sync=False):
        self.win(wid).change_property(self.atom(name), Xatom.CARDINAL, 32,
                                      [u32(v) for v in values])
        self._done(sync)

    def set_states(self, wid, names, sync=False):
        """_NET_WM_STATE as a client sets it before mapping."""
        self.win(wid).change_property(self.atom("_NET_WM_STATE"), Xatom.ATOM,
                                      32, [self.atom(n) for n in names])
        self._done(sync)

    def map(self, wid, sync=True):
        self.win(wid).map()
        self._done(sync)

    def unmap(self, wid, sync=True):
        self.win(wid).unmap()
        self._done(sync)

    def withdraw(self, wid, sync=True):
        """ICCCM withdraw: unmap plus the synthetic UnmapNotify to the root."""
        w = self.win(wid)
        w.unmap()
        ev = xevent.UnmapNotify(event=self.root, window=w, from_configure=False)
        self.root.send_event(ev, event_mask=X.SubstructureRedirectMask
                             | X.SubstructureNotifyMask)
        self._done(sync)

    def destroy(self, wid, sync=True):
        self.win(wid).destroy()
        self._done(sync)

    def configure(self, wid, sync=True, **kw):
        """ConfigureWindow: x, y, width, height, border_width, stack_mode."""
        self.win(wid).configure(**kw)
        self._done(sync)

    def send_root_message(self, type_name, data, fmt=32, window=None,
                          sync=True):
        """A client message to the root as EWMH says (Substructure masks).
        data: 5 longs (fmt 32), 10 shorts (16) or 20 bytes (8)."""
        n = {32: 5, 16: 10, 8: 20}[fmt]
        data = list(data) + [0] * (n - len(data))
        if fmt == 32:
            data = [u32(v) for v in data]
        elif fmt == 16:
            data = [int(v) & 0xFFFF for v in data]
        else:
            data = [int(v) & 0xFF for v in data]
        win = self.root if window is None else self.win(window)
        ev = xevent.ClientMessage(window=win, client_type=self.atom(type_name),
                                  data=(fmt, data))
        self.root.send_event(ev, event_mask=X.SubstructureRedirectMask
                             | X.SubstructureNotifyMask)
        self._done(sync)

    # -- connection

    def _done(self, sync):
        """sync=True: round trip; False: flush; None: leave it buffered."""
        if sync:
            self.sync()
        elif sync is not None:
            self.d.flush()

    def sync(self):
        """Round trip: the server has processed every request sent so far."""
        if self.closed:
            return
        try:
            self.d.sync()
        except (error.ConnectionClosedError, OSError, BrokenPipeError):
            self.closed = True

    def flush(self):
        self.d.flush()

    def drain(self):
        """Every event received so far (after a round trip), appended to
        self.events and returned."""
        self.sync()
        got = []
        if self.closed:
            return got
        try:
            while self.d.pending_events():
                got.append(self.d.next_event())
        except (error.ConnectionClosedError, OSError):
            self.closed = True
        self.events += got
        return got

    def wait_event(self, pred, timeout=5.0):
        """The first event (old or new) for which pred is true, or None."""
        for ev in self.events:
            if pred(ev):
                return ev
        deadline = time.monotonic() + timeout
        while True:
            while self.d.pending_events():
                ev = self.d.next_event()
                self.events.append(ev)
                if pred(ev):
                    return ev
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            select.select([self.d.fileno()], [], [], left)

    def is_killed(self, timeout=5.0):
        """True once the server closed this connection (XKillClient)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                while self.d.pending_events():
                    self.events.append(self.d.next_event())
                self.d.sync()
            except (error.ConnectionClosedError, OSError):
                self.closed = True
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            select.select([self.d.fileno()], [], [], left)

    def close(self):
        if not self.closed:
            self.closed = True
            try:
                self.d.close()
            except Exception:
                pass

    def close_abruptly(self):
        """Drop the connection without a word: the server destroys every
        window of ours at once."""
        if not self.closed:
            self.closed = True
            self.d.display.socket.close()
