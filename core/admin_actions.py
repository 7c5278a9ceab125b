"""Plumbing shared by the apps' admin actions: apply a service to each
selected object, record it in the admin's log and say what happened, and the
intermediate page that asks for a comment or a reason first.

Every action declares the permission it needs (``@admin.action(permissions=…)``),
so that the list offers it only to those its service lets act."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render


def apply_to_each(modeladmin, request, objects, step, done_message):
    """Call ``step(obj)`` for each object; report each refusal, then the count
    done. Each object done gets an entry in the admin's log (its history
    page): the action, by whom and when."""
    done = 0
    for obj in objects:
        try:
            step(obj)
        except (ValidationError, PermissionDenied) as error:
            text = " ".join(getattr(error, "messages", [str(error)]))
            modeladmin.message_user(request, f"{obj}: {text}", messages.ERROR)
        else:
            log_action(modeladmin, request, obj)
            done += 1
    if done:
        modeladmin.message_user(request, done_message(done), messages.SUCCESS)


def log_action(modeladmin, request, obj):
    """Record in the admin's log that the action being run changed ``obj``."""
    _func, _name, description = modeladmin.get_action(request.POST["action"])
    modeladmin.log_change(request, obj, str(description))


def ask_then_apply(
    modeladmin,
    request,
    queryset,
    *,
    form_class,
    title,
    explanation,
    submit_label,
    step,
    done_message,
):
    """First show ``form_class`` (a comment, a reason) for the selected objects;
    once it is valid, call ``step(obj, cleaned_data)`` for each of them."""
    if "apply" in request.POST:
        form = form_class(request.POST)
        if form.is_valid():
            apply_to_each(
                modeladmin,
                request,
                queryset,
                lambda obj: step(obj, form.cleaned_data),
                done_message,
            )
            return None
    else:
        form = form_class()
    return render(
        request,
        "admin/ask_then_apply.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": title,
            "explanation": explanation,
            "submit_label": submit_label,
            "objects": queryset,
            "form": form,
            "action": request.POST["action"],
            "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
            "opts": modeladmin.model._meta,
        },
    )
