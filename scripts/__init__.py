"""The plan's pipeline: load → validate → render → publish, and the `plan` command that runs it."""
