"""Where am I, and can a keyboard get there (issue 23, parts 1 and 7), in a real browser on the small test plan's
site: a measure page outside the menu has its tab marked and a breadcrumb through its focus area and goal; at
390 px the closed menu drawer is out of the tab order, so the content's first link comes within five Tab presses
after the skip link, and the menu still opens from the keyboard with its links reachable."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from schema import Plan
from scripts.site.registry import page_path
from scripts.site.urls import url_of

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 900}
#: The focused element: inside the content (the breadcrumb or the article), a link, and its text.
FOCUSED = """() => { const e = document.activeElement;
  return {content: !!e.closest('.md-content'), link: e.tagName === 'A', text: e.textContent.trim()}; }"""


def first_measure(plan: Plan) -> str:
    return next(m.id for _, _, m in plan.measures())


def tabs_to_content(page: Page, limit: int) -> int | None:
    """How many Tab presses after the skip link reach the first link of the content (None: not within limit)."""
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["content"] and focused["link"]:
            return presses
    return None


def test_a_measure_page_has_its_tab_marked_and_a_breadcrumb_through_its_focus_area_and_goal(
    server: str, browser: Browser, valid_plan: Plan
) -> None:
    fa, goal, measure = next(valid_plan.measures())
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + url_of(page_path("measure", measure.id)), wait_until="load")
    assert page.inner_text(".md-tabs__item--active").strip() == "Planen"
    crumbs = [text.strip() for text in page.locator("nav[aria-label=Brødsmulesti] a").all_inner_texts()]
    assert crumbs[0] == "Forside"
    assert crumbs[-2] == f"{fa.id} {fa.title}"
    assert crumbs[-1].startswith(f"Mål {goal.id} ")
    assert page.locator(".md-sidebar--primary .md-nav__item--active").count() > 0, "the menu shows the page's section"
    page.close()


@pytest.mark.parametrize("kind", ["home", "measure"])
def test_at_390_px_the_contents_first_link_comes_within_five_tabs_after_the_skip_link(
    server: str, browser: Browser, valid_plan: Plan, kind: str
) -> None:
    page = browser.new_page(viewport=PHONE)
    ident = first_measure(valid_plan) if kind == "measure" else None
    page.goto(server + url_of(page_path(kind, ident)), wait_until="load")
    assert page.evaluate("() => document.querySelector('.md-sidebar--primary').inert")
    assert tabs_to_content(page, 5) is not None
    page.close()


def test_at_390_px_the_menu_opens_from_the_keyboard_with_its_links_reachable_and_closes_with_escape(
    server: str, browser: Browser, valid_plan: Plan
) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(server + url_of(page_path("measure", first_measure(valid_plan))), wait_until="load")
    button = page.locator(".md-header label[for=__drawer]")
    assert button.get_attribute("tabindex") == "0"
    expect(button).to_have_accessible_name("Meny")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
    assert page.evaluate("() => document.getElementById('__drawer').checked")
    assert not page.evaluate("() => document.querySelector('.md-sidebar--primary').inert")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('.md-sidebar--primary') !== null")
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.querySelector('.md-sidebar--primary').inert")
    assert page.evaluate("() => document.activeElement.getAttribute('for')") == "__drawer"
    page.close()


def test_at_1280_px_the_menu_is_beside_the_page_and_never_inert(
    server: str, browser: Browser, valid_plan: Plan
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + url_of(page_path("measure", first_measure(valid_plan))), wait_until="load")
    assert not page.evaluate("() => document.querySelector('.md-sidebar--primary').inert")
    page.close()
