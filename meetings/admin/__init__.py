"""The Technical Secretariat runs meetings from the admin: the meeting with
its agenda, documents and funding; registrations, which move only through
the services; participant lists, name badges and letters; and the meetings
whose funding is still uncovered. Importing the modules registers them."""

from . import agenda, documents, funding, meetings, registrations

__all__ = ["agenda", "documents", "funding", "meetings", "registrations"]
