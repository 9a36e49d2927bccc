"""Reading import files strictly: a file that cannot be read exactly is refused with the reason."""

import csv
import io

import tablib
from django.utils.translation import gettext
from import_export.formats.base_formats import CSV, XLSX

MAX_CELL = 100_000


class FileError(ValueError):
    """The file cannot be read; the message says why, in a curator's words."""


def decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise FileError(
            gettext(
                "The file is not UTF-8 text (byte 0x%(byte)02x at position %(position)d). "
                "Save it as “CSV UTF-8” and upload it again."
            )
            % {"byte": data[e.start], "position": e.start}
        ) from e


def read_csv(text: str) -> tablib.Dataset:
    csv.field_size_limit(50 * 1024 * 1024)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = list(reader)
    except csv.Error as e:
        raise FileError(
            gettext(
                "The CSV is malformed near line %(line)d: %(error)s (a quote opened and "
                "never closed?)."
            )
            % {"line": reader.line_num, "error": e}
        ) from e
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise FileError(gettext("The file is empty."))
    headers = [h.strip() for h in rows[0]]
    if len(set(headers)) != len(headers):
        raise FileError(gettext("Two columns have the same heading."))
    dataset = tablib.Dataset(headers=headers)
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(headers):
            raise FileError(
                gettext(
                    "Line %(line)d has %(cells)d cells but the heading has %(headings)d "
                    "(a stray quote or delimiter?)."
                )
                % {"line": number, "cells": len(row), "headings": len(headers)}
            )
        dataset.append(row)
    return dataset


class StrictCSV(CSV):
    """CSV that says why a file cannot be read instead of importing it half-read."""

    def create_dataset(self, in_stream, **kwargs):
        return read_csv(decode(in_stream))


def read_file(data: bytes, fmt: str) -> tablib.Dataset:
    if fmt == "csv":
        return read_csv(decode(data))
    if fmt == "xlsx":
        try:
            return XLSX().create_dataset(data)
        except Exception as e:  # openpyxl raises many kinds for a broken workbook
            raise FileError(
                gettext("This is not a readable XLSX workbook (%(error)s).")
                % {"error": type(e).__name__}
            ) from e
    raise FileError(gettext("Unknown format “%(format)s”: use csv or xlsx.") % {"format": fmt})
