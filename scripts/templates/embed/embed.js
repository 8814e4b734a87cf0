// The embeds' own script (scripts/site/embeds.py): tells the page around the frame how tall this page is, so that
// the host's listener (the snippet on the municipality's page) can fit the frame to it. The message carries the
// height only, nothing about the reader. Without a listener, or without scripts, the frame keeps its height and
// scrolls.
(function () {
  "use strict";
  if (window.parent === window) return;
  var last = 0;
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "naeringsplan:embed-height", height: height }, "*");
  }
  window.addEventListener("load", post);
  window.addEventListener("resize", post);
  if ("ResizeObserver" in window) new ResizeObserver(post).observe(document.body);
  post();
})();
