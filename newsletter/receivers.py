"""The newsletter listens to the mail machinery to keep its list clean: an
address refused again and again is disabled, one that takes mail starts over."""

from .models import delivery_subscriber_id
from .services import subscriber_delivery_accepted, subscriber_delivery_refused


def on_email_sent(sender, delivery, **kwargs):
    subscriber_id = delivery_subscriber_id(delivery.key)
    if subscriber_id is not None:
        subscriber_delivery_accepted(subscriber_id=subscriber_id)


def on_email_refused(sender, delivery, **kwargs):
    subscriber_id = delivery_subscriber_id(delivery.key)
    if subscriber_id is not None:
        subscriber_delivery_refused(subscriber_id=subscriber_id, reason=delivery.last_error)
