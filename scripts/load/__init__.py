"""Stage 2, load: read a plan folder strictly, keeping the line and column of every value.

Comes in: a plan folder (``plan/``: plan.yaml, vocabulary.yaml, actors.yaml, indikatorer.yaml and one YAML
file per focus area in satsingsomrader/).

Goes out: :class:`~scripts.load.folder.PlanFiles`, every file that could be loaded as a
:class:`~scripts.load.strict.Document` (plain Python values read as YAML 1.2, plus the position of every key
and value), and a list of :class:`~scripts.core.problems.Diagnostic` (FILE:LINE:COL and a Norwegian message)
for every file that is missing, unknown or could not be read. Nothing here raises to the caller and nothing
here knows the plan's rules: that is stage 3, :mod:`scripts.validate`.

* :mod:`scripts.load.folder`: the plan folder (which files belong, which names editors get wrong);
* :mod:`scripts.load.strict`: one YAML file (duplicate keys, tags, aliases, depth, size; libyaml when it can);
* :mod:`scripts.load.syntax`: PyYAML's syntax errors in Norwegian, pointing at the real cause.
"""
