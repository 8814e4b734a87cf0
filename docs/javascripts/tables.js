/* Tables wider than their column scroll sideways inside a box: Material's box around Markdown tables
   (.md-typeset__scrollwrap) and the site's own (.scroll-region, partials/scroll-table.md.jinja). Keyboard users
   must be able to scroll them too (WCAG 2.1.1), so each box is focusable and named after its table; and a reader
   must see that there is more: a written hint above the box is shown while the table is wider than the box (the
   stylesheet adds a shadow at the edge and keeps the first column in view). */
(function () {
  "use strict";

  var HINT = "Tabellen er bredere enn skjermen: rull sideveis i den for å se alle kolonnene.";
  var counter = 0;

  /* Material's box: focusable, a named region (a name no other region on the page has), and a hint of our own
     before it. */
  function prepareMaterialBox(wrap, used) {
    if (wrap.hasAttribute("tabindex")) { return; }
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    var heading = wrap.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) { heading = heading.previousElementSibling; }
    /* Named after the heading and the first column: two tables under one heading (a measure's budget by year and by
       funder) get different names. */
    var first = wrap.querySelector("th");
    var label = [heading ? heading.textContent.trim() : "", first ? first.textContent.trim() : ""];
    var name = "Tabell: " + label.filter(Boolean).join(" – ");
    used[name] = (used[name] || 0) + 1;
    wrap.setAttribute("aria-label", used[name] > 1 ? name + " (" + used[name] + ")" : name);
    var hint = document.createElement("p");
    hint.className = "scroll-hint";
    hint.id = "scroll-hint-" + (++counter);
    hint.textContent = HINT;
    hint.hidden = true;
    wrap.parentNode.insertBefore(hint, wrap);
    wrap.setAttribute("aria-describedby", hint.id);
  }

  /* Show each box's hint only while its table is wider than the box. */
  function updateHints() {
    Array.prototype.forEach.call(document.querySelectorAll(".scroll-region, .md-typeset__scrollwrap"), function (box) {
      var hint = document.getElementById(box.getAttribute("aria-describedby") || "");
      if (hint) { hint.hidden = box.scrollWidth <= box.clientWidth + 1; }
    });
  }

  function init() {
    /* Code blocks (YAML examples, error messages) can scroll sideways too. */
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset pre > code"), function (code) {
      if (!code.hasAttribute("tabindex")) { code.setAttribute("tabindex", "0"); }
    });
    var used = {};
    Array.prototype.forEach.call(document.querySelectorAll("[role=region][aria-label]"), function (region) {
      used[region.getAttribute("aria-label")] = 1;
    });
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (wrap) {
      prepareMaterialBox(wrap, used);
    });
    updateHints();
  }

  var pending = null;
  window.addEventListener("resize", function () {
    window.cancelAnimationFrame(pending);
    pending = window.requestAnimationFrame(updateHints);
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
