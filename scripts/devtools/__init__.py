"""Tools for tests and the benchmark (not used by the site build): local nginx, Debian's Chromium."""
