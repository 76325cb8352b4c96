// The header's menu and the lists' filters are <details> disclosures: they open and close
// without JavaScript. This file only adds what a script can: on a wide screen, where the
// summary button is hidden, they stay open (portal.css also shows their content there
// for browsers without scripts); on a narrow one, Escape closes an open one and gives the
// focus back to its button.
(function () {
  "use strict";
  var WIDE = "(min-width: 64rem)";  // as in portal.css

  function setUp(details) {
    var wide = window.matchMedia(details.dataset.disclosureWide || WIDE);
    var summary = details.querySelector("summary");
    function follow() {
      if (wide.matches) {
        details.open = true;
      } else if (!details.hasAttribute("data-disclosure-keep")) {
        details.open = false;
      }
    }
    follow();
    wide.addEventListener("change", follow);
    details.addEventListener("keydown", function (event) {
      // A field that used Escape itself (the search field closing its suggestions) keeps it.
      if (event.key === "Escape" && !event.defaultPrevented && details.open && !wide.matches) {
        details.open = false;
        summary.focus();
      }
    });
  }

  function start() {
    document.querySelectorAll("details[data-disclosure]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
