from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.files import file_response
from core.pagination import Paginator

from . import cards, links, rules, selectors, services
from .enums import Frequency, ReadAccess
from .forms import PostEditForm, ReplyForm, ReportForm, ThreadForm
from .models import Follow

PAGE_SIZE = 30


@require_safe
def space_list(request):
    return render(
        request,
        "forum/space_list.html",
        {
            "spaces": selectors.spaces_for_list(request.user),
            "signed_in": request.user.is_authenticated,
        },
    )


@require_safe
def space_detail(request, slug):
    space = selectors.space_for_reader(slug=slug, user=request.user)
    threads = selectors.threads_of(space, request.user)
    page = Paginator(threads, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "forum/space_detail.html",
        {
            "space": space,
            "page": page,
            "can_write": rules.can_write_in_space(request.user, space),
            "can_follow": rules.can_follow(request.user, space),
            "follow": selectors.follow_of(request.user, space=space),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def thread_create(request, slug):
    space = selectors.space_for_reader(slug=slug, user=request.user)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not rules.can_write_in_space(request.user, space):
        raise PermissionDenied(_("You cannot start a thread in this space."))
    need = selectors.need_for_thread(user=request.user, pk=request.GET.get("need", ""))
    initial = {} if need is None else ThreadForm.initial_for_need(need=need, space=space)
    form = ThreadForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        thread = services.thread_start(
            space=space, user=request.user, need=need, **form.cleaned_data
        )
        messages.success(request, _("Your thread is posted."))
        return redirect(thread)
    return render(request, "forum/thread_form.html", {"space": space, "form": form, "need": need})


@login_required
@require_safe
def thread_ask(request):
    """The form on a cooperation need's page: the space chosen, its form for
    a new thread about the need (which checks who may write there)."""
    space = selectors.space_for_reader(slug=request.GET.get("space", ""), user=request.user)
    address = reverse("forum:thread_create", kwargs={"slug": space.slug})
    return redirect(f"{address}?{urlencode({'need': request.GET.get('need', '')})}")


def _thread_page(request, space, thread, reply_form):
    return render(
        request,
        "forum/thread_detail.html",
        {
            "space": space,
            "thread": thread,
            "posts": cards.attach_cards(thread.posts.all()),
            "can_reply": rules.can_reply(request.user, thread),
            "need": thread.need if rules.can_see_need(request.user, thread.need) else None,
            "editable": {
                post.pk for post in thread.posts.all() if rules.can_edit_post(request.user, post)
            },
            "reportable": {
                post.pk for post in thread.posts.all() if rules.can_report_post(request.user, post)
            },
            "reply_form": reply_form,
            "can_follow": rules.can_follow(request.user, space),
            "follow": selectors.follow_of(request.user, thread=thread),
        },
    )


def _thread_where_it_is(request, slug, pk):
    """(space, thread, moved): the thread ``pk`` at ``slug``, or where it is
    now if it was moved since the address was given (in a page, an email,
    a reply form left open), for whoever may read it there; 404 otherwise."""
    try:
        space = selectors.space_for_reader(slug=slug, user=request.user)
        return space, selectors.thread_for_reader(space=space, pk=pk, user=request.user), False
    except Http404:
        moved = selectors.thread_moved(slug=slug, pk=pk, user=request.user)
        if moved is None:
            raise
        thread = selectors.thread_for_reader(space=moved.space, pk=pk, user=request.user)
        return moved.space, thread, True


@require_safe
def thread_detail(request, slug, pk):
    space, thread, moved = _thread_where_it_is(request, slug, pk)
    if moved:
        # Not a permanent redirect: the thread may move again, or back, and
        # a browser would keep the old one.
        query = request.GET.urlencode()
        return redirect(thread.get_absolute_url() + (f"?{query}" if query else ""))
    quoted = _quoted(thread, request.GET.get("quote", ""))
    return _thread_page(request, space, thread, ReplyForm(initial={"body": quoted}))


def _quoted(thread, number):
    """The post ``number`` of the thread as a Markdown quote opening a reply,
    if the reader sees it; nothing otherwise."""
    post = next((post for post in thread.posts.all() if str(post.pk) == number), None)
    if post is None:
        return ""
    lines = [f"**{post.author.full_name}:**", "", *post.body.splitlines()]
    return "\n".join(f"> {line}".rstrip() for line in lines) + "\n\n"


@require_POST
def thread_reply(request, slug, pk):
    space, thread, _moved = _thread_where_it_is(request, slug, pk)
    if not rules.can_reply(request.user, thread):
        raise PermissionDenied(_("You cannot reply in this thread."))
    form = ReplyForm(request.POST, request.FILES)
    if not form.is_valid():
        return _thread_page(request, space, thread, form)
    post = services.post_reply(
        thread=thread,
        user=request.user,
        body=form.cleaned_data["body"],
        attachment=form.cleaned_data["attachment"],
        program=form.cleaned_data["program"],
    )
    messages.success(request, _("Your reply is posted."))
    return redirect(post.get_absolute_url())


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def post_edit(request, pk):
    post = selectors.post_for_reader(pk=pk, user=request.user)
    if not rules.can_edit_post(request.user, post):
        raise PermissionDenied(
            _("Only its author may correct a post, and only for a while after posting it.")
        )
    form = PostEditForm(request.POST or None, instance=post)
    if request.method == "POST" and form.is_valid():
        post = services.post_edit(post=post, user=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Your post is corrected; it shows that it was edited."))
        return redirect(post.get_absolute_url())
    return render(
        request,
        "forum/post_form.html",
        {"post": post, "space": post.thread.space, "thread": post.thread, "form": form},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def post_report(request, pk):
    post = selectors.post_for_reader(pk=pk, user=request.user)
    if not rules.can_report_post(request.user, post):
        raise PermissionDenied(_("You cannot report this post."))
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _report, created = services.post_report(
            post=post, user=request.user, reason=form.cleaned_data["reason"]
        )
        if created:
            messages.success(request, _("Thank you: the Secretariat will look at this post."))
        else:
            messages.info(request, _("You have already reported this post."))
        return redirect(post.get_absolute_url())
    return render(
        request,
        "forum/post_report.html",
        {"post": post, "space": post.thread.space, "thread": post.thread, "form": form},
    )


def _follow(request, *, thread=None, space):
    """Follow at the frequency chosen; an empty choice stops following."""
    frequency = request.POST.get("frequency", "")
    if frequency in Frequency.values:
        services.follow_set(
            user=request.user,
            frequency=frequency,
            thread=thread,
            space=None if thread is not None else space,
        )
        messages.success(request, _("You follow it: the emails come in your language."))
    elif frequency:
        messages.error(request, _("Choose an email for each post or a daily digest."))
    else:
        lookup = {"thread": thread} if thread is not None else {"space": space, "thread": None}
        for follow in Follow.objects.filter(user=request.user, **lookup):
            services.follow_end(follow=follow)
        messages.success(request, _("You no longer follow it."))
    return redirect(thread or space)


@login_required
@require_POST
def space_follow(request, slug):
    space = selectors.space_for_reader(slug=slug, user=request.user)
    return _follow(request, space=space)


@login_required
@require_POST
def thread_follow(request, slug, pk):
    space, thread, _moved = _thread_where_it_is(request, slug, pk)
    return _follow(request, thread=thread, space=space)


# Mail programs unfollow with a POST from the List-Unsubscribe-Post header
# (RFC 8058), without a CSRF token; the signed link is what authorizes it.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unfollow(request, token):
    """The link in every forum email: a page with a button, which unfollows."""
    follows = links.follows_from_token(token)
    if not follows:
        return render(request, "forum/unfollow.html", {"invalid": True}, status=400)
    if request.method == "POST":
        for follow in follows:
            services.follow_end(follow=follow)
        return render(request, "forum/unfollow.html", {"done": True})
    return render(request, "forum/unfollow.html", {"follows": follows})


@require_safe
def attachment_download(request, pk, number):
    """A post's file, to those who may read the post: from a public space's
    visible post, for anyone; else only for the space's readers."""
    post = selectors.post_for_reader(pk=pk, user=request.user)
    attachment = get_object_or_404(post.attachments, pk=number)
    public = post.thread.space.read_access == ReadAccess.PUBLIC
    return file_response(attachment.file, private=not public)
