// The check-in page at the door. Check-ins are sent with fetch; when the
// phone has no connection they wait in localStorage, with the time they were
// made, and go out when it is back (or when the page is opened again). The
// server keeps the first record of each person, so a check-in sent twice
// counts once. The camera reads QR codes where the browser has
// BarcodeDetector; typing the code works everywhere.
(function () {
  "use strict";
  var root = document.getElementById("check-in");
  if (!root) {
    return;
  }
  var queueKey = root.dataset.queueKey;
  var statusBox = document.getElementById("check-in-status");
  var pendingBox = document.getElementById("check-in-pending");
  var codeInput = document.getElementById("check-in-code");
  var sending = false;

  function readQueue() {
    try {
      return JSON.parse(window.localStorage.getItem(queueKey) || "[]");
    } catch (error) {
      return [];
    }
  }

  function writeQueue(queue) {
    window.localStorage.setItem(queueKey, JSON.stringify(queue));
    pendingBox.hidden = queue.length === 0;
    pendingBox.textContent = root.dataset.msgPending + " " + queue.length;
  }

  function say(text, level) {
    var alert = document.createElement("div");
    alert.className = "alert py-2 mb-0 alert-" + level;
    alert.textContent = text;
    statusBox.replaceChildren(alert);
  }

  function csrfToken() {
    var field = root.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function show(answer) {
    document.getElementById("count-present").textContent = answer.present;
    document.getElementById("count-approved").textContent = answer.approved;
    say(answer.message, answer.status === "recorded" ? "success" : "warning");
    if (answer.registration && answer.time) {
      var row = root.querySelector('[data-registration="' + answer.registration + '"]');
      if (row) {
        var badge = row.querySelector("[data-present]");
        badge.hidden = false;
        badge.querySelector("[data-time]").textContent = answer.time;
        row.querySelector("form").hidden = true;
      }
    }
  }

  // Resolves with the server's answer (a refusal is an answer too); rejects
  // when there is no connection or the portal did not answer with one: a
  // proxy's 502, an expired session's 403, a captive portal's 511. The
  // check-in then stays queued, since nothing says it was recorded.
  function send(item) {
    var body = new FormData();
    body.append(item.kind, item.value);
    body.append("at", item.at);
    return fetch(window.location.pathname, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status + " " + response.statusText);
      }
      return response.json();
    });
  }

  function sayQueued(error) {
    if (error && /^\d{3}/.test(error.message)) {
      say(root.dataset.msgNoAnswer + " (" + error.message.trim() + ")", "warning");
    } else {
      say(root.dataset.msgQueued, "info");
    }
  }

  function flush() {
    if (sending) {
      return;
    }
    var queue = readQueue();
    if (queue.length === 0) {
      return;
    }
    sending = true;
    send(queue[0])
      .then(function (answer) {
        writeQueue(readQueue().slice(1));
        show(answer);
        sending = false;
        flush();
      })
      .catch(function (error) {
        sending = false;
        sayQueued(error);
      });
  }

  function checkIn(kind, value) {
    var item = { kind: kind, value: value, at: new Date().toISOString() };
    // Behind what is queued already, so that the order holds.
    if (readQueue().length > 0) {
      writeQueue(readQueue().concat([item]));
      say(root.dataset.msgQueued, "info");
      flush();
      return;
    }
    send(item)
      .then(show)
      .catch(function (error) {
        writeQueue(readQueue().concat([item]));
        sayQueued(error);
      });
  }

  root.querySelectorAll("form[data-check-in]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var field = form.querySelector("input[name=code], input[name=registration]");
      if (!field.value.trim()) {
        return;
      }
      checkIn(field.name, field.value.trim());
      if (form.hasAttribute("data-code-form")) {
        field.value = "";
        field.focus();
      }
    });
  });

  // The list narrows as staff type a name, a delegation or a country.
  function folded(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var search = document.getElementById("check-in-search");
  search.addEventListener("input", function () {
    var words = folded(search.value).split(/\s+/).filter(Boolean);
    root.querySelectorAll("#check-in-list [data-search]").forEach(function (row) {
      var text = folded(row.dataset.search);
      row.classList.toggle("d-none", !words.every(function (word) {
        return text.indexOf(word) !== -1;
      }));
    });
  });

  // The camera, where the browser reads QR codes itself.
  var cameraButton = document.getElementById("check-in-camera");
  var video = document.getElementById("check-in-video");
  if ("BarcodeDetector" in window && navigator.mediaDevices) {
    cameraButton.hidden = false;
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    var lastCode = "";
    var lastAt = 0;
    var scan = function () {
      if (video.hidden) {
        return;
      }
      detector
        .detect(video)
        .then(function (codes) {
          var now = Date.now();
          // The same badge stays in front of the camera: read it once.
          if (codes.length && (codes[0].rawValue !== lastCode || now - lastAt > 5000)) {
            lastCode = codes[0].rawValue;
            lastAt = now;
            checkIn("code", lastCode);
          }
        })
        .catch(function () {})
        .then(function () {
          window.setTimeout(scan, 300);
        });
    };
    cameraButton.addEventListener("click", function () {
      if (!video.hidden) {
        video.srcObject.getTracks().forEach(function (track) {
          track.stop();
        });
        video.hidden = true;
        return;
      }
      navigator.mediaDevices
        .getUserMedia({ video: { facingMode: "environment" } })
        .then(function (stream) {
          video.srcObject = stream;
          video.hidden = false;
          return video.play();
        })
        .then(scan)
        .catch(function () {
          video.hidden = true;
          say(root.dataset.msgCameraError, "warning");
          codeInput.focus();
        });
    });
  }

  window.addEventListener("online", flush);
  // A phone on a network that reaches nothing says it is online all along.
  window.setInterval(flush, 15000);
  writeQueue(readQueue());
  flush();
})();
