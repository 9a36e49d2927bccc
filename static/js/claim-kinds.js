// Claim forms: show only the value inputs that the chosen attribute's kind of value uses
// (archive/admin/claims.py). Without this script every input shows, labelled and validated.
"use strict";

(function () {
  function scopeOf(select) {
    return select.closest("tr") || select.closest("form");
  }

  function boxOf(input) {
    // In a table row hide the input only (the column stays); on a form, its whole row.
    return input.closest("td") ? input : input.closest(".form-row") || input;
  }

  function update(select) {
    const option = select.options[select.selectedIndex];
    const kind = option ? option.dataset.valueKind || "" : "";
    const scope = scopeOf(select);
    if (!scope) return;
    scope.querySelectorAll("[data-claim-value]").forEach(function (input) {
      // An input that holds a value stays in sight, so a value of the wrong kind can be
      // seen and cleared (the server refuses it, in words).
      const applies = kind === "" || input.dataset.claimValue === kind;
      boxOf(input).hidden = !applies && input.value.trim() === "";
    });
  }

  document.addEventListener("change", function (event) {
    if (event.target.matches("select[data-claim-attribute]")) update(event.target);
  });
  document.addEventListener("formset:added", function (event) {
    event.target.querySelectorAll("select[data-claim-attribute]").forEach(update);
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-claim-attribute]").forEach(update);
  });
})();
