from django import forms
from django.utils.translation import gettext_lazy as _

from .enums import RATINGS

TEXT_MAX_LENGTH = 3000


class AnswerForm(forms.Form):
    """One field per question of the questionnaire, named ``q<pk>``; the
    template groups each rating's five radio buttons in a fieldset."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            if question.is_rating:
                field = forms.TypedChoiceField(
                    choices=[(value, str(value)) for value in RATINGS],
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=question.is_required,
                    error_messages={"required": _("Choose a rating from 1 to 5.")},
                )
            else:
                field = forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 4}),
                    max_length=TEXT_MAX_LENGTH,
                    required=question.is_required,
                    strip=True,
                    error_messages={"required": _("Please write an answer.")},
                )
            field.label = question.text
            field.question = question
            self.fields[f"q{question.pk}"] = field

    def answers(self):
        """The cleaned answers by question, None for what was left blank."""
        return {
            field.question: self.cleaned_data.get(name) or None
            for name, field in self.fields.items()
        }
