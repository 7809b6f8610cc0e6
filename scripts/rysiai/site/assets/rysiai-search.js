// Ryšiai: the header's search box, answered by Pagefind. Loads the index's parts as a query
// needs them; results show the record's kind and key facts; filters narrow by kind, country, year.
(function () {
  "use strict";
  var SHOWN = 10;
  // A match in a record's own name or other name (the `names` field) counts above any other
  // match, in an organisation's (`organisation`) more: Pagefind's own order then already brings
  // the named records among the first shown, and only their data is loaded (each result's is
  // a request of its own).
  var RANKING = { metaWeights: { names: 10, organisation: 20 } };
  var PRELOAD_FROM = 3;  // letters typed before the index's chunks for them are fetched

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // A record whose own name or other name (`names`: "Gmina Parczew | Parčevas") has a word
  // starting with each word of the query comes first, an organisation's before the others: a
  // search for a partner's name or alias opens with its own page, not with the visits or the
  // press releases named after it.
  function namedFirst(query, data) {
    var words = fold(query).split(/[^0-9a-z]+/).filter(Boolean);
    if (!words.length) { return data; }
    function named(item) {
      var names = (item.meta && item.meta.names) || "";
      return names.split("|").some(function (name) {
        var nameWords = fold(name).split(/[^0-9a-z]+/).filter(Boolean);
        return words.every(function (word) {
          return nameWords.some(function (nameWord) { return nameWord.indexOf(word) === 0; });
        });
      });
    }
    function tier(item) {
      if (!named(item)) { return 2; }
      return item.meta && item.meta.organisation ? 0 : 1;
    }
    return [0, 1, 2].reduce(function (ordered, wanted) {
      return ordered.concat(data.filter(function (item) { return tier(item) === wanted; }));
    }, []);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // Pagefind's excerpt marks the words found with <mark>; keep those and nothing else.
  function safeExcerpt(html) {
    var parsed = new DOMParser().parseFromString("<div>" + html + "</div>", "text/html");
    var out = element("p", "rysiai-search-excerpt");
    parsed.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.tagName === "MARK") {
        out.appendChild(element("mark", "", node.textContent));
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function setUp(box) {
    var input = box.querySelector("input[name=query]");
    var list = box.querySelector(".md-search-result__list");
    var status = box.querySelector(".md-search-result__meta");
    var filtersBox = box.querySelector(".rysiai-search-filters");
    var toggle = document.getElementById("__search");
    var base = new URL((box.dataset.base || ".") + "/", document.baseURI);
    var pagefind = null;
    var chosen = {};
    var latest = 0;
    var warmedUp = false;
    var pause = null;  // the wait after the last key
    var running = false;  // the engine is searching
    var waiting = null;  // the latest query typed meanwhile

    function open() { if (toggle) { toggle.checked = true; } }
    function close() { if (toggle) { toggle.checked = false; } input.blur(); }

    // The index is in shards (pagefind/rysiai-shards.json): the first holds Pagefind's scripts,
    // the others are merged into it, and a query searches them all.
    function load() {
      if (!pagefind) {
        var bundle = new URL("pagefind/", base);
        pagefind = fetch(new URL("rysiai-shards.json", bundle).href).then(function (response) {
          if (!response.ok) { throw new Error("no search index"); }
          return response.json();
        }).then(function (listing) {
          // `rysiai serve` lists no shard until its first search index is written.
          if (!listing.primary) { throw new Error("no search index yet"); }
          var primary = new URL(listing.primary, bundle);
          return import(new URL("pagefind.js", primary).href).then(function (module) {
            return module.options({ basePath: primary.pathname, baseUrl: base.pathname, ranking: RANKING }).then(function () {
              return module.init();
            }).then(function () {
              return Promise.all(listing.shards.map(function (shard) {
                return module.mergeIndex(new URL(shard, bundle).pathname, { baseUrl: base.pathname, ranking: RANKING });
              }));
            }).then(function () { return module; });
          });
        });
        // A failure is not kept: under `rysiai serve` the index is written after the pages,
        // and the next try (the next focus or key) loads it again.
        pagefind.catch(function () { pagefind = null; });
      }
      return pagefind;
    }

    // The filters' values come in a small list of their own: the filters' index is loaded
    // only once a filter is chosen.
    function showFilters() {
      fetch(new URL("pagefind/rysiai-filters.json", base).href).then(function (response) {
        return response.ok ? response.json() : {};
      }).then(function (filters) {
        filtersBox.textContent = "";
        var first = box.dataset.firstFilter;
        Object.keys(filters).sort(function (a, b) {
          return (b === first) - (a === first) || a.localeCompare(b, "lt");
        }).forEach(function (name) {
          var label = element("label", "rysiai-search-filter");
          label.appendChild(document.createTextNode(name + " "));
          var select = element("select");
          select.appendChild(new Option(box.dataset.all, ""));
          filters[name].slice().sort(function (a, b) { return a.localeCompare(b, "lt"); })
            .forEach(function (value) { select.appendChild(new Option(value, value)); });
          select.addEventListener("change", function () {
            if (select.value) { chosen[name] = select.value; } else { delete chosen[name]; }
            search();
          });
          label.appendChild(select);
          filtersBox.appendChild(label);
        });
      });
    }

    function render(results, total) {
      list.textContent = "";
      status.textContent = total === 0 ? box.dataset.none
        : total === 1 ? box.dataset.one : box.dataset.many.replace("{count}", total);
      results.forEach(function (data) {
        var item = element("li", "md-search-result__item");
        var link = element("a", "md-search-result__link");
        link.href = data.url;
        var article = element("article", "md-search-result__article md-typeset");
        article.appendChild(element("h1", "", (data.meta && data.meta.title) || data.url));
        var facts = [data.meta && data.meta.kind, data.meta && data.meta.facts].filter(Boolean);
        if (facts.length) { article.appendChild(element("p", "rysiai-search-kind", facts.join(" · "))); }
        article.appendChild(safeExcerpt(data.excerpt || ""));
        link.appendChild(article);
        item.appendChild(link);
        list.appendChild(item);
      });
    }

    function search() {
      var query = input.value.trim();
      var ticket = ++latest;
      if (!query && !Object.keys(chosen).length) { list.textContent = ""; status.textContent = ""; return; }
      status.textContent = box.dataset.searching;
      var filters = Object.assign({}, chosen);
      // The index's chunks for the words typed so far are fetched while the typing goes on, each
      // word's from its third letter (a shorter prefix would fetch the chunks of every word it
      // begins); the search itself waits until 100 ms after the last key. But the first time a
      // word has its third letter, what is typed is searched at once: a page's first search
      // takes about twice as long as the next (the browser compiles and tunes the engine's code
      // as it first runs it), and so that is done while the typing goes on, not after it.
      var begun = query.split(/\s+/).filter(function (word) {
        return fold(word).replace(/[^0-9a-z]/g, "").length >= PRELOAD_FROM;
      });
      clearTimeout(pause);
      if (begun.length && !warmedUp) {
        warmedUp = true;
        run(ticket, query, filters);
        return;
      }
      if (begun.length) {
        load().then(function (module) { return module.preload(begun.join(" "), { filters: filters }); }).catch(function () {});
      }
      pause = setTimeout(function () { run(ticket, query, filters); }, 100);
    }

    // The engine runs one search at a time: a query typed while it is busy waits for it, and
    // of those waiting only the latest is searched. A result's data is loaded only if no newer
    // query has come in by the time it is found.
    function run(ticket, query, filters) {
      if (ticket !== latest) { return; }
      if (running) { waiting = function () { run(ticket, query, filters); }; return; }
      running = true;
      var done = false;
      function next() {
        if (done) { return; }
        done = true;
        running = false;
        var queued = waiting;
        waiting = null;
        if (queued) { queued(); }
      }
      load().then(function (module) {
        return module.search(query || null, { filters: filters });
      }).then(function (found) {
        next();
        if (!found || ticket !== latest) { return; }  // a newer query has taken over
        return Promise.all(found.results.slice(0, SHOWN).map(function (r) { return r.data(); }))
          .then(function (data) {
            if (ticket !== latest) { return; }
            render(namedFirst(query, data), found.results.length);
            // The filters' own index is loaded once the first results show, not before them.
            if (!filtersShown) { filtersShown = true; showFilters(); }
          });
      }).catch(function () {
        next();
        if (ticket === latest) { status.textContent = box.dataset.unavailable; }
      });
    }

    var filtersShown = false;
    input.addEventListener("focus", function () {
      open();
      load().catch(function () { status.textContent = box.dataset.unavailable; });
    });
    input.addEventListener("input", search);
    // Search is how staff find their way, so the engine and the index's page lists are loaded
    // once the page has loaded and the browser is idle, not when the box is first used: the
    // box then answers from the first letters typed. (The index's chunks of words still come
    // only as words are typed.)
    whenIdle(function () { load().catch(function () {}); });
    box.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) { window.location.href = first.href; }
    });
    box.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var index = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && links.length) {
        event.preventDefault();
        links[Math.min(index + 1, links.length - 1)].focus();
      } else if (event.key === "ArrowUp" && links.length) {
        event.preventDefault();
        if (index <= 0) { input.focus(); } else { links[index - 1].focus(); }
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
      if (!typing && (event.key === "/" || event.key === "s")) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  function whenIdle(task) {
    function soon() {
      if (window.requestIdleCallback) { window.requestIdleCallback(task, { timeout: 2000 }); } else { setTimeout(task, 200); }
    }
    if (document.readyState === "complete") { soon(); } else { window.addEventListener("load", soon); }
  }

  function start() {
    document.querySelectorAll("[data-rysiai-search]").forEach(function (box) {
      if (!box.dataset.ready) { box.dataset.ready = "1"; setUp(box); }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
