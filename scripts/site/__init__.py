"""Stage 6, the website's content: the validated plan as Markdown pages and open data files.

In: a validated :class:`schema.Plan`, :class:`~scripts.present.lookups.SiteOptions` (edit links, file dates, the
plan folder) and the page registry. Out: ``{path: markdown}`` from :func:`~scripts.site.pages.render_site`,
``{path: text or bytes}`` from :func:`~scripts.site.open_data.data_files` and ``{path: xml}`` from
:func:`~scripts.site.feeds.feed_files`. :mod:`~scripts.site.registry` is the one table of page kinds (paths,
templates, menu, items); the pages of the editors' guide and of the adopted editions get their content from the
registry's providers, which the publishing stage wires in (the editions as :mod:`~scripts.site.history` data), so
nothing here imports the editor's package, runs git or validates. The charts, budget rows, indicator verdicts, the
licence and the plan's lookups it shares with print come from :mod:`scripts.present`. Nothing here knows about
MkDocs: :mod:`scripts.publish.plugin` hands the pages over.
"""
