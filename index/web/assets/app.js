// Small enhancements of the server-rendered pages; everything works
// without them.
(function () {
  "use strict";

  // "/" focuses the search box, as on most search sites.
  document.addEventListener("keydown", function (e) {
    var q = document.getElementById("q");
    if (e.key === "/" && q && document.activeElement !== q &&
        !(document.activeElement && /INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName))) {
      e.preventDefault();
      q.focus();
    }
  });

  // The order select applies at once.
  var sort = document.getElementById("sort");
  if (sort && sort.form) {
    sort.addEventListener("change", function () { sort.form.submit(); });
  }

  function text(tag, cls, s) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    el.textContent = s;
    return el;
  }

  // "Language versions" shows the aligned paragraph of the other language
  // versions in place, fetched from the API; without script it is a link.
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a.versions[data-passage]");
    if (!link) { return; }
    var box = link.closest("article").querySelector(".counterparts");
    if (!box) { return; }
    e.preventDefault();
    if (link.getAttribute("aria-expanded") === "true") {
      box.hidden = true;
      link.setAttribute("aria-expanded", "false");
      return;
    }
    link.setAttribute("aria-expanded", "true");
    box.hidden = false;
    box.textContent = "Loading…";
    fetch("/api/passage/" + encodeURIComponent(link.dataset.passage), { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        box.textContent = "";
        if (!res.ok) { box.appendChild(text("p", "error", res.body.error || "Not available.")); return; }
        var cps = res.body.counterparts || [];
        if (cps.length === 0) { box.appendChild(text("p", "help", "No other language version of this paragraph is in the index.")); return; }
        cps.forEach(function (c) {
          var block = document.createElement("blockquote");
          block.lang = c.language;
          if (c.language === "ar") { block.dir = "rtl"; }
          block.appendChild(text("p", "", c.text));
          var cite = c.url ? document.createElement("a") : document.createElement("span");
          if (c.url) { cite.href = c.url; cite.rel = "noopener noreferrer"; cite.target = "_blank"; }
          cite.className = "citation";
          cite.textContent = c.citation + " (" + c.language + ")";
          block.appendChild(cite);
          box.appendChild(block);
        });
      })
      .catch(function () { box.textContent = "Could not load the language versions."; });
  });
})();
