"""The next steps of a workflow on an object's own admin page (publish,
return with a comment…), beside the list actions that do the same to many.

Each step is a link in the change page's object tools to a page of its own:
it asks for a comment where the step needs one, and on POST calls the same
service as the list action. The service decides: a refusal of the rule is a
403, a step the object's state does not allow comes back as a message."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse


@dataclass(frozen=True)
class Step:
    """One step: ``run(obj, user, data)`` calls the service (``data``: the
    cleaned ``form_class``, or {}); ``offered(obj)`` says when the change page
    shows it and ``allowed(user, obj)`` to whom (the rule the service checks)."""

    name: str
    label: Any
    explanation: Any
    done_message: Any
    run: Callable
    offered: Callable
    allowed: Callable
    form_class: type[forms.Form] | None = None


def transition_step(workflow, name, *, explanation, done_message, run, form_class=None):
    """The step of the transition ``name`` of ``workflow``: its label, and
    when and to whom it is offered, come from the workflow's table."""
    move = workflow[name]
    return Step(
        name=name,
        label=move.label,
        explanation=explanation,
        done_message=done_message,
        run=run,
        offered=lambda obj: move.starts_from(obj, workflow.field),
        allowed=move.allowed,
        form_class=form_class,
    )


class ObjectStepsAdmin:
    """ModelAdmin mixin: ``object_steps`` as buttons on the change page."""

    object_steps: tuple[Step, ...] = ()
    change_form_template = "admin/object_steps_change_form.html"

    def get_urls(self):
        opts = self.opts
        return [
            path(
                "<path:object_id>/step/<slug:step_name>/",
                self.admin_site.admin_view(self.step_view),
                name=f"{opts.app_label}_{opts.model_name}_step",
            ),
            *super().get_urls(),
        ]

    def offered_steps(self, request, obj):
        return [
            step
            for step in self.object_steps
            if step.offered(obj) and step.allowed(request.user, obj)
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        steps = self.offered_steps(request, obj) if obj is not None else []
        extra_context = {**(extra_context or {}), "object_steps": steps}
        return super().change_view(request, object_id, form_url, extra_context)

    def step_view(self, request, object_id, step_name):
        step = next((step for step in self.object_steps if step.name == step_name), None)
        obj = self.get_object(request, unquote(object_id))
        if step is None or obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        change_page = redirect(
            reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                args=[obj.pk],
                current_app=self.admin_site.name,
            )
        )
        form = step.form_class(request.POST or None) if step.form_class else None
        if request.method == "POST" and (form is None or form.is_valid()):
            try:
                step.run(obj, request.user, form.cleaned_data if form else {})
            except PermissionDenied:
                raise
            except ValidationError as error:
                fields = getattr(error, "error_dict", None)
                if form is not None and fields is not None and set(fields) <= set(form.fields):
                    form.add_error(None, error)
                else:
                    self.message_user(request, " ".join(error.messages), messages.ERROR)
                    return change_page
            else:
                self.message_user(request, step.done_message, messages.SUCCESS)
                return change_page
        elif not step.allowed(request.user, obj):
            raise PermissionDenied
        return TemplateResponse(
            request,
            "admin/object_step.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": obj,
                "title": step.label,
                "explanation": step.explanation,
                "submit_label": step.label,
                "form": form,
            },
        )
