/* Signal checklist: live outcome while ticking. Progressive enhancement: without this
   script the list and every outcome are shown. Nothing is stored or sent: no cookies,
   no storage, no URL changes; leaving the page forgets the answers. */
(function () {
  "use strict";

  function level(root) {
    var score = 0, count = 0, red = false;
    var boxes = root.querySelectorAll("input[type=checkbox][data-weight]");
    for (var i = 0; i < boxes.length; i++) {
      if (!boxes[i].checked) continue;
      count += 1;
      score += parseInt(boxes[i].getAttribute("data-weight"), 10) || 0;
      if (boxes[i].hasAttribute("data-red-flag")) red = true;
    }
    var act = parseInt(root.getAttribute("data-act"), 10);
    var watch = parseInt(root.getAttribute("data-watch"), 10);
    var name = count === 0 ? "start" : red || score >= act ? "act" : score >= watch ? "watch" : "none";
    return { name: name, count: count, score: score };
  }

  function show(root, announce) {
    var result = level(root);
    root.setAttribute("data-level", result.name);
    var outcomes = root.querySelectorAll("[data-outcome]");
    var title = "";
    for (var i = 0; i < outcomes.length; i++) {
      var current = outcomes[i].getAttribute("data-outcome") === result.name;
      outcomes[i].classList.toggle("checklist__outcome--current", current);
      outcomes[i].hidden = !current;
      var heading = outcomes[i].querySelector(".checklist__outcome-title");
      if (current && heading) title = heading.textContent;
    }
    var live = root.querySelector("[data-checklist-live]");
    if (live && announce) {
      var start = root.querySelector("[data-outcome=start]");
      live.classList.remove("checklist__live--quiet");
      live.textContent = result.name === "start" && start ? start.textContent :
        live.getAttribute("data-template").replace("{title}", function () { return title; })
          .replace("{count}", function () { return String(result.count); }); // a function: "$'" in a title stays text
    }
    barHeight(live);
  }

  // The outcome bar sticks to the bottom of the screen: the page keeps that much room when it scrolls a box
  // reached by Tab into view (checklist.css, scroll-padding-bottom).
  function barHeight(live) {
    var shown = live && live.textContent && !live.classList.contains("checklist__live--quiet");
    document.documentElement.style.setProperty("--checklist-bar-h", shown ? (live.offsetHeight + 16) + "px" : "0px");
  }

  function clear(root, announce) {
    var boxes = root.querySelectorAll("input[type=checkbox]");
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = false;
    show(root, false);
    var live = root.querySelector("[data-checklist-live]");
    if (!live) return;
    live.textContent = announce ? live.getAttribute("data-cleared") || "" : "";  // "Alles is gewist." is said
    live.classList.toggle("checklist__live--quiet", !!announce);
    barHeight(live);
  }

  function setup(root) {
    root.classList.add("checklist--js");
    var extras = root.querySelectorAll("[data-js-only]");
    for (var i = 0; i < extras.length; i++) extras[i].hidden = false;
    clear(root); // a browser may restore ticks from its form cache: start empty
    root.addEventListener("change", function () { show(root, true); });
    var form = root.querySelector("form");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(function () { clear(root, true); }, 0); });
    var print = root.querySelector("[data-print]");
    if (print) print.addEventListener("click", function () { window.print(); });
  }

  var roots = document.querySelectorAll("[data-checklist]");
  for (var i = 0; i < roots.length; i++) setup(roots[i]);
  // Coming back through history (bfcache) must not show earlier answers.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    for (var j = 0; j < roots.length; j++) clear(roots[j]);
  });
})();
