"""Stage 3, the website's content: the validated plan as Markdown pages and open data files.

In: a validated :class:`schema.Plan`, :class:`~scripts.site.lookups.SiteOptions` (edit links, file dates, the
plan folder) and the page registry. Out: ``{path: markdown}`` from :func:`~scripts.site.pages.render_site` and
``{path: text or bytes}`` from :func:`~scripts.site.open_data.data_files`. :mod:`~scripts.site.registry` is the one table
of page kinds (paths, templates, menu, items); :mod:`~scripts.site.charts` draws the SVG charts. Nothing here
knows about MkDocs: :mod:`scripts.publish.plugin` hands the pages over.
"""
