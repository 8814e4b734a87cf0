"""``python -m scripts.dev.bench`` (from the repository root; `make bench`)."""

import sys

from scripts.dev.bench.cli import main

sys.exit(main())
