/* Material's script (search, instant navigation, the header and tabs that follow the scroll, the back-to-top button)
 * starts at the reader's first touch, swipe, key, wheel turn, mouse move or focus, not while the page is drawn.
 *
 * Every page reads in full without it: the navigation drawer, the content tabs, the colour-scheme toggle
 * (md-palette.js) and the charts (charts.js) do not need it. Started with the page, its evaluation and start-up ran
 * as three tasks of 20-35 ms on a desktop CPU right after the first paint, on every page, four times that on a
 * phone; a reader who touches the screen then waited for them. Started here they run while the reader is still
 * finding their place, and a reader who only reads never pays for them (nor for the search index).
 *
 * What Material did at DOMContentLoaded it does when its script has loaded: it waits for that event, which has
 * passed by then, so it is given the document here. Before that, three things Material would do are done here:
 * - window.document$ announces the page to our scripts (charts.js, finder.js) as Material's does: each function
 *   given to subscribe runs once the page is parsed, and again for every page Material's instant navigation
 *   swaps in once it is loaded;
 * - a tap on the search button focuses the search box in the same tap, which is what brings up a phone's keyboard;
 * - the key that started it ("/", "s" or "f" opens the search) is handed to Material once it is there.
 * Until it starts, the sidebars of a wide screen do not scroll on their own (site.css), as without JavaScript.
 * A search address (?q=, or ?h= for the highlighted words of a search result) starts it with the page. A tap on a
 * link does not start it: the next page loads at once, the ordinary way rather than by instant navigation. A touch
 * that finds no connection leaves the next one to try again. */
(function () {
  "use strict";
  var bundle = document.currentScript.getAttribute("data-bundle");
  var triggers = ["pointerdown", "touchstart", "focusin", "touchmove", "keydown", "wheel", "pointermove"];
  var pages = [];
  var parsed = document.readyState !== "loading";

  window.document$ = {
    subscribe: function (start) {
      pages.push(start);
      if (parsed) start(document);
    }
  };
  if (!parsed) {
    document.addEventListener("DOMContentLoaded", function () {
      parsed = true;
      pages.forEach(function (start) { start(document); });
    }, { once: true });
  }

  var label = document.querySelector("header [for=__search]");  // the header's search button, as Material finds it
  var query = document.querySelector("input[data-md-component=search-query]");
  if (label && query) label.addEventListener("click", function () { query.focus(); });

  // What starts it: a touch, click or focus anywhere but on a link (there the reader asked for the next page, not
  // for Material's script on this one), a swipe, a key, the wheel, the mouse moving (not the mouse events a phone
  // makes up after a tap).
  function starts(event) {
    if (event.type === "pointermove") return event.pointerType === "mouse";
    if (/^(pointerdown|touchstart|focusin)$/.test(event.type)) return !(event.target.closest && event.target.closest("a[href]"));
    return true;
  }

  function load(event) {
    if (event && !starts(event)) return;
    listen(false);
    var script = document.createElement("script");
    script.src = bundle;
    script.addEventListener("error", function () {  // no connection just then: the next touch tries again
      script.remove();
      listen(true);
    });
    script.addEventListener("load", function () {
      var material = window.document$;
      var current = true;
      document.documentElement.setAttribute("data-md-started", "");  // the sidebars scroll as Material sets them (site.css)
      if (parsed) material.next(document);  // else Material's own DOMContentLoaded listener gives it the document
      material.subscribe(function (page) {
        if (current) current = false;  // the page already announced; later ones come from instant navigation
        else pages.forEach(function (start) { start(page); });
      });
      if (event && event.type === "keydown") {
        event.target.dispatchEvent(new KeyboardEvent("keydown", {
          key: event.key, code: event.code, shiftKey: event.shiftKey, altKey: event.altKey,
          ctrlKey: event.ctrlKey, metaKey: event.metaKey, bubbles: true, cancelable: true
        }));
      }
    });
    document.body.appendChild(script);
  }

  function listen(on) {
    triggers.forEach(function (type) {
      if (on) window.addEventListener(type, load, { capture: true, passive: true });
      else window.removeEventListener(type, load, true);
    });
  }

  if (/[?&][qh]=/.test(location.search)) {
    if (parsed) load();
    else document.addEventListener("DOMContentLoaded", function () { load(); }, { once: true });
  } else {
    listen(true);
  }
})();
