"""The volume widget against a real PulseAudio server with a null sink: it
follows `pactl set-sink-volume` and mute, scrolling and clicking change the
server's volume, and without a server (or without pactl) it says so, and
tries again without waking ctile for nothing: when the server's socket
appears, by a back-off while a socket nobody answers on is there, and for
pactl only when clicked.

Each test runs its own pulseaudio in a runtime dir of its own and points
ctile at it with PULSE_SERVER (so nothing autospawns a server, and tests run
in parallel). What the widget shows is read from ctile's debug log, which
names each new text, and checked on screen by the bar's pixels."""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from Xlib import X

import harness

DEFAULT = (harness.REPO / "config" / "config").read_text()

# The bar with the volume widget alone on its right; nothing else on the
# bar changes while a test runs (no clock).
CONFIG = DEFAULT + "\n# added by the test\nbar right volume\n"

NO_SERVER_WARNING = "volume: no sound server"
# Logged (debug) at each try to reach the server.
ATTEMPT = "volume: listening: pactl subscribe"
# The widget's first retry by timer comes this long after the trouble.
RETRY_FIRST_S = 2


def shown(text):
    """The debug log line the widget writes when its text becomes text."""
    return f'volume: "{text}"'


class Pulse:
    """A pulseaudio of the test's own: a null sink, the native protocol on a
    unix socket in a short private dir (a socket path has 108 bytes)."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="ctile-pa-"))
        self.dir.chmod(0o700)
        (self.dir / "home").mkdir()
        self.socket = self.dir / "pulse" / "native"
        self.server = f"unix:{self.socket}"
        self.log = self.dir / "pulseaudio.log"
        env = dict(os.environ)
        for var in ("DISPLAY", "PULSE_SERVER", "DBUS_SESSION_BUS_ADDRESS"):
            env.pop(var, None)
        env.update(HOME=str(self.dir / "home"), XDG_RUNTIME_DIR=str(self.dir),
                   XDG_CONFIG_HOME=str(self.dir / "home" / ".config"),
                   LC_ALL="C")
        self.env = env
        self.pid = None

    def start(self):
        """Start the server; it is ready (its socket listens) on return:
        a daemonizing pulseaudio exits only once its child is set up."""
        assert shutil.which("pulseaudio"), \
            "pulseaudio is not installed (scripts/deps.sh check)"
        r = subprocess.run(
            ["pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "-n",
             "--use-pid-file=yes", f"--log-target=file:{self.log}",
             "-L", "module-null-sink",
             "-L", "module-native-protocol-unix"],
            env=self.env, stdin=subprocess.DEVNULL, capture_output=True,
            text=True, timeout=30)
        assert r.returncode == 0, \
            f"pulseaudio did not start: {r.stderr}{self.log_text()}"
        self.pid = int((self.dir / "pulse" / "pid").read_text().split()[0])
        assert self.socket.exists()

    def stop(self):
        """Stop it and wait (bounded) until it is gone."""
        if self.pid and harness.proc_alive(self.pid):
            os.kill(self.pid, signal.SIGTERM)
            if not harness.pidfd_wait(self.pid, 10):
                os.kill(self.pid, signal.SIGKILL)
                harness.pidfd_wait(self.pid, 5)
        self.pid = None

    def pactl(self, *args):
        env = dict(self.env, PULSE_SERVER=self.server)
        r = subprocess.run(["pactl", *args], env=env, capture_output=True,
                           text=True, timeout=10, stdin=subprocess.DEVNULL)
        assert r.returncode == 0, f"pactl {' '.join(args)}: {r.stderr}"
        return r.stdout

    def volume(self):
        """The default sink's volume in percent, as pactl shows it."""
        out = self.pactl("get-sink-volume", "@DEFAULT_SINK@")
        return [int(w.rstrip("%")) for w in out.split() if w.endswith("%")]

    def muted(self):
        return self.pactl("get-sink-mute", "@DEFAULT_SINK@").split() == \
            ["Mute:", "yes"]

    def log_text(self):
        try:
            return self.log.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def remove(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def pulse():
    p = Pulse()
    try:
        yield p
    finally:
        p.remove()


def session(make_wm, server, **env):
    """ctile with the volume widget, its debug log on, talking to server."""
    return make_wm(CONFIG, env={"PULSE_SERVER": server, "CTILE_LOG": "debug",
                                **env})


class Log:
    """ctile's log read from where the test last looked, so a text shown
    twice is waited for twice."""

    def __init__(self, d):
        self.d = d
        self.seen = 0

    def wait(self, line, timeout=harness.CLIENT_TIMEOUT):
        """Wait (round trips through ctile, bounded) for a new line with
        this text; then one more sync, so the bar it belongs to is drawn."""
        def find():
            text = self.d.log_text()
            i = text.find(line, self.seen)
            return i + len(line) if i >= 0 else 0
        end = self.d.wait_until(find, f"ctile's log to say {line!r}",
                                timeout=timeout)
        self.seen = end
        self.d.sync()

    def count(self, line):
        return self.d.log_text().count(line)


def bar(d):
    bars = d.bars()
    assert len(bars) == 1, f"want one bar, have {bars}"
    x, y, w, h, _ = d.x.geometry(bars[0])
    return x, y, w, h


def bar_pixels(d):
    """The bar as drawn on screen, raw pixels."""
    x, y, w, h = bar(d)
    return d.x.root.get_image(x, y, w, h, X.ZPixmap, 0xFFFFFFFF).data


def widget_spot(d):
    """A point inside the volume widget: the rightmost part of the bar."""
    x, y, w, h = bar(d)
    return x + w - 8, y + h // 2


def test_volume_follows_pactl_set_sink_volume(make_wm, pulse):
    pulse.start()
    d = session(make_wm, pulse.server)
    log = Log(d)
    log.wait(shown("vol 100%"))  # a fresh null sink is at 100%
    full = bar_pixels(d)

    pulse.pactl("set-sink-volume", "@DEFAULT_SINK@", "42%")
    log.wait(shown("vol 42%"))
    at42 = bar_pixels(d)
    assert at42 != full, "the bar looks the same at 42% as at 100%"

    # Above 100% is shown as it is.
    pulse.pactl("set-sink-volume", "@DEFAULT_SINK@", "150%")
    log.wait(shown("vol 150%"))

    # Channels apart: the widget shows their average.
    pulse.pactl("set-sink-volume", "@DEFAULT_SINK@", "30%", "70%")
    log.wait(shown("vol 50%"))

    pulse.pactl("set-sink-mute", "@DEFAULT_SINK@", "1")
    log.wait(shown("vol muted"))
    muted = bar_pixels(d)
    assert muted not in (full, at42), "muted is not drawn differently"

    pulse.pactl("set-sink-mute", "@DEFAULT_SINK@", "0")
    log.wait(shown("vol 50%"))
    pulse.pactl("set-sink-volume", "@DEFAULT_SINK@", "42%")
    log.wait(shown("vol 42%"))
    assert bar_pixels(d) == at42, "42% is drawn differently the second time"

    # Events of other facilities (a new module and its source) change
    # nothing; a new default sink is a server event and is followed.
    pulse.pactl("load-module", "module-null-sink", "sink_name=second")
    pulse.pactl("set-sink-volume", "second", "17%")
    pulse.pactl("set-default-sink", "second")
    log.wait(shown("vol 17%"))
    pulse.pactl("set-default-sink", "null")
    log.wait(shown("vol 42%"))

    # The server goes: the widget says so, once in the log.
    pulse.stop()
    log.wait(shown("no sound server"))
    assert log.count(NO_SERVER_WARNING) == 1
    assert bar_pixels(d) not in (full, at42, muted)


def test_a_change_while_the_subscription_connects_is_not_missed(
        make_wm, pulse, tmp_path):
    """pactl subscribe takes a moment to connect (a loaded machine): a
    volume change made meanwhile sends it no event. The widget must still
    end up showing it. Here a pactl in PATH makes the subscription connect
    half a second late, and the change comes as soon as the first volume
    is shown."""
    pulse.start()
    slow = tmp_path / "bin"
    slow.mkdir()
    real = shutil.which("pactl")
    (slow / "pactl").write_text(
        "#!/bin/sh\n"
        f'[ "$1" = subscribe ] && sleep 0.5\nexec {real} "$@"\n')
    (slow / "pactl").chmod(0o755)
    d = session(make_wm, pulse.server,
                PATH=f"{slow}:{os.environ['PATH']}")
    log = Log(d)
    log.wait(shown("vol 100%"))
    pulse.pactl("set-sink-volume", "@DEFAULT_SINK@", "42%")
    log.wait(shown("vol 42%"))


def test_scroll_and_click_change_the_server(make_wm, pulse):
    pulse.start()
    pulse.pactl("set-sink-volume", "@DEFAULT_SINK@", "50%")
    d = session(make_wm, pulse.server)
    log = Log(d)
    log.wait(shown("vol 50%"))
    x, y = widget_spot(d)

    d.click(x, y, button=4)  # scroll up: +5%
    log.wait(shown("vol 55%"))
    assert pulse.volume() == [55, 55]
    d.click(x, y, button=5)  # scroll down: -5%
    log.wait(shown("vol 50%"))
    assert pulse.volume() == [50, 50]

    # Up to max=100 and no further.
    pulse.pactl("set-sink-volume", "@DEFAULT_SINK@", "98%")
    log.wait(shown("vol 98%"))
    d.click(x, y, button=4)
    log.wait(shown("vol 100%"))
    assert pulse.volume() == [100, 100]

    d.click(x, y, button=1)  # mute
    log.wait(shown("vol muted"))
    assert pulse.muted()
    d.click(x, y, button=1)  # and back
    log.wait(shown("vol 100%"))
    assert not pulse.muted()


def watching(directory, sock):
    """The debug log line of the widget waiting in directory for sock."""
    return f"volume: watching {directory} for {sock}"


def assert_no_retry(d, log, seconds=RETRY_FIRST_S + 0.5):
    """For longer than the first step of the back-off, the widget tries
    nothing by itself. Checked after each round trip through ctile, so a
    retry fails the test as soon as it is logged."""
    before = log.count(ATTEMPT)
    end = time.monotonic() + seconds

    def quiet_till_the_end():
        assert log.count(ATTEMPT) == before, "the widget tried again by itself"
        return time.monotonic() >= end
    d.wait_until(quiet_till_the_end, "the window to pass",
                 timeout=seconds + harness.CLIENT_TIMEOUT)


def test_no_sound_server_waits_for_its_socket(make_wm, pulse):
    """No server and no socket file: "no sound server", said once, and no
    retry by timer: the widget waits for the socket to appear (inotify) and
    takes the server that comes by itself, without a click."""
    d = session(make_wm, pulse.server)  # pulse.dir is there, pulse/ is not
    log = Log(d)
    log.wait(watching(pulse.dir, pulse.socket))
    log.wait(shown("no sound server"))
    none = bar_pixels(d)
    assert f"{NO_SERVER_WARNING} (pactl subscribe ended); trying again " \
        f"when {pulse.socket} appears" in d.log_text()

    # The wait follows the directories on the way as they come and go.
    (pulse.dir / "pulse").mkdir(mode=0o700)
    log.wait(watching(pulse.dir / "pulse", pulse.socket))
    (pulse.dir / "pulse").rmdir()
    log.wait(watching(pulse.dir, pulse.socket))
    assert_no_retry(d, log)
    assert log.count(ATTEMPT) == 1, "the widget tried again meanwhile"

    pulse.start()  # no click
    log.wait(shown("vol 100%"))
    assert bar_pixels(d) != none, "the bar did not change"
    assert log.count(ATTEMPT) == 2
    assert log.count(NO_SERVER_WARNING) == 1


def pactl_running(d):
    return any((harness.proc_exe(p) or "").endswith("/pactl")
               for p in harness.proc_children(d.ctile_pid()))


def test_stale_socket_backs_off_then_a_click(make_wm, pulse):
    """A socket file nobody listens on (a server gone without removing it,
    or one starting): the file will not appear, so the widget tries again
    by timer, with a back-off, and says so once. A click tries again at
    once and finds the server that came meanwhile."""
    (pulse.dir / "pulse").mkdir(mode=0o700)
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(pulse.socket))  # bound, never listening
    d = session(make_wm, pulse.server)
    log = Log(d)
    log.wait(shown("no sound server"))
    none = bar_pixels(d)
    # The first retry comes after 2 s; the second would be 4 s later.
    d.wait_until(lambda: log.count(ATTEMPT) >= 2, "the widget to try again")
    assert log.count(ATTEMPT) == 2, "the widget retries without a back-off"
    assert log.count(NO_SERVER_WARNING) == 1, \
        "no sound server is logged at every retry"
    text = d.log_text()
    assert f"{NO_SERVER_WARNING} (pactl subscribe ended); trying again " \
        "every 60 s at most" in text
    assert "volume: watching" not in text
    # The click is for the trouble, not for a try under way.
    d.wait_until(lambda: not pactl_running(d), "the second try to end")

    pulse.start()  # it replaces the stale socket
    x, y = widget_spot(d)
    d.click(x, y, button=1)
    log.wait(shown("vol 100%"))
    assert bar_pixels(d) != none, "the bar did not change"
    assert log.count(ATTEMPT) == 3


def test_no_pactl(xvfb, tmp_path):
    """Without pactl on PATH the widget says so instead of failing, and
    does not look for it again until clicked: a pactl put on PATH later is
    found by the click."""
    cfg = tmp_path / "config"
    cfg.write_text(CONFIG)
    env = dict(xvfb.env)
    bin_dir = tmp_path / "empty-bin"
    xvfb.env.update(PATH=str(bin_dir), CTILE_LOG="debug",
                    PULSE_SERVER=f"unix:{tmp_path}/none")
    try:
        xvfb.start_ctile("-c", str(cfg))
    finally:
        xvfb.env = env  # the test's own commands find their programs
    log = Log(xvfb)
    log.wait(shown("no pactl"))
    assert "volume: pactl is not installed; click the widget or reload " \
        "the config to try again" in xvfb.log_text()

    pactl = shutil.which("pactl")
    assert pactl, "pactl is not installed (scripts/deps.sh check)"
    bin_dir.mkdir()
    (bin_dir / "pactl").symlink_to(pactl)
    assert_no_retry(xvfb, log)
    assert log.count(ATTEMPT) == 0

    x, y = widget_spot(xvfb)
    xvfb.click(x, y, button=1)
    log.wait(ATTEMPT)
    log.wait(shown("no sound server"))  # nothing at tmp_path/none
    assert log.count("volume: pactl is not installed") == 1
