"""pyproject.toml, environment.yml and requirements.lock agree on the project's package set."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
#: conda-forge package name -> PyPI name, where they differ (PEP 503-normalised on both sides).
#: matplotlib-base is matplotlib without GUI toolkits.
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib"}
#: Entries of environment.yml that are not project dependencies: the interpreter and its installer.
CONDA_TOOLS = {"python", "pip"}
_CONDA_SPEC = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*?)\s*$")
_LOCK_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s\\;]+)")


def pyproject_requirements(path: Path = ROOT / "pyproject.toml") -> dict[str, Requirement]:
    """Dependencies plus the ``dev`` extra, keyed by normalised name."""
    project = tomllib.loads(path.read_text(encoding="utf-8"))["project"]
    specs = [*project["dependencies"], *project.get("optional-dependencies", {}).get("dev", [])]
    reqs = [Requirement(s) for s in specs]
    return {canonicalize_name(r.name): r for r in reqs}


def environment_packages(path: Path = ROOT / "environment.yml") -> dict[str, SpecifierSet]:
    """Conda and pip packages of environment.yml (PyPI names, normalised) with their specifiers."""
    env = yaml.safe_load(path.read_text(encoding="utf-8"))
    packages: dict[str, SpecifierSet] = {}
    for entry in env["dependencies"]:
        if isinstance(entry, dict):
            for line in entry.get("pip", []):
                if line.startswith("-e") or line.startswith("--"):
                    continue  # the project itself (-e .) and pip options
                req = Requirement(line)
                packages[canonicalize_name(req.name)] = req.specifier
            continue
        match = _CONDA_SPEC.match(str(entry))
        assert match, f"environment.yml: cannot read dependency {entry!r}"
        name, spec = canonicalize_name(match.group(1)), match.group(2)
        if name in CONDA_TOOLS:
            continue
        if re.fullmatch(r"=[^=<>!~]+", spec):  # conda's `name=1.2` means 1.2.*
            spec = f"={spec}.*"
        packages[CONDA_TO_PYPI.get(name, name)] = SpecifierSet(spec)
    return packages


def lock_pins(path: Path = ROOT / "requirements.lock") -> dict[str, Version]:
    """``name==version`` pins of requirements.lock, keyed by normalised name."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _LOCK_PIN.match(line)
        if match:
            pins[canonicalize_name(match.group(1))] = Version(match.group(2))
    return pins


def test_environment_yml_has_every_project_dependency() -> None:
    """Every pyproject dependency (dev extra included) is in environment.yml, with its bounds."""
    env = environment_packages()
    for name, req in pyproject_requirements().items():
        assert name in env, f"environment.yml lacks {req} (from pyproject.toml)"
        assert env[name] == req.specifier, (
            f"environment.yml pins {name}{env[name]} but pyproject.toml says {req}"
        )


def test_environment_yml_has_nothing_else() -> None:
    """Every environment.yml package is a pyproject dependency (names mapped via CONDA_TO_PYPI)."""
    extra = sorted(set(environment_packages()) - set(pyproject_requirements()))
    assert not extra, f"environment.yml lists packages pyproject.toml does not: {extra}"


def test_environment_yml_python_matches_requires_python() -> None:
    """environment.yml's python satisfies pyproject's requires-python."""
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pythons = [str(e) for e in env["dependencies"] if str(e).startswith("python=")]
    assert len(pythons) == 1, "environment.yml must pin python exactly once (python=3.X)"
    assert Version(pythons[0].split("=", 1)[1]) in SpecifierSet(project["requires-python"])


@pytest.mark.parametrize("name", sorted(pyproject_requirements()))
def test_lock_pins_every_dependency_within_its_bounds(name: str) -> None:
    """Each pyproject dependency is pinned in requirements.lock at a version it allows."""
    req = pyproject_requirements()[name]
    pins = lock_pins()
    assert name in pins, f"requirements.lock does not pin {name} (run `make lock`)"
    assert req.specifier.contains(pins[name], prereleases=True), (
        f"requirements.lock pins {name}=={pins[name]}, outside pyproject.toml's {req}"
    )


def test_readers_catch_a_mismatch(tmp_path: Path) -> None:
    """The readers see a missing package and an out-of-bounds pin (so the checks above can fail)."""
    # fixture: a two-package project whose environment and lock disagree with it
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "fixture"\ndependencies = ["pandas>=3.0", "Py_YAML>=6"]\n'
        '[project.optional-dependencies]\ndev = ["pytest>=8.3"]\n',
        encoding="utf-8",
    )
    (tmp_path / "environment.yml").write_text(
        "name: fixture\ndependencies:\n  - python=3.11\n  - matplotlib-base>=3.9\n"
        "  - pandas>=3.0\n  - ruff=0.8\n  - pip:\n      - pytest>=8.3\n      - -e .\n",
        encoding="utf-8",
    )
    (tmp_path / "requirements.lock").write_text(
        "pandas==2.2.0 \\\n    --hash=sha256:00\npy-yaml==6.0.2\n", encoding="utf-8"
    )
    reqs = pyproject_requirements(tmp_path / "pyproject.toml")
    env = environment_packages(tmp_path / "environment.yml")
    pins = lock_pins(tmp_path / "requirements.lock")
    assert set(reqs) == {"pandas", "py-yaml", "pytest"}
    assert set(env) == {"matplotlib", "pandas", "ruff", "pytest"}
    assert env["ruff"].contains("0.8.4") and not env["ruff"].contains("0.9.0")
    assert set(reqs) - set(env) == {"py-yaml"}
    assert pins["pandas"] == Version("2.2.0")
    assert not reqs["pandas"].specifier.contains(pins["pandas"])
    assert "pytest" not in pins
