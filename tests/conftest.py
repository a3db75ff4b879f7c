"""What several test folders share: starting Debian's Chromium under selenium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest


def browser_unavailable(reason: str) -> None:
    """Skip a browser test, or fail it under CI, where .ci/run installs the browser."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI is set, so the browser test must run (.ci/run installs "
                    "chromium and chromium-driver)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def start_chromium() -> Iterator[Callable[..., Any]]:
    """A function that starts headless Chromium (downloads into ``downloads`` when given);
    every browser it started is closed when the module's tests are done."""
    started: list[Any] = []

    def start(*, downloads: Path | None = None) -> Any:
        try:
            from selenium import webdriver
            from selenium.webdriver.chrome.service import Service
        except ImportError:
            browser_unavailable("selenium is not installed")
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        driver_path = shutil.which("chromedriver")
        if chromium is None or driver_path is None:
            browser_unavailable("chromium or chromedriver is not installed")
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        # Without the background-networking flags Chromium keeps knocking on the closed
        # network of this machine.
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1280,900", "--no-first-run",
                         "--disable-extensions", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync"):
            options.add_argument(argument)
        if downloads is not None:
            options.add_experimental_option("prefs", {
                "download.default_directory": str(downloads),
                "download.prompt_for_download": False})
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
        started.append(driver)
        if downloads is not None:
            driver.execute_cdp_cmd("Page.setDownloadBehavior",
                                   {"behavior": "allow", "downloadPath": str(downloads)})
        return driver

    yield start
    for driver in started:
        driver.quit()
