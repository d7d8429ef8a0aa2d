// Keyboard shortcuts and live checks for the review page. Text from the page only ever goes into
// textContent (never innerHTML), so nothing from an article can become markup.
(function () {
  "use strict";
  var entries = Array.prototype.slice.call(document.querySelectorAll(".entry textarea"));
  if (!entries.length) return;

  function indexOf(el) { return entries.indexOf(el); }
  function focusAt(i) {
    if (i < 0 || i >= entries.length) return;
    var box = entries[i];
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
    box.closest(".entry").scrollIntoView({block: "center"});
  }

  document.addEventListener("keydown", function (ev) {
    var i = indexOf(document.activeElement);
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey) && i >= 0) {
      ev.preventDefault();
      entries[i].form.requestSubmit();
    } else if (ev.altKey && (ev.key === "ArrowDown" || ev.key === "ArrowUp")) {
      ev.preventDefault();
      if (i < 0) { focusAt(0); return; }
      focusAt(ev.key === "ArrowDown" ? i + 1 : i - 1);
    }
  });

  // After an Approve the server sends us to the next entry (#eN): put the cursor there.
  var target = location.hash ? document.querySelector(location.hash + " textarea") : null;
  if (document.getElementById("message")) {
    var box = document.querySelector(".entry .saved");
    if (box) target = box.closest(".entry").querySelector("textarea");
  }
  // After the load, as the browser's own scroll to the #fragment moves focus to the document.
  if (target) window.addEventListener("load", function () { setTimeout(function () { focusAt(indexOf(target)); }, 0); });

  // Checks follow the text as it is edited (nothing is saved until Approve).
  var timers = new WeakMap();
  entries.forEach(function (box) {
    box.addEventListener("input", function () {
      clearTimeout(timers.get(box));
      timers.set(box, setTimeout(function () { recheck(box); }, 400));
    });
  });
  function recheck(box) {
    var form = box.form;
    var data = new FormData(form);
    fetch(form.action.replace(/\/approve\//, "/check/"), {method: "POST", body: data, credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (problems) {
        if (!problems) return;
        var list = box.closest(".entry").querySelector("ul.problems");
        while (list.firstChild) list.removeChild(list.firstChild);
        problems.forEach(function (p) {
          var li = document.createElement("li");
          li.className = "problem level-" + p.level;
          var strong = document.createElement("strong");
          strong.textContent = p.level;
          li.appendChild(strong);
          li.appendChild(document.createTextNode(" [" + p.check + "] " + p.why));
          list.appendChild(li);
        });
      });
  }
})();
