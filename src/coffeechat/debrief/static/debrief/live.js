/* coffeechat live mode (P14, P20, P22): the clock runs in the browser, notes are saved as you
 * type and kept in localStorage until the server has them, so a dropped connection or a reload
 * loses nothing. The clock rules mirror coffeechat/playbook/live.py; the numbers come from the
 * page (data attributes written from Python), so there is one source for them. */
(function () {
  "use strict";

  // ------------------------------------------------------------------ the clock rules (pure)

  function minutesPhrase(count) {
    return count === 1 ? count + " minute" : count + " minutes";
  }

  function pad(number) {
    return number < 10 ? "0" + number : String(number);
  }

  /* "07:40", or "1:02:05" from one hour on: format_clock in playbook/live.py. */
  function formatClock(seconds) {
    var hours = Math.floor(seconds / 3600);
    var rest = seconds % 3600;
    var minutes = Math.floor(rest / 60);
    var secs = rest % 60;
    return hours ? hours + ":" + pad(minutes) + ":" + pad(secs) : pad(minutes) + ":" + pad(secs);
  }

  /* Where the conversation stands: clock_state in playbook/live.py, same phases and words. */
  function clockState(elapsedSeconds, agreedMinutes, rules) {
    var agreedSeconds = agreedMinutes * 60;
    var leftMinutes = Math.ceil((agreedSeconds - elapsedSeconds) / 60);
    var phase;
    var message;
    if (elapsedSeconds >= agreedSeconds) {
      phase = "over_time";
      message = "You promised " + minutesPhrase(agreedMinutes) + ": thank them and wrap up, " +
        "unless they offer more time (P14).";
    } else if (elapsedSeconds >= agreedSeconds - rules.nextStepsSeconds) {
      phase = "next_steps";
      message = "Ask for next steps: who else to talk to, resources, and whether you may stay " +
        "in touch (" + minutesPhrase(leftMinutes) + " left, P22).";
    } else if (elapsedSeconds >= agreedSeconds * rules.lastQuestionsShare) {
      phase = "last_questions";
      message = "Move to your last questions (" + minutesPhrase(leftMinutes) + " left).";
    } else {
      phase = "on_track";
      message = "On track: " + minutesPhrase(leftMinutes) + " left of " +
        minutesPhrase(agreedMinutes) + ".";
    }
    return { elapsed_seconds: elapsedSeconds, agreed_seconds: agreedSeconds, phase: phase,
      message: message };
  }

  window.CoffeechatLive = { clockState: clockState, formatClock: formatClock };

  var root = document.getElementById("live");
  if (!root) {
    return;
  }

  // ------------------------------------------------------------------ settings from the page

  var data = root.dataset;
  var rules = {
    lastQuestionsShare: Number(data.lastQuestionsShare),
    nextStepsSeconds: Number(data.nextStepsSeconds)
  };
  var durationMinutes = Number(data.durationMinutes);
  var extensionStep = Number(data.extensionStep);
  var extendedMinutes = Number(data.extendedMinutes) || 0;
  var startedMs = data.startedAt ? Number(data.startedAt) : null;
  // The server's clock minus this device's: elapsed time is measured on the server's clock.
  var clockOffset = Number(data.serverNow) - Date.now();
  var prefix = "coffeechat:live:" + data.interview + ":";
  var RETRY_MS = 5000;
  var SAVE_DELAY_MS = 600;

  function serverNow() {
    return Date.now() + clockOffset;
  }

  // ------------------------------------------------------------------ storage on this device

  var memory = {};
  var store = {
    get: function (key) {
      try { return window.localStorage.getItem(key); } catch (e) { return memory[key] || null; }
    },
    set: function (key, value) {
      memory[key] = value;
      try { window.localStorage.setItem(key, value); } catch (e) { /* memory only */ }
    },
    remove: function (key) {
      delete memory[key];
      try { window.localStorage.removeItem(key); } catch (e) { /* memory only */ }
    }
  };

  // ------------------------------------------------------------------ talking to the server

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) {
      return decodeURIComponent(match[1]);
    }
    var input = root.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function post(url, fields) {
    var body = new FormData();
    Object.keys(fields).forEach(function (name) { body.append(name, fields[name]); });
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "Accept": "application/json" }
    }).then(function (response) {
      var isJson = (response.headers.get("Content-Type") || "").indexOf("application/json") !== -1;
      if (response.ok && isJson && !response.redirected) {
        return response.json();
      }
      var error = new Error("Not saved");
      error.status = response.status;
      error.signedOut = response.redirected || (response.ok && !isJson);
      throw error;
    });
  }

  function isRejected(error) {
    // The server said no for good (e.g. the question left the plan): retrying will not help.
    var status = error && error.status;
    return status >= 400 && status < 500 && [403, 408, 429].indexOf(status) === -1;
  }

  var connection = document.getElementById("live-connection");
  function showConnection() {
    var waiting = pendingCount();
    if (navigator.onLine === false) {
      connection.textContent = "Offline: your notes are kept on this device.";
    } else if (waiting) {
      connection.textContent = waiting === 1 ? "1 change not sent yet." :
        waiting + " changes not sent yet.";
    } else {
      connection.textContent = "";
    }
    document.body.classList.toggle("offline", navigator.onLine === false);
  }

  // ------------------------------------------------------------------ notes, saved as you type

  var textareas = Array.prototype.slice.call(root.querySelectorAll("textarea[data-entry]"));
  var noteStates = {};

  function noteKey(entry) {
    return prefix + "note:" + entry;
  }

  function pendingNote(entry) {
    var raw = store.get(noteKey(entry));
    if (!raw) {
      return null;
    }
    try { return JSON.parse(raw); } catch (e) { return null; }
  }

  function noteState(entry) {
    if (!noteStates[entry]) {
      noteStates[entry] = { timer: null, inFlight: null, again: false, rejected: false };
    }
    return noteStates[entry];
  }

  function setNoteStatus(entry, text) {
    var status = document.getElementById("note-" + entry + "-status");
    if (status) {
      status.textContent = text;
    }
  }

  function sendNote(entry) {
    var state = noteState(entry);
    var pending = pendingNote(entry);
    if (!pending || state.rejected) {
      return Promise.resolve();
    }
    if (state.inFlight) {
      state.again = true;
      return state.inFlight;
    }
    setNoteStatus(entry, "Saving…");
    state.inFlight = post(data.noteUrl, { entry: entry, notes: pending.text }).then(function () {
      var now = pendingNote(entry);
      if (now && now.text === pending.text) {
        store.remove(noteKey(entry));
      }
      setNoteStatus(entry, pendingNote(entry) ? "Saving…" : "Saved.");
    }, function (error) {
      if (isRejected(error)) {
        state.rejected = true;
        setNoteStatus(entry, "The server refused this note (" + error.status + "). It stays on " +
          "this device: copy it somewhere safe.");
      } else if (error.signedOut) {
        setNoteStatus(entry, "You are signed out. Sign in again in another tab; this note is " +
          "kept on this device meanwhile.");
      } else {
        setNoteStatus(entry, "Not sent yet: kept on this device, sent when the connection is " +
          "back.");
      }
    }).then(function () {
      state.inFlight = null;
      showConnection();
      if (state.again) {
        state.again = false;
        return sendNote(entry);
      }
      return undefined;
    });
    return state.inFlight;
  }

  textareas.forEach(function (textarea) {
    var entry = textarea.dataset.entry;
    var pending = pendingNote(entry);
    if (pending && pending.text !== textarea.value) {
      textarea.value = pending.text;  // typed here but never reached the server
      setNoteStatus(entry, "Restored from this device; sending…");
    }
    textarea.addEventListener("input", function () {
      var state = noteState(entry);
      state.rejected = false;
      store.set(noteKey(entry), JSON.stringify({ text: textarea.value, at: Date.now() }));
      setNoteStatus(entry, "Typing…");
      window.clearTimeout(state.timer);
      state.timer = window.setTimeout(function () { sendNote(entry); }, SAVE_DELAY_MS);
      showConnection();
    });
  });

  var noteForms = root.querySelectorAll("form.note-form");
  Array.prototype.forEach.call(noteForms, function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var textarea = form.querySelector("textarea[data-entry]");
      store.set(noteKey(textarea.dataset.entry),
        JSON.stringify({ text: textarea.value, at: Date.now() }));
      sendNote(textarea.dataset.entry);
    });
  });

  // ------------------------------------------------------------------ start, more time, end

  var startKey = prefix + "start";
  var extendedKey = prefix + "extended";
  var startForm = document.getElementById("start-form");
  var extendForm = document.getElementById("extend-form");
  var endForm = document.getElementById("end-form");
  var endButton = document.getElementById("end-button");
  var startInFlight = false;
  var extendInFlight = false;

  function sendStart() {
    var pending = store.get(startKey);
    if (!pending || startInFlight) {
      return Promise.resolve();
    }
    startInFlight = true;
    return post(data.startUrl, { at: pending }).then(function (answer) {
      store.remove(startKey);
      if (answer.started_at) {
        startedMs = Number(answer.started_at);  // the first start recorded wins
      }
    }, function (error) {
      if (isRejected(error)) {
        store.remove(startKey);
      }
    }).then(function () {
      startInFlight = false;
      tick();
      showConnection();
    });
  }

  function sendExtension() {
    var pending = store.get(extendedKey);
    if (!pending || extendInFlight) {
      return Promise.resolve();
    }
    extendInFlight = true;
    return post(data.extendUrl, { total: pending }).then(function (answer) {
      if (store.get(extendedKey) === pending) {
        store.remove(extendedKey);
      }
      extendedMinutes = Math.max(extendedMinutes, Number(answer.extended_minutes) || 0);
    }, function (error) {
      if (isRejected(error)) {
        store.remove(extendedKey);
      }
    }).then(function () {
      extendInFlight = false;
      tick();
      showConnection();
    });
  }

  if (startedMs !== null) {
    store.remove(startKey);
  } else if (store.get(startKey)) {
    startedMs = Number(store.get(startKey));  // started while offline, then reloaded
  }
  if (Number(store.get(extendedKey)) > extendedMinutes) {
    extendedMinutes = Number(store.get(extendedKey));
  } else {
    store.remove(extendedKey);
  }

  startForm.addEventListener("submit", function (event) {
    event.preventDefault();
    if (startedMs === null) {
      startedMs = serverNow();
      store.set(startKey, String(startedMs));
      keepScreenOn();
    }
    sendStart();
    tick();
  });

  extendForm.addEventListener("submit", function (event) {
    event.preventDefault();
    extendedMinutes += extensionStep;
    store.set(extendedKey, String(extendedMinutes));
    announce("Thank them: you now have " + minutesPhrase(durationMinutes + extendedMinutes) +
      " in all.");
    sendExtension();
    tick();
  });

  var endConfirming = null;
  var endRequested = false;

  function pendingCount() {
    var count = textareas.filter(function (t) {
      return pendingNote(t.dataset.entry) && !noteState(t.dataset.entry).rejected;
    }).length;
    return count + (store.get(startKey) ? 1 : 0) + (store.get(extendedKey) ? 1 : 0);
  }

  function finishEnd() {
    if (!endRequested) {
      return;
    }
    if (navigator.onLine === false) {
      announce("Offline: the conversation ends as soon as the connection is back.");
      return;
    }
    flushAll().then(function () {
      if (!endRequested) {
        return;
      }
      if (pendingCount()) {
        announce("Some notes are not saved yet; ending once they are.");
        return;
      }
      endRequested = false;
      store.remove(currentKey);
      endForm.submit();
    });
  }

  endForm.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!endConfirming) {
      endButton.textContent = "Tap again to end";
      endConfirming = window.setTimeout(function () {
        endConfirming = null;
        endButton.textContent = "End";
      }, 5000);
      return;
    }
    window.clearTimeout(endConfirming);
    endConfirming = null;
    endButton.textContent = "Ending…";
    endForm.elements.started_at.value = startedMs === null ? "" : String(Math.round(startedMs));
    endForm.elements.ended_at.value = String(Math.round(serverNow()));
    endRequested = true;
    finishEnd();
  });

  // ------------------------------------------------------------------ one question at a time

  var questions = Array.prototype.slice.call(root.querySelectorAll(".live-q"));
  var position = document.getElementById("question-position");
  var prevButton = document.getElementById("prev-button");
  var nextButton = document.getElementById("next-button");
  var currentKey = prefix + "current";
  var current = 0;

  function show(index) {
    if (!questions.length) {
      return;
    }
    current = Math.max(0, Math.min(questions.length - 1, index));
    questions.forEach(function (question, i) {
      question.classList.toggle("current", i === current);
    });
    position.textContent = "Question " + (current + 1) + " of " + questions.length;
    prevButton.disabled = current === 0;
    nextButton.disabled = current === questions.length - 1;
    store.set(currentKey, questions[current].dataset.entry);
  }

  function indexOfEntry(entry) {
    for (var i = 0; i < questions.length; i += 1) {
      if (questions[i].dataset.entry === entry) {
        return i;
      }
    }
    return -1;
  }

  if (questions.length) {
    prevButton.hidden = false;
    nextButton.hidden = false;
    prevButton.addEventListener("click", function () { show(current - 1); });
    nextButton.addEventListener("click", function () { show(current + 1); });
    var fromHash = location.hash.indexOf("#q-") === 0 ? indexOfEntry(location.hash.slice(3)) : -1;
    var remembered = indexOfEntry(store.get(currentKey) || "");
    show(fromHash >= 0 ? fromHash : Math.max(remembered, 0));
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var target = event.target;
    var typing = target && (target.isContentEditable ||
      /^(TEXTAREA|INPUT|SELECT)$/.test(target.tagName));
    if (typing) {
      if (event.key === "Escape" && target.tagName === "TEXTAREA") {
        target.blur();
      }
      return;
    }
    if (event.key === "ArrowRight") {
      show(current + 1);
      event.preventDefault();
    } else if (event.key === "ArrowLeft") {
      show(current - 1);
      event.preventDefault();
    }
  });

  // ------------------------------------------------------------------ the clock, every second

  var elapsedOut = document.getElementById("clock-elapsed");
  var agreedOut = document.getElementById("clock-agreed");
  var messageOut = document.getElementById("clock-message");
  var nextSteps = document.getElementById("next-steps");
  var announcer = document.createElement("p");
  announcer.className = "visually-hidden";
  announcer.setAttribute("role", "status");
  root.appendChild(announcer);
  var lastPhase = null;

  function announce(text) {
    announcer.textContent = text;
  }

  function tick() {
    var agreedMinutes = durationMinutes + extendedMinutes;
    agreedOut.textContent = formatClock(agreedMinutes * 60);
    startForm.hidden = startedMs !== null;
    if (startedMs === null) {
      elapsedOut.textContent = formatClock(0);
      return;
    }
    var elapsed = Math.max(0, Math.floor((serverNow() - startedMs) / 1000));
    var state = clockState(elapsed, agreedMinutes, rules);
    elapsedOut.textContent = formatClock(elapsed);
    messageOut.textContent = state.message;
    document.body.dataset.phase = state.phase;
    nextSteps.hidden = state.phase !== "next_steps" && state.phase !== "over_time";
    if (state.phase !== lastPhase) {
      if (lastPhase !== null) {
        announce(state.message);  // read out phase changes only, not every minute
      }
      lastPhase = state.phase;
    }
  }

  // ------------------------------------------------------------------ keep the screen on

  var wakeLock = null;
  function keepScreenOn() {
    if (startedMs === null || !navigator.wakeLock || document.visibilityState !== "visible") {
      return;
    }
    navigator.wakeLock.request("screen").then(function (lock) {
      wakeLock = lock;
      lock.addEventListener("release", function () { wakeLock = null; });
    }, function () { wakeLock = null; });
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && wakeLock === null) {
      keepScreenOn();
    }
  });

  // ------------------------------------------------------------------ retries

  function flushAll() {
    var sends = textareas.map(function (t) { return sendNote(t.dataset.entry); });
    sends.push(sendStart(), sendExtension());
    return Promise.all(sends);
  }

  window.addEventListener("online", function () {
    showConnection();
    flushAll().then(finishEnd);
  });
  window.addEventListener("offline", showConnection);
  window.setInterval(function () {
    if (pendingCount() && navigator.onLine !== false) {
      flushAll().then(finishEnd);
    } else if (endRequested) {
      finishEnd();
    }
  }, RETRY_MS);
  window.setInterval(tick, 250);

  tick();
  showConnection();
  keepScreenOn();
  flushAll();
})();
