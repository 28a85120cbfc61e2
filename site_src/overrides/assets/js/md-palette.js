/* The colour-scheme toggle in the header (partials/palette.html), in place of Material's palette component.
 *
 * Material's component starts once the whole page is parsed: it marks <body> as switching, sets the scheme and
 * reads the header's computed colour, so the browser restyles every element of the page twice. On the figure
 * finder (some 1,600 elements) that blocked the main thread for about 170 ms under Lighthouse's 4x CPU slowdown.
 * This script runs right after the toggle is parsed, while the header is all there is of the page, so applying
 * the scheme there costs next to nothing.
 *
 * What the reader sees is Material's: the scheme chosen with the button (kept in the same "__palette" entry of
 * localStorage that Material writes, so an earlier choice still holds), else the scheme whose media query the
 * system matches; the button shows the other scheme; the browser's own colours (theme-color, color-scheme)
 * follow. One difference: a reader who never pressed the button keeps following the system, also when it changes
 * while the page is open, where Material stored the system's scheme on the first visit and kept it. */
(function () {
  var form = document.querySelector("form[data-palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  var header = document.querySelector("[data-md-component=header]");
  var themeColor = meta("theme-color");
  var colorScheme = meta("color-scheme");

  function meta(name) {
    var element = document.createElement("meta");
    element.name = name;
    document.head.appendChild(element);
    return element;
  }

  function colour(input) {
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
    });
    return color;
  }

  function hex(rgb) {
    return "#" + rgb.match(/\d+/g).slice(0, 3).map(function (v) { return (+v).toString(16).padStart(2, "0"); }).join("");
  }

  function apply(index) {
    var color = colour(inputs[index]);
    Object.keys(color).forEach(function (key) { document.body.setAttribute("data-md-color-" + key, color[key]); });
    inputs.forEach(function (input, i) {
      input.checked = i === index;
      var label = input.nextElementSibling;
      if (label instanceof HTMLElement) label.hidden = i !== index;
    });
    var style = getComputedStyle(header || document.body);
    colorScheme.content = style.colorScheme;
    themeColor.content = hex(style.backgroundColor);
    return color;
  }

  function systemIndex() {
    var index = inputs.findIndex(function (input) {
      var media = input.getAttribute("data-md-color-media");
      return media && matchMedia(media).matches;
    });
    return Math.max(0, index);
  }

  function chosenIndex() {
    var stored = __md_get("__palette");
    return stored && typeof stored.index === "number" && inputs[stored.index] ? stored.index : null;
  }

  var chosen = chosenIndex();
  apply(chosen === null ? systemIndex() : chosen);

  inputs.forEach(function (input, index) {
    input.addEventListener("change", function () {
      document.body.setAttribute("data-md-color-switching", "");  // Material's CSS: no transitions while switching
      __md_set("__palette", { index: index, color: apply(index) });
      setTimeout(function () { document.body.removeAttribute("data-md-color-switching"); });
    });
  });

  inputs.forEach(function (input) {
    var media = input.getAttribute("data-md-color-media");
    if (!media) return;
    matchMedia(media).addEventListener("change", function (event) {
      if (event.matches && chosenIndex() === null) apply(systemIndex());
    });
  });
})();
