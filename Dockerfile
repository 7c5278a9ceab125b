# One image for web, worker and beat (docker-compose.yml picks the command).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    RIAL_VAR_DIR=/var/lib/rial \
    STATIC_ROOT=/app/staticfiles

# WeasyPrint (letters of participation, name badges) draws text with Pango;
# `manage.py backup` and `restore` run pg_dump and pg_restore (the image's
# Debian has a client as new as the compose file's PostgreSQL, or newer).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
       libharfbuzz-subset0 fonts-dejavu-core postgresql-client \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . .
RUN pip install -e .

# Static files are collected into the image and served by whitenoise; the key
# is only needed for Django to start, never used.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input -v 0

# The media volume takes this folder's owner when docker creates it.
RUN useradd --system --home-dir /var/lib/rial --create-home rial \
    && mkdir -p /var/lib/rial/media \
    && chown -R rial:rial /var/lib/rial
USER rial

EXPOSE 8000
# gunicorn.conf.py: processes, threads and timeouts from GUNICORN_ variables.
CMD ["gunicorn", "-c", "gunicorn.conf.py", "rial_portal.wsgi"]
