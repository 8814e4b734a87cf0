"""Stage 7, the print edition: the plan and the yearly status reports as tagged PDFs (WeasyPrint).

In: a validated :class:`schema.Plan` (for a status report also its year and today's date; print reads nothing of
:class:`~scripts.present.lookups.SiteOptions`). Out: the print HTML (:func:`~scripts.pdf.document.plan_html`) and
the PDF made from it (:func:`~scripts.pdf.document.render_pdf`; :func:`~scripts.pdf.document.write_pdf` does both),
reproducible byte for byte (dates from the data, not the clock). Imports nothing of the website: what both draw is
in :mod:`scripts.present`. The PDFs of a build (cache, worker processes) are made by :mod:`scripts.publish.pdfs`.
"""
