"""The portal's own date formats, where a language's (Django's) reads wrong;
everything not set here is Django's."""
