// The figure finder (figures/): filters, a search in both languages, an address for what is shown and its CSV.
// Without JavaScript the page is the plain table of every figure; this script turns the form on and hides rows.
// The address holds the filters (?group=age_10_19&year=2024&text=...), so a filtered view can be shared as a link.
// The search reads each row's own words and, once data/all-figures.json has come (it is fetched from this site at
// the first search), the names of its measure, group, period, dataset and source in both languages.
(function () {
  "use strict";
  var FIELDS = ["topic", "measure", "group", "kind", "year"];
  var NAMES = [
    "measure_name_ko", "measure_name_en", "group_name_ko", "group_name_en", "period_name_ko", "period_name_en",
    "package_title_ko", "package_title_en", "reported_by", "reported_by_ko", "released_by_ko", "released_by_en"
  ];

  function start() {
    var form = document.getElementById("finder");
    var table = document.getElementById("finder-table");
    if (!form || !table || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "true");
    form.querySelector(".finder__controls").disabled = false;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var count = form.querySelector(".finder__count");
    var none = document.querySelector(".finder__none");
    var lang = document.documentElement.lang || "ko";
    var figures = null, loading = null, words = {};

    // all-figures.json, fetched once, then the words each figure is found by.
    function load() {
      if (!loading) {
        loading = fetch(form.getAttribute("data-json")).then(function (response) { return response.json(); });
        loading.then(function (found) {
          figures = found;
          found.forEach(function (figure) {
            words[figure.id] = NAMES.map(function (name) { return figure[name] || ""; }).join(" ").toLowerCase();
          });
          form.setAttribute("data-words", "loaded");
          apply();
        });
      }
      return loading;
    }

    function state() {
      var chosen = {};
      FIELDS.concat("text").forEach(function (name) {
        var value = form.elements[name].value.trim();
        if (value) chosen[name] = value;
      });
      return chosen;
    }

    function matches(row, chosen) {
      for (var i = 0; i < FIELDS.length; i++) {
        var name = FIELDS[i], wanted = chosen[name];
        if (!wanted) continue;
        var have = row.getAttribute("data-" + name);
        if (name === "topic" ? have.split(" ").indexOf(wanted) < 0 : have !== wanted) return false;
      }
      if (!chosen.text) return true;
      var id = row.getAttribute("data-id");
      var text = (row.textContent + " " + id + " " + (words[id] || "")).toLowerCase();
      return chosen.text.toLowerCase().split(/\s+/).every(function (word) { return text.indexOf(word) >= 0; });
    }

    function apply() {
      var chosen = state(), shown = 0;
      if (chosen.text && !figures) load();
      rows.forEach(function (row) {
        row.hidden = !matches(row, chosen);
        if (!row.hidden) shown += 1;
      });
      count.textContent = count.getAttribute("data-template")
        .replace("{shown}", shown.toLocaleString(lang))
        .replace("{total}", rows.length.toLocaleString(lang));
      none.hidden = shown > 0;
      var query = new URLSearchParams(chosen).toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    function restore() {
      var query = new URLSearchParams(location.search);
      FIELDS.concat("text").forEach(function (name) {
        var value = query.get(name), field = form.elements[name];
        if (value === null) return;
        var known = field.tagName !== "SELECT" || Array.prototype.some.call(field.options, function (o) { return o.value === value; });
        if (known) field.value = value;
      });
    }

    function cell(value) {
      var text = value === null || value === undefined ? "" : String(value);
      return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
    }

    // The CSV of the rows shown: their rows of all-figures.json, in the columns of all-figures.csv.
    function download() {
      var ids = {};
      rows.forEach(function (row) { if (!row.hidden) ids[row.getAttribute("data-id")] = true; });
      var columns = form.getAttribute("data-columns").split(",");
      load().then(function () {
        var lines = [columns.join(",")];
        figures.forEach(function (figure) {
          if (ids[figure.id]) lines.push(columns.map(function (c) { return cell(figure[c]); }).join(","));
        });
        var link = document.createElement("a");
        link.href = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], { type: "text/csv;charset=utf-8" }));
        link.download = "figures.csv";
        document.body.appendChild(link);
        link.click();
        link.remove();
      });
    }

    restore();
    if (location.search) apply(); // else every row is shown and counted already, as the page came
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector(".finder__download").addEventListener("click", download);
  }

  // Material's instant navigation swaps pages without a load event: it announces each page on document$.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
