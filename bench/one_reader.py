"""What the one-reader benchmarks (page_profile.py, search.py, open_data.py)
share: the database they read, and the settings of the process they run the
portal in."""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


def database_url(name, server):
    """``name`` as a URL: itself when it is one, else that database on
    ``server``'s PostgreSQL."""
    if "://" in name:
        return name
    return urlunsplit(urlsplit(server)._replace(path=f"/{name}"))


def environment(database_url, **settings):
    """Production's settings for one reader in this process, on
    ``database_url``; ``settings`` adds to them or changes them."""
    os.environ.update(
        {
            # As bench/load.py: a line per request would be measured, and fill the output.
            "LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "rial_portal.settings",
            "DATABASE_URL": database_url,
            "DEBUG": "false",
            "SECURE_SSL_REDIRECT": "false",
            "ALLOWED_HOSTS": "testserver",
            "RIAL_VAR_DIR": str(ROOT / "var" / "bench"),
            "STATIC_ROOT": str(ROOT / "var" / "bench" / "static"),
            **settings,
        }
    )
    # The file cache of the embedded mode, not a Redis another run shares.
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("SECRET_KEY", "bench-only-insecure-secret-key")
    # bench/load_urls.py: the portal's URLs plus the trivial view.
    sys.path[:0] = [str(ROOT), str(BENCH)]
