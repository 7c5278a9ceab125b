class IsoCodeConverter:
    """Two ASCII letters, either case: anything else never reaches the database."""

    regex = "[A-Za-z]{2}"

    def to_python(self, value):
        return value.upper()

    def to_url(self, value):
        return value.lower()
