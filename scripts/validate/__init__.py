"""Stage 3, validate: check a loaded plan against schema.py and the rules that span files.

Comes in: a plan folder (:func:`~scripts.validate.validator.validate_folder` loads it with
:mod:`scripts.load`) or its already loaded :class:`~scripts.load.folder.PlanFiles`
(:func:`~scripts.validate.validator.validate_files`).

Goes out: the validated :class:`schema.Plan`, only when there is no problem at all, and a list of
:class:`~scripts.core.problems.Diagnostic`: every problem in every file, each at its FILE:LINE:COL with a
Norwegian message that names the item, the field, what is wrong and how to fix it.

* :mod:`scripts.validate.validator`: runs the models and the rules over the files;
* :mod:`scripts.validate.diagnostics`: pydantic's errors in Norwegian, one handler per kind of error;
* :mod:`scripts.validate.rules`: the rules that need several items or files at once.

The reference types and the types of single values that schema.py builds its models from are in
:mod:`scripts.model`, below schema.py.
"""
