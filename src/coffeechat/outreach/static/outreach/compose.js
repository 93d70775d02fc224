// The composer's "Copy" button: copies the message body (kept out of the page: CSP allows no inline script).
(function () {
  "use strict";
  var button = document.getElementById("copy");
  if (!button) return;
  button.addEventListener("click", function () {
    var body = document.getElementById("id_body").value;
    navigator.clipboard.writeText(body).then(function () { button.textContent = "Copied"; });
  });
})();
