"""Derivative generation against plain Pillow doing the same resizes and encodes.

The archive's pipeline (archive.media.derivatives.render, then storing through the storage API)
is timed against a plain Pillow baseline that opens the same JPEG, decodes it at full size,
resizes it to the same sizes from the full image and encodes WebP and JPEG with the same
settings. The ratio printed is pipeline time / plain Pillow time (below 1: the pipeline is
faster). Runs in memory; touches no database and no file.
"""

import io
import time

import PIL
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.core.management.base import BaseCommand
from PIL import Image

from archive.media import specs
from archive.media.derivatives import render


def photo_like_jpeg(width: int, height: int) -> bytes:
    """A synthetic photograph: gradients with noise (noise keeps encoders honest)."""
    noise = Image.effect_noise((width, height), 40)
    gradient = Image.linear_gradient("L").resize((width, height))
    image = Image.merge("RGB", [gradient, noise, gradient.transpose(Image.Transpose.ROTATE_180)])
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def plain_pillow(data: bytes) -> list[bytes]:
    image = Image.open(io.BytesIO(data))
    image.load()
    out = []
    for size in specs.plan(*image.size):
        resized = image.resize((size.width, size.height), Image.Resampling.LANCZOS)
        for fmt in specs.FORMATS:
            buffer = io.BytesIO()
            if fmt == "jpg":
                resized.save(
                    buffer, "JPEG", quality=specs.JPEG_QUALITY, optimize=True, progressive=True
                )
            else:
                resized.save(buffer, "WEBP", quality=specs.WEBP_QUALITY, method=4)
            out.append(buffer.getvalue())
    return out


def pipeline(data: bytes) -> list[str]:
    storage = InMemoryStorage()
    return [
        storage.save(f"derivatives/bench/{r.name}.{r.format}", ContentFile(r.data))
        for r in render(io.BytesIO(data))
    ]


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def best_of(repeat: int, data: bytes) -> tuple[float, float]:
    """Best times of both, run alternately so that a busy machine slows both alike."""
    ours, plain = [], []
    for _ in range(repeat):
        ours.append(timed(pipeline, data))
        plain.append(timed(plain_pillow, data))
    return min(ours), min(plain)


class Command(BaseCommand):
    help = "Time derivative generation against plain Pillow (ratio printed)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes",
            default="4000x3000,2000x1500,800x600",
            help="Comma-separated WIDTHxHEIGHT of the test photographs.",
        )
        parser.add_argument("--repeat", type=int, default=5, help="Best of N runs.")

    def handle(self, *args, sizes, repeat, **options):
        self.stdout.write(f"Pillow {PIL.__version__}, best of {repeat} runs each\n")
        self.stdout.write(
            "| original | derivatives | archive pipeline | plain Pillow | ratio |\n"
            "| --- | --- | --- | --- | --- |"
        )
        for spec in sizes.split(","):
            width, height = (int(n) for n in spec.lower().split("x"))
            data = photo_like_jpeg(width, height)
            made = len(pipeline(data))
            ours, plain = best_of(repeat, data)
            self.stdout.write(
                f"| {width}×{height} JPEG ({len(data) / 1e6:.1f} MB) | {made} | "
                f"{ours * 1000:.0f} ms | {plain * 1000:.0f} ms | {ours / plain:.2f} |"
            )
        self.stdout.write("ratio = archive pipeline / plain Pillow (below 1: faster)")
