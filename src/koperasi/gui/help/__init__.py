"""The clerk's guide (Bantuan → Panduan, F1): Indonesian HTML pages shipped inside the package.

- ``topics``: the contents, which page F1 opens for which screen, and which screenshots the pages use;
- ``browser``: the guide window (a QTextBrowser with contents, back/forward and search in the page);
- ``f1``: the application-wide F1 key;
- ``check``: reads every page as Qt does and lists broken links and missing images;
- ``pages/``: the pages (Qt's rich-text subset of HTML) and ``pages/images/`` the scaled screenshots,
  written from docs/screenshots/ by ``packaging/generate.py``.
"""
