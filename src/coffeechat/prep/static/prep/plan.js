// The question plan: drag a question within its part of the conversation to reorder it. The new
// order is posted by the hidden reorder form (htmx swaps the plan). The arrow buttons do the same
// by keyboard; after htmx redraws the plan, focus returns to the control that was used.
(function () {
  "use strict";
  var dragged = null;
  var before = "";
  var lastFocus = null;

  function order() {
    var ids = [];
    document.querySelectorAll("#plan .plan-row[data-question]").forEach(function (row) {
      ids.push(row.dataset.question);
    });
    return ids.join(",");
  }

  function rowAt(event) {
    return event.target.closest ? event.target.closest("#plan .plan-row") : null;
  }

  // Rows are dragged by their handle only, so their text can still be selected and copied.
  function grab(event) {
    var handle = event.target.closest && event.target.closest("#plan .plan-row .handle");
    if (handle) handle.parentNode.setAttribute("draggable", "true");
  }
  document.addEventListener("mousedown", grab);
  document.addEventListener("touchstart", grab, { passive: true });
  document.addEventListener("mouseup", function () {
    if (dragged) return;
    document.querySelectorAll("#plan .plan-row[draggable]").forEach(function (row) {
      row.removeAttribute("draggable");
    });
  });

  document.addEventListener("dragstart", function (event) {
    var row = rowAt(event);
    if (!row) return;
    dragged = row;
    before = order();
    row.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", row.id);
  });

  document.addEventListener("dragover", function (event) {
    var row = rowAt(event);
    if (!dragged || !row || row === dragged || row.parentNode !== dragged.parentNode) return;
    event.preventDefault();
    var box = row.getBoundingClientRect();
    var after = event.clientY > box.top + box.height / 2;
    row.parentNode.insertBefore(dragged, after ? row.nextSibling : row);
  });

  document.addEventListener("drop", function (event) {
    if (dragged && rowAt(event)) event.preventDefault();
  });

  document.addEventListener("dragend", function () {
    if (!dragged) return;
    dragged.classList.remove("dragging");
    dragged.removeAttribute("draggable");
    var row = dragged;
    dragged = null;
    var now = order();
    if (now === before) return;
    var form = document.getElementById("reorder-form");
    if (!form) return;
    form.querySelector("input[name=order]").value = now;
    lastFocus = { id: "", row: row.id };
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  });

  // Keep keyboard users where they were when the plan is redrawn.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var plan = document.getElementById("plan");
    var active = document.activeElement;
    if (!plan || !plan.contains(event.target) || event.target.id === "reorder-form") return;
    var row = active && active.closest ? active.closest(".plan-row") : null;
    lastFocus = { id: active && active.id ? active.id : "", row: row ? row.id : "" };
  });

  // htmx:load fires on the new plan (the old one, and the form that asked, are gone).
  document.addEventListener("htmx:load", function (event) {
    if (!event.target || event.target.id !== "plan") return;
    // Read the outcome out: the plan's own status line was just replaced with the plan.
    // (A problem is a role=alert paragraph of its own, read out when it appears.)
    var announce = document.getElementById("plan-announce");
    var status = document.getElementById("plan-status");
    if (announce && status) announce.textContent = status.textContent;
    if (!lastFocus) return;
    var wanted = lastFocus;
    lastFocus = null;
    var target = wanted.id && document.getElementById(wanted.id);
    if (!target || target.disabled) {
      var row = wanted.row ? document.getElementById(wanted.row) : null;
      target = null;
      if (row && /^(up|down)-/.test(wanted.id)) {
        target = row.querySelector("button[id^='up-']:not([disabled]), button[id^='down-']:not([disabled])");
      }
      target = target || row || document.getElementById("plan-h");
    }
    if (target && target.focus) target.focus();
  });
})();
