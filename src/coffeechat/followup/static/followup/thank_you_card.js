// "Print this page" on the handwritten-note card (kept out of the page: CSP allows no inline script).
(function () {
  "use strict";
  var button = document.getElementById("print-card");
  if (button) button.addEventListener("click", function () { window.print(); });
})();
