"""Shared by the browser tests: the Chromium binary, or a skip (a failure in CI, which installs it)."""

from __future__ import annotations

import os
import shutil

import pytest


def chromium_binary() -> str:
    """The chromium binary; fail in CI (``.ci/run`` installs it), skip on a machine without it."""
    names = (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome")
    for name in filter(None, names):
        found = shutil.which(name)
        if found:
            return found
    message = "chromium is not installed (Debian: apt-get install -y chromium; .ci/run installs it)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)
