/* The referral network (P28): zoom, pan and follow a chain. Without this script the drawing
 * scrolls in its box at full size and every person is still a plain link; with it, the box is a
 * window on the drawing, moved by changing the SVG's viewBox. */
(function () {
  "use strict";
  var figure = document.querySelector("[data-network]");
  var svg = figure && figure.querySelector("svg.network-svg");
  if (!svg) {
    return;
  }
  var canvas = figure.querySelector(".network-canvas");
  var level = figure.querySelector("[data-zoom-level]");
  var full = { w: Number(svg.getAttribute("data-width")), h: Number(svg.getAttribute("data-height")) };
  var MAX_SCALE = 4;
  var STEP = 1.25;
  var view = { x: 0, y: 0, w: full.w, h: full.h };

  figure.classList.add("zoomable");
  figure.querySelector("[data-network-controls]").hidden = false;
  figure.querySelector("[data-network-hint]").hidden = false;
  svg.removeAttribute("width");
  svg.removeAttribute("height");

  // ------------------------------------------------------------------ the view

  function size() {
    return { w: Math.max(canvas.clientWidth, 1), h: Math.max(canvas.clientHeight, 1) };
  }

  function scale() {
    return size().w / view.w;
  }

  function fitScale() {
    var s = size();
    return Math.min(s.w / full.w, s.h / full.h);
  }

  function clampScale(value) {
    // Down to the whole drawing at once (however small), up to four times the real size.
    return Math.min(MAX_SCALE, Math.max(Math.min(fitScale(), 0.5), value));
  }

  function apply() {
    // Keep some of the drawing in the window, so it can't be dragged out of reach.
    var marginX = Math.min(view.w, full.w) * 0.25;
    var marginY = Math.min(view.h, full.h) * 0.25;
    view.x = Math.min(Math.max(view.x, marginX - view.w), full.w - marginX);
    view.y = Math.min(Math.max(view.y, marginY - view.h), full.h - marginY);
    var box = [view.x, view.y, view.w, view.h].map(function (value) {
      return Math.round(value * 10) / 10;
    });
    svg.setAttribute("viewBox", box.join(" "));
    level.textContent = "Zoom " + Math.round(scale() * 100) + "%";
  }

  function setScale(value, x, y) {
    // (x, y): the drawing's point that stays where it is on screen.
    var s = clampScale(value);
    var room = size();
    var w = room.w / s;
    var h = room.h / s;
    view.x = x - (x - view.x) * (w / view.w);
    view.y = y - (y - view.y) * (h / view.h);
    view.w = w;
    view.h = h;
    apply();
  }

  function zoomAtCentre(factor) {
    setScale(scale() * factor, view.x + view.w / 2, view.y + view.h / 2);
  }

  function reset() {
    // The whole drawing when it fits at half size or more; otherwise its top left at half size.
    var s = Math.min(1, Math.max(fitScale(), 0.5));
    var room = size();
    view.w = room.w / s;
    view.h = room.h / s;
    view.x = view.w >= full.w ? (full.w - view.w) / 2 : 0;
    view.y = view.h >= full.h ? (full.h - view.h) / 2 : 0;
    apply();
  }

  function toDrawing(clientX, clientY) {
    var rect = canvas.getBoundingClientRect();
    var s = scale();
    return {
      x: view.x + (clientX - rect.left - canvas.clientLeft) / s,
      y: view.y + (clientY - rect.top - canvas.clientTop) / s,
    };
  }

  function reveal(node) {
    // A person reached with Tab is brought into the window if they are outside it.
    var box = node.getBBox();
    var inside = box.x >= view.x && box.y >= view.y &&
      box.x + box.width <= view.x + view.w && box.y + box.height <= view.y + view.h;
    if (!inside) {
      view.x = box.x + box.width / 2 - view.w / 2;
      view.y = box.y + box.height / 2 - view.h / 2;
      apply();
    }
  }

  figure.querySelectorAll("[data-zoom]").forEach(function (button) {
    button.addEventListener("click", function () {
      var how = button.getAttribute("data-zoom");
      if (how === "in") {
        zoomAtCentre(STEP);
      } else if (how === "out") {
        zoomAtCentre(1 / STEP);
      } else {
        reset();
      }
    });
  });

  figure.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.key === "+" || event.key === "=") {
      zoomAtCentre(STEP);
    } else if (event.key === "-") {
      zoomAtCentre(1 / STEP);
    } else if (event.key === "0") {
      reset();
    } else {
      return;
    }
    event.preventDefault();
  });

  canvas.addEventListener("wheel", function (event) {
    event.preventDefault();
    var speed = event.deltaMode === 1 ? 0.05 : 0.0015; // lines or pixels
    var at = toDrawing(event.clientX, event.clientY);
    setScale(scale() * Math.exp(-event.deltaY * speed), at.x, at.y);
  }, { passive: false });

  // ------------------------------------------------------------------ drag and pinch

  var pointers = new Map();
  var drag = null;
  var pinch = null;
  var swallowClick = false;

  function pinchState() {
    var points = Array.from(pointers.values());
    var dx = points[0].x - points[1].x;
    var dy = points[0].y - points[1].y;
    var mid = { x: (points[0].x + points[1].x) / 2, y: (points[0].y + points[1].y) / 2 };
    return { distance: Math.max(Math.hypot(dx, dy), 1), mid: mid };
  }

  canvas.addEventListener("pointerdown", function (event) {
    if (event.pointerType === "mouse" && event.button !== 0) {
      return;
    }
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 1) {
      drag = { x: event.clientX, y: event.clientY, viewX: view.x, viewY: view.y, moved: false };
    } else if (pointers.size === 2) {
      var state = pinchState();
      pinch = { distance: state.distance, scale: scale(), at: toDrawing(state.mid.x, state.mid.y) };
      drag = null;
    }
  });

  canvas.addEventListener("pointermove", function (event) {
    if (!pointers.has(event.pointerId)) {
      return;
    }
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pinch && pointers.size === 2) {
      var state = pinchState();
      var s = clampScale(pinch.scale * state.distance / pinch.distance);
      var rect = canvas.getBoundingClientRect();
      var room = size();
      view.w = room.w / s;
      view.h = room.h / s;
      view.x = pinch.at.x - (state.mid.x - rect.left - canvas.clientLeft) / s;
      view.y = pinch.at.y - (state.mid.y - rect.top - canvas.clientTop) / s;
      apply();
      return;
    }
    if (!drag) {
      return;
    }
    var dx = event.clientX - drag.x;
    var dy = event.clientY - drag.y;
    if (!drag.moved) {
      if (Math.abs(dx) + Math.abs(dy) < 5) {
        return; // a click on a person, not a drag
      }
      drag.moved = true;
      canvas.setPointerCapture(event.pointerId);
      canvas.classList.add("dragging");
    }
    var s = scale();
    view.x = drag.viewX - dx / s;
    view.y = drag.viewY - dy / s;
    apply();
  });

  function release(event) {
    if (!pointers.delete(event.pointerId)) {
      return;
    }
    if (drag && drag.moved) {
      // The click that ends a drag must not open the person under the pointer.
      swallowClick = true;
      window.setTimeout(function () {
        swallowClick = false;
      }, 0);
    }
    drag = null;
    if (pointers.size < 2) {
      pinch = null;
    }
    canvas.classList.remove("dragging");
  }

  canvas.addEventListener("pointerup", release);
  canvas.addEventListener("pointercancel", release);
  canvas.addEventListener("click", function (event) {
    if (swallowClick) {
      event.preventDefault();
      event.stopPropagation();
      swallowClick = false;
    }
  }, true);

  window.addEventListener("resize", function () {
    setScale(scale(), view.x + view.w / 2, view.y + view.h / 2);
  });

  // ------------------------------------------------------------------ following a chain

  var nodes = {};
  var children = {};
  var edgeTo = {};
  svg.querySelectorAll("a.node").forEach(function (node) {
    var id = node.getAttribute("data-id");
    var parent = node.getAttribute("data-parent");
    nodes[id] = node;
    if (parent) {
      (children[parent] = children[parent] || []).push(id);
    }
  });
  svg.querySelectorAll(".edge[data-to]").forEach(function (edge) {
    edgeTo[edge.getAttribute("data-to")] = edge;
  });

  var count = Object.keys(nodes).length; // a bound on any chain, should the data ever loop
  var lit = [];
  var current = null;

  function clear() {
    lit.forEach(function (element) {
      element.classList.remove("in-chain", "current");
    });
    lit = [];
    current = null;
    svg.classList.remove("highlighting");
  }

  function light(element) {
    element.classList.add("in-chain");
    lit.push(element);
  }

  function highlight(id) {
    if (current === id) {
      return;
    }
    clear();
    current = id;
    var members = [id];
    var above = nodes[id].getAttribute("data-parent");
    while (above && nodes[above] && members.length <= count) {
      members.push(above);
      above = nodes[above].getAttribute("data-parent");
    }
    var pending = (children[id] || []).slice();
    while (pending.length) {
      var below = pending.pop();
      members.push(below);
      pending.push.apply(pending, children[below] || []);
    }
    var inChain = {};
    members.forEach(function (member) {
      inChain[member] = true;
    });
    members.forEach(function (member) {
      light(nodes[member]);
      var edge = edgeTo[member];
      if (edge && inChain[nodes[member].getAttribute("data-parent")]) {
        light(edge);
      }
    });
    nodes[id].classList.add("current");
    svg.classList.add("highlighting");
  }

  // Listened to on the box, not the SVG: Chromium makes an SVG element with focus listeners
  // focusable, which would add a stop to the Tab order.
  function nodeOf(target) {
    return target && target.closest ? target.closest("a.node") : null;
  }

  function focusedNode() {
    return nodeOf(document.activeElement);
  }

  canvas.addEventListener("focusin", function (event) {
    var node = nodeOf(event.target);
    if (node) {
      highlight(node.getAttribute("data-id"));
      reveal(node);
    }
  });
  canvas.addEventListener("focusout", function (event) {
    if (!nodeOf(event.relatedTarget)) {
      clear();
    }
  });
  canvas.addEventListener("mouseover", function (event) {
    var node = nodeOf(event.target);
    if (node && !(drag && drag.moved)) {
      highlight(node.getAttribute("data-id"));
    }
  });
  canvas.addEventListener("mouseout", function (event) {
    if (nodeOf(event.relatedTarget)) {
      return;
    }
    var focused = focusedNode();
    if (focused) {
      highlight(focused.getAttribute("data-id"));
    } else {
      clear();
    }
  });

  reset();
})();
