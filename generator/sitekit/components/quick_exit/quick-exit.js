/* Quick exit. Without JavaScript the button is a plain link to a neutral site.
   With it: the page is covered at once, the tab goes to the neutral site with
   location.replace (Back does not return here), Shift pressed three times alone
   within 3 seconds also exits, and a page reached by Back or Forward from another
   site (reloaded or restored from the back/forward cache) stays covered, without
   its title, until the visitor asks for it again. Nothing is stored. */
(function () {
  "use strict";
  var root = document.documentElement;
  // the frame's own links only: the button decides where the exit goes (a page's content cannot add one)
  var links = document.querySelectorAll("a.quick-exit__button[data-quick-exit], a.quick-exit-skip[data-quick-exit]");
  var button = document.querySelector("a.quick-exit__button[data-quick-exit]");
  if (!button) return;
  var target = button.getAttribute("href");
  var cover = document.querySelector("[data-quick-exit-cover]");
  var counter = document.querySelector("[data-quick-exit-count]");

  function hide() {
    root.classList.add("quick-exit--active");
    if (cover) cover.hidden = false;
    document.title = "";
  }

  // A covered page marks its own history entry (the browser keeps it with the tab's history, nothing else is
  // stored): Back or Forward from it to another page of the site covers that page too.
  function markCovered() {
    try {
      if (window.navigation && window.navigation.updateCurrentEntry) {
        window.navigation.updateCurrentEntry({ state: { quickExitCover: true } });
      }
    } catch (e) { /* a history entry that cannot take state: the next page decides by itself */ }
  }

  function exit(event) {
    if (event) event.preventDefault();
    hide();
    window.location.replace(target);
  }

  for (var i = 0; i < links.length; i++) links[i].addEventListener("click", exit);

  // Shift x3: only Shift pressed and released on its own counts; any other key resets.
  var presses = 0, first = 0, shiftDown = false, combined = false, WINDOW_MS = 3000;
  function show(n) {
    if (!counter) return;
    counter.textContent = n ? counter.getAttribute("data-template").replace("{n}", function () { return String(n); }) : "";
  }
  function reset() { presses = 0; show(0); }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) { shiftDown = true; combined = false; }
      return;
    }
    if (shiftDown) combined = true;
    reset();
  }, true);
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    shiftDown = false;
    if (combined) { combined = false; reset(); return; }
    var now = Date.now();
    if (!presses || now - first > WINDOW_MS) { presses = 0; first = now; }
    presses += 1;
    show(presses);
    if (presses >= 3) { reset(); exit(); }
  }, true);
  document.addEventListener("mousedown", function () { if (shiftDown) combined = true; }, true);

  // Reached by Back or Forward from another site (after an exit, the neutral site): the inline script in the
  // page's head has already hidden the content and the title before the first paint; here the cover comes up.
  // A page restored from the back/forward cache runs no script again: pageshow decides the same way.
  function fromElsewhere() {
    var activation = window.navigation && window.navigation.activation;
    if (!activation) return true;  // no Navigation API: every restored page is covered
    var from = activation.from, state = from && from.getState && from.getState();
    return activation.navigationType === "traverse" && (!from || !!(state && state.quickExitCover));
  }
  if (root.classList.contains("quick-exit--active")) { hide(); markCovered(); }
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && fromElsewhere()) { hide(); markCovered(); }
  });
  var again = document.querySelector("[data-quick-exit-reload]");
  if (again) again.addEventListener("click", function (event) {
    event.preventDefault();
    window.location.reload();
  });
})();
