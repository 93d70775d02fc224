// The brief's Print button (kept out of the page: CSP allows no inline script or onclick).
(function () {
  "use strict";
  var button = document.getElementById("print-brief");
  if (button) button.addEventListener("click", function () { window.print(); });
})();
