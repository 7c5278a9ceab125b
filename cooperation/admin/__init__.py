"""The Technical Secretariat runs cooperation from the admin: calls for
proposals with their documents and ranking, ministries' needs, and requests,
which move only through the services (scores, decisions, approval with its
fund allocation, closing). Importing the modules registers them."""

from . import calls, needs, requests

__all__ = ["calls", "needs", "requests"]
