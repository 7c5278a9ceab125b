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


THREAD_STEPS = (
    transition_step(
        THREAD_WORKFLOW,
        "lock",
        explanation=_("Nobody but the Secretariat may reply any more; the thread stays readable."),
        done_message=_("The thread is locked."),
        run=lambda thread, user, data: services.thread_lock(
            thread=thread, user=user, comment=data["comment"]
        ),
        form_class=OptionalReasonForm,
    ),
    transition_step(
        THREAD_WORKFLOW,
        "unlock",
        explanation=_("Those who may write in the space may reply again."),
        done_message=_("The thread is open again."),
        run=lambda thread, user, data: services.thread_unlock(
            thread=thread, user=user, comment=data["comment"]
        ),
        form_class=OptionalReasonForm,
    ),
    transition_step(
        THREAD_WORKFLOW,
        "pin",
        explanation=_("The thread stays at the top of its space."),
        done_message=_("The thread is pinned."),
        run=lambda thread, user, data: services.thread_pin(thread=thread, user=user),
    ),
    transition_step(
        THREAD_WORKFLOW,
        "unpin",
        explanation=_("The thread takes its place by its last post again."),
        done_message=_("The thread is no longer pinned."),
        run=lambda thread, user, data: services.thread_unpin(thread=thread, user=user),
    ),
    transition_step(
        THREAD_WORKFLOW,
        "move",
        explanation=_("The thread and its posts move; the new space's readers see it."),
        done_message=_("The thread is moved."),
        run=lambda thread, user, data: services.thread_move(
            thread=thread, user=user, space=data["space"], comment=data["comment"]
        ),
        form_class=MoveForm,
    ),
)

POST_STEPS = (
    transition_step(
        POST_WORKFLOW,
        "hide",
        explanation=_(
            "The post disappears from the thread, search and the emails; the reason is "
            "kept in its history."
        ),
        done_message=_("The post is hidden."),
        run=lambda post, user, data: services.post_hide(
            post=post, user=user, reason=data["comment"]
        ),
        form_class=ReasonForm,
    ),
    transition_step(
        POST_WORKFLOW,
        "unhide",
        explanation=_("The post is shown in its thread again."),
        done_message=_("The post is shown again."),
        run=lambda post, user, data: services.post_unhide(
            post=post, user=user, comment=data["comment"]
        ),
        form_class=OptionalReasonForm,
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
