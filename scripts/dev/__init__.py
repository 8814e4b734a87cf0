"""Developers' tools, not part of the installed package: the benchmark (``bench``, ``python -m scripts.dev.bench``,
`make bench`) and synthetic plans of any size (``synth``, ``python -m scripts.dev.synth --measures N OUT``).

In: the repository (the shipped plan, mkdocs.yml, the pipeline under ``scripts``). Out: BENCHMARKS.md and plan
folders; nothing here is imported by the pipeline."""
