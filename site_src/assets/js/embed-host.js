/* On a page that embeds charts of this site (the line after the <iframe> in the embed code): fits each chart's
 * <iframe> to the height the chart reports (embed-resize.js), so that nothing is cut off whatever the width of the
 * article's column. It listens only to frames of the site it was loaded from, and changes only their height;
 * without it the <iframe> keeps the height written in the code, which fits a 360 px column. */
(function () {
  var script = document.currentScript;
  var origin = script ? new URL(script.src, window.location.href).origin : "";
  if (!origin || window["sitegenEmbedHost:" + origin]) return;  // the code pasted twice: listen once
  window["sitegenEmbedHost:" + origin] = true;

  window.addEventListener("message", function (event) {
    var data = event.data && event.data.sitegenEmbed;
    if (event.origin !== origin || !data || typeof data.height !== "number") return;
    if (!(data.height > 0 && data.height < 20000)) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(data.height) + "px";
    }
  });

  /* Frames that loaded before this script did sent their height to no one: ask them again. */
  function ask() {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      try {
        if (new URL(frames[i].src, window.location.href).origin === origin) {
          frames[i].contentWindow.postMessage({ sitegenEmbedHost: true }, origin);
        }
      } catch (error) { /* a frame without an address */ }
    }
  }
  ask();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ask);
  window.addEventListener("load", ask);
})();
