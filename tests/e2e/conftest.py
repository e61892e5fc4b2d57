"""conftest.py: one X server per test, ctile started as a user would, and
artifacts (screenshot, logs, root properties) kept when a test fails."""

import os
import re
import shutil

import pytest

import harness


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "wm_env(**vars): extra environment for ctile's session")
    config.addinivalue_line(
        "markers", "with_bar: the wm fixture keeps the default config's bar")


@pytest.fixture(scope="session")
def ctile_bin():
    path = os.environ.get("CTILE_BIN") or str(harness.REPO / "build" / "ctile")
    path = os.path.abspath(path)
    assert os.access(path, os.X_OK), \
        f"ctile binary {path} not found: run `make` (or set CTILE_BIN)"
    return path


def _artifact_dir(item):
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid.replace("::", "__"))
    name = name.replace(".py__", "__")
    return harness.ARTIFACTS / name


def _register(request, desktop):
    request.node._ctile_desktops = getattr(request.node, "_ctile_desktops", [])
    request.node._ctile_desktops.append(desktop)


def _finish(desktop):
    problems = desktop.stop()
    assert not problems, "; ".join(problems)


def config_without_bar():
    """The default config less its bar: the core tests measure windows
    against the whole screen, as i3's tests run on a config of their own.
    The bar has tests of its own (test_bar*.py, and with_bar here)."""
    text = (harness.REPO / "config" / "config").read_text()
    return "".join(line for line in text.splitlines(keepends=True)
                   if not line.lstrip().startswith("bar "))


@pytest.fixture
def wm(request, tmp_path, ctile_bin):
    """ctile on its own Xvfb, started with xinit and an xinitrc that ends in
    `exec ctile`, ready and synced."""
    marker = request.node.get_closest_marker("wm_env")
    env = dict(marker.kwargs) if marker else {}
    shutil.rmtree(_artifact_dir(request.node), ignore_errors=True)
    d = harness.XinitDesktop(tmp_path / "wm", ctile_bin, env)
    _register(request, d)
    if not request.node.get_closest_marker("with_bar"):
        d.write_config(config_without_bar())
    try:
        d.start()
        yield d
    finally:
        _finish(d)


@pytest.fixture
def make_wm(request, tmp_path, ctile_bin):
    """A factory of ctile sessions (xinit, as the wm fixture) with a config:
    make_wm(config=TEXT, args=[...], env={...}, start=True). config, when
    given, is written to the session's $XDG_CONFIG_HOME/ctile/config before
    ctile starts; $XDG_CONFIG_DIRS names a folder of the test's own that
    holds nothing unless env says otherwise, so no installed config leaks
    in. With start=False the test writes its files and calls d.start()
    itself."""
    shutil.rmtree(_artifact_dir(request.node), ignore_errors=True)
    made = []

    def make(config=None, *, args=(), env=None, start=True):
        tmp = tmp_path / f"wm-{len(made)}"
        env = {"XDG_CONFIG_DIRS": str(tmp / "xdg-dirs"), **(env or {})}
        d = harness.XinitDesktop(tmp, ctile_bin, env, args=args)
        made.append(d)
        _register(request, d)
        if config is not None:
            d.write_config(config)
        if start:
            d.start()
        return d

    try:
        yield make
    finally:
        problems = []
        for d in made:
            problems += d.stop()
        assert not problems, "; ".join(problems)


@pytest.fixture
def xvfb(request, tmp_path, ctile_bin):
    """A bare Xvfb: the test starts ctile itself (xvfb.start_ctile())."""
    shutil.rmtree(_artifact_dir(request.node), ignore_errors=True)
    d = harness.BareDesktop(tmp_path / "xvfb", ctile_bin)
    _register(request, d)
    if not request.node.get_closest_marker("with_bar"):
        d.write_config(config_without_bar())
    try:
        d.start()
        yield d
    finally:
        _finish(d)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    desktops = getattr(item, "_ctile_desktops", [])
    if not rep.failed or not desktops:
        return
    base = _artifact_dir(item)
    for i, d in enumerate(desktops):
        dest = base if len(desktops) == 1 else base / f"display-{i}"
        try:
            d.collect(dest / rep.when if rep.when != "call" else dest)
        except Exception as e:  # never hide the real failure
            rep.sections.append(("ctile e2e artifacts", f"collecting failed: {e}"))
    rel = os.path.relpath(base, harness.REPO)
    rep.sections.append(
        ("ctile e2e artifacts",
         f"screenshot, ctile log, xprop -root and wmctrl -l kept in {rel}/"))
