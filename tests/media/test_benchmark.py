import io

from django.core.management import call_command


def test_the_benchmark_prints_the_ratio():
    out = io.StringIO()
    call_command("benchmark_media", "--sizes", "400x300", "--repeat", "1", stdout=out)
    row = [line for line in out.getvalue().splitlines() if line.startswith("| 400×300")][0]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[1] == "4"  # thumb and the full size, in WebP and JPEG
    assert float(cells[4]) > 0
