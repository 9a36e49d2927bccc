import copy

from django.db import connections

from archive.db_routers import PRIMARY, REPLICA
from tests.s3.conftest import new_bucket, s3, s3_endpoint  # noqa: F401 (a moto bucket)

# A "replica" alias, as the settings make one when DATABASE_REPLICA_URL is set, added before
# the test databases are made so that Django sets it up as a test MIRROR of the primary (a
# second connection to the same test database). Nothing uses it unless a test installs the
# router (the `replica` fixture).
if REPLICA not in connections.settings:
    replica_settings = copy.deepcopy(connections.settings[PRIMARY])
    replica_settings["TEST"]["MIRROR"] = PRIMARY
    connections.settings[REPLICA] = replica_settings
