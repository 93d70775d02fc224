// Drag a card to another column; the same request as the card's stage menu (which works by keyboard).
(function () {
  "use strict";
  function post(card, stage) {
    var select = card.querySelector("select[name=stage]");
    if (!select) return;
    select.value = stage;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }
  document.addEventListener("dragstart", function (event) {
    var card = event.target.closest && event.target.closest(".cardlet");
    if (card) event.dataTransfer.setData("text/plain", card.id);
  });
  document.addEventListener("dragover", function (event) {
    var column = event.target.closest && event.target.closest(".column");
    if (column) { event.preventDefault(); column.classList.add("dragover"); }
  });
  document.addEventListener("dragleave", function (event) {
    var column = event.target.closest && event.target.closest(".column");
    if (column) column.classList.remove("dragover");
  });
  document.addEventListener("drop", function (event) {
    var column = event.target.closest && event.target.closest(".column");
    if (!column) return;
    event.preventDefault();
    column.classList.remove("dragover");
    var card = document.getElementById(event.dataTransfer.getData("text/plain"));
    if (card && card.dataset.stage !== column.dataset.stage) post(card, column.dataset.stage);
  });
})();
