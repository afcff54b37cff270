"""The published HTML page in a real browser: it fits a phone and has no WCAG 2 A/AA violation.

Citizens read the result on phones. At 390 CSS px (a common phone) and 320 px (the width WCAG
2.1's Reflow criterion names) the page must not scroll sideways: long URLs and words wrap,
the opinion tables stack, a wide numbers table scrolls inside itself. axe-core checks the
page against WCAG 2.0/2.1/2.2 A and AA (JIS X 8341-3 follows WCAG 2). These tests need
headless Chromium (Debian's chromium-headless-shell) and skip, saying so, without it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.publish.browser import REQUIRE, Chromium, fetch_axe, find_chromium
from tests.publish.conftest import SMALL

from pctui.publish import render
from pctui.storage import ConsultationFile

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "consultations" / "2025-jumin.toml"
PHONES = (390, 320)
DESKTOP = 1280
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

LONG_URL = "https://www.example.jp/" + "/".join(f"section-{n:02d}" for n in range(12)) + ".html"
LONG_WORD = "Supercalifragilisticexpialidocious" * 6
MANY_METHODS = ["郵送", "FAX", "電子メール", "ホームページ", "持参", "説明会", "電話", "窓口"]


def _unavailable(reason: str) -> None:
    if os.environ.get(REQUIRE) == "1":
        pytest.fail(f"{reason} ({REQUIRE}=1 requires the browser tests to run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    executable = find_chromium()
    if executable is None:
        _unavailable("no Chromium on PATH: apt-get install chromium-headless-shell (as .ci/run)")
    assert executable is not None
    with Chromium(executable) as chromium:
        yield chromium


@pytest.fixture(scope="module")
def axe() -> str:
    try:
        return fetch_axe().read_text(encoding="utf-8")
    except RuntimeError as error:
        _unavailable(f"axe-core is not available: {error}")
        raise


def _hard_case(folder: Path) -> Path:
    """The small consultation made as wide as a real one gets: a long URL, an unbroken word, a
    long ASCII line in a response and eight ways of submitting."""
    text = SMALL.read_text(encoding="utf-8")
    text = text.replace('"https://www.example.jp/gomi/plan.html"', json.dumps(LONG_URL))
    text = text.replace(
        'methods = ["郵送", "FAX", "電子メール", "ホームページ"]',
        f"methods = {json.dumps(MANY_METHODS, ensure_ascii=False)}",
    )
    counts = ", ".join(f"{json.dumps(m, ensure_ascii=False)} = 1" for m in MANY_METHODS)
    text = text.replace(
        'submitters = {"郵送" = 1, FAX = 0, "電子メール" = 2, "ホームページ" = 3}',
        f"submitters = {{{counts}}}",
    )
    text = text.replace(
        'opinion = """計画の目標値が低すぎる。',
        f'opinion = """計画の目標値が低すぎる。{LONG_WORD} {LONG_URL}',
    )
    assert LONG_URL in text and "説明会" in text and LONG_WORD in text
    path = folder / "hard.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample (a draft: it is not all approved), the small fixture and the hard case."""
    folder = tmp_path_factory.mktemp("pages")
    sources = {
        "sample-draft": (SAMPLE, True),
        "small": (SMALL, False),
        "hard-draft": (_hard_case(folder), True),
    }
    written = {}
    for name, (source, draft) in sources.items():
        consultation = ConsultationFile.load(source).consultation
        page = folder / f"{name}.html"
        page.write_bytes(render(consultation, "html", draft=draft))
        written[name] = page
    english = ConsultationFile.load(SMALL).consultation
    english.meta.language = "en"
    written["small-en"] = folder / "small-en.html"
    written["small-en"].write_bytes(render(english, "html"))
    return written


# Every element whose right edge passes the viewport, to name the culprit when a page overflows.
OVERFLOWING = """
[...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
  .filter(e => !e.closest('.table-scroll') || e.classList.contains('table-scroll'))
  .slice(0, 8)
  .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ': '
       + Math.round(e.getBoundingClientRect().right) + 'px '
       + JSON.stringify((e.textContent || '').slice(0, 40)))
"""


@pytest.mark.parametrize("width", PHONES)
@pytest.mark.parametrize("name", ["sample-draft", "small", "small-en", "hard-draft"])
def test_page_fits_a_phone_without_sideways_scrolling(
    browser: Chromium, pages: dict[str, Path], name: str, width: int, tmp_path: Path
) -> None:
    browser.open(pages[name], width)
    scroll_width = browser.evaluate("document.documentElement.scrollWidth")
    browser.screenshot(tmp_path / f"{name}-{width}.png")
    assert scroll_width <= width, (
        f"{name} is {scroll_width}px wide at {width}px: {browser.evaluate(OVERFLOWING)}"
    )


# The left and width of every opinion and response cell, relative to the viewport.
CELLS = """
[...document.querySelectorAll('table.opinions tbody td')].map(td => {
  const box = td.getBoundingClientRect();
  return [box.left, box.width, getComputedStyle(td, '::before').content];
})
"""


def test_opinions_stack_on_a_phone_and_stay_a_table_on_a_desktop(
    browser: Chromium, pages: dict[str, Path]
) -> None:
    browser.open(pages["small"], 390)
    phone = browser.evaluate(CELLS)
    assert phone
    # Stacked: each text takes (nearly) the whole width, not a third of it, and says
    # which column it is (the header row is not shown above it any more).
    assert all(width > 390 * 0.75 for _, width, _ in phone), phone
    # The computed value may keep the alternative text for screen readers: `"…" / ""`.
    shown = {label.split(" / ")[0] for _, _, label in phone}
    assert shown == {'"ご意見の概要"', '"サンプル市の考え方"'}
    browser.open(pages["small"], DESKTOP)
    desktop = browser.evaluate(CELLS)
    # Side by side: opinion and response start at different places; no label is drawn.
    assert len({round(left) for left, _, _ in desktop}) == 2, desktop
    assert {label for _, _, label in desktop} == {"none"}


def test_a_wide_numbers_table_scrolls_inside_itself(
    browser: Chromium, pages: dict[str, Path]
) -> None:
    browser.open(pages["hard-draft"], 320)
    region = browser.evaluate(
        "(() => { const r = document.querySelector('.table-scroll');"
        " return [r.scrollWidth, r.clientWidth, r.tabIndex, r.getAttribute('role')]; })()"
    )
    scroll_width, client_width, tab_index, role = region
    # The table is wider than the phone, so it scrolls, and the region can be reached and
    # scrolled with the keyboard (WCAG 2.1.1).
    assert scroll_width > client_width
    assert (tab_index, role) == (0, "region")


def test_print_keeps_whole_tables_even_from_a_narrow_window(
    browser: Chromium, pages: dict[str, Path]
) -> None:
    # Paper cannot scroll and the stacked layout is for screens: printed, the opinions stay a
    # table and a wide numbers table is not cut at the edge of its region.
    browser.call("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        browser.open(pages["hard-draft"], 390)
        shown = browser.evaluate(
            "[getComputedStyle(document.querySelector('table.opinions')).display,"
            " getComputedStyle(document.querySelector('.table-scroll')).overflowX]"
        )
    finally:
        browser.call("Emulation.setEmulatedMedia", {"media": ""})
    assert shown == ["table", "visible"]


@pytest.mark.parametrize("width", [390, DESKTOP])
@pytest.mark.parametrize("name", ["sample-draft", "small", "small-en", "hard-draft"])
def test_page_has_no_wcag_a_or_aa_violation(
    browser: Chromium, axe: str, pages: dict[str, Path], name: str, width: int
) -> None:
    browser.open(pages[name], width)
    browser.evaluate(axe)
    assert browser.evaluate("axe.version") == "4.14.1"
    options = json.dumps({"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = browser.evaluate(
        f"axe.run(document, {options}).then(r => r.violations.map(v =>"
        " v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', ')))"
    )
    assert violations == [], "\n".join(violations)
