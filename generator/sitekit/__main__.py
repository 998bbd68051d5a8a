"""`python -m sitekit build|check|serve|translations|release` (sitekit/cli.py)."""

from sitekit.cli import main

raise SystemExit(main())
