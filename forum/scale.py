"""Scale data for the forum: per factor, 5 spaces (most open to the
network, one public), 200 threads and 2,000 posts, written by the network's
focal points, some replies hidden by the Secretariat."""

import datetime

from django.utils import timezone

from network.models import User
from portfolio.scale import SUBJECTS

from .enums import PostStatus, ReadAccess, SpaceKind
from .markup import render_markdown
from .models import Post, Space, Thread

SPACES_PER_FACTOR = 5
THREADS_PER_FACTOR = 200
POSTS_PER_THREAD = 10
SLUG_PREFIX = "scale-"
READ_ACCESS = [ReadAccess.PUBLIC] + [ReadAccess.NETWORK] * 4
LANGUAGES = ["es"] * 3 + ["en"] * 2
QUESTIONS = {
    "en": "Who has worked on {subject}? We are planning it for {year}.",
    "es": "¿Quién ha trabajado en {subject}? Lo estamos planificando para {year}.",
}
ANSWERS = {
    "en": "Our ministry ran a program on {subject} in {year}, reaching {n} workers.",
    "es": "Nuestro ministerio llevó adelante un programa sobre {subject} en {year}, "
    "con {n} trabajadores.",
}


def generate(factor, rng):
    """Spaces, threads and posts up to the factor; returns how many rows were added."""
    authors = list(User.objects.filter(is_focal_point=True, is_active=True).order_by("pk"))
    if not authors:
        return 0
    added = _spaces(factor)
    spaces = list(Space.objects.filter(slug__startswith=SLUG_PREFIX).order_by("pk"))
    wanted = THREADS_PER_FACTOR * factor - Thread.objects.filter(space__in=spaces).count()
    if wanted <= 0:
        return added
    now = timezone.now()
    threads, bodies = [], []
    for number in range(wanted):
        language = rng.choice(LANGUAGES)
        subject = rng.choice(SUBJECTS[language])
        started = now - datetime.timedelta(minutes=rng.randint(60, 365 * 24 * 60))
        threads.append(
            Thread(
                space=spaces[number % len(spaces)],
                title=f"{subject.capitalize()} ({number})",
                author=rng.choice(authors),
                reply_count=POSTS_PER_THREAD - 1,
                last_posted_at=started + datetime.timedelta(hours=POSTS_PER_THREAD),
            )
        )
        bodies.append((language, subject, started))
    Thread.objects.bulk_create(threads, batch_size=500)
    posts = []
    for thread, (language, subject, started) in zip(threads, bodies, strict=True):
        for index in range(POSTS_PER_THREAD):
            text = (QUESTIONS if index == 0 else ANSWERS)[language].format(
                subject=subject, year=started.year, n=rng.randint(10, 90000)
            )
            posts.append(
                Post(
                    thread=thread,
                    author=thread.author if index == 0 else rng.choice(authors),
                    body=text,
                    body_html=render_markdown(text),
                    language=language,
                    status=PostStatus.HIDDEN
                    if index and rng.random() < 0.02
                    else PostStatus.VISIBLE,
                    created_at=started + datetime.timedelta(hours=index),
                )
            )
    Post.objects.bulk_create(posts, batch_size=1000)
    return added + len(threads) + len(posts)


def _spaces(factor):
    existing = Space.objects.filter(slug__startswith=SLUG_PREFIX).count()
    spaces = [
        Space(
            kind=SpaceKind.TOPIC,
            slug=f"{SLUG_PREFIX}space-{number}",
            name=f"Exchange {number + 1}",
            read_access=READ_ACCESS[number % len(READ_ACCESS)],
            position=100 + number,
        )
        for number in range(existing, SPACES_PER_FACTOR * factor)
    ]
    Space.objects.bulk_create(spaces)
    return len(spaces)
