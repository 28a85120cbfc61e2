/* Charts and data tables.
 *
 * Each chart is on the page as plain bars (HTML and SVG, drawn at build time).
 * Its Plotly figure is JSON in the data-figure attribute of the placeholder
 * (HTML-escaped, so no inline script runs); "Interactive chart" fetches
 * plotly.js once, from beside this file, and draws it. Material's instant
 * navigation swaps pages without a reload: document$ tells us when.
 */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  var plotlyUrl = new URL("plotly-basic.min.js", here || document.baseURI).href;
  var loading = null;

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = plotlyUrl;
        script.async = true;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function colours() {
    var style = getComputedStyle(document.body);
    return {
      text: style.getPropertyValue("--md-typeset-color").trim() || "#000",
      grid: style.getPropertyValue("--md-default-fg-color--lightest").trim() || "#ddd"
    };
  }

  /* The colours that change in the dark scheme (charts.css: the first, black and the grey beside a highlighted bar)
   * change in both renderings of a chart. */
  var SCHEMED = { "#0072B2": "--chart-c0", "#000000": "--chart-c7", "#8C8C8C": "--chart-c8" };

  function themedData(data) {
    var style = getComputedStyle(document.body), text = JSON.stringify(data);
    Object.keys(SCHEMED).forEach(function (hex) {
      text = text.split(hex).join(style.getPropertyValue(SCHEMED[hex]).trim() || hex);
    });
    return JSON.parse(text);
  }

  /* The figure's own text size stays (the build placed the values for it, sitegen/render/chart_layout.py). */
  function themed(layout) {
    var c = colours();
    var out = Object.assign({}, layout, { font: Object.assign({}, layout.font, { color: c.text, family: "inherit" }) });
    out.yaxis = Object.assign({}, layout.yaxis, { gridcolor: c.grid, zerolinecolor: c.grid });
    out.xaxis = Object.assign({}, layout.xaxis, { gridcolor: c.grid });
    return out;
  }

  /* The page shows each chart as plain bars (HTML and SVG, no script needed). "Interactive chart"
   * swaps in the Plotly version: plotly.js is large for a phone, so it is fetched only then. */
  function makeInteractive(button) {
    var plot = document.getElementById(button.getAttribute("aria-controls"));
    if (!plot) return;
    button.disabled = true;
    loadPlotly().then(function (Plotly) {
      var figure = JSON.parse(plot.getAttribute("data-figure"));
      plot._figure = figure;
      plot.textContent = "";
      plot.classList.add("chart__plot--interactive");
      Plotly.react(plot, themedData(figure.data), themed(figure.layout), { displayModeBar: false, responsive: true });
      button.hidden = true;
    }, function () { button.disabled = false; });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.chart__interactive");
    if (button) makeInteractive(button);
  });

  function offerInteractive() {
    document.querySelectorAll("button.chart__interactive[hidden]").forEach(function (button) {
      if (!button.disabled) button.hidden = false;
    });
  }

  function recolour() {
    if (!window.Plotly) return;
    document.querySelectorAll(".chart__plot[data-figure]").forEach(function (plot) {
      if (plot._figure) window.Plotly.react(plot, themedData(plot._figure.data), themed(plot._figure.layout));
    });
  }

  /* Data tables behind the charts sort by any column: each header becomes a button (keyboard and
   * screen readers reach it) and aria-sort says the current order. A cell sorts by the machine value the build wrote
   * (data-sort: the number itself, never its words: "약 30일에 1명" is no 301); a figure without one (suppressed)
   * comes first going up, and a cell of words sorts as words. */
  function sortKey(cell) {
    if (cell.hasAttribute("data-sort")) return parseFloat(cell.getAttribute("data-sort"));
    return cell.classList.contains("num") ? -Infinity : cell.textContent.trim();
  }

  function sortBy(table, column, header) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = sortKey(a.cells[column]), y = sortKey(b.cells[column]);
      var order = typeof x === "number" && typeof y === "number" ? (x === y ? 0 : x < y ? -1 : 1)
        : String(x).localeCompare(String(y));
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    table.querySelectorAll("thead th").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function makeSortable() {
    document.querySelectorAll("table.sortable:not([data-sortable])").forEach(function (table) {
      table.setAttribute("data-sortable", "");
      table.querySelectorAll("thead th").forEach(function (header, column) {
        var button = document.createElement("button");
        button.type = "button";
        while (header.firstChild) button.appendChild(header.firstChild);
        header.appendChild(button);
        button.addEventListener("click", function () { sortBy(table, column, header); });
      });
    });
  }

  new MutationObserver(recolour).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(function () { makeSortable(); offerInteractive(); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { makeSortable(); offerInteractive(); });
  }
})();

/* A chart page's view in its address: #table opens the data table, #chart shows the chart; the language
 * switch keeps it. The embed snippet gets this site's own address when the build had no site_url. */
(function () {
  "use strict";

  function showView() {
    var table = document.querySelector("figure.chart details.chart__table");
    if (!table || !document.querySelector("pre.chart-embed")) return;  // chart pages only
    if (location.hash === "#table") {
      table.open = true;
      table.scrollIntoView();
    } else if (location.hash === "#chart") {
      table.open = false;
      document.querySelector("figure.chart").scrollIntoView();
    }
  }

  function keepHashOnLanguageSwitch() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      if (link.dataset.keepsHash) return;
      link.dataset.keepsHash = "";
      link.addEventListener("click", function () {
        if (location.hash) link.href = link.href.split("#")[0] + location.hash;
      });
    });
  }

  /* Without a site_url the build wrote root-relative addresses ("/embed/<id>/") in the embed snippet and the
   * citation: write this site's own address there, as the reader sees it. */
  function absoluteAddresses() {
    var root = document.querySelector("a.md-select__link[hreflang='ko']");
    if (!root) return;
    var base = new URL(root.getAttribute("href").split("charts/")[0], location.href).href;
    document.querySelectorAll("code[data-relative]").forEach(function (code) {
      var path = code.getAttribute("data-relative");
      code.textContent = code.textContent.split('"/' + path).join('"' + base + path).split(" /" + path).join(" " + base + path)
        .split('"/assets/js/embed-host.js"').join('"' + base + 'assets/js/embed-host.js"');  // the embed code's script
    });
  }

  function start() { showView(); keepHashOnLanguageSwitch(); absoluteAddresses(); }

  window.addEventListener("hashchange", showView);
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
