"""Fixtures of the browser tests: a real `sayso serve` (uvicorn) on 127.0.0.1 over a ledger of the
bundled examples plus an article carrying script-injection payloads, and headless Chromium from
the Debian packages driven by Selenium with the driver path given (Selenium Manager is never run,
so nothing is downloaded). Screenshots go to $SAYSO_SCREENSHOTS (default tmp/screenshots)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import EXAMPLES, REPO

CHROMIUM = Path(os.environ.get("SAYSO_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("SAYSO_CHROMEDRIVER", "/usr/bin/chromedriver"))
SCREENSHOTS = Path(os.environ.get("SAYSO_SCREENSHOTS", REPO / "tmp" / "screenshots"))
TOKEN = "browser-test-token"
AS_OF = "2024-06-30"
WINDOW = (1360, 1000)
PAYLOAD_FILE = """ date 2024-05-20 <script>window.__sayso_pwned = 9</script> Harbour chief's post & "comment"
The harbour chief, Mallory Quinn, posted <script>window.__sayso_pwned = 1</script> on the port's website on Monday.

"Click <a href='javascript:window.__sayso_pwned = 3'>here</a> &amp; see &lt;b&gt;the plan&lt;/b&gt;," Quinn said. <img src=x onerror="window.__sayso_pwned = 2">

Quinn said the port would reopen by Friday, and warned that 3,000 jobs could go within a year.
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "sayso.views.cli", *args]


@pytest.fixture(scope="session")
def web_ledger(tmp_path_factory) -> Path:
    """The bundled examples and the payload article, ingested through the whole pipeline."""
    folder = tmp_path_factory.mktemp("web-articles")
    for example in EXAMPLES.glob("*.txt"):
        shutil.copy(example, folder / example.name)
    (folder / "900_payload.txt").write_text(PAYLOAD_FILE, encoding="utf-8")
    db = tmp_path_factory.mktemp("web-ledger") / "ledger.db"
    done = subprocess.run(_cli("ingest", str(folder), "--db", str(db), "--quiet"), cwd=REPO, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="session")
def server(web_ledger):
    """`sayso serve` in its own process; yields its base URL, stops it after the session."""
    import httpx

    port = _free_port()
    env = {**os.environ, "SAYSO_TOKEN": TOKEN}
    proc = subprocess.Popen(_cli("serve", "--db", str(web_ledger), "--port", str(port), "--as-of", AS_OF), cwd=REPO,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"sayso serve exited: {proc.stderr.read()}")
            try:
                if httpx.get(f"{base}/api/home", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("sayso serve did not answer within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Debian's chromium + chromium-driver), driver path explicit, Selenium Manager off."""
    if not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()):
        if os.environ.get("SAYSO_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} or {CHROMEDRIVER} missing (apt-get install chromium chromium-driver)")
        pytest.skip(f"needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common import selenium_manager

    def never(*args, **kwargs):
        raise AssertionError("Selenium Manager must not run (it would download a driver)")

    selenium_manager.SeleniumManager.binary_paths = never
    os.environ["SE_OFFLINE"] = "true"
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars",
                f"--window-size={WINDOW[0]},{WINDOW[1]}", "--disable-extensions", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def screenshot(browser):
    """screenshot(name): the browser's page saved as $SAYSO_SCREENSHOTS/NAME.png (a test artifact)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        assert browser.save_screenshot(str(path)), path
        return path

    return save
