"""Each notebook opens in JupyterLab, in a real (headless) browser, with its title and no error,
and is not marked modified on opening; notebook 02 shows its interactive map.

Starts JupyterLab on a free loopback port with a token (isolated config, settings, workspaces and
Jupyter data folder), after trusting the notebooks as ``make lab`` does, drives Debian's chromium
over the Chrome DevTools protocol so it can wait until the notebook has rendered and its kernel
is idle, saves a screenshot per notebook to ``$KURSK_REPORTS/screenshots/<name>.png`` (a
temporary folder under ``make test``; never ``reports/``) and checks the rendered page. A second
server, without trust, checks what notebook 02 shows where JupyterLab runs no script. Every
process is stopped by the fixtures' finalizers.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from _browser import chromium_binary

from kursk.paths import project_root, reports_dir
from kursk.report import notebook_title

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = project_root()
NOTEBOOKS = sorted((ROOT / "notebooks").glob("0*.ipynb"))
SCREENSHOTS = reports_dir() / "screenshots"
MAP_NOTEBOOK = "02_kursk_map"
WINDOW = (1400, 1000)
#: Seconds to wait for JupyterLab to answer, and for one notebook to render.
SERVER_TIMEOUT = 180
RENDER_TIMEOUT = 90
KERNEL_TIMEOUT = 90
STDERR_SELECTOR = '.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]'
#: User settings for the test server: render every cell (no windowing, so the whole notebook is
#: in the DOM), never ask about news or updates (no network, no pop-up over the notebook), and
#: never autosave (the test must not write to the repository's notebooks).
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


def _free_port() -> int:
    """A TCP port on the loopback interface that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float = 5, method: str = "GET") -> bytes:
    """The body of an HTTP request to a local server."""
    request = urllib.request.Request(url, method=method)
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (loopback only)
        return response.read()


def _stop(proc: subprocess.Popen) -> None:
    """Stop a process this module started: terminate, then kill if it lingers."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _start_lab(tmp_path_factory: pytest.TempPathFactory, trust: bool
               ) -> Iterator[tuple[str, str]]:
    """A JupyterLab server on the repository (the notebooks trusted first, as ``make lab``
    does, when ``trust``); yields its base URL and token."""
    if not NOTEBOOKS:
        pytest.fail("no notebooks/0*.ipynb to open")
    home = tmp_path_factory.mktemp("jupyterlab")
    settings = home / "settings"
    for name, values in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    port, token = _free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTER_DATA_DIR": str(home / "data"),  # the notary's secret and signatures
    }
    env.pop("MPLBACKEND", None)
    if trust:  # what `make lab` does first
        subprocess.run([str(Path(sys.executable).with_name("jupyter")), "trust",
                        *map(str, NOTEBOOKS)], env=env, check=True, capture_output=True,
                       timeout=120)
    command = [
        str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser",
        "--ip=127.0.0.1", f"--port={port}", f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={ROOT}", f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={home / 'workspaces'}", "--LabApp.news_url=None",
        f"--FileCheckpoints.checkpoint_dir={home / 'checkpoints'}",  # not in the repository
        "--ServerApp.port_retries=0",
        "--LabApp.expose_app_in_browser=True",  # the tests read the notebook model's state
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = (home / "server.log").open("w")
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited with {proc.returncode}; see {home / 'server.log'}")
            try:
                json.loads(_get(f"{base}/api/status?token={token}"))
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not answer within {SERVER_TIMEOUT} s")
                time.sleep(0.5)
        yield base, token
    finally:
        _stop(proc)
        log.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """JupyterLab as ``make lab`` starts it: the project's notebooks trusted."""
    yield from _start_lab(tmp_path_factory, trust=True)


@pytest.fixture(scope="module")
def lab_untrusted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """JupyterLab started some other way: no notebook trusted."""
    yield from _start_lab(tmp_path_factory, trust=False)


class DevTools:
    """A minimal Chrome DevTools protocol client for one page (commands only, events ignored)."""

    def __init__(self, ws_url: str) -> None:
        import websocket  # websocket-client, installed with jupyter-server

        self.ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
        self.last = 0

    def call(self, method: str, **params: object) -> dict:
        """Send one command and return its result."""
        self.last += 1
        self.ws.send(json.dumps({"id": self.last, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.last:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression: str) -> object:
        """The value of a JavaScript expression in the page."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def close(self) -> None:
        """Close the websocket."""
        self.ws.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A headless chromium with a fresh profile; yields its DevTools HTTP endpoint."""
    binary = chromium_binary()
    profile = tmp_path_factory.mktemp("chromium-profile")
    port = _free_port()
    command = [
        binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        "--disable-dev-shm-usage", f"--user-data-dir={profile}",
        f"--window-size={WINDOW[0]},{WINDOW[1]}", f"--remote-debugging-port={port}",
        "--remote-debugging-address=127.0.0.1", "about:blank",
    ]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"chromium exited with {proc.returncode} at start-up")
            try:
                json.loads(_get(f"{endpoint}/json/version"))
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("chromium's DevTools endpoint did not answer within 60 s")
                time.sleep(0.3)
        yield endpoint
    finally:
        _stop(proc)


#: The page state polled until the notebook has rendered: cells, title, images, dialogs, errors.
_STATE_JS = """JSON.stringify((() => {
  const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
  const dialogs = Array.from(document.querySelectorAll('.jp-Dialog')).map(d => d.innerText);
  if (!nb) return {cells: 0, dialogs};
  return {
    cells: nb.querySelectorAll('.jp-Cell').length,
    headings: Array.from(nb.querySelectorAll('.jp-MarkdownOutput h1')).map(h => h.innerText),
    images: Array.from(nb.querySelectorAll('img')).every(i => i.complete),
    stderr: Array.from(nb.querySelectorAll(STDERR)).map(e => e.innerText),
    dialogs,
  };
})())""".replace("STDERR", json.dumps(STDERR_SELECTOR))


#: The open notebook's model and kernel, read through the app JupyterLab exposes.
_MODEL_JS = """JSON.stringify((() => {
  const panel = Array.from(window.jupyterapp ? jupyterapp.shell.widgets('main') : [])
    .find(w => w.content && w.content.model && w.sessionContext);
  if (!panel) return {};
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  return {dirty: panel.content.model.dirty, kernel: kernel ? kernel.status : null,
          tabs: Array.from(document.querySelectorAll('.lm-TabBar-tab.jp-mod-dirty'))
            .map(t => t.innerText)};
})())"""
#: The interactive map in notebook 02's output: the iframe, and what Leaflet drew inside it.
_MAP_JS = """JSON.stringify((() => {
  const frame = document.querySelector('.jp-Notebook .kursk-map-view iframe');
  const still = document.querySelector('.jp-Notebook .kursk-map-still');
  const out = {frame: !!frame, still: still ? still.innerText : null,
               stillImage: !!(still && still.querySelector('img[src^="data:image/png"]')),
               trustNotebook: document.body.innerText.includes('Trust Notebook')};
  if (frame || still) (frame || still).scrollIntoView({block: 'center'});
  if (!frame) return out;
  const doc = frame.contentDocument;
  const box = frame.getBoundingClientRect();
  return Object.assign(out, {height: box.height, width: box.width,
    leaflet: !!(doc && doc.querySelector('.leaflet-container')),
    paths: doc ? doc.querySelectorAll('path.leaflet-interactive').length : 0,
    heading: doc && doc.querySelector('.kursk-map-heading') ?
      doc.querySelector('.kursk-map-heading').innerText : null,
    legend: doc && doc.querySelector('.kursk-map-legend') ?
      doc.querySelector('.kursk-map-legend').innerText : null});
})())"""


def _render(endpoint: str, url: str, expected_cells: int, map_view: bool = False
            ) -> tuple[dict, str, bytes]:
    """Open ``url`` in a new tab and wait until it shows all cells and its kernel is idle;
    returns (state, DOM, PNG). With ``map_view`` the state also says what notebook 02's map
    output shows, and the screenshot is taken with the map in view."""
    target = json.loads(_get(f"{endpoint}/json/new?about:blank", method="PUT"))
    page = DevTools(target["webSocketDebuggerUrl"])
    try:
        page.call("Emulation.setDeviceMetricsOverride", width=WINDOW[0], height=WINDOW[1],
                  deviceScaleFactor=1, mobile=False)
        page.call("Page.navigate", url=url)
        deadline = time.monotonic() + RENDER_TIMEOUT
        state: dict = {}
        while time.monotonic() < deadline:
            state = json.loads(page.evaluate(_STATE_JS) or "{}")
            if state.get("dialogs") or (
                state.get("cells") == expected_cells and state.get("headings") and state.get("images")
            ):
                break
            time.sleep(0.5)
        model: dict = {}
        while time.monotonic() < deadline + KERNEL_TIMEOUT:  # the kernel starts, then idles
            model = json.loads(page.evaluate(_MODEL_JS) or "{}")
            if model.get("kernel") == "idle":
                break
            time.sleep(0.5)
        time.sleep(2.0)  # metadata from the kernel's first reply; layout (fonts, images) settles
        state = json.loads(page.evaluate(_STATE_JS) or "{}")
        state["model"] = json.loads(page.evaluate(_MODEL_JS) or "{}")
        if map_view:
            state["map"] = json.loads(page.evaluate(_MAP_JS) or "{}")
            time.sleep(2.0)  # scrolled to the map: let it draw
        dom = page.evaluate("document.documentElement.outerHTML") or ""
        png = base64.b64decode(page.call("Page.captureScreenshot", format="png")["data"])
        return state, dom, png
    finally:
        page.close()
        _get(f"{endpoint}/json/close/{target['id']}")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_renders_in_jupyterlab(
    notebook: Path, lab: tuple[str, str], browser: str
) -> None:
    """The notebook opens in JupyterLab showing its title, every cell, and no error."""
    base, token = lab
    nb = nbformat.read(notebook, as_version=4)
    title = notebook_title(nb, "")
    assert title, f"{notebook.name} has no Markdown title (# heading) to look for"
    # one workspace per notebook, so JupyterLab does not restore the previous notebook's tabs
    path = urllib.parse.quote(f"notebooks/{notebook.name}")
    url = f"{base}/lab/workspaces/test-{notebook.stem}/tree/{path}?token={token}"
    state, dom, png = _render(browser, url, len(nb.cells), map_view=notebook.stem == MAP_NOTEBOOK)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"{notebook.stem}.png"
    shot.write_bytes(png)
    where = f"{notebook.name} in JupyterLab (screenshot: {shot})"
    assert not state.get("dialogs"), f"{where}: a dialog is open: {state['dialogs']}"
    assert "Kernel error" not in dom, f"{where}: JupyterLab reports a kernel error"
    assert state.get("cells") == len(nb.cells), (
        f"{where}: rendered {state.get('cells')} of {len(nb.cells)} cells within {RENDER_TIMEOUT} s"
    )
    assert any(title in h for h in state.get("headings", [])), (
        f"{where}: title {title!r} not shown; headings: {state.get('headings')}"
    )
    assert title in dom
    tracebacks = [text for text in state.get("stderr", []) if "Traceback" in text]
    assert not tracebacks, f"{where}: error output shown:\n{tracebacks[0][:2000]}"
    model = state.get("model", {})
    assert model.get("kernel") == "idle", f"{where}: the kernel did not start: {model}"
    assert model.get("dirty") is False and not model.get("tabs"), (
        f"{where}: marked modified on opening, before any edit: {model}")
    if notebook.stem == MAP_NOTEBOOK:
        shown = state.get("map", {})
        assert shown.get("frame") and shown.get("leaflet"), f"{where}: no interactive map: {shown}"
        assert shown.get("paths", 0) > 30, f"{where}: the map drew {shown.get('paths')} shapes"
        assert shown.get("height", 0) > 400, f"{where}: the map is {shown.get('height')} px high"
        assert "Places named in the articles" in (shown.get("heading") or ""), shown
        assert "Oblast named as such" in (shown.get("legend") or ""), shown
        assert not shown.get("trustNotebook"), f"{where}: folium's Trust Notebook message"


def test_untrusted_notebook_02_shows_a_still_map_and_says_what_works(
    lab_untrusted: tuple[str, str], browser: str
) -> None:
    """Opened in a JupyterLab that does not trust it, notebook 02 cannot run the map's scripts
    (JupyterLab removes iframes and scripts from untrusted output): it shows a still image of
    the map and says how to get the interactive one, never a "Trust Notebook" dead end."""
    base, token = lab_untrusted
    notebook = next(p for p in NOTEBOOKS if p.stem == MAP_NOTEBOOK)
    nb = nbformat.read(notebook, as_version=4)
    url = (f"{base}/lab/workspaces/test-untrusted/tree/"
           f"{urllib.parse.quote(f'notebooks/{notebook.name}')}?token={token}")
    state, _, png = _render(browser, url, len(nb.cells), map_view=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"{notebook.stem}_untrusted.png"
    shot.write_bytes(png)
    shown = state.get("map", {})
    assert not shown.get("frame"), f"JupyterLab kept the iframe of an untrusted output: {shot}"
    assert shown.get("stillImage"), f"no still image of the map: {shot}"
    assert "make lab" in (shown.get("still") or "") and "reports/kursk_map.html" in (
        shown.get("still") or "")
    assert not shown.get("trustNotebook"), f"folium's Trust Notebook message: {shot}"
    assert state.get("model", {}).get("dirty") is False, state.get("model")
