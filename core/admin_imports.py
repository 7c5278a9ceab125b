"""The admin's import page (``core.imports``): upload a CSV or XLSX file,
read the preview of every row, then confirm.

The uploaded file waits in the cache between the preview and the
confirmation, under a random token tied to the staff member who sent it;
confirming imports it again from the start, so that a change made meanwhile
is checked too. Only staff who may both add and change the model see the
button and open the page."""

import secrets

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .imports import MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, Action, run_import

# How long a previewed file waits for its confirmation.
PENDING_SECONDS = 3600


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV or XLSX file"),
        help_text=gettext_lazy("The first row names the columns."),
    )


def _pending_key(token):
    return f"admin-import:{token}"


class ImportAdmin:
    """ModelAdmin mixin: ``importer_class`` (a ``core.imports.Importer``)
    as an Import button on the change list."""

    importer_class = None
    change_list_template = "admin/import_change_list.html"

    def get_urls(self):
        opts = self.opts
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name=f"{opts.app_label}_{opts.model_name}_import",
            ),
            *super().get_urls(),
        ]

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def changelist_view(self, request, extra_context=None):
        if self.has_import_permission(request):
            extra_context = {
                **(extra_context or {}),
                "import_url": reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_import",
                    current_app=self.admin_site.name,
                ),
            }
        return super().changelist_view(request, extra_context)

    def import_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        importer = self.importer_class()
        form = ImportForm()
        report = token = None
        if request.method == "POST" and "token" in request.POST:
            pending = cache.get(_pending_key(request.POST["token"]))
            if pending is None or pending["user"] != request.user.pk:
                self.message_user(
                    request,
                    _("The previewed file is no longer available; upload it again."),
                    messages.ERROR,
                )
                return redirect(request.path)
            cache.delete(_pending_key(request.POST["token"]))
            upload = SimpleUploadedFile(pending["name"], pending["data"])
            report = run_import(importer, upload, user=request.user, commit=True)
            if report.saved:
                self.message_user(request, self._saved_message(report), messages.SUCCESS)
                return redirect(
                    reverse(
                        f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist",
                        current_app=self.admin_site.name,
                    )
                )
        elif request.method == "POST":
            form = ImportForm(request.POST, request.FILES)
            if form.is_valid():
                upload = form.cleaned_data["file"]
                report = run_import(importer, upload, user=request.user, commit=False)
                if not report.has_errors:
                    upload.seek(0)
                    token = secrets.token_urlsafe(24)
                    cache.set(
                        _pending_key(token),
                        {
                            "user": request.user.pk,
                            "name": report.filename,
                            "data": upload.read(MAX_IMPORT_BYTES + 1),
                        },
                        PENDING_SECONDS,
                    )
        return TemplateResponse(
            request,
            "admin/import.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("Import %(records)s") % {"records": self.opts.verbose_name_plural},
                "importer": importer,
                "form": form,
                "report": report,
                "token": token,
                "max_rows": MAX_IMPORT_ROWS,
                "max_kilobytes": MAX_IMPORT_BYTES // 1024,
                "actions": Action,
            },
        )

    def _saved_message(self, report):
        return _(
            "%(file)s imported: %(created)d created, %(updated)d updated, %(unchanged)d unchanged."
        ) % {
            "file": report.filename,
            "created": report.count(Action.CREATED),
            "updated": report.count(Action.UPDATED),
            "unchanged": report.count(Action.UNCHANGED),
        }
