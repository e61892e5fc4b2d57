"""harness.py: X servers, ctile sessions and the helpers tests use to drive them.

Every wait here is bounded and event driven: it blocks on the X connection
(select on its fd) or on a pidfd, never on a blind sleep.
"""

import fcntl
import itertools
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from Xlib import X, display, error
from Xlib.protocol import event as xevent

import xclient

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "build" / "e2e-artifacts"

SCREEN_W, SCREEN_H = 1280, 800
BORDER = 2
NTAGS = 9
ALL_TAGS = (1 << NTAGS) - 1

SYNC_TIMEOUT = 5.0  # seconds ctile has to answer one _CTILE_SYNC
START_TIMEOUT = 10.0  # X server up and ctile ready
CLIENT_TIMEOUT = 10.0  # a real client (xterm) mapped and managed

WM_STATE_NORMAL = 1
WM_STATE_ICONIC = 3

COLOR_FOCUS = "#5e81ac"
COLOR_NORMAL = "#3b4252"
COLOR_URGENT = "#bf616a"


class HarnessError(AssertionError):
    """A wait ran out or a process misbehaved: the test fails with this text."""


# --------------------------------------------------------------------------
# Processes


def pidfd_wait(pid, timeout):
    """Wait (bounded) until process pid is gone. True if it went."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        ready, _, _ = select.select([fd], [], [], max(0.0, timeout))
        return bool(ready)
    finally:
        os.close(fd)


def wait_popen(proc, timeout):
    """Exit status of a child of ours, or None if it still runs after timeout."""
    if proc.poll() is not None:
        return proc.returncode
    if not pidfd_wait(proc.pid, timeout):
        return None
    return proc.wait(timeout=1)


def proc_alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in ("Z", "X")


def proc_cpu_seconds(pid):
    """utime + stime of a process so far, in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proc_children(pid):
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(p) for p in f.read().split()]
    except (FileNotFoundError, ProcessLookupError):
        pass
    return out


def proc_exe(pid):
    try:
        return os.path.realpath(f"/proc/{pid}/exe")
    except OSError:
        return None


def kill_group(pid, sig=signal.SIGKILL):
    try:
        os.killpg(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def base_env(tmp):
    """The environment of everything a test starts: nothing of the caller's
    X session or config leaks in; HOME and the XDG dirs are the test's own."""
    env = dict(os.environ)
    for var in ("DISPLAY", "XAUTHORITY", "WAYLAND_DISPLAY", "TERMINAL",
                "XDG_CONFIG_DIRS", "XDG_SESSION_TYPE"):
        env.pop(var, None)
    home = Path(tmp) / "home"
    runtime = Path(tmp) / "runtime"
    for d in (home, runtime):
        d.mkdir(mode=0o700, exist_ok=True)
    env["HOME"] = str(home)
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    env["XDG_RUNTIME_DIR"] = str(runtime)
    env["LC_ALL"] = "C.UTF-8"
    return env


# --------------------------------------------------------------------------
# Display numbers, safe under parallel xdist workers and other X servers


def _worker_index():
    m = re.match(r"gw(\d+)$", os.environ.get("PYTEST_XDIST_WORKER", "gw0"))
    return int(m.group(1)) if m else 0


def _socket_in_use(n):
    for addr in (f"\0/tmp/.X11-unix/X{n}", f"/tmp/.X11-unix/X{n}"):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.settimeout(1.0)
            s.connect(addr)
            return True
        except OSError:
            pass
        finally:
            s.close()
    return False


class DisplayLock:
    """A display number nobody else uses, held (flock) until release()."""

    FIRST, PER_WORKER, WORKERS = 420, 40, 16

    def __init__(self):
        idx = _worker_index() % self.WORKERS
        mine = range(self.FIRST + idx * self.PER_WORKER,
                     self.FIRST + (idx + 1) * self.PER_WORKER)
        every = range(self.FIRST, self.FIRST + self.WORKERS * self.PER_WORKER)
        lockdir = Path(tempfile.gettempdir())
        for n in itertools.chain(mine, every):
            if Path(f"/tmp/.X{n}-lock").exists():
                continue
            fd = os.open(lockdir / f".ctile-e2e-display-{n}.lock",
                         os.O_CREAT | os.O_RDWR, 0o666)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            if Path(f"/tmp/.X{n}-lock").exists() or _socket_in_use(n):
                os.close(fd)
                continue
            self.number, self.fd = n, fd
            return
        raise HarnessError("no free X display number for the e2e tests")

    def release(self):
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


# --------------------------------------------------------------------------
# The test's own X connection: queries, waits and the _CTILE_SYNC protocol


class XConn:
    def __init__(self, name, on_timeout=None):
        self.d = display.Display(name)
        self.screen = self.d.screen()
        self.root = self.screen.root
        self._atoms = {}
        self.serial = 0
        self.destroyed = set()  # windows we saw a DestroyNotify for
        self.unmaps = []  # windows we saw an UnmapNotify for (see watch)
        self.on_timeout = on_timeout or (lambda: "")
        self.root.change_attributes(event_mask=X.PropertyChangeMask)
        self.sync_win = self.root.create_window(
            -10, -10, 1, 1, 0, X.CopyFromParent, X.InputOnly, X.CopyFromParent)
        self.d.sync()

    def close(self):
        try:
            self.d.close()
        except Exception:
            pass

    def atom(self, name):
        if name not in self._atoms:
            self._atoms[name] = self.d.intern_atom(name)
        return self._atoms[name]

    def atom_name(self, atom):
        return self.d.get_atom_name(atom)

    def win(self, wid):
        return self.d.create_resource_object("window", int(wid))

    # -- events

    def next_event(self, deadline):
        """The next event, or None once the deadline has passed."""
        while True:
            if self.d.pending_events():
                ev = self.d.next_event()
                if ev.type == X.DestroyNotify:
                    self.destroyed.add(ev.window.id)
                elif ev.type == X.UnmapNotify:
                    self.unmaps.append(ev.window.id)
                return ev
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            select.select([self.d.fileno()], [], [], left)

    def wait_for(self, pred, what, timeout=SYNC_TIMEOUT):
        """Return pred()'s first true value, re-checking after every X event
        (root property changes and whatever else was selected)."""
        deadline = time.monotonic() + timeout
        while True:
            value = pred()
            if value:
                return value
            if self.next_event(deadline) is None:
                value = pred()
                if value:
                    return value
                raise HarnessError(
                    f"timed out after {timeout:g}s waiting for {what}"
                    + self.on_timeout())

    def sync(self, timeout=SYNC_TIMEOUT):
        """Round trip through ctile: once this returns, ctile has handled
        every event sent before, arranged and flushed."""
        self.serial += 1
        serial = self.serial
        sync_atom = self.atom("_CTILE_SYNC")
        ev = xevent.ClientMessage(
            window=self.root, client_type=sync_atom,
            data=(32, [self.sync_win.id, serial, 0, 0, 0]))
        self.root.send_event(
            ev, event_mask=X.SubstructureRedirectMask | X.SubstructureNotifyMask)
        self.d.flush()
        deadline = time.monotonic() + timeout
        while True:
            ev = self.next_event(deadline)
            if ev is None:
                raise HarnessError(
                    f"ctile did not answer _CTILE_SYNC (serial {serial}) "
                    f"within {timeout:g}s" + self.on_timeout())
            if (ev.type == X.ClientMessage and ev.window.id == self.sync_win.id
                    and ev.client_type == sync_atom
                    and ev.data[1][1] == serial):
                return

    # -- properties

    def prop(self, wid, name, type=X.AnyPropertyType):
        """(type name, format, value) of a property, None if absent or the
        window is gone."""
        # One request for the whole value: read in two parts, a value that
        # shrinks in between (ctile rewriting _NET_CLIENT_LIST) is a
        # BadValue.
        try:
            p = self.win(wid).get_full_property(self.atom(name), type,
                                                sizehint=1 << 16)
        except (error.BadWindow, error.BadMatch):
            return None
        if p is None:
            return None
        return (self.atom_name(p.property_type), p.format, p.value)

    def cardinals(self, wid, name):
        p = self.prop(wid, name)
        if p is None or p[1] != 32:
            return None
        return [int(v) for v in p[2]]

    def cardinal(self, wid, name):
        v = self.cardinals(wid, name)
        return v[0] if v else None

    def text(self, wid, name):
        p = self.prop(wid, name)
        if p is None:
            return None
        v = p[2]
        return v if isinstance(v, (bytes, str)) else bytes(v)

    # -- window state

    def alive(self, wid):
        try:
            self.win(wid).get_attributes()
            return True
        except error.BadWindow:
            return False

    def map_state(self, wid):
        try:
            return self.win(wid).get_attributes().map_state
        except error.BadWindow:
            return None

    def geometry(self, wid):
        """(x, y, w, h, border) relative to the root, None if gone."""
        try:
            g = self.win(wid).get_geometry()
            parent = self.win(wid).query_tree().parent
        except error.BadWindow:
            return None
        x, y = g.x, g.y
        if parent.id != self.root.id:
            c = self.win(wid).translate_coords(self.root, 0, 0)
            x, y = -c.x - g.border_width, -c.y - g.border_width
        return (x, y, g.width, g.height, g.border_width)

    def stacking(self):
        """Children of the root, bottom to top."""
        return [w.id for w in self.root.query_tree().children]

    def input_focus(self):
        f = self.d.get_input_focus().focus
        return f if isinstance(f, int) else f.id

    def pixel(self, x, y):
        img = self.root.get_image(x, y, 1, 1, X.ZPixmap, 0xFFFFFFFF)
        b = img.data
        return "#%02x%02x%02x" % (b[2], b[1], b[0])

    def keyboard_grabbable(self):
        """True if nobody holds an active keyboard or pointer grab."""
        kb = self.root.grab_keyboard(False, X.GrabModeAsync, X.GrabModeAsync,
                                     X.CurrentTime)
        if kb == X.GrabSuccess:
            self.d.ungrab_keyboard(X.CurrentTime)
        ptr = self.root.grab_pointer(False, 0, X.GrabModeAsync, X.GrabModeAsync,
                                     X.NONE, X.NONE, X.CurrentTime)
        if ptr == X.GrabSuccess:
            self.d.ungrab_pointer(X.CurrentTime)
        self.d.sync()
        return kb == X.GrabSuccess and ptr == X.GrabSuccess

    def watch_destroy(self, wid):
        """Select StructureNotify on wid so its DestroyNotify is seen."""
        self.win(wid).change_attributes(event_mask=X.StructureNotifyMask)
        self.d.sync()

    def watch(self, wid):
        """Select StructureNotify on wid: its UnmapNotify events are kept in
        self.unmaps (and its DestroyNotify in self.destroyed)."""
        self.watch_destroy(wid)

    def strings(self, wid, name):
        """A list of NUL-separated strings (as _NET_DESKTOP_NAMES), decoded;
        None if absent."""
        p = self.prop(wid, name)
        if p is None:
            return None
        data = p[2] if isinstance(p[2], bytes) else bytes(p[2])
        if data.endswith(b"\0"):
            data = data[:-1]
        return [v.decode("utf-8", "replace") for v in data.split(b"\0")]

    def wm_check(self):
        """The live _NET_SUPPORTING_WM_CHECK window, or None."""
        w = self.cardinal(self.root.id, "_NET_SUPPORTING_WM_CHECK")
        if not w:
            return None
        if self.cardinal(w, "_NET_SUPPORTING_WM_CHECK") != w:
            return None
        return w


# --------------------------------------------------------------------------
# A running X server with (or without) ctile on it


class Desktop:
    """One X server of one test, and everything the test does on it."""

    def __init__(self, tmp, ctile_bin, env_extra=None, args=()):
        self.tmp = Path(tmp)
        self.tmp.mkdir(parents=True, exist_ok=True)
        self.ctile_bin = str(ctile_bin)
        self.ctile_args = [str(a) for a in args]  # the xinitrc's ctile ARGS
        self.env = base_env(self.tmp)
        self.env.update(env_extra or {})
        self.lock = DisplayLock()
        self.number = self.lock.number
        self.name = f":{self.number}"
        self.env["DISPLAY"] = self.name
        self.log = self.tmp / "ctile.log"
        self.server_log = self.tmp / "server.log"
        self.x = None
        self.xvfb_pid = None
        self.procs = []  # our own children, killed at teardown
        self.clients = []  # xclient.TestClient connections
        self._titles = itertools.count(1)
        self._stopped = False

    # -- starting

    def _await_displayfd(self, rfd, proc):
        # The server writes the number and the newline separately: read up
        # to the newline before closing, or its second write fails.
        deadline = time.monotonic() + START_TIMEOUT
        data = b""
        try:
            while not data.endswith(b"\n"):
                left = deadline - time.monotonic()
                ready, _, _ = select.select([rfd], [], [], max(0, left))
                chunk = os.read(rfd, 64) if ready else b""
                if not chunk:
                    break
                data += chunk
        finally:
            os.close(rfd)
        if not data.endswith(b"\n"):
            raise HarnessError(
                f"X server {self.name} did not start within {START_TIMEOUT:g}s"
                f" (exit status {proc.poll()}); its log:\n"
                + self.server_log.read_text(errors="replace")[-3000:])

    def _connect(self):
        self.x = XConn(self.name, on_timeout=self.describe_ctile)

    def describe_ctile(self):
        """Why a wait may have failed: is ctile still there, what did it say."""
        pid = self.ctile_pid()
        state = "ctile is running" if pid and proc_alive(pid) else \
            "ctile is NOT running"
        try:
            tail = self.log.read_text(errors="replace")[-2000:]
        except FileNotFoundError:
            tail = ""
        return f"\n({state}; last lines of its log:)\n{tail}"

    def ctile_pid(self):
        raise NotImplementedError

    def watch_wm(self):
        """Before a restart or a kill: the current check window, watched so
        that wait_ready(old_check=...) knows when that ctile is gone (the
        next one's check window may well get the same id)."""
        w = self.x.wm_check()
        assert w, "no live _NET_SUPPORTING_WM_CHECK"
        self.x.watch_destroy(w)
        return w

    def wait_ready(self, old_check=None, timeout=START_TIMEOUT):
        """Wait for a (new) ctile to own the display: the check window of
        the old one (see watch_wm) destroyed, a live
        _NET_SUPPORTING_WM_CHECK set; then one sync."""
        if old_check:
            self.x.wait_for(lambda: old_check in self.x.destroyed,
                            "the old ctile's check window to go", timeout)
        w = self.x.wait_for(self.x.wm_check,
                            "ctile to set _NET_SUPPORTING_WM_CHECK", timeout)
        self.x.sync()
        return w

    # -- stopping

    def _stop_own(self):
        for c in self.clients:
            c.close()
        self.clients = []
        # SIGTERM first: xterm then hangs up its own child.
        for p in self.procs:
            if p.poll() is None:
                kill_group(p.pid, signal.SIGTERM)
        for p in self.procs:
            if wait_popen(p, 5) is None:
                kill_group(p.pid)
                wait_popen(p, 5)
        self.procs = []
        if self.x:
            self.x.close()
            self.x = None

    SANITIZER_MARKS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                       "runtime error:", "Segmentation fault")

    def _log_problems(self):
        """Sanitizer reports in ctile's log (a SANITIZE=1 build) fail the
        test that caused them."""
        try:
            text = self.log.read_text(errors="replace")
        except FileNotFoundError:
            return []
        for mark in self.SANITIZER_MARKS:
            i = text.find(mark)
            if i >= 0:
                i = text.rfind("\n", 0, i) + 1
                return [f"ctile's log reports {mark!r}:\n" + text[i:i + 3000]]
        return []

    def _reap_server(self):
        problems = []
        if self.xvfb_pid and not pidfd_wait(self.xvfb_pid, 10):
            problems.append(f"Xvfb (pid {self.xvfb_pid}) was left running")
            try:
                os.kill(self.xvfb_pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            pidfd_wait(self.xvfb_pid, 5)
        return problems

    # -- the things tests do

    def sync(self, timeout=SYNC_TIMEOUT):
        for c in list(self.clients):
            c.sync()
        self.x.sync(timeout)

    def run(self, *argv, check=True, timeout=10, input=None):
        """Run a command on this display; its CompletedProcess."""
        r = subprocess.run(list(argv), env=self.env, capture_output=True,
                           text=True, timeout=timeout, input=input,
                           stdin=None if input is not None else subprocess.DEVNULL)
        if check and r.returncode != 0:
            raise HarnessError(
                f"{' '.join(argv)} exited {r.returncode}: {r.stderr.strip()}")
        return r

    def key(self, *combos, sync=True, check=True):
        """Press keys as a user would (xdotool returns once the server has
        them), then sync so ctile has acted on them. check=False: the key
        may end the X server (quit under xinit), so xdotool may fail."""
        self.run("xdotool", "key", *combos, check=check)
        if sync:
            self.sync()

    def wait_until(self, pred, what, timeout=CLIENT_TIMEOUT):
        """pred()'s first true value, for things X does not announce (a file
        a spawned program writes): re-checked after each round trip through
        ctile, until timeout."""
        deadline = time.monotonic() + timeout
        while True:
            value = pred()
            if value:
                return value
            if time.monotonic() > deadline:
                raise HarnessError(f"timed out after {timeout:g}s waiting for "
                                   f"{what}" + self.describe_ctile())
            self.x.sync()

    # -- the config file

    @property
    def config_home(self):
        """$XDG_CONFIG_HOME of this session (or ~/.config when unset)."""
        return Path(self.env.get("XDG_CONFIG_HOME")
                    or Path(self.env["HOME"]) / ".config")

    def write_config(self, text, path=None):
        """Write a config file: by default $XDG_CONFIG_HOME/ctile/config,
        where ctile looks first. Its path."""
        path = Path(path) if path else self.config_home / "ctile" / "config"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return path

    def log_text(self):
        """What ctile wrote to its log (stderr) so far."""
        try:
            return self.log.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def desktop_names(self):
        return self.x.strings(self.x.root.id, "_NET_DESKTOP_NAMES")

    def bars(self):
        """ctile's bar windows (WM_CLASS ctile-bar) that are shown."""
        out = []
        for w in self.x.stacking():
            cls = self.x.text(w, "WM_CLASS")
            if isinstance(cls, str):
                cls = cls.encode("latin-1")
            if cls and cls.split(b"\0")[0] == b"ctile-bar" and self.shown(w):
                out.append(w)
        return out

    def work_area(self):
        """(x, y, w, h) where windows are tiled: the screen less the bars
        ctile shows at its top or bottom edge."""
        top, bottom = 0, SCREEN_H
        for b in self.bars():
            x, y, w, h, _ = self.x.geometry(b)
            if y <= 0:
                top = max(top, y + h)
            else:
                bottom = min(bottom, y)
        return (0, top, SCREEN_W, bottom - top)

    def mousemove(self, x, y):
        self.run("xdotool", "mousemove", str(x), str(y))
        self.sync()

    def click(self, x, y, button=1):
        self.run("xdotool", "mousemove", str(x), str(y), "click", str(button))
        self.sync()

    def client(self):
        """A new test client connection (see xclient.py)."""
        c = xclient.TestClient(self.name)
        self.clients.append(c)
        return c

    def spawn(self, *argv):
        p = subprocess.Popen(list(argv), env=self.env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL,
                             stderr=open(self.tmp / "clients.log", "ab"),
                             start_new_session=True)
        self.procs.append(p)
        return p

    def xterm(self, title=None):
        """Start a real xterm with a unique title; its window id once ctile
        manages it."""
        title = title or f"xterm-{next(self._titles)}"
        # cat ends by itself when its terminal goes away.
        p = self.spawn("xterm", "-T", title, "-e", "cat")

        def managed():
            if p.poll() is not None:
                raise HarnessError(f"xterm '{title}' exited with {p.returncode}")
            return self.find(title)
        w = self.x.wait_for(managed, f"xterm '{title}' to be managed "
                            "(listed in _NET_CLIENT_LIST)", CLIENT_TIMEOUT)
        self.sync()
        return w

    def find(self, title):
        """The managed window whose WM_NAME is title, or None."""
        for w in self.managed():
            name = self.x.text(w, "WM_NAME")
            if isinstance(name, bytes):
                name = name.decode("latin-1")
            if name == title:
                return w
        return None

    def wait_managed(self, wid, timeout=SYNC_TIMEOUT):
        self.x.wait_for(lambda: wid in self.managed(),
                        f"window 0x{wid:x} to be managed", timeout)
        self.sync()

    def wait_unmanaged(self, wid, timeout=SYNC_TIMEOUT):
        self.x.wait_for(lambda: wid not in self.managed(),
                        f"window 0x{wid:x} to leave _NET_CLIENT_LIST", timeout)
        self.sync()

    # -- state, as X shows it

    def managed(self):
        return self.x.cardinals(self.x.root.id, "_NET_CLIENT_LIST") or []

    def active(self):
        """_NET_ACTIVE_WINDOW (0 when None or absent)."""
        return self.x.cardinal(self.x.root.id, "_NET_ACTIVE_WINDOW") or 0

    def view(self):
        """_CTILE_VIEW as it is: one mask per monitor."""
        return self.x.cardinals(self.x.root.id, "_CTILE_VIEW")

    def viewed(self):
        """The mask the (first and only) monitor views."""
        v = self.view()
        return v[0] if v else None

    def current_desktop(self):
        return self.x.cardinal(self.x.root.id, "_NET_CURRENT_DESKTOP")

    def tags(self, wid):
        return self.x.cardinal(wid, "_CTILE_TAGS")

    def desktop(self, wid):
        return self.x.cardinal(wid, "_NET_WM_DESKTOP")

    def wm_state(self, wid):
        v = self.x.cardinals(wid, "WM_STATE")
        return v[0] if v else None

    def shown(self, wid):
        """Viewable, as a user sees it."""
        return self.x.map_state(wid) == X.IsViewable

    def hidden(self, wid):
        return self.x.map_state(wid) == X.IsUnmapped

    def outer(self, wid):
        """Outer rectangle (x, y, w, h), X border included."""
        g = self.x.geometry(wid)
        if g is None:
            return None
        x, y, w, h, b = g
        return (x, y, w + 2 * b, h + 2 * b)

    def border(self, wid):
        g = self.x.geometry(wid)
        return g[4] if g else None

    def focused(self):
        return self.active()

    def border_color(self, wid):
        """The colour of the window's left border, read off the screen."""
        x, y, w, h = self.outer(wid)
        return self.x.pixel(x, y + h // 2)

    def mapped_clients(self):
        return [w for w in self.managed() if self.shown(w)]

    # -- health, after something bad was done

    def assert_healthy(self, windows=(), start_view=1):
        """ctile answers sync, a key press still switches the view, the given
        windows are all still managed, and no grab is left behind."""
        self.sync()
        managed = self.managed()
        lost = [hex(w) for w in windows if w not in managed]
        assert not lost, f"managed windows were lost: {lost}"
        assert len(managed) == len(set(managed)), \
            f"_NET_CLIENT_LIST has duplicates: {managed}"
        other = 2 if start_view != 2 else 3
        self.key(f"super+{other}")
        assert self.viewed() == 1 << (other - 1), \
            f"super+{other} did not switch the view (view is {self.viewed()})"
        assert self.current_desktop() == other - 1
        self.key(f"super+{start_view}")
        assert self.viewed() == 1 << (start_view - 1)
        managed = self.managed()
        lost = [hex(w) for w in windows if w not in managed]
        assert not lost, f"managed windows were lost: {lost}"
        for w in windows:
            if self.tags(w) and self.tags(w) & (1 << (start_view - 1)):
                assert self.shown(w), f"window 0x{w:x} is not shown on its tag"
        act = self.active()
        assert act == 0 or act in managed, \
            f"_NET_ACTIVE_WINDOW 0x{act:x} is not a managed window"
        assert self.x.keyboard_grabbable(), \
            "a keyboard or pointer grab was left behind"

    # -- artifacts

    def collect(self, dest):
        """Keep what helps to understand a failure under dest."""
        dest = Path(dest)
        dest.mkdir(parents=True, exist_ok=True)
        for f in (self.log, self.server_log, self.tmp / "clients.log"):
            if f.exists():
                shutil.copy(f, dest / f.name)
        if self._stopped:
            return
        cmds = {
            "screenshot.png": ["import", "-window", "root",
                               str(dest / "screenshot.png")],
            "xprop-root.txt": ["xprop", "-root"],
            "wmctrl-l.txt": ["wmctrl", "-l"],
            "xwininfo-tree.txt": ["xwininfo", "-root", "-tree"],
        }
        for out, argv in cmds.items():
            try:
                r = subprocess.run(argv, env=self.env, capture_output=True,
                                   timeout=10, stdin=subprocess.DEVNULL)
                if out.endswith(".txt"):
                    (dest / out).write_bytes(r.stdout + r.stderr)
            except (subprocess.TimeoutExpired, OSError) as e:
                (dest / (out + ".error")).write_text(str(e))


class XinitDesktop(Desktop):
    """ctile started as a user would: xinit, an xinitrc that ends in
    `exec ctile`, Xvfb as the server."""

    def start(self):
        rc = self.tmp / "xinitrc"
        argv = " ".join(sh_quote(a)
                        for a in [self.ctile_bin, *self.ctile_args])
        rc.write_text(
            "#!/bin/sh\n"
            "# generated by the ctile e2e tests\n"
            f"exec {argv} 2>>{sh_quote(str(self.log))}\n")
        rc.chmod(0o755)
        rfd, wfd = os.pipe()
        try:
            self.xinit = subprocess.Popen(
                ["xinit", str(rc), "--", "/usr/bin/Xvfb", self.name,
                 "-screen", "0", f"{SCREEN_W}x{SCREEN_H}x24",
                 "-nolisten", "tcp", "-noreset", "-displayfd", str(wfd)],
                env=self.env, pass_fds=[wfd], stdin=subprocess.DEVNULL,
                stdout=open(self.server_log, "ab"), stderr=subprocess.STDOUT,
                start_new_session=True)
        finally:
            os.close(wfd)
        self._await_displayfd(rfd, self.xinit)
        for pid in proc_children(self.xinit.pid):
            if proc_exe(pid) == os.path.realpath("/usr/bin/Xvfb"):
                self.xvfb_pid = pid
        self._connect()
        self.wait_ready()

    def ctile_pid(self):
        want = os.path.realpath(self.ctile_bin)
        for pid in proc_children(self.xinit.pid):
            if proc_exe(pid) == want:
                return pid
        return None

    def stop(self):
        """Kill the xinit process group; fail if an Xvfb is left over."""
        if self._stopped:
            return []
        self._stopped = True
        if not hasattr(self, "xinit"):  # it never started
            self._stop_own()
            self.lock.release()
            return []
        ctile = self.ctile_pid()
        self._stop_own()
        problems = []
        # The server goes first: xinit's own shutdown would poll for it with
        # a one-second sleep. Then the xinit process group goes.
        if self.xvfb_pid and proc_alive(self.xvfb_pid):
            try:
                os.kill(self.xvfb_pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            if not pidfd_wait(self.xvfb_pid, 10):
                problems.append("Xvfb did not exit on SIGTERM")
        kill_group(self.xinit.pid, signal.SIGKILL)
        wait_popen(self.xinit, 5)
        problems += self._reap_server()
        if ctile and not pidfd_wait(ctile, 5):
            problems.append(
                f"ctile (pid {ctile}) still ran 5s after its X server was gone")
            os.kill(ctile, signal.SIGKILL)
        self.lock.release()
        return problems + self._log_problems()


class BareDesktop(Desktop):
    """A bare Xvfb; the test starts ctile itself (start_ctile)."""

    def start(self):
        rfd, wfd = os.pipe()
        try:
            self.xvfb = subprocess.Popen(
                ["/usr/bin/Xvfb", self.name, "-screen", "0",
                 f"{SCREEN_W}x{SCREEN_H}x24", "-nolisten", "tcp", "-noreset",
                 "-displayfd", str(wfd)],
                env=self.env, pass_fds=[wfd], stdin=subprocess.DEVNULL,
                stdout=open(self.server_log, "ab"), stderr=subprocess.STDOUT,
                start_new_session=True)
        finally:
            os.close(wfd)
        self.xvfb_pid = self.xvfb.pid
        self._await_displayfd(rfd, self.xvfb)
        self._connect()
        self.ctiles = []

    def start_ctile(self, *args, wait=True, old_check=None):
        """Start ctile on this display (stdout and stderr to its log);
        wait for it to be ready unless wait=False."""
        log = open(self.log, "ab")
        p = subprocess.Popen([self.ctile_bin, *args], env=self.env,
                             stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                             start_new_session=True)
        log.close()
        self.ctiles.append(p)
        if wait:
            self.wait_ready(old_check=old_check)
        return p

    def ctile_pid(self):
        live = [p for p in getattr(self, "ctiles", []) if p.poll() is None]
        return live[-1].pid if live else None

    def wait_exit(self, proc, timeout=SYNC_TIMEOUT, what="ctile"):
        rc = wait_popen(proc, timeout)
        if rc is None:
            raise HarnessError(f"{what} did not exit within {timeout:g}s"
                               + self.describe_ctile())
        return rc

    def stop(self):
        if self._stopped:
            return []
        self._stopped = True
        self._stop_own()
        if not hasattr(self, "xvfb"):  # it never started
            self.lock.release()
            return []
        for p in getattr(self, "ctiles", []):
            if p.poll() is None:
                p.kill()
            wait_popen(p, 5)
        kill_group(self.xvfb.pid, signal.SIGTERM)
        if wait_popen(self.xvfb, 10) is None:
            kill_group(self.xvfb.pid)
            wait_popen(self.xvfb, 5)
        problems = self._reap_server()
        self.lock.release()
        return problems + self._log_problems()


def sh_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def tile_rects(n, nmaster=1, mfact=0.55):
    """Outer rects of the tile layout on the whole screen, in tiling order."""
    if n == 0:
        return []
    m = min(n, nmaster)
    s = n - m
    mw = int(SCREEN_W * mfact) if (s and m) else (SCREEN_W if m else 0)

    def column(x, w, k):
        out, y = [], 0
        for i in range(k):
            h = (SCREEN_H - y) // (k - i)
            out.append((x, y, w, h))
            y += h
        return out
    return column(0, mw, m) + column(mw, SCREEN_W - mw, s)
