"""``python -m scripts.dev.lighthouse``: Lighthouse 12 on five pages of the shipped plan's site, as a phone reader
meets them (issue 23, part 10): the front page, «Alle tiltak», measure 1.1.2, Nes kommune and the timeline.

In: a built site (``--site``, or a fresh ``plan build`` of ``plan/``), Lighthouse from ``.venv/share/`` (``make
test`` installs it with npm), Debian's Node.js and Chromium. Out: a table of the four scores per page (accessibility,
best practices, SEO, performance) and, for every score under 100, the audits that fail; with ``--write FILE`` the
table as a section for BENCHMARKS.md, with the machine's load.

The site is served on localhost by :mod:`~scripts.dev.lighthouse.serve`: the site's own security headers (``_headers``)
and every text file gzipped, as a host serves it. Lighthouse runs with its defaults for a phone (mobile form factor,
simulated throttling), one page at a time, in a Chromium of its own.

Modules: ``serve`` (the gzip server), ``run`` (Lighthouse on one page, its scores and failing audits), ``report``
(the section of BENCHMARKS.md, which `make bench` keeps), ``cli``.
The test tests/test_lighthouse.py asserts accessibility, best practices and SEO with the same ``run``; performance is
measured here, not asserted: it depends on the machine's load.
"""
