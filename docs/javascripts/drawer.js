/* The menu on a phone: out of the tab order while it is closed, and a button a keyboard can open.
 *
 * Below 76.25em Material's main menu is a drawer beside the screen, opened by the checkbox #__drawer (its label is
 * the menu icon in the header). Closed, its links were still in the tab order: the first link of the page came at
 * Tab 54, the focus invisible in between. While the drawer is closed on a narrow screen it is `inert`; the menu icon
 * is focusable and named «Meny» (Enter or Space opens and closes the menu and moves the focus into it, Escape closes it and returns the
 * focus to the button).
 * Material closes the drawer itself after a link in it is followed (instant navigation), which fires «change».
 */
(function () {
  "use strict";
  var NARROW = window.matchMedia("(max-width: 76.234375em)");
  var SLIDE = 300; /* ms: Material's drawer slides in within 250 ms */

  function parts() {
    return {
      toggle: document.getElementById("__drawer"),
      drawer: document.querySelector(".md-sidebar--primary"),
      button: document.querySelector(".md-header label[for=__drawer]")
    };
  }

  function sync() {
    var p = parts();
    if (!p.toggle || !p.drawer) { return; }
    p.drawer.inert = NARROW.matches && !p.toggle.checked;
  }

  /* Opened from the keyboard: the focus moves to the menu's first link in view once the drawer has slid in. */
  function focusInto(drawer) {
    window.setTimeout(function () {
      var first = firstShown(drawer);
      if (first) { first.focus(); }
    }, SLIDE);
  }

  /* The drawer opens at the section of the page; the links of the levels above lie under it. */
  function firstShown(drawer) {
    return Array.prototype.find.call(drawer.querySelectorAll("a[href]"), function (link) {
      var box = link.getBoundingClientRect();
      var top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return box.width > 0 && top !== null && link.contains(top);
    }) || null;
  }

  function prepareButton() {
    var p = parts();
    /* A label may have no role «button» nor aria-expanded (axe: aria-allowed-role), nor aria-label (axe:
       aria-prohibited-attr); focusable and named by its title (hidden text would not name it: a label takes no
       name from its content), it is announced as «Meny» and opened as Material opens any focused label. */
    if (!p.button || p.button.hasAttribute("tabindex")) { return; }
    p.button.setAttribute("tabindex", "0");
    p.button.setAttribute("title", "Meny");
    /* Material clicks a focused label on Enter itself; Space, as on any button, does the same here. */
    p.button.addEventListener("keydown", function (event) {
      if (event.key !== " ") { return; }
      event.preventDefault();
      p.button.click();
    });
  }

  function init() { prepareButton(); sync(); }

  document.addEventListener("change", function (event) {
    if (event.target.id !== "__drawer") { return; }
    sync();
    var p = parts();
    if (p.toggle.checked && document.activeElement === p.button && p.drawer) { focusInto(p.drawer); }
  });
  document.addEventListener("keydown", function (event) {
    var p = parts();
    if (event.key !== "Escape" || !p.toggle || !p.toggle.checked || !NARROW.matches) { return; }
    p.toggle.checked = false;
    p.toggle.dispatchEvent(new Event("change", { bubbles: true }));
    if (p.button) { p.button.focus(); }
  });
  NARROW.addEventListener("change", sync);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
