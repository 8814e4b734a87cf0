"""The site's own stylesheets reach a page as one file (publish/stylesheets.py): one request that holds back the
first paint instead of six, in the order of mkdocs.yml, at an address that changes with its text."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.publish.stylesheets import one_stylesheet


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_stylesheets_are_joined_in_their_order_into_one_file_that_every_page_links(tmp_path: Path) -> None:
    docs = write(tmp_path, {"stylesheets/b.css": "b { color: red; }\n", "stylesheets/a.css": "a { color: blue; }"})
    bundle = one_stylesheet(docs, ["stylesheets/b.css", "stylesheets/a.css"])
    [name] = bundle.links
    assert re.fullmatch(r"stylesheets/site\.[0-9a-f]{10}\.css", name)
    assert bundle.files == {
        name: "/* stylesheets/b.css */\nb { color: red; }\n/* stylesheets/a.css */\na { color: blue; }\n"
    }


def test_a_changed_stylesheet_gets_a_new_address(tmp_path: Path) -> None:
    docs = write(tmp_path, {"stylesheets/a.css": "a { color: blue; }", "stylesheets/b.css": "b {}"})
    before = one_stylesheet(docs, ["stylesheets/a.css", "stylesheets/b.css"]).links
    write(tmp_path, {"stylesheets/a.css": "a { color: green; }"})
    assert one_stylesheet(docs, ["stylesheets/a.css", "stylesheets/b.css"]).links != before


def test_a_link_that_is_no_file_of_the_site_stays_as_it_is_after_the_joined_file(tmp_path: Path) -> None:
    docs = write(tmp_path, {"stylesheets/a.css": "a {}", "stylesheets/b.css": "b {}"})
    links = one_stylesheet(docs, ["stylesheets/a.css", "elsewhere.css", "stylesheets/b.css"]).links
    assert links[1:] == ["elsewhere.css"] and links[0].startswith("stylesheets/site.")


def test_a_single_stylesheet_is_linked_as_it_is(tmp_path: Path) -> None:
    docs = write(tmp_path, {"stylesheets/a.css": "a {}"})
    assert one_stylesheet(docs, ["stylesheets/a.css"]).links == ["stylesheets/a.css"]


def test_the_head_of_a_built_page_links_one_stylesheet_of_the_sites_own_holding_them_all(built_site: Path) -> None:
    own = re.compile(r'<link rel="stylesheet" href="(?:\.\./)*(stylesheets/[^"]+)">')
    for page in [built_site / "index.html", built_site / "tiltak" / "index.html"]:
        head = page.read_text(encoding="utf-8").partition("</head>")[0]
        [name] = own.findall(head)
        text = (built_site / name).read_text(encoding="utf-8")
        assert "/* stylesheets/extra.css */" in text and "/* stylesheets/footer.css */" in text
