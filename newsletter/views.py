"""News pages; subscribing, confirming, unsubscribing. (The feeds are feeds.py.)"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.files import file_response
from core.pagination import Paginator
from core.versions import content_versions
from core.workflow import next_steps

from . import rules, services
from .forms import NewsForm, ProfileSubscriptionForm, SubscribeForm
from .models import NewsItem, paragraphs

PAGE_SIZE = 12


def _news_for(request, slug, *, edit=False):
    news = get_object_or_404(
        NewsItem.objects.select_related("institution__member_state", "topic"), slug=slug
    )
    allowed = (
        rules.can_edit_news(request.user, news) if edit else rules.can_view_news(request.user, news)
    )
    if not allowed:
        raise Http404
    return news


def _published():
    return NewsItem.objects.published().select_related("institution__member_state", "topic")


@require_safe
def news_list(request):
    page = Paginator(_published(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "newsletter/news_list.html", {"page": page})


@require_safe
def news_detail(request, slug):
    news = _news_for(request, slug)
    versions = content_versions(
        news, fields=("title", "text"), requested=request.GET.get("version")
    )
    return render(
        request,
        "newsletter/news_detail.html",
        {
            "news": news,
            # Editing is open exactly while the item may be submitted.
            "next_steps": {move.name for move in next_steps(request.user, news)},
            "versions": versions,
            "paragraphs": paragraphs(versions.texts["text"]),
        },
    )


@require_safe
def news_image(request, slug):
    news = _news_for(request, slug)
    if not news.image:
        raise Http404
    return file_response(news.image, inline=True, private=not news.is_public)


@login_required
@require_safe
def my_news(request):
    if not rules.can_submit_news(request.user):
        raise PermissionDenied
    items = NewsItem.objects.filter(institution=request.user.institution).order_by("-updated_at")
    return render(request, "newsletter/my_news.html", {"items": items})


@login_required
def news_edit(request, slug=None):
    news = _news_for(request, slug, edit=True) if slug else None
    if news is None and not rules.can_submit_news(request.user):
        raise PermissionDenied
    form = NewsForm(request.POST or None, request.FILES or None, instance=news)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            # Saved and submitted together, or neither: a refused submission
            # leaves the item as it was.
            with transaction.atomic():
                saved = services.news_save(user=request.user, news=news, **fields)
                if "submit" in request.POST:
                    services.news_submit(news=saved, user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Submitted: the Technical Secretariat will review it.")
                if "submit" in request.POST
                else _("Saved. Submit it when it is ready."),
            )
            return redirect("newsletter:my_news")
    return render(request, "newsletter/news_form.html", {"form": form, "news": news})


@login_required
@require_POST
def news_submit(request, slug):
    news = _news_for(request, slug, edit=True)
    try:
        services.news_submit(news=news, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Submitted: the Technical Secretariat will review it."))
    return redirect(news)


def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.subscriber_subscribe(
            email=form.cleaned_data["email"],
            languages=form.cleaned_data["languages"],
            topics=form.cleaned_data["topics"],
        )
        # The same answer whether or not the address was on the list.
        return redirect("newsletter:subscribe_sent")
    return render(request, "newsletter/subscribe.html", {"form": form})


@require_safe
def subscribe_sent(request):
    return render(request, "newsletter/subscribe_sent.html")


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """The link in the confirmation email. Following it shows a button; only
    the button (a POST) subscribes, so a mail scanner opening it does not."""
    try:
        subscriber = services.subscriber_from_confirmation_token(token)
    except ValidationError as error:
        return render(
            request, "newsletter/confirm.html", {"error": " ".join(error.messages)}, status=400
        )
    if request.method == "POST":
        services.subscriber_confirm(subscriber=subscriber)
        return render(request, "newsletter/confirm.html", {"confirmed": True})
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


# Mail programs unsubscribe with a POST from the List-Unsubscribe-Post header
# (RFC 8058), without a CSRF token; the signed link is what authorizes it.
@csrf_exempt
def unsubscribe(request, token):
    subscriber = services.subscriber_from_unsubscribe_token(token)
    if subscriber is None:
        return render(request, "newsletter/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        services.subscriber_unsubscribe(subscriber=subscriber)
        return render(request, "newsletter/unsubscribe.html", {"done": True})
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})


@login_required
def my_subscription(request):
    subscriber = services.subscription_of(request.user)
    initial = {"subscribed": bool(subscriber and subscriber.is_active), "languages": ["es"]}
    if subscriber:
        initial.update(languages=subscriber.languages, topics=subscriber.topics.all())
    form = ProfileSubscriptionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.subscription_update_for_user(
            user=request.user,
            subscribed=form.cleaned_data["subscribed"],
            languages=form.cleaned_data["languages"] or [request.user.language or "es"],
            topics=form.cleaned_data["topics"],
        )
        messages.success(request, _("Your newsletter subscription is saved."))
        return redirect("accounts:profile")
    return render(
        request, "newsletter/my_subscription.html", {"form": form, "subscriber": subscriber}
    )
