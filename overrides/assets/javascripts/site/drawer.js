/* The phone menu (Material's drawer, a checkbox without JavaScript): a jump to a heading of this
   page closes it, and so does Escape. Material's own script does this on wide screens; phones do
   not load that script (partials/site/theme-script.html). */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  if (!toggle) return;
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-sidebar--primary a[href]");
    if (!link || !toggle.checked) return;
    var url = new URL(link.href, location.href);
    if (url.hash && url.pathname === location.pathname) toggle.checked = false;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) toggle.checked = false;
  });
})();
