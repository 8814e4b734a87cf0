"""Stage 8, publishing: MkDocs builds the site of a validated plan, and it is put in place all or nothing.

In: a :class:`~scripts.publish.plugin.PlanSource` (the validated plan and its files). Out: a complete ``site/``
folder swapped in with two renames (:func:`~scripts.publish.build.build_site`), or the previous one left as it
was and a Norwegian reason (:class:`~scripts.publish.build.BuildFailed`). :mod:`~scripts.publish.plugin` is the
MkDocs plugin ``naeringsplan``, which gets its input through :meth:`~scripts.publish.plugin.PlanPlugin.given`;
:mod:`~scripts.publish.editions` reads the adopted editions from git and validates them, and
:mod:`~scripts.publish.providers` wires them and the editors' guide into the page registry;
:mod:`~scripts.publish.pdfs` makes every PDF of a build (from its cache when unchanged, in worker processes while
MkDocs builds); :mod:`~scripts.publish.links` checks every link before the swap;
:mod:`~scripts.publish.csp` writes the Content-Security-Policy; :mod:`~scripts.publish.offline` makes the copy to
open from disk (``plan build --offline``). :mod:`~scripts.publish.serve` is the live preview (`plan serve`), which
shows the plan's problems as a page and, with :mod:`~scripts.publish.reuse`, builds again only the pages a save
changed.
"""
