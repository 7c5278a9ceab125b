"""The core app holds no model of its own yet: the shared records (the email
deliveries, the activity log) are still the network app's tables. The module
exists so that Django sends the core app's post_migrate signal, on which its
hooks (apps.py) run."""
