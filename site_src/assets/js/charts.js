/* Draw every chart on the page with Plotly.
 *
 * The figure of each chart is JSON in a <script type="application/json">
 * next to its placeholder, so no inline script runs. plotly.js is fetched
 * only when a page has a chart, once, from beside this file. Material's
 * instant navigation swaps pages without a reload: document$ tells us when.
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

  function themed(layout) {
    var c = colours();
    var out = Object.assign({}, layout, { font: { color: c.text, family: "inherit" } });
    out.yaxis = Object.assign({}, layout.yaxis, { gridcolor: c.grid, zerolinecolor: c.grid });
    out.xaxis = Object.assign({}, layout.xaxis, { gridcolor: c.grid });
    return out;
  }

  function drawAll() {
    var plots = document.querySelectorAll(".chart__plot[data-figure]");
    if (!plots.length) return;
    loadPlotly().then(function (Plotly) {
      plots.forEach(function (plot) {
        var source = document.getElementById(plot.getAttribute("data-figure"));
        if (!source) return;
        var figure = JSON.parse(source.textContent);
        plot._figure = figure;
        Plotly.react(plot, figure.data, themed(figure.layout), { displayModeBar: false, responsive: true });
      });
    });
  }

  function recolour() {
    if (!window.Plotly) return;
    document.querySelectorAll(".chart__plot[data-figure]").forEach(function (plot) {
      if (plot._figure) window.Plotly.relayout(plot, themed(plot._figure.layout));
    });
  }

  new MutationObserver(recolour).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(drawAll);
  } else {
    document.addEventListener("DOMContentLoaded", drawAll);
  }
})();
