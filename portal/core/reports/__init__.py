"""PDF reports, typeset by WeasyPrint in a Celery worker, for any app that registers a kind.

Core holds what every report shares and imports no app: the record of each file and its
state (portal.core.models.ReportFile), the registry of kinds (`kinds`), the rendering with
a url_fetcher that reaches only the portal's own static files and public media
(`rendering`), asking and making (`services`, the task in portal.core.tasks), and the
pages that ask, poll and download (`views`). The apps that own the data register their
kinds when they are ready: actionplans the plan and the progress report, the shell the
project overview, which draws on several apps at once.
"""
