"""report_html: the self-contained report page (`--format html`, `Report.to_html()`) and the
notebook view (`_repr_html_`), read as text and, when a Chromium-family browser is installed,
loaded in it headless through the DevTools protocol."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import claimcheck
from claimcheck import Document, Report
from claimcheck.cli import main
from claimcheck.models import Diagnostic

ARTEFACTS = Path(__file__).resolve().parent / "artefacts"

# invented reports of one night: a drone attack, a rising injured count, a storm surge
# misread by one outlet (a figure 100 times another: listed as possible, not as a conflict)
DOCS = [
    Document(id="daily-1", source="<South & Daily>", published="2025-03-02T06:30:00+00:00",
             text="Estimates suggest that 700 drones and 26 missiles were launched at Ukraine "
                  "overnight."),
    Document(id="post-1", source="North Post", published="2025-03-02T07:00:00+00:00",
             text="Overnight, 597 drones and 26 missiles were launched at Ukraine, the "
                  "president said.\nIn Lviv, 4 people were injured, the governor said."),
    Document(id="post-2", source="North Post", published="2025-03-02T12:00:00+00:00",
             text="In Lviv, 9 people were injured, the governor said at noon."),
    Document(id="radio-1", source="Radio West", published="2025-03-02T18:00:00+00:00",
             text="By the evening, 15 people were injured in Lviv, the governor said."),
    Document(id="harbour-a", source="Harbour News", published="2025-03-02T08:00:00+00:00",
             text="The storm brought a surge of 3 metres to the harbour of Split on Sunday, "
                  "the port authority said."),
    Document(id="harbour-b", source="Coast Weekly", published="2025-03-02T19:00:00+00:00",
             text="The storm brought a surge of 300 metres to the harbour of Split on Sunday, "
                  "the port authority said."),
]
REJECTED = Diagnostic(code="bad-json", message="line 3 is not a <JSON> object",
                      where="docs.jsonl:3")


@pytest.fixture(scope="module")
def report() -> Report:
    return claimcheck.check(DOCS, diagnostics=[REJECTED])


def _kinds(report: Report) -> set[str]:
    return {d.kind for g in report.groups for d in g.discrepancies}


def test_the_fixture_has_a_conflict_a_running_count_and_a_possible(report: Report) -> None:
    assert {"contradiction", "update", "possible"} <= _kinds(report)


def test_a_page_with_nothing_to_fetch(report: Report) -> None:
    page = report.to_html()
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert '<meta charset="utf-8">' in page
    assert "default-src 'none'" in page  # the browser refuses to load anything
    assert not re.search(r"<script|<link|<img|<iframe|\bsrc=|https?:|url\(|@import", page)


def test_every_input_string_is_escaped() -> None:
    hostile = Document(id="x<y", source="<script>alert(1)</script>",
                       text="12 people died in <blink>Lviv</blink>, said \"the <u>mayor</u>\" & co.")
    other = Document(id="z", source="Fine", text="Twenty people died in Lviv, officials said.")
    page = claimcheck.check([hostile, other]).to_html()
    assert "<script>" not in page and "<blink>" not in page and "<u>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<mark>12 people</mark> died in &lt;blink&gt;Lviv&lt;/blink&gt;" in page
    assert "the &lt;u&gt;mayor&lt;/u&gt;&quot; &amp; co." in page
    assert 'data-claim="x&lt;y:c1"' in page


def test_each_figure_is_highlighted_in_its_sentence(report: Report) -> None:
    page = report.to_html()
    assert ("Overnight, <mark>597 drones</mark> and 26 missiles were launched at Ukraine, "
            "the president said.") in page
    row = re.search(r'<tr[^>]*data-claim="daily-1:c1">(.*?)</tr>', page, re.S)
    assert row is not None
    assert "2025-03-02 06:30" in row[1] and "&lt;South &amp; Daily&gt;" in row[1]
    assert "<mark>700 drones</mark>" in row[1] and "estimates" in row[1]


def test_the_gap_in_words(report: Report) -> None:
    (drones,) = [g for g in report.groups if "drone" in g.about]
    assert drones.verdict == "conflict"
    page = report.to_html()
    assert "103 drones apart, 17% of 597" in page
    (item,) = re.findall(r'<li class="discrepancy" data-kind="contradiction".*?</li>', page)
    assert drones.discrepancies[0].explanation.replace('"', "&quot;") in item


def test_possible_discrepancies_are_listed_apart(report: Report) -> None:
    page = report.to_html()
    conflicts = "".join(re.findall(r'<ul class="discrepancies conflicts">.*?</ul>', page, re.S))
    apart = "".join(re.findall(r'<ul class="discrepancies possible-list">.*?</ul>', page, re.S))
    assert 'data-kind="possible"' in apart and 'data-kind="possible"' not in conflicts
    assert "why: the figures are 100 times apart" in apart and "confidence 0.5" in apart
    assert "low confidence, not counted as conflicts" in page
    assert "<b>1</b> possible discrepancies" in page


def test_a_timeline_chart_per_running_count(report: Report) -> None:
    page = report.to_html()
    running = [g for g in report.groups if any(d.kind == "update" for d in g.discrepancies)]
    assert running and len(re.findall(r"<svg ", page)) == len(running)
    (injured,) = running
    chart = re.search(r"<figure>.*?</figure>", page, re.S)
    assert chart is not None and injured.about in chart[0]
    # one dot per report of the count, each named by its outlet and figure
    assert len(re.findall(r"<circle ", chart[0])) == len(injured.claims) == 3
    assert "Radio West: 15 people" in chart[0] and "<polyline " in chart[0]
    assert "Running count: <span class=\"steps\">4 → 9 → 15</span>" in page


def test_checks_and_diagnostics_are_on_the_page(report: Report) -> None:
    page = report.to_html()
    assert "Input diagnostics" in page and "line 3 is not a &lt;JSON&gt; object" in page


def test_the_notebook_shows_the_page_body(report: Report) -> None:
    body = report._repr_html_()
    assert body.startswith('<div class="claimcheck">') and body.endswith("</div>")
    assert body in report.to_html()
    assert "<html" not in body and "<style>" in body  # the style is scoped under .claimcheck
    assert all(rule.startswith(".claimcheck") for rule in re.findall(r"\}\s*([^{}]+)\{", body)
               if not rule.startswith("body"))


def test_an_empty_report_is_a_page() -> None:
    page = Report().to_html()
    assert "<b>0</b> documents" in page and "<svg" not in page and "<table" not in page


def test_cli_writes_the_page(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(d.model_dump_json() + "\n" for d in DOCS), encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["check", str(docs), "--format", "html", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == claimcheck.check(DOCS).to_html()


# ---------------------------------------------------------------- in a real browser

_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def _browser() -> str:
    """The Chromium-family browser to drive: $CLAIMCHECK_BROWSER, else the first on PATH."""
    named = os.environ.get("CLAIMCHECK_BROWSER")
    found = shutil.which(named) if named else next(filter(None, map(shutil.which, _BROWSERS)),
                                                   None)
    if not found:
        pytest.skip(f"no Chromium-family browser found ({named or ', '.join(_BROWSERS)} not on "
                    "PATH); install one (apt-get install chromium) or set CLAIMCHECK_BROWSER "
                    "to run the report page in a headless browser")
    return found


class _DevTools:
    """A headless browser driven over the DevTools protocol: one page, its console errors,
    exceptions and network requests recorded."""

    def __init__(self, browser: str, profile: str) -> None:
        websocket = pytest.importorskip(
            "websocket", reason="websocket-client is not installed: pip install -e '.[test]'")
        self.proc = subprocess.Popen(
            [browser, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", "--hide-scrollbars", f"--user-data-dir={profile}",
             "--remote-debugging-port=0", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)  # its own process group: the browser's children end with it
        active = Path(profile) / "DevToolsActivePort"  # the port and path, once listening
        deadline = time.monotonic() + 30
        while not (active.exists() and len(active.read_text().splitlines()) >= 2):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.close()
                pytest.fail(f"{browser} did not open its DevTools port within 30 s")
            time.sleep(0.05)
        port, path = active.read_text().splitlines()[:2]
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}{path}", timeout=30,
                                              suppress_origin=True)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target,
                                 flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=True)

    def call(self, method: str, session: bool = False, **params: Any) -> Any:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise AssertionError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, event: str, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while not any(e.get("method") == event for e in self.events):
            assert time.monotonic() < deadline, f"no {event} within {seconds} s"
            self.events.append(json.loads(self.ws.recv()))

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", session=True, expression=expression,
                           returnByValue=True)
        return result["result"].get("value")

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and browser log errors (a blocked load, a
        refused style) of the page."""
        found = []
        for e in self.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
                found.append(f"console: {params['args']}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params['exceptionDetails']}")
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(f"log: {params['entry']['text']}")
        return found

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events
                if e.get("method") == "Network.requestWillBeSent"]

    def close(self) -> None:
        if getattr(self, "ws", None) is not None:
            self.ws.close()
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=30)


@pytest.fixture
def devtools() -> Iterator[_DevTools]:
    browser = _browser()
    # a child the kill missed may still write the profile: leave what it writes, fail nothing
    with tempfile.TemporaryDirectory(prefix="claimcheck-browser-",
                                     ignore_cleanup_errors=True) as profile:
        tools = _DevTools(browser, profile)
        try:
            yield tools
        finally:
            tools.close()


def test_the_page_in_a_headless_browser(devtools: _DevTools, tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(d.model_dump_json() + "\n" for d in DOCS), encoding="utf-8")
    page, data = tmp_path / "report.html", tmp_path / "report.json"
    assert main(["check", str(docs), "--format", "html", "-o", str(page)]) == 0
    assert main(["check", str(docs), "--format", "json", "-o", str(data)]) == 0
    report = json.loads(data.read_text(encoding="utf-8"))

    devtools.call("Page.navigate", session=True, url=page.as_uri())
    devtools.wait_for("Page.loadEventFired")
    assert devtools.errors() == []
    assert [u for u in devtools.requests() if not u.startswith("file:")] == []

    shown = devtools.evaluate("""JSON.stringify([...document.querySelectorAll('li.discrepancy')]
        .map(li => ({group: li.closest('section').id, kind: li.dataset.kind,
                     claims: li.dataset.claims, list: li.parentElement.className,
                     text: li.innerText})))""")
    items = {(i["group"], i["kind"], i["claims"]): i for i in json.loads(shown)}
    expected = [(g["id"], d) for g in report["groups"] for d in g["discrepancies"]
                if d["kind"] != "update"]
    assert any(d["kind"] == "contradiction" for _, d in expected)
    assert len(items) == len(expected)
    for group, d in expected:
        item = items[(group, d["kind"], " ".join(d["claims"]))]
        assert d["explanation"] in item["text"]
        wanted = "possible-list" if d["kind"] == "possible" else "conflicts"
        assert wanted in item["list"].split()
    text = devtools.evaluate("document.body.innerText")
    assert "103 drones apart, 17% of 597" in text
    assert devtools.evaluate("document.querySelectorAll('svg circle').length") == 3
    # the chart is drawn, not just present: it has a size on the page
    assert devtools.evaluate("document.querySelector('svg').getBoundingClientRect().width") > 200

    devtools.call("Emulation.setDeviceMetricsOverride", session=True, width=1200, height=800,
                  deviceScaleFactor=1, mobile=False)
    height = devtools.evaluate("document.documentElement.scrollHeight")  # at that width
    devtools.call("Emulation.setDeviceMetricsOverride", session=True, width=1200,
                  height=int(height), deviceScaleFactor=1, mobile=False)
    shot = devtools.call("Page.captureScreenshot", session=True, format="png")["data"]
    ARTEFACTS.mkdir(exist_ok=True)
    (ARTEFACTS / ".gitignore").write_text("*\n", encoding="utf-8")  # never committed
    png = ARTEFACTS / "report-page.png"
    png.write_bytes(base64.b64decode(shot))
    assert png.read_bytes().startswith(b"\x89PNG")
