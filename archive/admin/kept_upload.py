"""A chosen file survives a validation error: the form keeps it (`archive.media.stash`) and
the next submit reuses it, unless another file is chosen. The file field says so plainly."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext

from archive.media import stash

KEPT = "stashed_upload"


class KeepUploadFormMixin(forms.Form):
    stashed_upload = forms.CharField(required=False, widget=forms.HiddenInput)
    upload_field = "file"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept_token = ""
        if not self.is_bound:
            return
        key = self.add_prefix(self.upload_field)
        token = self.data.get(self.add_prefix(KEPT), "")
        if token and not self.files.get(key):  # a newly chosen file replaces the kept one
            kept = stash.fetch(token)
            if kept is not None:
                self.files = self.files.copy()
                self.files[key] = kept
                self.kept_token = token

    def full_clean(self):
        super().full_clean()
        if not self.is_bound or not self._errors:
            return
        upload = self.cleaned_data.get(self.upload_field)
        fresh = upload is not None and self.upload_field in self.changed_data
        if not fresh or self.upload_field in self._errors:
            return  # no new file, or the file itself was refused: nothing worth keeping
        token = self.kept_token or stash.keep(upload)
        self.data = self.data.copy()
        self.data[self.add_prefix(KEPT)] = token
        # The bound field copied the help text when validation made it: tell both.
        self.fields[self.upload_field].help_text = self[self.upload_field].help_text = gettext(
            "“%(name)s” is kept from your last try: saving uses it unless you choose "
            "another file (the box may say that no file is chosen)."
        ) % {"name": upload.name.rsplit("/", 1)[-1]}

    def save(self, commit=True):
        saved = super().save(commit)
        if self.kept_token:
            token = self.kept_token
            transaction.on_commit(lambda: stash.discard(token))  # the copy is stored by then
        return saved
