# "21 décembre 2026 à 08:55", as French writes a day and an hour (Django's
# own leaves out the "à").
DATETIME_FORMAT = "j F Y à H:i"
