/* Site search, per language. Nothing is loaded until the visitor focuses the search field:
   then lunr.js, the language's stemmer and search/<lang>.json (prebuilt at build time).
   The query never leaves the page: no request carries it, nothing is stored. Without
   JavaScript the search area is a link to the page index. */
(function () {
  "use strict";
  var root = document.querySelector("[data-site-search]");
  if (!root) return;
  var form = root.querySelector("form");
  var input = root.querySelector("input[type=search]");
  var list = root.querySelector("[data-search-results]");
  var status = root.querySelector("[data-search-status]");
  var lang = root.getAttribute("data-lang");
  var loading = null, index = null, docs = null, synonyms = [];
  var base = root.getAttribute("data-base") || ".";
  if (base.charAt(base.length - 1) !== "/") base += "/";

  root.querySelector("[data-search-nojs]").hidden = true;
  form.hidden = false;

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function script(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.async = false;  // download in parallel, run in order (lunr, then its language support)
      s.src = src; s.onload = resolve; s.onerror = reject;
      document.head.appendChild(s);
    });
  }

  function load() {
    if (loading) return loading;
    var scripts = (root.getAttribute("data-scripts") || "").split(" ").filter(Boolean);
    var chain = Promise.all(scripts.map(script));
    loading = Promise.all([chain, fetch(root.getAttribute("data-index")).then(function (r) { return r.json(); })])
      .then(function (results) {
        var data = results[1];
        var stem = lang === "en" ? lunr.stemmer : lunr[lang].stemmer;
        lunr.Pipeline.registerFunction(function (token) {
          return token.update(function (s) { return fold(s); });
        }, "fold-accents");
        lunr.Pipeline.registerFunction(stem, "stem-" + lang);
        index = lunr.Index.load(data.index);
        docs = data.docs;
        synonyms = data.synonyms || [];
      });
    return loading;
  }

  function terms(query) {
    return fold(query).split(/[\s\-'’‘`´.,;:!?()"]+/).filter(function (t) { return t.length > 1; });
  }

  function related(words) {
    // words of every synonym group a query word belongs to (from data/zoeken.yml)
    var extra = [];
    synonyms.forEach(function (group) {
      if (words.some(function (w) { return group.indexOf(w) >= 0; })) {
        group.forEach(function (g) { if (words.indexOf(g) < 0 && extra.indexOf(g) < 0) extra.push(g); });
      }
    });
    return extra;
  }

  function search(query) {
    var words = terms(query);
    if (!words.length) return [];
    var extra = related(words);
    return index.query(function (q) {
      extra.forEach(function (w) { q.term(w, { boost: 2 }); });
      words.forEach(function (w) {
        q.term(w, { boost: 10 });                                        // through the stemmer
        q.term(w, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 3 });
        if (w.length >= 5) q.term(w, { usePipeline: false, editDistance: 1, boost: 1 });
      });
    });
  }

  function highlight(el, text, words) {
    var folded = fold(text), pos = 0, marks = [];
    words.forEach(function (w) {
      var re = new RegExp("(^|[^a-z0-9])(" + w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "[a-z0-9]*)", "g"), m;
      while ((m = re.exec(folded))) marks.push([m.index + m[1].length, m.index + m[0].length]);
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    marks.forEach(function (m) {
      if (m[0] < pos) return;
      el.appendChild(document.createTextNode(text.slice(pos, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      el.appendChild(mark);
      pos = m[1];
    });
    el.appendChild(document.createTextNode(text.slice(pos)));
  }

  function render(query) {
    var results = search(query).slice(0, 8), words = terms(query);
    list.textContent = "";
    results.forEach(function (r) {
      // docs[ref] = [address, title, summary]; refs are short numbers to keep the index small
      var d = docs[+r.ref], li = document.createElement("li"), a = document.createElement("a"), p = document.createElement("p");
      a.href = base + d[0];
      highlight(a, d[1], words);
      highlight(p, d[2], words);
      li.appendChild(a); li.appendChild(p); list.appendChild(li);
    });
    status.textContent = query.trim() ? (results.length ? root.getAttribute("data-found").replace("{n}", results.length)
                                                         : root.getAttribute("data-none")) : "";
  }

  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", function () {
    // Searching takes a few milliseconds: results follow every key press, no waiting.
    load().then(function () { render(input.value); });
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var first = list.querySelector("a");
    if (first) first.focus();
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { input.value = ""; render(""); }
  });
  // leaving and coming back must not show an earlier query
  window.addEventListener("pageshow", function () { input.value = ""; list.textContent = ""; status.textContent = ""; });
})();
