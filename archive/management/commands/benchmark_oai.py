"""Harvest the whole archive over OAI-PMH the way a harvester does (ListRecords, following
resumption tokens), through Django's test client, and print records/s, queries per page and
memory. Run it on a benchmark database (docs/benchmarks.md), never the development one."""

import time
from xml.etree.ElementTree import fromstring

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

OAI = "{http://www.openarchives.org/OAI/2.0/}"


def rss_mb() -> float:
    """The process's resident memory now (Linux), in MB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * 4096 / 1e6


class Command(BaseCommand):
    help = "Harvest everything over OAI-PMH and print records/s, queries per page and memory."

    def add_arguments(self, parser):
        parser.add_argument("--prefix", action="append", help="oai_dc, edm (default: both)")
        parser.add_argument("--verb", default="ListRecords")
        parser.add_argument("--page-size", type=int, default=None)
        parser.add_argument("--limit", type=int, default=0, help="stop after this many pages")

    def handle(self, *args, **options):
        if options["page_size"]:
            settings.OAI_RECORDS_PER_PAGE = options["page_size"]
            settings.OAI_IDENTIFIERS_PER_PAGE = options["page_size"]
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        client = Client()
        for prefix in options["prefix"] or ["oai_dc", "edm"]:
            self.harvest(client, options["verb"], prefix, options["limit"])

    def harvest(self, client, verb, prefix, limit):
        params = {"verb": verb, "metadataPrefix": prefix}
        records = deleted = pages = 0
        queries, memory = [], []
        slowest = 0.0
        started, cpu_started = time.perf_counter(), time.process_time()
        while params:
            page_started = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                response = client.get("/oai/", params)
            slowest = max(slowest, time.perf_counter() - page_started)
            queries.append(len(captured))
            tree = fromstring(response.content)
            error = tree.find(f"{OAI}error")
            if error is not None:
                raise SystemExit(f"{error.get('code')}: {error.text}")
            headers = tree.iter(f"{OAI}header")
            for header in headers:
                records += 1
                deleted += header.get("status") == "deleted"
            pages += 1
            memory.append(rss_mb())
            token = tree.find(f".//{OAI}resumptionToken")
            params = {"verb": verb, "resumptionToken": token.text} if token is not None else {}
            if token is not None and not token.text:
                params = {}
            if limit and pages >= limit:
                break
        elapsed = time.perf_counter() - started
        # CPU seconds of this process (the app and, on SQLite, the database): on a machine
        # shared with other work, wall time also counts the waits for a core.
        cpu = time.process_time() - cpu_started
        quarter = memory[len(memory) // 4] if memory else 0
        self.stdout.write(
            f"{verb} {prefix} ({connection.vendor}): {records:,} records ({deleted:,} deleted) "
            f"in {pages:,} pages, {elapsed:.1f} s, {records / elapsed:,.0f} records/s "
            f"({records / cpu:,.0f} per CPU second); "
            f"queries per page min {min(queries)} / max {max(queries)} "
            f"(first page {queries[0]}, it counts the list); slowest page {slowest * 1000:.0f} ms; "
            f"memory (RSS) after a quarter of the pages {quarter:.0f} MB, "
            f"at the end {memory[-1]:.0f} MB, peak {max(memory):.0f} MB"
        )
