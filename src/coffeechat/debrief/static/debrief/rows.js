/* Debrief form: "Add another" rows for resources, skills and people, from the formset's empty
 * row. Without JavaScript, "Save and add more" brings a fresh empty row instead. */
(function () {
  "use strict";
  var sections = document.querySelectorAll("[data-rows]");
  Array.prototype.forEach.call(sections, function (section) {
    var prefix = section.dataset.rows;
    var total = section.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    var max = section.querySelector("input[name='" + prefix + "-MAX_NUM_FORMS']");
    var list = section.querySelector("[data-row-list]");
    var template = section.querySelector("template[data-empty-row]");
    var button = section.querySelector("[data-add-row]");
    if (!total || !list || !template || !button) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var index = Number(total.value);
      if (max && index >= Number(max.value)) {
        button.disabled = true;
        return;
      }
      var html = template.innerHTML.replace(/__prefix__/g, String(index))
        .replace(/__number__/g, String(index + 1));
      list.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      var rows = list.querySelectorAll("[data-row]");
      var first = rows[rows.length - 1].querySelector("input:not([type=hidden]), select, textarea");
      if (first) {
        first.focus();
      }
    });
  });
})();
