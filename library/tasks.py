from celery import shared_task

from . import services


@shared_task(
    soft_time_limit=services.EXTRACTION_SOFT_TIME_LIMIT, time_limit=services.EXTRACTION_TIME_LIMIT
)
def extract_file_text(file_id):
    """Read a newly uploaded language version's text (queued on commit)."""
    services.file_extract_text(file_id=file_id)


@shared_task
def files_requeue_pending():
    services.files_requeue_pending()
