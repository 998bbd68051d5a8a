"""The plugin's settings in a site's mkdocs.yml (`plugins: - sitekit: ...`), typed and validated by MkDocs.

    plugins:
      - i18n: ...            # the languages; the default one first in every data text
      - sitekit:
          audiences: [teens, parents, teachers, everyone]     # the ids pages use in `audience:`
          data_files: {helplines: helplines, sources: sources}  # role -> file name in data/ (no .yml)

Every setting is optional; the defaults are the names of the first site made with the generator
(sitekit/terms.py). The owner's settings that must be given before publishing (the publisher's contact)
live in the data file of the publisher; `sitekit release` refuses to publish without them.
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .terms import DEFAULT_AUDIENCES


class SiteKitConfig(Config):
    # The ids of the site's audiences, as pages write them in their front matter (`audience:`); every data
    # file that names an audience (readability, search, checklists, formal) uses these.
    audiences = c.ListOfItems(c.Type(str), default=list(DEFAULT_AUDIENCES))
    # The site's names for its data files, by role: site, ui, helplines, sources, publisher, domains, words,
    # search, readability, lessons, help_finder, checklists (a folder). A role left out keeps its default name.
    data_files = c.DictOfItems(c.Type(str), default={})
    # The component stylesheets and scripts of the generator's theme (sitekit/theme/assets/...). A site
    # adds its own (its colours) with mkdocs.yml's extra_css, after these.
    components = c.Type(bool, default=True)
