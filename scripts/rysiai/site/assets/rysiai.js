// Ryšiai: the index tables in the browser, without a round trip. The filter box narrows the rows
// as the user types (case and diacritics ignored: "prienu" finds "Prienų"), each group's choice
// (country, kind, year…) narrows them further, and a column's heading sorts by that column
// (each cell's data-sort is its rank in Lithuanian order, worked out when the site was built).
// Tables wider than the screen get a visible cue that they scroll sideways.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function each(root, selector, callback) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), callback);
  }
  function setUpFilter(box) {
    var input = box.querySelector("input");
    var output = box.querySelector("output");
    var selects = Array.prototype.slice.call(box.querySelectorAll("select[data-group]"));
    var article = box.closest("article") || document;
    var rows = Array.prototype.slice.call(article.querySelectorAll("table[data-rysiai=index] tbody tr"));
    var texts = rows.map(function (row) { return fold(row.textContent); });
    var template = input.getAttribute("data-shown-text");
    function apply() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var chosen = selects.filter(function (select) { return select.value !== ""; });
      var shown = 0;
      rows.forEach(function (row, index) {
        var match = words.every(function (word) { return texts[index].indexOf(word) !== -1; }) &&
          chosen.every(function (select) {
            return row.getAttribute("data-group-" + select.getAttribute("data-group")) === select.value;
          });
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      output.textContent = template.replace("{shown}", shown).replace("{total}", rows.length);
    }
    input.addEventListener("input", apply);
    selects.forEach(function (select) { select.addEventListener("change", apply); });
  }
  function setUpSorting(table) {
    var headings = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    var body = table.tBodies[0];
    headings.forEach(function (heading, column) {
      var button = heading.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var descending = heading.getAttribute("aria-sort") === "ascending";
        var rows = Array.prototype.slice.call(body.rows);
        var keyed = rows.map(function (row, index) {
          return [Number(row.cells[column].getAttribute("data-sort")), index, row];
        });
        keyed.sort(function (a, b) {
          var order = a[0] - b[0];
          return (descending ? -order : order) || a[1] - b[1];
        });
        keyed.forEach(function (item) { body.appendChild(item[2]); });
        headings.forEach(function (other) { other.removeAttribute("aria-sort"); });
        heading.setAttribute("aria-sort", descending ? "descending" : "ascending");
      });
    });
  }
  function markWideTables(article) {
    var cue = document.documentElement.getAttribute("lang") === "lt"
      ? "Lentelė platesnė už ekraną: slinkite į šoną →" : "The table is wider than the screen: scroll sideways →";
    each(article, "table", function (table) {
      var frame = table.closest(".md-typeset__scrollwrap") || table.parentElement;
      var previous = frame.previousElementSibling;
      var marked = previous && previous.classList.contains("rysiai-scroll-cue");
      var wide = frame.scrollWidth > frame.clientWidth + 1;
      if (wide && !marked) {
        var note = document.createElement("p");
        note.className = "rysiai-scroll-cue";
        note.textContent = cue;
        frame.parentElement.insertBefore(note, frame);
        if (!frame.hasAttribute("tabindex")) {
          frame.setAttribute("tabindex", "0");  // a keyboard can scroll it too
          frame.setAttribute("role", "region");
          frame.setAttribute("aria-label", (table.caption && table.caption.textContent) || cue);
        }
      } else if (!wide && marked) {
        previous.remove();
      }
    });
  }
  function start() {
    each(document, ".rysiai-filter", setUpFilter);
    each(document, "table[data-sortable]", setUpSorting);
    var article = document.querySelector("article") || document.body;
    markWideTables(article);
    window.addEventListener("resize", function () { markWideTables(article); });
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(start);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
