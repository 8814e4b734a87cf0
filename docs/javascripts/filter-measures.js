/* Filters for the table of all measures. Progressive enhancement: without this script the table is complete and
   no control is shown; with it, the reader can search number, title, description, goal and focus area and narrow the table down by focus area,
   status, lead, municipality, tag, follow-up (late, unreported) and year. The filters live in the address (/tiltak/?kommune=nes-kommune&status=pågår):
   read from it when the page opens, written back with history.replaceState, so a selection can be shared.
   The controls are in the page, invisible until this script shows them (no layout shift); an unknown value in
   the address gets a notice and is dropped from it. No framework. */
(function () {
  "use strict";

  /* How each filter (its data-param) tests a row of the table. */
  var TESTS = {
    omrade: function (row, v) { return row.dataset.focusArea === v; },
    status: function (row, v) { return row.dataset.status === v; },
    ansvarlig: function (row, v) { return row.dataset.lead === v; },
    kommune: function (row, v) { return row.dataset.municipalities.split(" ").indexOf(v) >= 0; },
    tagg: function (row, v) { return row.dataset.tags.split(" ").indexOf(v) >= 0; },
    /* «trenger»: late or unreported; otherwise the one flag (core/followup.py: forsinket, ikke-oppdatert). */
    oppfolging: function (row, v) {
      var flags = row.dataset.followUp ? row.dataset.followUp.split(" ") : [];
      return v === "trenger" ? flags.length > 0 : flags.indexOf(v) >= 0;
    },
    ar: function (row, v) { return Number(row.dataset.start) <= Number(v) && Number(v) <= Number(row.dataset.end); },
    /* Number, title and focus area from the row's cells; description and goal from its data-text. */
    sok: function (row, v) {
      var text = normalise(row.cells[0].textContent + " " + row.cells[1].textContent + " " +
        row.cells[2].textContent + " " + (row.dataset.text || ""));
      return normalise(v).split(" ").every(function (word) { return text.indexOf(word) >= 0; });
    }
  };

  function normalise(text) {
    return text.toLocaleLowerCase("nb").replace(/\s+/g, " ").trim();
  }

  function hasOption(select, value) {
    return Array.prototype.some.call(select.options, function (option) { return option.value === value; });
  }

  /* The controls' values from the address; an unknown value is left out: the notes say which (and the address
     loses it when remember() writes it back). */
  function restore(controls) {
    var params = new URLSearchParams(window.location.search);
    var unknown = [];
    controls.forEach(function (control) {
      var value = params.get(control.dataset.param) || "";
      if (control.tagName === "SELECT" && !hasOption(control, value)) {
        if (value) { unknown.push("Ukjent verdi «" + value + "» for " + labelOf(control) + ", filteret er ikke brukt."); }
        value = "";
      }
      control.value = value;
    });
    return unknown;
  }

  function labelOf(control) {
    var label = control.closest("label");
    return (label ? label.firstChild.textContent : control.dataset.param).trim().toLocaleLowerCase("nb");
  }

  function notice(form, lines) {
    if (!lines.length) { return; }
    var box = document.createElement("div");
    box.className = "measure-filter__notice";
    box.setAttribute("role", "status");
    lines.forEach(function (line) {
      var p = document.createElement("p");
      p.textContent = line;
      box.appendChild(p);
    });
    form.parentNode.insertBefore(box, form);
  }

  /* The address with the controls' values: other parameters and the #fragment are kept. */
  function remember(controls) {
    var params = new URLSearchParams(window.location.search);
    controls.forEach(function (control) {
      var value = control.value.trim();
      if (value) { params.set(control.dataset.param, value); } else { params.delete(control.dataset.param); }
    });
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (address !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(window.history.state, "", address);
    }
  }

  function emptyMessage(onShowAll) {
    var box = document.createElement("div");
    box.className = "measure-empty";
    box.hidden = true;
    var text = document.createElement("p");
    text.textContent = "Ingen tiltak passer til filtrene du har valgt.";
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "Vis alle";
    button.addEventListener("click", onShowAll);
    box.appendChild(text);
    box.appendChild(button);
    return box;
  }

  function setup(container) {
    if (container.dataset.ready) { return; }
    var table = document.getElementById(container.dataset.table);
    var form = container.querySelector("form");
    if (!table || !form) { return; }
    container.dataset.ready = "1";
    var controls = Array.prototype.slice.call(form.querySelectorAll("[data-param]"));
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var count = document.querySelector(".measure-count");
    var list = table.closest(".measure-list") || table;
    var empty = emptyMessage(showAll);
    list.parentNode.insertBefore(empty, list.nextSibling);
    var announce = null;

    function apply(delayCount) {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = controls.every(function (c) { return !c.value.trim() || TESTS[c.dataset.param](row, c.value); });
        row.hidden = !visible;
        if (visible) { shown++; }
      });
      list.hidden = shown === 0;
      empty.hidden = shown > 0;
      /* The count is a live region: while the reader types, say it once typing pauses, not on every key. */
      window.clearTimeout(announce);
      var say = function () {
        if (count) { count.textContent = "Viser " + shown + " av " + rows.length + " tiltak."; }
      };
      if (delayCount) { announce = window.setTimeout(say, 500); } else { say(); }
    }

    function showAll() {
      controls.forEach(function (c) { c.value = ""; });
      apply(false);
      remember(controls);
      controls[0].focus();
    }

    form.addEventListener("change", function () { apply(false); remember(controls); });
    form.addEventListener("input", function (event) {
      if (event.target.tagName === "INPUT") { apply(true); remember(controls); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector(".measure-filter__reset").addEventListener("click", showAll);
    notice(form, restore(controls));
    remember(controls);
    container.classList.remove("measure-filter--waiting");
    apply(false);
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
