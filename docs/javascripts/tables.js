/* Material wraps tables in a box that scrolls sideways on narrow screens. Keyboard users must be able to
   scroll it too (WCAG 2.1.1), so each such box becomes focusable and is named after its table's heading. */
(function () {
  "use strict";
  function init() {
    /* Code blocks (YAML examples, error messages) can scroll sideways too. */
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset pre > code"), function (code) {
      if (!code.hasAttribute("tabindex")) { code.setAttribute("tabindex", "0"); }
    });
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (wrap) {
      if (wrap.hasAttribute("tabindex")) { return; }
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      var heading = wrap.previousElementSibling;
      while (heading && !/^H[1-6]$/.test(heading.tagName)) { heading = heading.previousElementSibling; }
      wrap.setAttribute("aria-label", "Tabell" + (heading ? ": " + heading.textContent.trim() : ""));
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
