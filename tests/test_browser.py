"""The pages in a real browser: Debian's headless Chromium, driven through chromedriver's W3C
WebDriver HTTP API with the standard library (no selenium, nothing downloaded at run time), against
the live server fixture on 127.0.0.1. Screenshots go to /tmp/relgraph-shots/ for people to look at.
"""
from __future__ import annotations

import base64
import json
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import free_port

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver") or (
    "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists() else None)
SHOTS = Path("/tmp/relgraph-shots")
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C WebDriver element reference key

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                       reason="needs Debian's chromium and chromium-driver (scripts/setup.sh installs them)"),
]


class WebDriver:
    """Just the WebDriver commands these tests use."""

    def __init__(self, url: str, session: str):
        self.url, self.session = url, session

    def call(self, method: str, path: str, body: dict | None = None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(f"{self.url}/session/{self.session}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=60) as response:
                return json.load(response)["value"]
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode(errors="replace")
            raise AssertionError(f"WebDriver {method} {path}: {detail}") from None

    def get(self, url: str) -> None:
        self.call("POST", "/url", {"url": url})

    def find(self, css: str) -> str:
        found = self.call("POST", "/element", {"using": "css selector", "value": css})
        assert ELEMENT in found, f"{css}: {found}"
        return found[ELEMENT]

    def click(self, css: str) -> None:
        self.call("POST", f"/element/{self.find(css)}/click", {})

    def type(self, css: str, text: str) -> None:
        element = self.find(css)
        self.call("POST", f"/element/{element}/clear", {})
        self.call("POST", f"/element/{element}/value", {"text": text})

    def js(self, script: str, *args):
        return self.call("POST", "/execute/sync", {"script": script, "args": list(args)})

    def wait_for(self, script: str, seconds: float = 20.0):
        """Poll `script` (a function body returning a value) until it returns something truthy."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = self.js(script)
            if value:
                return value
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for: {script}")

    def screenshot(self, name: str) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / name
        path.write_bytes(base64.b64decode(self.call("GET", "/screenshot")))
        return path

    def resize(self, width: int, height: int) -> None:
        self.call("POST", "/window/rect", {"width": width, "height": height})

    def on_new_document(self, script: str) -> None:
        """Run `script` in every page before the page's own scripts (Chromium DevTools protocol)."""
        self.call("POST", "/goog/cdp/execute",
                  {"cmd": "Page.addScriptToEvaluateOnNewDocument", "params": {"source": script}})

    def csp_violations(self) -> list[str]:
        return self.js("return window.__cspViolations || null")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("chromedriver") / "chromedriver.log"
    driver = subprocess.Popen([CHROMEDRIVER, f"--port={port}", f"--log-path={log}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_driver(url)
        profile = tmp_path_factory.mktemp("chromium-profile")
        args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1280,1000"]
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": {"binary": CHROMIUM, "args": args}}}}
        req = urllib.request.Request(f"{url}/session", data=json.dumps(caps).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(req, timeout=60) as response:
            session = json.load(response)["value"]["sessionId"]
        wd = WebDriver(url, session)
        # Record every Content-Security-Policy violation a page reports (the same events that
        # show up as errors in the console).
        wd.on_new_document("window.__cspViolations = []; document.addEventListener('securitypolicyviolation',"
                           " e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));")
        yield wd
        end = urllib.request.Request(f"{url}/session/{session}", method="DELETE")
        urllib.request.urlopen(end, timeout=30).close()
    finally:
        driver.terminate()
        try:
            driver.wait(timeout=10)
        except subprocess.TimeoutExpired:
            driver.kill()


def _wait_for_driver(url: str) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/status", timeout=2) as response:
                if json.load(response)["value"]["ready"]:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("chromedriver did not start")


def test_home_page_renders(browser, live_server):
    browser.resize(1280, 1400)
    browser.get(f"{live_server}/")
    assert browser.js("return document.title").startswith("Overview")
    counts = browser.js("return [...document.querySelectorAll('.counters .count')].map(e => e.textContent)")
    assert len(counts) == 10 and all(int(c) >= 0 for c in counts)
    assert browser.js("return document.querySelectorAll('a[href=\"/dump.ttl\"]').length") == 1
    # The stylesheet was served and applied (the header is dark).
    assert browser.js("return getComputedStyle(document.querySelector('header.site')).backgroundColor") \
        == "rgb(16, 42, 67)"
    browser.screenshot("home.png")


def test_query_page_runs_a_canned_query(browser, live_server):
    browser.resize(1280, 1300)
    browser.get(f"{live_server}/query")
    browser.click("#canned option[value='people']")  # selecting fires `change`: the listing's first page
    browser.wait_for("return location.search.includes('name=people')")
    rows = browser.wait_for("return document.querySelectorAll('#result-body tbody tr').length")
    assert rows > 5
    assert "Foreign Minister" in browser.js("return document.getElementById('result-body').textContent")
    assert "People and their posts" not in browser.js("return document.getElementById('error').textContent")
    assert browser.js("return document.getElementById('query-text').value").startswith("# title: People")
    # Entity IRIs link to their pages here; the permalink and downloads follow the query.
    href = browser.js("return document.querySelector('#result-body a[href^=\"/id/person/\"]')"
                      ".getAttribute('href')")
    assert href.startswith("/id/person/")
    assert "name=people" in browser.js("return document.getElementById('permalink').href")
    assert browser.js("return document.querySelectorAll('#downloads a').length") == 4
    assert "page 1" in browser.js("return document.getElementById('row-count').textContent")
    browser.screenshot("query.png")


def test_query_page_pages_a_canned_listing(browser, live_server):
    browser.get(f"{live_server}/query?name=people&per_page=3")
    assert browser.wait_for("return document.querySelectorAll('#result-body tbody tr').length") == 3
    browser.click("#pager a[rel=next]")
    browser.wait_for("return location.search.includes('page=2')")
    first = browser.wait_for("return document.querySelector('#result-body tbody td.idx').textContent")
    assert first == "4"
    assert browser.js("return document.querySelector('#pager a[rel=prev]') !== null")
    # Running the editor's text in place shows its whole result: the pager no longer applies.
    browser.click("#run")
    browser.wait_for("return document.getElementById('row-count').textContent.includes(' ms')")
    assert browser.js("return document.getElementById('pager').hidden")
    browser.screenshot("query-paged.png")


def test_query_page_shows_errors(browser, live_server):
    browser.get(f"{live_server}/query")
    browser.type("#query-text", "SELECT * WHERE { ?s ?p }")
    browser.click("#run")
    text = browser.wait_for("const e = document.getElementById('error'); return !e.hidden && e.textContent")
    assert "400" in text and "syntax" in text.lower()


def test_typed_query_runs_with_ctrl_enter(browser, live_server):
    browser.get(f"{live_server}/query")
    browser.type("#query-text", "SELECT (COUNT(*) AS ?n) WHERE {"
                 " ?s a <https://w3id.org/relgraph/ontology#State> }"
                 "\ue009\ue007")  # Ctrl+Enter (WebDriver key codes: Control, Enter)
    count = browser.wait_for("const c = document.querySelector('#result-body tbody td:nth-child(2)');"
                             "return c && c.textContent")
    assert int(count) > 3


def test_entity_page_renders(browser, live_server):
    browser.resize(1280, 2000)
    browser.get(f"{live_server}/id/person/sergei-lavrov")
    assert browser.js("return document.querySelector('h1').textContent") == "Sergei Lavrov"
    page = browser.js("return document.body.innerText")
    assert "Foreign Minister" in page and "Russia" in page
    assert browser.js("return document.querySelectorAll('figure.neighbourhood svg circle').length") > 2
    # The SVG's nodes are links; following one leads to another entity page.
    target = browser.js("return document.querySelector('figure.neighbourhood svg a').getAttribute('href')")
    assert target.startswith("/id/")
    browser.screenshot("entity.png")
    browser.get(live_server + target)
    assert browser.js("return document.querySelectorAll('.entity h1').length") == 1


def test_timeline_renders(browser, live_server):
    browser.resize(1280, 1400)
    browser.get(f"{live_server}/timeline")
    assert browser.js("return document.querySelectorAll('ol.timeline li.event').length") > 5
    browser.screenshot("timeline.png")


def test_article_page_renders(browser, live_server):
    browser.resize(1280, 1400)
    browser.get(f"{live_server}/id/article/000_d41b808b5fb25158")
    assert browser.js("return document.querySelector('h1').textContent") == \
        "Russia seeks expansion in ties with Pakistan"
    assert browser.js("return document.querySelectorAll('figure.evidence blockquote').length") > 3
    browser.screenshot("article.png")


# -- under the Content-Security-Policy -------------------------------------------------------------
PAGES = ["/", "/timeline", "/id/person/sergei-lavrov", "/id/state/russia", "/id/article/000_d41b808b5fb25158",
         "/query", "/id/person/nobody-at-all"]


def test_the_csp_is_enforced_and_watched(browser, live_server):
    """The recorder works: an inline script added to the page is blocked and reported."""
    browser.get(f"{live_server}/")
    assert browser.csp_violations() == []
    browser.js("const s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
               "document.head.appendChild(s);")
    violations = browser.wait_for("return window.__cspViolations.length && window.__cspViolations", 5)
    assert any(v.startswith("script-src") for v in violations)
    assert browser.js("return window.__ran === undefined")


def test_pages_work_under_the_csp(browser, live_server):
    for path in PAGES:
        browser.get(live_server + path)
        assert browser.js("return document.readyState") == "complete"
        assert browser.csp_violations() == [], path
        assert browser.js("return getComputedStyle(document.querySelector('header.site')).backgroundColor") \
            == "rgb(16, 42, 67)", path  # the stylesheet applies
    browser.get(f"{live_server}/id/person/sergei-lavrov")
    # Confidence bars and the neighbourhood picture are drawn without inline styles.
    widths = browser.js("return [...document.querySelectorAll('.conf .bar span')].map(e => e.offsetWidth)")
    assert widths and max(widths) > 10
    fills = browser.js("return [...document.querySelectorAll('figure.neighbourhood circle')]"
                       ".map(c => getComputedStyle(c).fill)")
    assert len(set(fills)) > 1 and "rgb(0, 0, 0)" not in fills
    assert browser.csp_violations() == []


def test_script_rendered_results_link_only_http_iris(browser, live_server):
    unsafe = ["javascript:alert(document.domain)", "JaVaScRiPt:alert(1)", "data:text/html;base64,PGI+eDwvYj4=",
              "vbscript:msgbox(1)"]
    binds = " ".join(f"{{ BIND(<{iri}> AS ?x) }} UNION" for iri in unsafe)
    browser.get(f"{live_server}/query")
    browser.type("#query-text", f"SELECT ?x WHERE {{ {binds} {{ BIND(<https://example.org/ok> AS ?x) }} }}")
    browser.click("#run")
    # The script rendered the table (its row count carries the time it took).
    browser.wait_for("return document.getElementById('row-count').textContent.includes(' ms')")
    cells = browser.js("return [...document.querySelectorAll('#result-body tbody td:nth-child(2)')]"
                       ".map(td => td.textContent)")
    assert len(cells) == len(unsafe) + 1 and any("javascript:alert" in c for c in cells)
    hrefs = browser.js("return [...document.querySelectorAll('#result-body a')].map(a => a.getAttribute('href'))")
    assert hrefs == ["https://example.org/ok"]
    assert browser.csp_violations() == []
