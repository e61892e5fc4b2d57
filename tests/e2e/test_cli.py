"""The command line: version, help, and refusing to start where it cannot."""

import subprocess

from Xlib import X

import harness


def run_ctile(ctile_bin, tmp_path, *args, display=None, timeout=10):
    env = harness.base_env(tmp_path)
    if display is not None:
        env["DISPLAY"] = display
    return subprocess.run([ctile_bin, *args], env=env, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def test_version_prints_name_and_exits_0(ctile_bin, tmp_path):
    r = run_ctile(ctile_bin, tmp_path, "--version")
    assert r.returncode == 0, r.stderr
    first = r.stdout.strip().splitlines()
    assert first and "ctile" in first[0], \
        f"--version printed {r.stdout!r} (stderr {r.stderr!r})"


def test_help_prints_usage_and_exits_0(ctile_bin, tmp_path):
    r = run_ctile(ctile_bin, tmp_path, "--help")
    assert r.returncode == 0, r.stderr
    assert "usage" in r.stdout.lower(), f"--help printed {r.stdout!r}"
    assert "--version" in r.stdout, "--help does not mention --version"


def test_a_wrong_option_prints_usage_and_exits_2(ctile_bin, tmp_path):
    """As ctile(1) says: a mistyped option is the usage error 2, told on
    standard error with the usage, and nothing is started."""
    r = run_ctile(ctile_bin, tmp_path, "-x")
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "unknown option '-x'" in r.stderr
    assert "usage" in r.stderr.lower() and r.stdout == ""


def test_no_display_is_one_line_error_exit_1(ctile_bin, tmp_path):
    r = run_ctile(ctile_bin, tmp_path)
    assert r.returncode == 1, (r.returncode, r.stderr)
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].strip(), \
        f"want exactly one line on stderr, got {r.stderr!r}"


def test_unreachable_display_is_one_line_error_exit_1(ctile_bin, tmp_path):
    r = run_ctile(ctile_bin, tmp_path, display=":99999")
    assert r.returncode == 1, (r.returncode, r.stderr)
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].strip(), \
        f"want exactly one line on stderr, got {r.stderr!r}"


def test_second_ctile_refuses_and_first_keeps_working(wm, ctile_bin, tmp_path):
    a = wm.xterm()
    r = subprocess.run([ctile_bin], env=wm.env, capture_output=True, text=True,
                       timeout=10, stdin=subprocess.DEVNULL)
    assert r.returncode == 1, (r.returncode, r.stderr)
    assert "another window manager is running" in (r.stderr + r.stdout), \
        f"stderr was {r.stderr!r}"
    wm.sync()
    assert wm.managed() == [a]
    assert wm.outer(a) == (0, 0, harness.SCREEN_W, harness.SCREEN_H)
    wm.key("super+2")
    assert wm.hidden(a), "the first ctile no longer answers keys"
    assert wm.viewed() == 2


def test_refuses_when_another_wm_holds_the_root(xvfb):
    # The test's own connection plays the other window manager.
    xvfb.x.root.change_attributes(
        event_mask=X.SubstructureRedirectMask | X.PropertyChangeMask)
    xvfb.x.d.sync()
    p = xvfb.start_ctile(wait=False)
    rc = xvfb.wait_exit(p)
    assert rc == 1, rc
    out = xvfb.log.read_text(errors="replace")
    assert "another window manager is running" in out, out
