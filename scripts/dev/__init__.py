"""Developers' tools, not part of the installed package: the benchmark (``bench.py``, `make bench`) and synthetic
plans of any size (``synth.py``)."""
