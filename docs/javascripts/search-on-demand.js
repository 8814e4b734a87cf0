/* The search index is loaded when a reader starts to search, not on every page view.
 *
 * Material for MkDocs requests search/search_index.json as soon as a page opens. On a large plan the index is
 * most of what a first visit transfers (about 350 kB gzip at 1 000 measures), and most readers never search.
 * This script holds that one request back until the reader focuses the search field, opens search with the
 * icon or a key (/, s or f), or opens a shared search address (?q=). Everything else is Material's own.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(\?|$)/;
  var wanted = false;
  var waiting = [];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.isSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.isSearchIndex && !wanted) {
      var request = this;
      var args = arguments;
      waiting.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  function inside(event, selector) {
    return event.target instanceof Element && event.target.closest(selector) !== null;
  }

  if (/[?&]q=/.test(location.search)) want();
  document.addEventListener("focusin", function (event) { if (inside(event, "form[name=search]")) want(); });
  document.addEventListener("click", function (event) { if (inside(event, "label[for=__search]")) want(); });
  document.addEventListener("change", function (event) { if (event.target.id === "__search") want(); });
  document.addEventListener("keydown", function (event) {
    if (["/", "s", "S", "f", "F"].indexOf(event.key) >= 0) want();
  });
})();
