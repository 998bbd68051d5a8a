"""The plugin's settings in a site's mkdocs.yml (`plugins: - sitekit: ...`), typed and validated by MkDocs.

Everything here is optional: a site that says only `- sitekit` gets the defaults below.
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SiteKitConfig(Config):
    # The component stylesheets and scripts of the generator's theme (sitekit/theme/assets/...). A site
    # adds its own (its colours) with mkdocs.yml's extra_css, after these.
    components = c.Type(bool, default=True)
