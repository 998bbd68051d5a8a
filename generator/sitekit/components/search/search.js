/* Site search, per language. Nothing is loaded until the visitor touches the search field (pointer,
   touch, focus or a key): then search/<lang>.json, the index lunr.py weighed at build time
   (scripts/sitekit/search_index.py), and search/<lang>.text.json for the snippets. No search library
   runs here: a query's words are looked up as written, by their beginning, as a longer form of a site
   word, with a typo, or through data/zoeken.yml's synonyms, and the weights of the words found, times
   how rare each query word is (BM25's idf), are added per page. Words that say who is asking
   (zoeken.yml `cues`, `cue_order`) put that audience's pages first.
   The query never leaves the page: no request carries it, nothing is stored. Without JavaScript the
   search area is a link to the page index. */
(function () {
  "use strict";
  var root = document.querySelector("[data-site-search]");
  if (!root) return;
  var form = root.querySelector("form");
  var input = root.querySelector("input[type=search]");
  var list = root.querySelector("[data-search-results]");
  var status = root.querySelector("[data-search-status]");
  var none = root.querySelector("[data-search-none]");
  var loading = null, data = null, texts = null, forms = null, formList = null, stop = null, questions = null;
  var base = root.getAttribute("data-base") || ".";
  if (base.charAt(base.length - 1) !== "/") base += "/";
  var WORD = /[\p{L}\p{N}]+/gu;
  var MAX_RESULTS = 8, SNIPPET = 190, QUESTION_RUN = 1;

  root.querySelector("[data-search-nojs]").hidden = true;
  form.hidden = false;

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function words(text) {
    return fold(text).replace(/['’‘`´]/g, " ").match(WORD) || [];
  }

  function getJSON(url) {
    return fetch(url).then(function (r) { if (!r.ok) throw new Error(url); return r.json(); });
  }

  function load() {
    if (loading) return loading;
    loading = getJSON(root.getAttribute("data-index")).then(function (d) {
      // the snippets' text follows the index; the first results do not wait for it
      setTimeout(function () {
        getJSON(root.getAttribute("data-text")).then(function (t) {
          texts = t;
          if (input.value.trim()) render(input.value);
        }, function () {});
      }, 0);
      data = d;
      forms = {};
      formList = [];
      d.forms.forEach(function (list, term) {
        list.forEach(function (f) { forms[f] = term; formList.push(f); });
      });
      questions = d.questions.map(function (list) {
        return list.map(function (q) { return q.split(" ").map(stemmed); });
      });
      root.setAttribute("data-search-ready", "");
      stop = {};
      d.stopwords.forEach(function (w) { stop[w] = true; });
    });
    return loading;
  }

  // Damerau-Levenshtein distance, stopping early beyond max
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  // The site's words a query word stands for, each with how sure we are (higher is surer).
  function expand(word) {
    var found = {}, exact = forms.hasOwnProperty(word);
    function add(form, weight) { if (!found[form] || found[form] < weight) found[form] = weight; }
    if (exact) add(word, 10);
    formList.forEach(function (f) {
      if (f === word) return;
      if (word.length >= 3 && f.length > word.length && f.lastIndexOf(word, 0) === 0) {
        add(f, word.length >= 5 ? 6 : 4);                   // the beginning of a word: still typing
      } else if (f.length >= 4 && word.length > f.length && word.length - f.length <= 3 && word.lastIndexOf(f, 0) === 0) {
        add(f, 6);                                          // a longer form of a site word: vriendjes, obligée
      }
    });
    if (!exact && word.length >= 4) {                       // a typo: one letter off, two in long words
      var max = word.length >= 8 ? 2 : 1;
      formList.forEach(function (f) {
        if (!found[f] && distance(word, f, max) <= max) add(f, max === 2 && distance(word, f, 1) > 1 ? 2 : 3);
      });
    }
    return found;
  }

  function synonymsOf(word) {
    var extra = [];
    data.synonyms.forEach(function (group) {
      if (group.indexOf(word) >= 0) group.forEach(function (g) { if (g !== word && forms.hasOwnProperty(g)) extra.push(g); });
    });
    return extra;
  }

  // a cue word matches as typed, or with one typo in words of five letters or more ("daugher")
  function sameWord(typed, cue) {
    return typed === cue || (cue.length >= 5 && distance(typed, cue, 1) <= 1);
  }

  // the audiences a query's words point to
  function cuedAudiences(typed) {
    var cued = {};
    Object.keys(data.cues).forEach(function (audience) {
      data.cues[audience].forEach(function (phrase) {
        var cue = phrase.split(" ");
        for (var i = 0; i + cue.length <= typed.length; i++) {
          if (cue.every(function (w, j) { return sameWord(typed[i + j], w); })) {
            cued[audience] = true;
          }
        }
      });
    });
    // words for more than one audience: the first in zoeken.yml's cue_order counts ("mijn dochter" and
    // "school": a parent asking about school)
    var first = (data.cue_order || []).filter(function (a) { return cued[a]; })[0];
    var all = cued;
    if (first) { cued = {}; cued[first] = true; }
    // a young person's words make professionals' pages count less, unless the query also has a professional's
    // words ("im worried, a pupil told me": a teacher)
    var demoted = {};
    Object.keys(cued).forEach(function (a) {
      ((data.cue_demote || {})[a] || []).forEach(function (o) { if (!all[o]) demoted[o] = true; });
    });
    return { cued: cued, demoted: demoted };
  }

  // the longest run of the query's words (small words too) that one of the page's questions has
  // (words compared by their stem where the site has them: "teen pimps" is a run of "what is a teen pimp")
  function stemmed(word) { return forms.hasOwnProperty(word) ? "#" + forms[word] : word; }

  function questionRun(doc, typed) {
    var best = 0;
    (questions[doc] || []).forEach(function (asked) {
      for (var i = 0; i < typed.length; i++) {
        for (var j = 0; j < asked.length; j++) {
          var n = 0;
          while (i + n < typed.length && j + n < asked.length && typed[i + n] === asked[j + n]) n++;
          if (n > best) best = n;
        }
      }
    });
    return best;
  }

  function search(query) {
    // a number of one or two digits (an age, a count) says little on its own; help line numbers are longer
    var all = words(query), content = all.filter(function (w) { return !stop[w] && w.length > 1 && !/^\d\d?$/.test(w); });
    // ... but two ages ("ik ben 14 hij is 20") are about an age difference: search for zoeken.yml's age_words
    var ages = all.filter(function (w) { return /^\d\d$/.test(w) && +w >= 10; });
    if (ages.length >= 2) (data.age_words || []).forEach(function (w) { if (content.indexOf(w) < 0) content.push(w); });
    var matched = {}, scores = {}, covered = {}, audiences = cuedAudiences(all), stems = all.map(stemmed);
    if (!content.length) return { results: [], matched: matched };
    content.forEach(function (word) {
      var weight = 1;
      var found = expand(word), best = {};
      Object.keys(found).forEach(function (f) {
        synonymsOf(f).forEach(function (s) { if (!found[s]) found[s] = Math.min(found[f], 5); });
      });
      Object.keys(found).forEach(function (f) {
        matched[f] = true;
        var post = data.post[forms[f]], boost = found[f];
        for (var i = 0; i < post.length; i += 2) {
          var doc = post[i], s = weight * boost * post[i + 1];
          if (!best[doc] || best[doc] < s) best[doc] = s;  // one query word counts once per page
        }
      });
      // BM25's inverse document frequency of the query word, over the pages any of its forms is on
      var pages = Object.keys(best), n = data.docs.length, idf = Math.log(1 + (n - pages.length + 0.5) / (pages.length + 0.5));
      pages.forEach(function (doc) {
        scores[doc] = (scores[doc] || 0) + best[doc] * idf;
        covered[doc] = (covered[doc] || 0) + 1;
      });
    });
    var cued = audiences.cued, demoted = audiences.demoted, boost = data.cue_boost || 2;
    var results = Object.keys(scores).map(function (doc) {
      var share = covered[doc] / content.length, d = data.docs[doc], s = scores[doc] * share * share;  // pages that match more of the words first
      if (cued[d[2]]) s *= boost;
      if (demoted[d[2]]) s /= boost * boost;  // "mn lief", "he says i owe": lesson material and professionals' pages last
      var run = questionRun(+doc, stems);
      if (run >= 2) s *= 1 + QUESTION_RUN * (run - 1);
      return { doc: +doc, score: s };
    });
    results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return { results: results, matched: matched };
  }

  // Text with the matched words marked: whole words only, never a small word inside another.
  function highlight(el, text, matched) {
    var pos = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      if (!matched[fold(m[0])]) continue;
      el.appendChild(document.createTextNode(text.slice(pos, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      el.appendChild(mark);
      pos = m.index + m[0].length;
    }
    el.appendChild(document.createTextNode(text.slice(pos)));
  }

  var foldedBlocks = {};  // doc -> the words of each of its text blocks, folded once

  function snippet(doc, matched) {
    var blocks = texts && texts[doc], best = null, bestCount = 0;
    if (blocks) {
      var folded = foldedBlocks[doc] || (foldedBlocks[doc] = blocks.map(function (b) { return fold(b).match(WORD) || []; }));
      folded.forEach(function (list, i) {
        var count = 0, seen = {};
        list.forEach(function (w) { if (matched[w] && !seen[w]) { seen[w] = true; count++; } });
        if (count > bestCount) { best = blocks[i]; bestCount = count; }
      });
    }
    if (!best) return data.docs[doc][3];                      // the page description
    if (best.length <= SNIPPET) return best;
    var first = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(best))) { if (matched[fold(m[0])]) { first = m.index; break; } }
    // start at the beginning of the sentence with the first match when it is near, else at a word
    var start = 0, sentence = /[.!?]["”»)]?\s+/g, m2;
    while ((m2 = sentence.exec(best)) && m2.index + m2[0].length <= first) start = m2.index + m2[0].length;
    if (first - start > 100) start = best.indexOf(" ", Math.max(0, first - 60)) + 1;
    var cut = start > 0 && !/[.!?]["”»)]?\s*$/.test(best.slice(0, start));
    var end = Math.min(best.length, start + SNIPPET);
    if (end < best.length) end = best.lastIndexOf(" ", end);
    return (cut ? "… " : "") + best.slice(start, end) + (end < best.length ? " …" : "");
  }

  function render(query) {
    var found = query.trim() ? search(query) : { results: [], matched: {} };
    var results = found.results.slice(0, MAX_RESULTS);
    list.textContent = "";
    results.forEach(function (r) {
      // docs[n] = [address, title, audience, description]
      var d = data.docs[r.doc], li = document.createElement("li"), a = document.createElement("a");
      var label = document.createElement("span"), p = document.createElement("p");
      a.href = base + d[0];
      highlight(a, d[1], found.matched);
      label.className = "site-search__for";
      label.textContent = root.getAttribute("data-for-" + d[2]) || "";
      highlight(p, snippet(r.doc, found.matched), found.matched);
      li.appendChild(a);
      if (label.textContent) li.appendChild(label);
      li.appendChild(p);
      list.appendChild(li);
    });
    var n = found.results.length;
    status.textContent = query.trim() ? (n ? (n === 1 ? root.getAttribute("data-found-one") : root.getAttribute("data-found").replace("{n}", function () { return String(n); }))
                                           : root.getAttribute("data-none")) : "";
    none.hidden = !(query.trim() && !n);
  }

  ["pointerdown", "touchstart", "mouseenter", "focus", "keydown"].forEach(function (type) {
    input.addEventListener(type, load, { once: true, passive: true });
  });
  // Results follow the typing without a delay; while keys come faster than a slow phone can search,
  // only the latest text is searched (a search for every letter would queue up behind the typing).
  var scheduled = false;
  input.addEventListener("input", function () {
    if (scheduled) return;
    scheduled = true;
    load().then(function () {
      setTimeout(function () { scheduled = false; render(input.value); }, 0);
    });
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var first = list.querySelector("a");
    if (first) first.focus();
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { input.value = ""; if (data) render(""); }
  });
  // leaving and coming back must not show an earlier query
  window.addEventListener("pageshow", function () {
    input.value = ""; list.textContent = ""; status.textContent = ""; none.hidden = true;
  });
})();
