"""Vendor the JavaScript and CSS the interactive map needs into ``lib/kursk/charts/vendor/``.

``kursk.charts.webmap.interactive_map`` inlines these files into the saved HTML (and the notebook's
display), so the map works without network. Only what folium's templates for the elements the map
uses actually call is vendored: Leaflet's JS and CSS (the map, GeoJson layers, CircleMarker,
tooltips, popups, scale control) and jQuery (folium's Popup template builds the popup's content
with ``$(...)``). Versions are the ones folium pins in ``folium.Map.default_js``/``default_css``.

For each package the script runs ``npm pack`` (the ordinary npm client) into a temporary folder,
checks the tarball's sha512 against both the integrity pinned below and the one the registry
reports (``npm view PACKAGE@VERSION dist.integrity``), copies the files listed below unchanged,
and writes ``SOURCES.md`` (package, version, tarball URL, integrity, licence, and the sha256 of
every vendored file, which ``tests/test_map_offline.py`` checks).

Run: ``.venv/bin/python scripts/vendor_map_assets.py`` (needs ``npm`` and the npm registry);
``--check`` fetches and compares with the committed files without writing. Output is
byte-identical on every run.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "lib" / "kursk" / "charts" / "vendor"


@dataclass(frozen=True)
class Package:
    """One npm package: what to take from its tarball and where to put it (under ``OUT``)."""

    name: str
    version: str
    integrity: str
    licence: str
    files: dict[str, str]  # path in the tarball -> path under OUT
    folium_url: str  # the CDN URL folium 0.20 would load instead (must name the same version)


PACKAGES = (
    Package(
        name="leaflet",
        version="1.9.3",
        integrity="sha512-iB2cR9vAkDOu5l3HAay2obcUHZ7xwUBBjph8+PGtmW/2lYhbLizWtG7nTeYht36WfOsl"
                  "ixQF9D/uSIzhZgGMfQ==",
        licence="BSD-2-Clause",
        files={"package/dist/leaflet.js": "leaflet/leaflet.js",
               "package/dist/leaflet.css": "leaflet/leaflet.css",
               "package/LICENSE": "leaflet/LICENSE"},
        folium_url="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js",
    ),
    Package(
        name="jquery",
        version="3.7.1",
        integrity="sha512-m4avr8yL8kmFN8psrbFFFmB/If14iN5o9nw/NgnnM+kybDJpRsAynV2BsfpTYrTRysYU"
                  "dADVD7CkUUizgkpLfg==",
        licence="MIT",
        files={"package/dist/jquery.min.js": "jquery/jquery.min.js",
               "package/LICENSE.txt": "jquery/LICENSE.txt"},
        folium_url="https://code.jquery.com/jquery-3.7.1.min.js",
    ),
)

HEADER = """\
# Vendored map assets

Third-party files that `kursk.charts.webmap` inlines into the interactive map (`save_html` and the
notebook display), so the map opens without network. Written by `scripts/vendor_map_assets.py`
from the npm registry, unchanged; do not edit by hand. Each tarball was checked against its
registry integrity (sha512, as `npm view PACKAGE@VERSION dist.integrity` reports it); each file's
sha256 is checked by `tests/test_map_offline.py`.

Only what the map uses: Leaflet (map, GeoJson layers, circle markers, tooltips, popups, scale
control) and jQuery (folium's popup template calls `$(...)`). Bootstrap, Font Awesome,
awesome-markers and glyphicons, which folium loads by default, serve marker icons and other
elements the map does not use, and are dropped.
"""


def _sha512_integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def _npm(*args: str, cwd: Path) -> str:
    done = subprocess.run(["npm", *args], cwd=cwd, check=False, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"npm {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


def _check_folium_pins() -> None:
    """Stop if the installed folium would load other versions than the ones vendored here."""
    import folium

    urls = [url for _, url in folium.Map.default_js + folium.Map.default_css]
    for pkg in PACKAGES:
        if pkg.folium_url not in urls:
            pinned = [u for u in urls if pkg.name in u.lower()]
            raise SystemExit(f"folium {folium.__version__} no longer loads {pkg.folium_url} "
                             f"(it loads {pinned}); update PACKAGES in {Path(__file__).name}")


def fetch(pkg: Package, workdir: Path) -> dict[str, bytes]:
    """``npm pack`` one package, verify its integrity; returns {path under OUT: bytes}."""
    spec = f"{pkg.name}@{pkg.version}"
    registry = json.loads(_npm("view", spec, "dist.integrity", "--json", cwd=workdir))
    if registry != pkg.integrity:
        raise SystemExit(f"{spec}: the registry reports integrity {registry}, "
                         f"pinned {pkg.integrity}")
    packed = json.loads(_npm("pack", spec, "--json", "--pack-destination", str(workdir),
                             cwd=workdir))
    tgz = workdir / packed[0]["filename"]
    got = _sha512_integrity(tgz.read_bytes())
    if got != pkg.integrity:
        raise SystemExit(f"{tgz.name}: integrity {got} differs from the pinned {pkg.integrity}")
    out = {}
    with tarfile.open(tgz) as tar:
        for member, target in pkg.files.items():
            handle = tar.extractfile(member)
            if handle is None:
                raise SystemExit(f"{tgz.name}: {member} is not a regular file")
            out[target] = handle.read()
    return out


def sources_md(files: dict[str, bytes]) -> str:
    """The text of SOURCES.md for the fetched files."""
    lines = [HEADER, "| package | version | registry tarball | integrity | licence |",
             "|---|---|---|---|---|"]
    for pkg in PACKAGES:
        url = f"https://registry.npmjs.org/{pkg.name}/-/{pkg.name}-{pkg.version}.tgz"
        lines.append(f"| {pkg.name} | {pkg.version} | {url} | `{pkg.integrity}` | {pkg.licence} |")
    lines += ["", "| file | from | sha256 |", "|---|---|---|"]
    for pkg in PACKAGES:
        for member, target in pkg.files.items():
            digest = hashlib.sha256(files[target]).hexdigest()
            lines.append(f"| {target} | {pkg.name}@{pkg.version} `{member}` | `{digest}` |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Fetch, verify, write (or compare with ``--check``); print what was done."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT,
                        help="vendor folder (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="compare with the files in --out instead of writing them")
    args = parser.parse_args(argv)
    _check_folium_pins()
    files: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for pkg in PACKAGES:
            files.update(fetch(pkg, Path(tmp)))
    files["SOURCES.md"] = sources_md(files).encode("utf-8")
    stale = []
    for target, data in sorted(files.items()):
        path = args.out / target
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(target)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
              f"{len(data):,} bytes")
    if stale:
        print("differ from the registry: " + ", ".join(stale), file=sys.stderr)
        return 1
    if args.check:
        print(f"{len(files)} files match the registry")
    return 0


if __name__ == "__main__":
    sys.exit(main())
