"""News review, the subscriber list, and the issues: content proposed by the
portal, reordered or dropped by staff, previewed, tested, then scheduled or
sent by a person, with the sending's progress."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core.admin_actions import apply_to_each, ask_then_apply
from core.admin_activity import ActivityLogInline
from core.admin_steps import ObjectStepsAdmin, transition_step
from core.admin_translation import TranslatedAdmin
from core.translated_text import CONTENT_CODES

from . import rendering, rules, selectors, services
from .enums import IssueStatus
from .forms import IssueScheduleForm, IssueTestForm
from .models import Issue, IssueItem, NewsItem, Subscriber
from .sources import SOURCES, items_with_content, source_label
from .workflows import NEWS_WORKFLOW


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the ministry change?"), widget=forms.Textarea(attrs={"rows": 5})
    )


# What the item's change page offers, and to whom, is the review table's.
NEWS_STEPS = (
    transition_step(
        NEWS_WORKFLOW,
        "publish",
        explanation=_(
            "The item appears in the news and the next newsletter, and the focal point "
            "is told by email."
        ),
        done_message=_("The item is published."),
        run=lambda news, user, data: services.news_publish(news=news, user=user),
    ),
    transition_step(
        NEWS_WORKFLOW,
        "return",
        explanation=_("The focal point receives this comment by email."),
        done_message=_("The item is returned to its ministry."),
        run=lambda news, user, data: services.news_return(
            news=news, user=user, comment=data["comment"]
        ),
        form_class=ReturnForm,
    ),
)


@admin.register(NewsItem)
class NewsItemAdmin(ObjectStepsAdmin, SimpleHistoryAdmin, TranslatedAdmin):
    list_display = ("title", "institution", "status", "language", "submitted_at", "published_at")
    list_filter = ("status", "language", "topic")
    list_select_related = ("institution__member_state",)
    search_fields = (
        *(f"{name}_{code}" for name in ("title", "text") for code in CONTENT_CODES),
        "institution__name_en",
    )
    date_hierarchy = "published_at"
    autocomplete_fields = ("institution",)
    readonly_fields = (
        "slug",
        "status",
        "review_comment",
        "created_by",
        "submitted_by",
        "submitted_at",
        "published_at",
    )
    inlines = [ActivityLogInline]
    actions = ["publish", "return_to_ministry"]
    object_steps = NEWS_STEPS
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_review_permission(self, request):
        return rules.can_review_news(request.user)

    @admin.action(description=_("Publish the selected news"), permissions=["review"])
    def publish(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda news: services.news_publish(news=news, user=request.user),
            lambda n: ngettext("%d item published.", "%d items published.", n) % n,
        )

    @admin.action(description=_("Return to the ministry with a comment"), permissions=["review"])
    def return_to_ministry(self, request, queryset):
        return ask_then_apply(
            self,
            request,
            queryset,
            form_class=ReturnForm,
            title=_("Return news to their ministries"),
            explanation=_("The focal point receives this comment by email."),
            submit_label=_("Return"),
            step=lambda news, data: services.news_return(
                news=news, user=request.user, comment=data["comment"]
            ),
            done_message=lambda n: ngettext("%d returned.", "%d returned.", n) % n,
        )


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ("email", "confirmed_at", "unsubscribed_at", "disabled_at", "created_at")
    list_filter = (
        ("confirmed_at", admin.EmptyFieldListFilter),
        ("unsubscribed_at", admin.EmptyFieldListFilter),
        ("disabled_at", admin.EmptyFieldListFilter),
    )
    search_fields = ("email",)
    date_hierarchy = "created_at"
    readonly_fields = (
        "user",
        "confirmed_at",
        "unsubscribed_at",
        "refusals",
        "disabled_at",
        "disabled_reason",
        "created_at",
    )
    filter_horizontal = ("topics",)
    actions = ["enable"]

    @admin.action(
        description=_("Send the newsletter to the selected disabled addresses again"),
        permissions=["change"],
    )
    def enable(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset.filter(disabled_at__isnull=False),
            lambda subscriber: services.subscriber_enable(subscriber=subscriber, user=request.user),
            lambda n: ngettext("%d address enabled.", "%d addresses enabled.", n) % n,
        )


def _admin_language():
    """The content language closest to the admin's own (for staff's views)."""
    language = (translation.get_language() or "")[:2]
    return language if language in dict(settings.CONTENT_LANGUAGES) else settings.LANGUAGE_CODE


class IssueItemInline(admin.TabularInline):
    """Staff order the items by their position and untick the ones to drop."""

    model = IssueItem
    fields = ("position", "included", "kind_shown", "content_shown")
    readonly_fields = ("kind_shown", "content_shown")
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return items_with_content(super().get_queryset(request))

    def has_add_permission(self, request, obj=None):
        # Items come from the portal's proposals ("propose content again").
        return False

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or obj.is_editable)

    @admin.display(description=_("kind"))
    def kind_shown(self, item):
        return source_label(item.kind)

    @admin.display(description=_("content"))
    def content_shown(self, item):
        source = SOURCES.get(item.kind)
        language = _admin_language()
        with translation.override(language):
            content = item.content if item.object_id else None
            entry = source.entry(content, language) if source else None
        if entry is None:
            return _("(no longer published: left out)")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a><div class="help">{}</div>',
            entry.url,
            entry.title,
            entry.byline,
        )


@admin.register(Issue)
class IssueAdmin(TranslatedAdmin):
    list_display = (
        "number",
        "subject_shown",
        "status",
        "scheduled_for",
        "sent_at",
        "recipients_count",
        "sent_count",
        "failed_count",
    )
    list_display_links = ("number", "subject_shown")
    list_filter = ("status",)
    search_fields = ("title_en", "title_es", "title_pt", "title_fr")
    inlines = [IssueItemInline]
    readonly_fields = (
        "number",
        "status",
        "scheduled_for",
        "created_by",
        "compiled_at",
        "sent_by",
        "sending_started_at",
        "sent_at",
        "recipients_count",
        "sent_count",
        "failed_count",
    )
    change_form_template = "admin/newsletter/issue/change_form.html"

    @admin.display(description=_("subject"))
    def subject_shown(self, issue):
        return issue.subject(_admin_language())

    def get_fieldsets(self, request, obj=None):
        # One field per content language (modeltranslation), shown as tabs.
        content = (None, {"fields": self.replace_orig_field(("title", "introduction"))})
        if obj is None:
            return [content]
        return [
            (None, {"fields": ("number", "status")}),
            content,
            (
                _("Sending"),
                {
                    "fields": (
                        "created_by",
                        "compiled_at",
                        "scheduled_for",
                        "sent_by",
                        "sending_started_at",
                        "sent_at",
                        "recipients_count",
                        "sent_count",
                        "failed_count",
                    )
                },
            ),
        ]

    def get_inline_instances(self, request, obj=None):
        # A new issue has no items yet: saving it proposes them.
        return super().get_inline_instances(request, obj) if obj else []

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or obj.is_editable)

    def has_delete_permission(self, request, obj=None):
        # A sent issue is the record of what the subscribers received.
        return super().has_delete_permission(request, obj) and (
            obj is None or obj.status == IssueStatus.DRAFT
        )

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Bulk deletion would skip the draft-only rule above.
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        if not change:
            services.issue_create(issue=obj, user=request.user)
            return
        names = {field.name for field in obj._meta.concrete_fields}
        services.issue_update(
            issue=obj,
            user=request.user,
            changes={name: getattr(obj, name) for name in form.cleaned_data if name in names},
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_edit_issue": rules.can_edit_issue(request.user),
            "can_send_issue": rules.can_send_issue(request.user),
        }
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            # Sending started between opening the page and saving it.
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    # Pages of an issue: preview, test, propose again, schedule, send, progress.

    def get_urls(self):
        def view(function, name):
            return path(
                f"<int:object_id>/{name}/",
                self.admin_site.admin_view(function),
                name=f"newsletter_issue_{name}",
            )

        return [
            view(self.preview_view, "preview"),
            view(self.test_view, "test"),
            view(self.compile_view, "compile"),
            view(self.schedule_view, "schedule"),
            view(self.unschedule_view, "unschedule"),
            view(self.send_view, "send"),
            view(self.progress_view, "progress"),
            *super().get_urls(),
        ]

    def _issue(self, request, object_id, allowed):
        if not allowed(request.user):
            raise PermissionDenied
        return get_object_or_404(Issue, pk=object_id)

    def _page(self, request, issue, template, **context):
        return TemplateResponse(
            request,
            f"admin/newsletter/issue/{template}",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "original": issue,
                **context,
            },
        )

    def _change_page(self, issue):
        return redirect("admin:newsletter_issue_change", issue.pk)

    def preview_view(self, request, object_id):
        issue = self._issue(request, object_id, rules.can_view_issue)
        language = request.GET.get("language")
        if language not in dict(settings.CONTENT_LANGUAGES):
            language = _admin_language()
        rendered = rendering.issue_preview(issue, language)
        shown_as = request.GET.get("format")
        if shown_as == "text":
            return HttpResponse(rendered.text, content_type="text/plain; charset=utf-8")
        if shown_as == "html":
            response = HttpResponse(rendered.html)
            # The email's HTML alone on the portal's origin: no script may run,
            # its inline styles apply, and the preview page may frame it.
            response["Content-Security-Policy"] = "sandbox"
            response["X-Frame-Options"] = "SAMEORIGIN"
            return response
        return self._page(
            request,
            issue,
            "preview.html",
            title=_("Preview of %(issue)s") % {"issue": issue},
            rendered=rendered,
            language=language,
            languages=settings.CONTENT_LANGUAGES,
            test_form=IssueTestForm(initial={"language": language}),
            can_test=rules.can_edit_issue(request.user),
        )

    def test_view(self, request, object_id):
        issue = self._issue(request, object_id, rules.can_edit_issue)
        if request.method != "POST":
            return redirect("admin:newsletter_issue_preview", issue.pk)
        form = IssueTestForm(request.POST)
        language = _admin_language()
        if not form.is_valid():
            self.message_user(request, _("Choose one of the content languages."), messages.ERROR)
        else:
            language = form.cleaned_data["language"]
            try:
                services.issue_send_test(issue=issue, user=request.user, language=language)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("A test is on its way to %(email)s.") % {"email": request.user.email},
                    messages.SUCCESS,
                )
        url = reverse("admin:newsletter_issue_preview", args=[issue.pk])
        return HttpResponseRedirect(f"{url}?{urlencode({'language': language})}")

    def _confirm(self, request, issue, *, title, explanation, submit_label, step, form=None):
        """A confirmation page (with ``form``, if any); on POST, ``step(data)``
        and back to the issue, or the page again with the refusal."""
        if not issue.is_editable:
            self.message_user(
                request, _("This issue is being sent or was sent already."), messages.ERROR
            )
            return self._change_page(issue)
        if request.method == "POST" and (form is None or form.is_valid()):
            try:
                step(form.cleaned_data if form else {})
            except ValidationError as error:
                if form is not None and hasattr(error, "error_dict"):
                    form.add_error(None, error)
                else:
                    self.message_user(request, " ".join(error.messages), messages.ERROR)
                    return self._change_page(issue)
            else:
                return None
        return self._page(
            request,
            issue,
            "confirm.html",
            title=title,
            explanation=explanation,
            submit_label=submit_label,
            form=form,
        )

    def compile_view(self, request, object_id):
        issue = self._issue(request, object_id, rules.can_edit_issue)

        def step(data):
            added = services.issue_compile(issue=issue, user=request.user)
            self.message_user(
                request,
                ngettext("%d item added.", "%d items added.", len(added)) % len(added),
                messages.SUCCESS,
            )

        return self._confirm(
            request,
            issue,
            title=_("Propose content again"),
            explanation=_(
                "Items published since this issue's content was proposed are added at the end. "
                "Items already in the issue keep their place, and dropped items stay dropped."
            ),
            submit_label=_("Propose content"),
            step=step,
        ) or self._change_page(issue)

    def schedule_view(self, request, object_id):
        issue = self._issue(request, object_id, rules.can_send_issue)
        form = IssueScheduleForm(request.POST or None)

        def step(data):
            services.issue_schedule(issue=issue, user=request.user, when=data["when"])
            self.message_user(request, _("The issue is scheduled."), messages.SUCCESS)

        return self._confirm(
            request,
            issue,
            title=_("Schedule %(issue)s") % {"issue": issue},
            explanation=_(
                "At that time it goes to every active subscriber (%(count)d today), as it "
                "stands then. You can still change it, or cancel the schedule, until then."
            )
            % {"count": Subscriber.objects.active().count()},
            submit_label=_("Schedule"),
            step=step,
            form=form,
        ) or self._change_page(issue)

    def unschedule_view(self, request, object_id):
        issue = self._issue(request, object_id, rules.can_send_issue)

        def step(data):
            services.issue_unschedule(issue=issue, user=request.user)
            self.message_user(request, _("The schedule is cancelled."), messages.SUCCESS)

        return self._confirm(
            request,
            issue,
            title=_("Cancel the schedule of %(issue)s") % {"issue": issue},
            explanation=_("The issue goes back to draft; nothing is sent."),
            submit_label=_("Cancel the schedule"),
            step=step,
        ) or self._change_page(issue)

    def send_view(self, request, object_id):
        issue = self._issue(request, object_id, rules.can_send_issue)
        count = Subscriber.objects.active().count()

        def step(data):
            services.issue_send_now(issue=issue, user=request.user)

        return self._confirm(
            request,
            issue,
            title=_("Send %(issue)s now") % {"issue": issue},
            explanation=ngettext(
                "It goes to every active subscriber now: %(count)d address. This cannot be undone.",
                "It goes to every active subscriber now: %(count)d addresses. "
                "This cannot be undone.",
                count,
            )
            % {"count": count},
            submit_label=_("Send now"),
            step=step,
        ) or redirect("admin:newsletter_issue_progress", issue.pk)

    def progress_view(self, request, object_id):
        issue = self._issue(request, object_id, rules.can_view_issue)
        template = "_progress.html" if request.GET.get("fragment") else "progress.html"
        return self._page(
            request,
            issue,
            template,
            title=_("Sending of %(issue)s") % {"issue": issue},
            progress=selectors.issue_progress(issue),
            polling=issue.status == IssueStatus.SENDING,
        )
