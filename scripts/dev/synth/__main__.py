"""``python -m scripts.dev.synth --measures N OUT`` (from the repository root)."""

import sys

from scripts.dev.synth.cli import main

sys.exit(main())
