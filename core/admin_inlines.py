"""Inlines whose autocomplete fields cost no query per row.

An autocomplete select looks up the object it shows as selected: one query
for each row of an inline, so a meeting with forty funding commitments ran
forty queries for their parties. Here each row's select shows the object the
row already holds, fetched with the rows by the inline's ``get_queryset``
(``select_related``); a new row, or a value the user changed, is looked up
as usual."""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect


class RowAutocompleteSelect(AutocompleteSelect):
    row_object = None

    def optgroups(self, name, value, attr=None):
        chosen = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        row_object = self.row_object
        if row_object is None or chosen != [str(row_object.pk)]:
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance(row_object)
        options.append(self.create_option(name, row_object.pk, label, True, len(options)))
        return [(None, options, 0)]


class RowAutocompleteForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            if isinstance(widget, RowAutocompleteSelect):
                widget.row_object = getattr(self.instance, name)


class RowAutocompleteInlineMixin:
    """For an admin inline: its ``autocomplete_fields`` (foreign keys) show
    each row's own object; ``get_queryset`` must select_related them."""

    form = RowAutocompleteForm

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = RowAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
