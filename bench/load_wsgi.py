"""The portal's WSGI application with bench/load_urls.py as its URLconf
(gunicorn loads it with --pythonpath bench)."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rial_portal.settings")

from django.conf import settings
from django.core.wsgi import get_wsgi_application

settings.ROOT_URLCONF = "load_urls"
application = get_wsgi_application()
