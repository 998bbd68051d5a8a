"""`make bench`: our site against plain Material on the same content (see docs/benchmark.md)."""
