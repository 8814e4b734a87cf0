"""``python -m scripts.dev.lighthouse`` (from the repository root)."""

import sys

from scripts.dev.lighthouse.cli import main

sys.exit(main())
