// A record filter's text box (archive/recordfilters.py) takes a slug. As the visitor types a
// name, fetch at most a few published records of that kind from the box's `data-suggest`
// URL and offer them in a <datalist>: choosing one puts its slug in the box. Without this
// script the form still works: a submitted name lists the candidates as links.
"use strict";
(function () {
  const WAIT_MS = 250;

  function attach(input) {
    const list = document.createElement("datalist");
    list.id = input.id + "_suggestions";
    input.after(list);
    input.setAttribute("list", list.id);
    let timer = null;
    let asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      const text = input.value.trim();
      if (text.length < 2 || text === asked) { return; }
      timer = setTimeout(function () {
        asked = text;
        const url = input.dataset.suggest + "?q=" + encodeURIComponent(text);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            if (input.value.trim() !== text) { return; }
            list.replaceChildren.apply(list, data.results.map(function (record) {
              const option = document.createElement("option");
              option.value = record.slug;
              option.label = record.name;
              option.textContent = record.name;
              return option;
            }));
          })
          .catch(function () { /* no suggestions: the form works without them */ });
      }, WAIT_MS);
    });
  }

  document.querySelectorAll("input[data-suggest]").forEach(attach);
})();
