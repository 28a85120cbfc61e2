/* Material for MkDocs 9.8.2, partials/javascripts/content.html: the same code, served as a file so that
 * the Content-Security-Policy (overrides/main.html) can forbid inline scripts. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
