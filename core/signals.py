"""Signals of the email machinery (core.mail), for apps that keep track of
their recipients without the mail module knowing them: the newsletter
disables addresses that keep being refused."""

from django.dispatch import Signal

# Sent once per delivery, right after the mail server accepted it. Argument:
# ``delivery`` (an EmailDelivery, status "sent").
email_sent = Signal()

# Sent once per delivery that the mail server refused for good (a mailbox
# that does not exist). Argument: ``delivery`` (status "failed", with the
# server's answer in ``last_error``).
email_refused = Signal()
