"""The filter forms of the public lists, rendered in Python.

crispy-forms renders each field through several templates and Django renders
each option of a select through one more: on /programs/ that was about 40% of
the page's time, for markup that never changes shape. Filter forms hold only
text and number inputs, selects and checkboxes; this renders them as
crispy's Bootstrap 5 pack does (the same classes, ids, labels, errors and help
text), at the cost of joining strings. Any other widget goes through Django's
own rendering, so a new kind of filter is never lost, only slower.
"""

from django import forms, template
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from core import visitor_cache

register = template.Library()

# Widget → the class crispy's Bootstrap 5 pack gives its input.
INPUT_CLASSES = {
    forms.TextInput: "textinput form-control",
    forms.NumberInput: "numberinput form-control",
    forms.DateInput: "dateinput form-control",
    forms.EmailInput: "emailinput form-control",
    forms.URLInput: "urlinput form-control",
}


@register.filter
def filter_form(form):
    """``{{ filter.form|filter_form }}``: the form's errors and fields."""
    parts = []
    for error in form.non_field_errors():
        parts.append(format_html('<div class="alert alert-danger">{}</div>', error))
    parts.extend(str(field) for field in form.hidden_fields())
    parts.extend(_field(field) for field in form.visible_fields())
    return mark_safe("".join(parts))


def _field(field):
    widget = field.field.widget
    invalid = " is-invalid" if field.errors else ""
    feedback = _errors(field)
    help_text = (
        format_html('<div class="form-text">{}</div>', field.help_text) if field.help_text else ""
    )
    if isinstance(widget, forms.CheckboxInput):
        control = _input(field, "checkbox", f"checkboxinput form-check-input{invalid}")
        return format_html(
            '<div class="mb-3"><div id="div_{}" class="form-check">{}{}{}{}</div></div>',
            field.auto_id,
            control,
            _label(field, "form-check-label"),
            feedback,
            help_text,
        )
    if type(widget) is forms.Select or type(widget) is forms.SelectMultiple:
        control = _select(field, f"form-select select{invalid}")
    elif type(widget) in INPUT_CLASSES:
        control = _input(field, widget.input_type, f"{INPUT_CLASSES[type(widget)]}{invalid}")
    else:
        control = field.as_widget(attrs={"class": f"form-control{invalid}"})
    return format_html(
        '<div id="div_{}" class="mb-3">{}{}{}{}</div>',
        field.auto_id,
        _label(field, "form-label"),
        control,
        feedback,
        help_text,
    )


def _errors(field):
    if not field.errors:
        return ""
    paragraphs = format_html_join(
        "",
        '<p id="error_{}_{}"><strong>{}</strong></p>',
        ((number, field.auto_id, error) for number, error in enumerate(field.errors, start=1)),
    )
    return format_html(
        '<div class="invalid-feedback" id="{}_error">{}</div>', field.auto_id, paragraphs
    )


def _label(field, css_class):
    asterisk = mark_safe('<span class="asteriskField">*</span>') if field.field.required else ""
    return format_html(
        '<label for="{}" class="{}{}">{}{}</label>',
        field.id_for_label,
        css_class,
        " requiredField" if field.field.required else "",
        field.label,
        asterisk,
    )


def _attrs(field, css_class):
    widget = field.field.widget
    attrs = field.build_widget_attrs({**widget.attrs, "class": css_class})
    attrs["id"] = field.auto_id
    return attrs


def _input(field, input_type, css_class):
    widget = field.field.widget
    attrs = _attrs(field, css_class)
    if input_type == "checkbox":
        if widget.check_test(field.value()):
            attrs["checked"] = True
        value = None
    else:
        value = widget.format_value(field.value())
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        input_type,
        field.html_name,
        mark_safe(f' value="{conditional_escape(value)}"') if value not in (None, "") else "",
        flatatt(attrs),
    )


def _select(field, css_class):
    """A select's markup, kept under the content version: its choices come
    from content (member states, topics) and never from the reader."""
    widget = field.field.widget
    attrs = _attrs(field, css_class)
    if widget.allow_multiple_selected:
        attrs["multiple"] = True
    chosen = sorted({str(value) for value in widget.format_value(field.value())})
    form = type(field.form)
    parts = (form.__module__, form.__qualname__, field.html_name, flatatt(attrs), chosen)

    def render():
        options = "".join(_options(field.field.choices, set(chosen)))
        return format_html(
            '<select name="{}"{}>{}</select>', field.html_name, flatatt(attrs), mark_safe(options)
        )

    return mark_safe(visitor_cache.fragment("filter-select", parts, render))


def _options(choices, chosen):
    for value, label in choices:
        if isinstance(label, (list, tuple)):
            inner = "".join(_options(label, chosen))
            yield f'<optgroup label="{conditional_escape(value)}">{inner}</optgroup>'
            continue
        value = "" if value is None else str(value)
        selected = " selected" if value in chosen else ""
        label = conditional_escape(label)
        yield f'<option value="{conditional_escape(value)}"{selected}>{label}</option>'
