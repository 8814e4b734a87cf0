"""Stage 4, the print edition: the plan and the yearly status reports as tagged PDFs (WeasyPrint).

In: a validated :class:`schema.Plan` and :class:`~scripts.present.lookups.SiteOptions`. Out: PDF files written by
:func:`~scripts.pdf.document.write_pdf`, reproducible byte for byte (dates from the data, not the clock).
"""
