"""Stage 4, tools for the people who edit the plan: what changed (`plan diff`), a new measure, goal or actor with
the next free number (`plan new`), the status round (`plan status`), the editors' guide's examples, the JSON
Schemas for editors, and YAML written back.

In: plan folders (or git revisions) and validated plans. Out: Markdown/JSON change reports, edited YAML files
(every other byte kept), the guide's template context (:func:`~scripts.editor.guide.guide_context`), schema files.
Imports nothing from the site, the PDF or publishing.
"""
