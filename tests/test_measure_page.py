"""The measure page: one line with the two dates, labelled apart; previous and next measure under the same goal;
tags that link to the list of measures filtered by the tag."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_indicators import with_measure
from test_render import HISTORIES

from schema import Plan
from scripts.present.lookups import SiteOptions
from scripts.publish.links import broken_links
from scripts.site.pages import render_site

CHANGED = SiteOptions(
    sources={"1": "plan/satsingsomrader/1-nettverk.yaml"},
    changed={"plan/satsingsomrader/1-nettverk.yaml": dt.date(2026, 12, 1)},  # the file's: not what the page says
    histories=HISTORIES,
)


def date_line(page: str) -> str:
    return next(line for line in page.splitlines() if line.startswith('<p class="measure-dates">'))


def test_the_date_line_says_when_the_text_was_changed_and_when_the_status_was_updated(plan: Plan) -> None:
    line = date_line(render_site(plan, CHANGED)["tiltak/1-1-1.md"])
    assert line == (
        '<p class="measure-dates">Teksten sist endret <time datetime="2026-11-12">12. november 2026</time>. '
        'Status sist oppdatert <time datetime="2021-09-15">15. september 2021</time>.</p>'
    )


def test_without_a_date_from_git_the_line_gives_the_status_date_only(plan: Plan) -> None:
    line = date_line(render_site(plan)["tiltak/1-1-1.md"])
    assert "Teksten" not in line and "Status sist oppdatert" in line


def test_a_measure_without_status_updates_says_so_on_the_date_line(plan: Plan) -> None:
    line = date_line(render_site(plan, CHANGED)["tiltak/1-1-2.md"])
    assert "Teksten sist endret" in line and line.endswith("Status ikke oppdatert ennå.</p>")


def test_the_status_is_shown_once_without_a_second_date_beside_it(plan: Plan) -> None:
    page = render_site(plan)["tiltak/1-1-1.md"]
    status = page.split("Status](../ordforklaringer.md#statuser)\n:   ", 1)[1].split("\n\n", 1)[0]
    assert 'class="status-badge"' in status and status.endswith("Pågår</span>")
    assert "(sist oppdatert" not in page


def test_the_first_measure_of_a_goal_links_to_the_next_and_the_last_to_the_previous(plan: Plan) -> None:
    pages = render_site(plan)
    first, last = pages["tiltak/1-1-1.md"], pages["tiltak/1-1-2.md"]
    assert "[Neste tiltak: 1.1.2 Nettverk for reiseliv " in first and "Forrige tiltak" not in first
    assert '[<span aria-hidden="true">←</span> Forrige tiltak: 1.1.1 Nettverk for logistikk](1-1-1.md)' in last
    assert "Neste tiltak" not in last
    assert 'aria-label="Forrige og neste tiltak under mål 1.1"' in first


def test_a_measure_alone_under_its_goal_has_no_previous_or_next(plan: Plan) -> None:
    goal = plan.focus_areas[0].goals[0]
    alone = goal.model_copy(update={"measures": goal.measures[:1]})
    area = plan.focus_areas[0].model_copy(update={"goals": [alone]})
    page = render_site(plan.model_copy(update={"focus_areas": [area]}))["tiltak/1-1-1.md"]
    assert "measure-pager" not in page


def test_each_tag_links_to_the_measure_list_filtered_by_it(plan: Plan) -> None:
    page = render_site(with_measure(plan, "1.1.1", tags=["logistikk", "luftfart"]))["tiltak/1-1-1.md"]
    assert "Stikkord\n:   [logistikk](index.md?tagg=logistikk), [luftfart](index.md?tagg=luftfart)\n" in page


def test_the_link_check_accepts_a_link_with_a_query_to_a_page_that_exists(tmp_path: Path) -> None:
    (tmp_path / "tiltak" / "1-1-1").mkdir(parents=True)
    (tmp_path / "tiltak" / "index.html").write_text("<p>Alle tiltak</p>", encoding="utf-8")
    (tmp_path / "tiltak" / "1-1-1" / "index.html").write_text(
        '<a href="../?tagg=logistikk">logistikk</a> <a href="../../finnes-ikke/?tagg=x">x</a>', encoding="utf-8"
    )
    assert broken_links(tmp_path) == [
        "tiltak/1-1-1/index.html: lenken «../../finnes-ikke/?tagg=x» fører til en side eller fil som ikke finnes"
    ]
