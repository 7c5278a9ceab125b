"""The Secretariat's forum: spaces and who may read and write in them;
threads and posts to moderate; the reports of posts."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_activity import ActivityLogInline
from core.admin_steps import ObjectStepsAdmin, transition_step

from . import services
from .models import Post, Report, Space, Thread
from .workflows import POST_WORKFLOW, THREAD_WORKFLOW


class ReasonForm(forms.Form):
    comment = forms.CharField(
        label=_("Why?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the thread's history."),
    )


class OptionalReasonForm(forms.Form):
    comment = forms.CharField(
        label=_("Why? (optional)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class MoveForm(OptionalReasonForm):
    space = forms.ModelChoiceField(label=_("Move to"), queryset=Space.objects.all())


def _step(workflow, name, service, *, form_class=None, renamed=None, **texts):
    """The admin step of the move ``name``, calling ``service`` with the
    record (by its model's name), the user and the form's fields, each under
    its own name or the one ``renamed`` gives it."""
    record = workflow.model._meta.model_name
    renamed = renamed or {}

    def run(obj, user, data):
        arguments = {renamed.get(key, key): value for key, value in data.items()}
        return service(**{record: obj}, user=user, **arguments)

    return transition_step(workflow, name, run=run, form_class=form_class, **texts)


THREAD_STEPS = (
    _step(
        THREAD_WORKFLOW,
        "lock",
        services.thread_lock,
        form_class=OptionalReasonForm,
        explanation=_("Nobody but the Secretariat may reply any more; the thread stays readable."),
        done_message=_("The thread is locked."),
    ),
    _step(
        THREAD_WORKFLOW,
        "unlock",
        services.thread_unlock,
        form_class=OptionalReasonForm,
        explanation=_("Those who may write in the space may reply again."),
        done_message=_("The thread is open again."),
    ),
    _step(
        THREAD_WORKFLOW,
        "pin",
        services.thread_pin,
        explanation=_("The thread stays at the top of its space."),
        done_message=_("The thread is pinned."),
    ),
    _step(
        THREAD_WORKFLOW,
        "unpin",
        services.thread_unpin,
        explanation=_("The thread takes its place by its last post again."),
        done_message=_("The thread is no longer pinned."),
    ),
    _step(
        THREAD_WORKFLOW,
        "move",
        services.thread_move,
        form_class=MoveForm,
        explanation=_("The thread and its posts move; the new space's readers see it."),
        done_message=_("The thread is moved."),
    ),
)

POST_STEPS = (
    _step(
        POST_WORKFLOW,
        "hide",
        services.post_hide,
        form_class=ReasonForm,
        renamed={"comment": "reason"},
        explanation=_(
            "The post disappears from the thread, search and the emails; the reason is "
            "kept in its history."
        ),
        done_message=_("The post is hidden."),
    ),
    _step(
        POST_WORKFLOW,
        "unhide",
        services.post_unhide,
        form_class=OptionalReasonForm,
        explanation=_("The post is shown in its thread again."),
        done_message=_("The post is shown again."),
    ),
)


@admin.register(Space)
class SpaceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "read_access", "write_access", "position")
    list_filter = ("kind", "read_access", "write_access")
    search_fields = ("name", "description")
    autocomplete_fields = ("topic", "working_group", "meeting", "member_institutions")
    fieldsets = (
        (None, {"fields": ("name", "description", "position")}),
        (_("What it is for"), {"fields": ("kind", "topic", "working_group", "meeting")}),
        (
            _("Who takes part"),
            {"fields": ("read_access", "write_access", "member_institutions")},
        ),
    )


class PostInline(admin.TabularInline):
    model = Post
    extra = 0
    fields = ("author", "status", "created_at", "edited_at", "body")
    readonly_fields = ("author", "status", "created_at", "edited_at", "body")
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        # Each row names its post, whose name reads the thread.
        return super().get_queryset(request).select_related("author", "thread")


@admin.register(Thread)
class ThreadAdmin(ObjectStepsAdmin, admin.ModelAdmin):
    list_display = ("title", "space", "author", "status", "is_pinned", "reply_count")
    list_filter = ("status", "is_pinned", "space")
    search_fields = ("title",)
    list_select_related = ("space", "author")
    readonly_fields = ("author", "status", "is_pinned", "reply_count", "last_posted_at", "space")
    fields = ("title", "space", "author", "status", "is_pinned", "reply_count", "last_posted_at")
    inlines = [PostInline, ActivityLogInline]
    object_steps = THREAD_STEPS

    def has_add_permission(self, request):
        # Threads start on the site, where the space's rules apply.
        return False


@admin.register(Post)
class PostAdmin(ObjectStepsAdmin, admin.ModelAdmin):
    list_display = ("__str__", "author", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("body", "thread__title")
    list_select_related = ("thread", "author")
    readonly_fields = ("thread", "author", "status", "created_at", "edited_at", "body")
    fields = ("thread", "author", "status", "created_at", "edited_at", "body")
    inlines = [ActivityLogInline]
    object_steps = POST_STEPS

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Posts change on the site (their author) or by moderation, which is logged.
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("post", "reporter", "created_at", "resolved_at")
    list_filter = ("resolved_at",)
    list_select_related = ("post__thread", "reporter")
    readonly_fields = ("post", "reporter", "reason", "created_at")
    fields = ("post", "reporter", "reason", "created_at", "resolved_at")

    def has_add_permission(self, request):
        return False
