/* Inside an embedded chart (embed/<id>/): tell the page that embeds it how tall the chart is, so that the page's
 * embed-host.js can fit the <iframe> to it at any width (and again when the reader opens the data table).
 * Only a height is sent, to whichever page embeds it; nothing is read from that page. */
(function () {
  if (window.parent === window) return;
  var sent = 0;

  function height() {
    var body = document.body, style = window.getComputedStyle(body);
    return Math.ceil(body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
  }

  function send(force) {
    var now = height();
    if (!force && now === sent) return;
    sent = now;
    window.parent.postMessage({ sitegenEmbed: { height: now } }, "*");
  }

  window.addEventListener("message", function (event) {
    if (event.source === window.parent && event.data && event.data.sitegenEmbedHost) send(true);  // the host is ready
  });
  window.addEventListener("load", function () { send(true); });
  if (window.ResizeObserver) new ResizeObserver(function () { send(false); }).observe(document.body);
  document.addEventListener("toggle", function () { send(false); }, true);
  send(true);
})();
