"""The README's run command: demo data and an admin account, safely repeatable."""

import io
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_ensure_admin_creates_one_superuser_with_a_random_password():
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    password = re.search(r"with the password: (\S+)", out.getvalue()).group(1)
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)

    again = io.StringIO()
    call_command("ensure_admin", stdout=again)
    assert User.objects.filter(is_superuser=True).count() == 1
    assert "Log in at http://127.0.0.1:8000/admin/ as “admin”" in again.getvalue()
    assert password not in again.getvalue()


def test_two_runs_make_two_different_passwords():
    passwords = []
    for _ in range(2):
        User.objects.all().delete()
        out = io.StringIO()
        call_command("ensure_admin", stdout=out)
        passwords.append(re.search(r"with the password: (\S+)", out.getvalue()).group(1))
    assert passwords[0] != passwords[1]
