"""The plan's pipeline and the `plan` command that runs it (see ARCHITECTURE.md).

Stages, each a package whose ``__init__`` says its number, what comes in and what goes out, imported only
downwards (tests/test_architecture.py): below them ``model`` and ``schema.py`` (the data model), then 1 ``core``
(shared values and text) ← 2 ``load`` ← 3 ``validate`` ← 4 ``editor`` ← 5 ``present`` (what site and print both
draw) ← 6 ``site`` ← 7 ``pdf`` ← 8 ``publish`` ← 9 ``cli``. ``dev`` (benchmark, synthetic plans) is a developer's
tool and not part of the installed package.
"""

from pathlib import Path

#: The folder of this package, its templates (pages, charts, print, theme) and the repository it lives in.
PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
REPOSITORY = PACKAGE.parent
