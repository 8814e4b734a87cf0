"""``make bench`` (``python -m scripts.dev.bench``): time each stage of the build for the shipped plan and for
synthetic plans of 100, 1 000 and 5 000 measures, and write BENCHMARKS.md (in Norwegian) with the figures, how
they grow and the budgets.

In: the shipped plan in ``plan/``, synthetic plans from :mod:`scripts.dev.synth`, the virtualenv's ``mkdocs`` and
``plan`` commands, Debian's Chromium. Out: BENCHMARKS.md (``--out``), progress lines on standard output; a child
started with ``--stage`` prints its timings as one line of JSON.

Every stage runs in a process of its own, several times; the report gives the median wall time and the
highest peak memory (``ru_maxrss`` of the child, read with :func:`os.wait4`). Python stages time only the
stage itself (after the imports and the untimed steps it needs, such as validating before rendering); MkDocs
and ``plan build`` are timed as the whole command, as an editor would meet them.

``plan build`` is timed in each state of its cache (``.cache/`` of the plan's git repository): cold, with nothing
changed and, for the shipped plan, after the text of one measure changed; for the shipped plan and a synthetic plan
of 1 000 measures, each in a repository of its own, with the load average read after each run and what the build
said of its PDFs (made, or taken from the cache), against the budgets of issue 21. ``--builds-only`` times only
that and prints its section of the report and its budgets.

Two figures come from running things as a reader and an editor would: a first visit to a measure page, in
Debian's Chromium through Playwright (every file the browser asks for, gzip sizes), then what starting a search
adds; and how long ``plan serve`` takes, for the shipped plan, from saving a YAML file to serving the changed page.

The status round (``plan status export`` and ``import``) is timed for every plan too; ``--status-only`` times only
that and prints its rows of the report.

Modules, from the bottom: ``common`` (paths, Norwegian numbers), ``figures`` (what was measured), ``status_round``
(the status round's stages), ``stages`` (timing stages in child processes), ``browser`` (the built site and the
first visit), ``serve`` (the live preview), ``builds`` (``plan build`` in each state of its cache), ``budgets`` and
``report`` (BENCHMARKS.md), ``run`` (the whole benchmark), ``cli`` (the command line).
Only the standard library is imported up front: a child imports the pipeline for its own stage only.
"""
