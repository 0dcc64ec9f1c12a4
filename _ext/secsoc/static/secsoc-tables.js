/* Sort and filter the list tables (secsoc extension). Without JavaScript the tables
   are simply shown. Words come from the page (data-* attributes of .secsoc-tools,
   translated at build time); plurals follow the page's language (Intl.PluralRules). */
"use strict";
(function () {
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const say = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => values[name]);
  const plain = (cell) => cell.textContent.trim();

  function setUp(tools) {
    const table = tools.parentElement.querySelector("table.secsoc-list");
    if (!table) return;
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    const cells = new Map(rows.map((row) => [row, Array.from(row.cells, plain)]));
    const searched = new Map(rows.map((row) => [row, fold(cells.get(row).join(" "))]));
    const lang = document.documentElement.lang || "fr";
    const plural = new Intl.PluralRules(lang);
    const total = rows.length;

    const label = document.createElement("label");
    label.textContent = tools.dataset.filterLabel + " ";
    const input = document.createElement("input");
    input.type = "search";
    input.className = "secsoc-filter";
    label.appendChild(input);
    const status = document.createElement("p");
    status.className = "secsoc-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    tools.append(label, status);
    tools.hidden = false;

    function announce(shown) {
      const template = plural.select(shown) === "one" ? tools.dataset.countOne : tools.dataset.countOther;
      status.textContent = say(template, { shown: shown.toLocaleString(lang), total: total.toLocaleString(lang) });
    }

    input.addEventListener("input", () => {
      const wanted = fold(input.value.trim());
      let shown = 0;
      for (const row of rows) {
        const match = !wanted || searched.get(row).includes(wanted);
        row.hidden = !match;
        shown += match ? 1 : 0;
      }
      announce(shown);
    });

    const headers = Array.from(table.tHead.rows[0].cells);
    headers.forEach((header, column) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "secsoc-sort";
      // The button's name is the column's (a screen reader announces the header as it
      // is); what it does is its description, the direction is the header's aria-sort.
      button.textContent = header.textContent.trim();
      button.title = say(tools.dataset.sortLabel, { column: button.textContent });
      header.textContent = "";
      header.appendChild(button);
      header.setAttribute("aria-sort", column === 0 ? "ascending" : "none");
      button.addEventListener("click", () => {
        const ascending = header.getAttribute("aria-sort") !== "ascending";
        headers.forEach((other) => other.setAttribute("aria-sort", "none"));
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const key = (row) => cells.get(row)[column];
        const numeric = column === 0;
        const sorted = rows.slice().sort((a, b) => {
          const order = numeric
            ? parseInt(key(a).replace(/\D/g, ""), 10) - parseInt(key(b).replace(/\D/g, ""), 10)
            : key(a).localeCompare(key(b), lang, { sensitivity: "base" });
          // equal keys (the status columns) keep the published order
          return (ascending ? order : -order) || rows.indexOf(a) - rows.indexOf(b);
        });
        body.append(...sorted);
      });
    });
    announce(total);
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".secsoc-tools").forEach(setUp);
  });
})();
