"""The interactive map works offline: no script or stylesheet from elsewhere, vendored files as
recorded in ``vendor/SOURCES.md``, and a headless chromium with the network blocked draws it."""

from __future__ import annotations

import hashlib
import html
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import folium
import pandas as pd
import pytest
import shapely
from _browser import chromium_binary

from kursk import geo
from kursk.charts import maps, webmap

VENDOR = Path(maps.__file__).parent / "vendor"
URL = re.compile(r"https?://[^\s\"'<>()`]+")
#: Every http(s) string inside the vendored files, and why it stays: none is fetched.
VENDORED_URLS = {
    "http://www.w3.org/2000/svg": "SVG namespace passed to createElementNS (leaflet.js)",
    "https://leafletjs.com": "licence comment and Leaflet's attribution link (leaflet.js)",
    "https://bugzilla.mozilla.org/show_bug.cgi?id=888319": "a comment in leaflet.css",
}


def _fixture_articles() -> pd.DataFrame:
    # fixture: articles written for this test; titles and text are the project's own words
    return pd.DataFrame({
        "article_id": ["fx1", "fx2"],
        "outlet": ["Fixture Daily", "Fixture <b>Bold</b> Times"],
        "url": ["https://example.org/fixture-1", "javascript:alert(2)"],
        "language": ["en", "en"],
        "published": pd.to_datetime(["2024-08-10T08:00:00Z", "2024-11-05T09:30:00Z"], utc=True),
        "title": ["Fixture: fighting near Sudzha <script>alert(1)</script>",
                  "Fixture: troops reach Kursk"],
        "text": ["Fixture text about Sudzha.", "Fixture text about Kursk and Sudzha."],
    })


@pytest.fixture(scope="module")
def layers():
    return geo.load_regions(), geo.load_countries(), geo.load_places()


def _notebook_document(m: folium.Map) -> str:
    """The document in the iframe the notebook shows (``OfflineMap._repr_html_``, which is
    :func:`kursk.charts.webmap.notebook_view`)."""
    srcdoc = re.search(r'srcdoc="([^"]*)"', m._repr_html_())
    assert srcdoc, "no iframe srcdoc in the notebook display"
    return html.unescape(srcdoc.group(1))


@pytest.fixture(scope="module")
def built(layers, tmp_path_factory) -> tuple[str, Path]:
    """The map of the fixture articles, saved, then shown as in the notebook (which saves it
    first); returns (the notebook display's document, the saved file)."""
    regions, countries, places = layers
    arts = _fixture_articles()
    m = webmap.interactive_map(regions, places, geo.place_mentions(arts, places), arts,
                             countries=countries)
    path = webmap.save_html(m, tmp_path_factory.mktemp("map") / "map.html")
    return _notebook_document(m), path


class _Assets(HTMLParser):
    """Collects what a page would load: script src, link href, inline style bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.loads.append(f"script src={a['src']}")
        if tag == "link" and a.get("href"):
            self.loads.append(f"link href={a['href']}")
        if tag in ("img", "iframe", "embed", "source") and a.get("src"):
            self.loads.append(f"{tag} src={a['src']}")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def _offline_problems(page: str) -> list[str]:
    """Scripts, stylesheets, images or CSS imports/urls ``page`` would fetch over http(s)."""
    parser = _Assets()
    parser.feed(page)
    problems = list(parser.loads)
    for css in parser.styles:
        problems += [f"css {m}" for m in re.findall(r"@import[^;]*|url\(\s*['\"]?https?:[^)]*\)",
                                                      css, re.IGNORECASE)]
    return problems


def test_saved_map_loads_nothing_from_elsewhere(built):
    _, path = built
    assert _offline_problems(path.read_bytes().decode("utf-8")) == []


def test_check_would_catch_folium_default_page(tmp_path):
    """The check above fails on a map built the folium way (CDN links)."""
    m = folium.Map(tiles=None)
    m.save(str(tmp_path / "cdn.html"))
    problems = _offline_problems((tmp_path / "cdn.html").read_text(encoding="utf-8"))
    assert any("leaflet" in p and p.startswith("script src=https://") for p in problems)
    assert any(p.startswith("link href=https://") for p in problems)


def test_every_remaining_url_is_justified(built):
    """Outside the vendored files, every http(s) string is the target of a link a reader clicks
    (article titles and coordinate sources in the popups)."""
    _, path = built
    page = path.read_bytes().decode("utf-8")
    for _, _, asset in webmap.MAP_ASSETS:
        body = webmap.vendored_asset(asset)
        assert body.rstrip() in page, f"vendor/{asset} is not inlined verbatim"
        unexplained = set(URL.findall(body)) - set(VENDORED_URLS)
        assert not unexplained, f"vendor/{asset}: http(s) strings not justified: {unexplained}"
        page = page.replace(body.rstrip(), "")
    links = re.findall(r"<a href='(https?://[^']*)'", page)
    assert "https://example.org/fixture-1" in links
    rest = re.sub(r"<a href='https?://[^']*'", "<a", page)
    assert URL.findall(rest) == [], "http(s) strings outside links and vendored files"


def test_notebook_display_is_the_saved_document(built):
    """The notebook's iframe holds the same offline document as the saved file."""
    notebook, path = built
    assert _offline_problems(notebook) == []
    assert notebook == path.read_bytes().decode("utf-8").rstrip("\n")


def test_unused_folium_assets_are_dropped(built):
    page = built[1].read_bytes().decode("utf-8").lower()
    for name in ("bootstrap", "fontawesome", "font-awesome", "awesome-markers", "glyphicons"):
        assert name not in page, name


def test_save_html_refuses_a_page_with_cdn_links(tmp_path):
    with pytest.raises(ValueError, match=r"cdn\.html: line \d+ loads an external asset"):
        webmap.save_html(folium.Map(tiles=None), tmp_path / "cdn.html")
    assert not (tmp_path / "cdn.html").exists()


def _sources_table() -> dict[str, str]:
    """{file: sha256} from the file table of vendor/SOURCES.md."""
    text = (VENDOR / "SOURCES.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\S+) \| \S+ `[^`]+` \| `([0-9a-f]{64})` \|$", text, re.MULTILINE)
    assert rows, "vendor/SOURCES.md has no file table"
    return dict(rows)


def test_vendored_files_match_sources_md():
    table = _sources_table()
    on_disk = {p.relative_to(VENDOR).as_posix() for p in VENDOR.rglob("*") if p.is_file()}
    assert on_disk - {"SOURCES.md"} == set(table), "vendor/ and SOURCES.md list different files"
    for name, digest in table.items():
        got = hashlib.sha256((VENDOR / name).read_bytes()).hexdigest()
        assert got == digest, f"vendor/{name}: sha256 {got}, SOURCES.md says {digest}"
    for _, _, asset in webmap.MAP_ASSETS:
        assert asset in table
        package = asset.split("/")[0]
        assert any(n.startswith(f"{package}/LICENSE") for n in table), f"{package}: no licence"


def test_vendored_versions_are_the_ones_folium_pins():
    """A folium upgrade that moves to other versions must re-run scripts/vendor_map_assets.py."""
    text = (VENDOR / "SOURCES.md").read_text(encoding="utf-8")
    urls = " ".join(url for _, url in folium.Map.default_js + folium.Map.default_css)
    for package, version in re.findall(r"^\| (leaflet|jquery) \| ([\d.]+) \|", text, re.MULTILINE):
        assert f"{package}@{version}" in urls or f"{package}-{version}" in urls, (
            f"folium {folium.__version__} no longer pins {package} {version}: {urls}")


# --- a real browser, network blocked -------------------------------------------------------------


def _offline_chromium(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess:
    """Open ``page`` in headless chromium with every host unresolvable and a dead proxy."""
    command = [
        chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        f"--user-data-dir={profile}", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=http://127.0.0.1:9", "--virtual-time-budget=5000", "--window-size=1200,900",
        *extra, page.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


@pytest.mark.browser
@pytest.mark.parametrize("shown_as", ["saved file", "notebook display"])
def test_map_renders_offline_in_chromium(built, layers, tmp_path, shown_as):
    """Leaflet starts, every oblast is drawn in its country's fill, every place gets a marker."""
    notebook, path = built
    if shown_as == "notebook display":
        path = tmp_path / "notebook.html"
        path.write_bytes(notebook.encode("utf-8"))
    regions, _, places = layers
    dom = _offline_chromium(path, tmp_path / "profile", "--dump-dom").stdout
    assert re.search(r'class="folium-map leaflet-container', dom), "Leaflet did not start"
    for country, fill in maps.COUNTRY_FILLS.items():
        drawn = len(re.findall(rf'<path [^>]*fill="{fill}"', dom, re.IGNORECASE))
        assert drawn == (regions["country"].astype(str) == country).sum(), f"{country} oblasts"
    x0, y0, x1, y1 = regions.total_bounds
    inside = places.geometry.within(shapely.box(x0, y0, x1, y1)).sum()
    # markers come after the popups' jQuery calls in the script: all drawn means no script error
    markers = len(re.findall(r'<path class="leaflet-interactive"[^>]* d="M-?[\d.]+,-?[\d.]+a', dom))
    assert markers == inside, f"{markers} of {inside} place markers drawn"
    assert "leaflet-control-scale" in dom and "Natural Earth" in dom


@pytest.mark.browser
def test_popup_opens_offline_with_escaped_text(built, tmp_path):
    """The popup content (built by jQuery) shows the article, with markup as plain text."""
    _, path = built
    opener = ("<script>const m = window[document.querySelector('.folium-map').id];"
              "m.eachLayer(l => { const p = l.getPopup && l.getPopup();"
              " if (p && p.getContent().textContent.includes('Fixture Daily')) l.openPopup(); });"
              "</script>")
    page = tmp_path / "popup.html"
    page.write_text(path.read_bytes().decode("utf-8").replace("</html>", opener + "</html>"),
                    encoding="utf-8")
    dom = _offline_chromium(page, tmp_path / "profile", "--dump-dom").stdout
    popup = re.search(r'<div class="leaflet-popup-content"[^>]*>(.*?)</div>', dom, re.DOTALL)
    assert popup, "no popup opened"
    content = popup.group(1)
    assert "Fixture Daily" in content and "Fixture <b>Bold</b> Times" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content and "<script" not in content
    assert "<a href=\"https://example.org/fixture-1\"" in content


@pytest.mark.browser
def test_a_cdn_page_does_not_render_under_the_same_blocking(tmp_path):
    """Control: folium's own page (Leaflet from a CDN) stays blank: the network is blocked."""
    m = folium.Map(tiles=None)
    m.save(str(tmp_path / "cdn.html"))
    dom = _offline_chromium(tmp_path / "cdn.html", tmp_path / "profile", "--dump-dom").stdout
    assert 'class="folium-map"' in dom and 'class="folium-map leaflet-container' not in dom
