/* The phone menu (Material's drawer, a checkbox without JavaScript).
   - Its button, Material's <label for="__drawer">, is not reached by Tab and has no name: here it becomes a
     button (role, name from data/ui.yml menu.button, aria-expanded) that Enter and Space open; focus then
     moves to the menu's first link (WCAG 2.1.1, 4.1.2).
   - A jump to a heading of this page closes the menu, and so does Escape, which returns focus to the button, and
     so does focus that leaves the menu (the page behind it cannot be seen).
   Material's own script does some of this on wide screens; phones do not load it
   (partials/site/theme-script.html). */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  if (!toggle) return;
  var button = document.querySelector("label.md-header__button[for='__drawer']");
  var name = document.querySelector("[data-menu-button-name]");

  function firstLink() {
    var links = document.querySelectorAll(".md-sidebar--primary a[href]");
    for (var i = 0; i < links.length; i++) {
      var box = links[i].getBoundingClientRect();  // the open level of the menu, not the levels slid away
      if (box.width && box.left >= 0 && getComputedStyle(links[i]).visibility === "visible") return links[i];
    }
    return null;
  }
  function sync() {
    if (button) button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }
  function open(state, focusInside) {
    toggle.checked = state;
    sync();
    if (state && focusInside) {
      // the menu slides in (0.25 s) and is hidden while closed (base.css): focus once a link of it is on screen
      var tries = 0;
      (function focusWhenShown() {
        var link = firstLink();
        if (link) link.focus();
        else if (toggle.checked && ++tries < 60) requestAnimationFrame(focusWhenShown);
      })();
    }
  }

  if (button) {
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    if (name && name.textContent) button.setAttribute("aria-label", name.textContent.trim());
    sync();
    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        open(!toggle.checked, true);
      }
    });
  }
  toggle.addEventListener("change", sync);
  // Focus that leaves the open menu (Tab past its last link, Shift+Tab before its first) closes it: the page
  // behind the menu and its overlay cannot be seen, so no stop may be there while it is open.
  document.addEventListener("focusin", function (event) {
    if (!toggle.checked) return;
    var target = event.target;
    if (target === button || (target.closest && target.closest(".md-sidebar--primary"))) return;
    open(false);
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-sidebar--primary a[href]");
    if (!link || !toggle.checked) return;
    var url = new URL(link.href, location.href);
    if (url.hash && url.pathname === location.pathname) open(false);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      open(false);
      if (button) button.focus();
    }
  });
})();
