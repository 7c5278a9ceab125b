"""Admin pages' forms as a browser sends them back: tests post a change page
with only the values they mean to change."""

from django.forms import MultiWidget


def _form_data(form):
    """What the browser sends back for ``form`` as it is shown."""
    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        if field.disabled:
            continue
        value = bound.value()
        widget = getattr(field.widget, "widget", field.widget)  # related-field wrappers
        if isinstance(widget, MultiWidget):
            parts = value if isinstance(value, list) else widget.decompress(value)
            for i, (sub, part) in enumerate(zip(widget.widgets, parts, strict=True)):
                data[f"{bound.html_name}_{i}"] = sub.format_value(part) or ""
        elif isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, (list, tuple)):
            data[bound.html_name] = [str(item) for item in value]
        elif value is not None:
            data[bound.html_name] = widget.format_value(value) or ""
    return data


def change_form_data(response):
    """The change page's form data, inlines included, unchanged."""
    data = _form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_data(formset.management_form))
        for form in formset.forms:
            data.update(_form_data(form))
    return data
