"""A locked-out cataloguer is told to ask a curator: a curator can see the lockout and lift it."""

from axes.models import AccessAttempt
from django.urls import reverse


def test_it_lets_a_curator_lift_a_lockout(curator_client, cataloguer):
    attempt = AccessAttempt.objects.create(
        username=cataloguer.username, ip_address="127.0.0.1", user_agent="x", failures_since_start=5
    )
    changelist = reverse("admin:axes_accessattempt_changelist")
    assert curator_client.get(changelist).status_code == 200
    delete = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
    response = curator_client.post(delete, {"post": "yes"})
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(pk=attempt.pk).exists()


def test_it_keeps_login_attempts_from_cataloguers(cataloguer_client):
    changelist = reverse("admin:axes_accessattempt_changelist")
    assert cataloguer_client.get(changelist).status_code == 403
