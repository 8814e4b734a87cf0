"""The plan's pipeline and the `plan` command that runs it (see ARCHITECTURE.md).

Stages, each a package whose ``__init__`` says what comes in and what goes out, imported only downwards:
``core`` (shared values and text) ← ``load`` ← ``validate`` ← ``editor`` ← ``site`` ← ``pdf`` ← ``publish`` ←
``cli``. ``dev`` (benchmark, synthetic plans) is a developer's tool and not part of the installed package.
"""

from pathlib import Path

#: The folder of this package, its templates (pages, charts, print, theme) and the repository it lives in.
PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
REPOSITORY = PACKAGE.parent
