// Accessible names the stock admin leaves out: a tabular inline's widgets are labelled only by
// their column heading, and select2's combobox only by its (often empty) selection. Each gets
// an aria-label from the field's own label or its column's heading.
"use strict";
(function () {
  function headingFor(cell) {
    const table = cell.closest("table");
    const row = cell.parentElement;
    if (!table || !row) { return ""; }
    const index = Array.prototype.indexOf.call(row.children, cell);
    const heading = table.querySelectorAll("thead th")[index];
    return heading ? heading.textContent.trim() : "";
  }

  function nameFor(field) {
    if (field.id) {
      const label = document.querySelector('label[for="' + field.id + '"]');
      if (label && label.textContent.trim()) { return label.textContent.trim().replace(/:$/, ""); }
    }
    const cell = field.closest(".tabular td");
    return cell ? headingFor(cell) : "";
  }

  function label(root) {
    root.querySelectorAll(".tabular td input, .tabular td select, .tabular td textarea")
      .forEach(function (field) {
        if (field.type === "hidden" || field.getAttribute("aria-label")) { return; }
        if (field.id && document.querySelector('label[for="' + field.id + '"]')) { return; }
        const name = nameFor(field);
        if (name) { field.setAttribute("aria-label", name); }
      });
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      const container = select.nextElementSibling;
      const name = nameFor(select);
      if (!container || !name) { return; }
      // The combobox is "labelled by" its selection, empty until one chooses: name it instead.
      container.querySelectorAll("[role], .select2-search__field").forEach(function (part) {
        part.removeAttribute("aria-labelledby");
        part.setAttribute("aria-label", name);
      });
    });
  }

  // After the admin's own ready handlers, which build the select2 boxes.
  if (window.django && window.django.jQuery) {
    window.django.jQuery(function () { window.setTimeout(function () { label(document); }, 0); });
  } else {
    window.addEventListener("load", function () { label(document); });
  }
  document.addEventListener("formset:added", function (event) { label(event.target); });
})();
