from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.uploads import DocumentValidator
from portfolio.models import Program

from . import rules
from .cards import addresses_in
from .models import Thread

MARKDOWN_HELP = _(
    "Markdown: *emphasis*, **strong**, lists, [links](https://…) and > quotes. "
    "HTML is shown as text."
)


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=Thread._meta.get_field("title").max_length)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=MARKDOWN_HELP,
        max_length=20000,
    )

    @classmethod
    def initial_for_need(cls, *, need, space):
        """A thread asking the network about ``need``: its title, cut to fit,
        and its description quoted, unless some reader of ``space`` may not
        read the need: then only a link to it, which shows it to those who may."""
        title = gettext("Who has solved this? %(need)s") % {"need": need.title}
        max_length = cls.base_fields["title"].max_length
        if rules.space_readers_see_need(space, need):
            body = "> " + "\n> ".join(need.description.splitlines()) + "\n\n"
        else:
            address = reverse("cooperation:need_detail", kwargs={"pk": need.pk})
            body = f"<{settings.SITE_URL}{address}>\n\n"
        return {"title": Truncator(title).chars(max_length), "body": body}


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=MARKDOWN_HELP,
        max_length=20000,
    )
    program = forms.CharField(
        label=_("Propose a program"),
        required=False,
        max_length=300,
        help_text=_("The address of a published program of the portfolio that answers this."),
    )
    attachment = forms.FileField(
        label=_("Attach a document"),
        required=False,
        validators=[DocumentValidator()],
        help_text=_("PDF, DOCX, XLSX or ODT."),
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write something before you send it."))
        return body

    def clean_program(self):
        address = self.cleaned_data["program"].strip()
        if not address:
            return None
        named = [key for kind, key in addresses_in(address) if kind == "program"]
        program = Program.objects.published().filter(slug__in=named or [address]).first()
        if program is None:
            raise forms.ValidationError(
                _("No published program has this address: copy it from the program's page.")
            )
        return program


class PostEditForm(ReplyForm):
    """The post's text, corrected by its author (its files stay as they are)."""

    def __init__(self, data=None, *, instance):
        super().__init__(data, initial={"body": instance.body})
        self.fields["body"].label = _("Text")
        del self.fields["attachment"]
        del self.fields["program"]


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this post?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
    )
