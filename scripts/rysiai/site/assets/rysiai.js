// Ryšiai: filters the tables of a collection's index as the user types, without a round trip.
// Matching ignores case and diacritics ("prienu" finds "Prienų").
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function setUp(box) {
    var input = box.querySelector("input");
    var output = box.querySelector("output");
    var article = box.closest("article") || document;
    var rows = Array.prototype.slice.call(article.querySelectorAll("table[data-rysiai=index] tbody tr"));
    var texts = rows.map(function (row) { return fold(row.textContent); });
    var template = input.getAttribute("data-shown-text");
    var groups = Array.prototype.slice.call(article.querySelectorAll("section.rysiai-group"));
    function apply() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, index) {
        var match = words.every(function (word) { return texts[index].indexOf(word) !== -1; });
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      groups.forEach(function (group) {
        var count = group.querySelectorAll("tbody tr:not([hidden])").length;
        group.hidden = count === 0;
        var small = group.querySelector("h3 small");
        if (small) { small.textContent = "(" + count + ")"; }
      });
      var distinct = new Set(rows.filter(function (row) { return !row.hidden; })
        .map(function (row) { var a = row.querySelector("a"); return a ? a.getAttribute("href") : row; }));
      var total = new Set(rows.map(function (row) { var a = row.querySelector("a"); return a ? a.getAttribute("href") : row; }));
      output.textContent = template.replace("{shown}", distinct.size).replace("{total}", total.size);
    }
    input.addEventListener("input", apply);
  }
  function start() {
    document.querySelectorAll(".rysiai-filter").forEach(setUp);
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(start);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
