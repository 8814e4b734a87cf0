/* Filters for the table of all measures. Progressive enhancement: without this script the table is complete;
   with it, the reader can narrow it down by focus area, status, lead, municipality and year. No framework. */
(function () {
  "use strict";

  function values(rows, read) {
    var seen = {};
    rows.forEach(function (row) {
      read(row).forEach(function (value) { if (value) { seen[value] = true; } });
    });
    return Object.keys(seen).sort(function (a, b) { return a.localeCompare(b, "nb"); });
  }

  function select(id, label, options) {
    var wrap = document.createElement("label");
    wrap.setAttribute("for", id);
    wrap.appendChild(document.createTextNode(label));
    var element = document.createElement("select");
    element.id = id;
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "Alle";
    element.appendChild(all);
    options.forEach(function (option) {
      var item = document.createElement("option");
      item.value = option.value;
      item.textContent = option.label;
      element.appendChild(item);
    });
    wrap.appendChild(element);
    return { label: wrap, select: element };
  }

  function setup(container) {
    if (container.dataset.ready) { return; }
    var table = document.getElementById(container.dataset.table);
    if (!table) { return; }
    container.dataset.ready = "1";
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var count = document.querySelector(".measure-count");
    var first = Infinity, last = -Infinity;
    rows.forEach(function (row) {
      first = Math.min(first, Number(row.dataset.start));
      last = Math.max(last, Number(row.dataset.end));
    });
    var years = [];
    for (var year = first; year <= last; year++) { years.push({ value: String(year), label: String(year) }); }
    function plain(list) { return list.map(function (v) { return { value: v, label: v }; }); }

    var areaLabels = {};
    rows.forEach(function (row) { areaLabels[row.dataset.focusArea] = row.dataset.focusAreaLabel; });
    var filters = [
      ["filter-omrade", "Satsingsområde", Object.keys(areaLabels).sort(function (a, b) { return a - b; })
        .map(function (id) { return { value: id, label: areaLabels[id] }; }),
        function (row, v) { return row.dataset.focusArea === v; }],
      ["filter-status", "Status", plain(values(rows, function (r) { return [r.dataset.status]; })),
        function (row, v) { return row.dataset.status === v; }],
      ["filter-ansvarlig", "Ansvarlig", plain(values(rows, function (r) { return [r.dataset.lead]; })),
        function (row, v) { return row.dataset.lead === v; }],
      ["filter-kommune", "Kommune", plain(values(rows, function (r) { return r.dataset.municipalities.split("|"); })),
        function (row, v) { return row.dataset.municipalities.split("|").indexOf(v) >= 0; }],
      ["filter-ar", "Pågår i året", years,
        function (row, v) { return Number(row.dataset.start) <= Number(v) && Number(v) <= Number(row.dataset.end); }]
    ];

    var form = document.createElement("form");
    form.setAttribute("aria-label", "Filtrer tiltakene");
    var controls = filters.map(function (f) {
      var control = select(f[0], f[1], f[2]);
      form.appendChild(control.label);
      return { select: control.select, test: f[3] };
    });
    var reset = document.createElement("button");
    reset.type = "reset";
    reset.textContent = "Vis alle";
    form.appendChild(reset);

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = controls.every(function (c) { return !c.select.value || c.test(row, c.select.value); });
        row.hidden = !visible;
        if (visible) { shown++; }
      });
      if (count) { count.textContent = "Viser " + shown + " av " + rows.length + " tiltak."; }
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    container.appendChild(form);
    container.hidden = false;
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".measure-filter[data-table]"), setup);
  }
  /* Material's instant navigation replaces the page without reloading: run again on every page view. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
