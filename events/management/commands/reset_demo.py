from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Put the demo collection's own values back (curators' edits to demo records are lost)."

    def handle(self, *args, **options):
        call_command("load_demo", reset=True, stdout=self.stdout, stderr=self.stderr)
