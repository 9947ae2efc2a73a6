// sayso: the one script of the web view (served as a file; the Content-Security-Policy forbids inline
// scripts). On an article page, a click on a mark shows the records that cover it (cloned from the
// side list: no HTML is ever built from text) and lights their marks; a click on a record in the
// side list lights its marks in the text. Everything works without it, except the lighting:
// marks have hover titles and the side list is always shown.
(function () {
  "use strict";

  function marksOf(key) {
    return document.querySelectorAll('#article-text [data-recs~="' + CSS.escape(key) + '"]');
  }

  function clear() {
    document.querySelectorAll(".lit").forEach(function (el) { el.classList.remove("lit"); });
    document.querySelectorAll(".rec.focus").forEach(function (el) { el.classList.remove("focus"); });
  }

  function light(keys) {
    clear();
    keys.forEach(function (key) {
      marksOf(key).forEach(function (el) { el.classList.add("lit"); });
      var entry = document.getElementById(key);
      if (entry) { entry.classList.add("focus"); }
    });
  }

  function showCard(keys) {
    var card = document.getElementById("record-card");
    if (!card) { return; }
    card.replaceChildren();
    var head = document.createElement("div");
    head.className = "card-head";
    var title = document.createElement("strong");
    title.textContent = keys.length === 1 ? "Record here" : keys.length + " records here";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "link";
    close.textContent = "close";
    close.addEventListener("click", function () { card.hidden = true; clear(); });
    head.append(title, close);
    card.append(head);
    keys.forEach(function (key) {
      var entry = document.getElementById(key);
      if (!entry) { return; }
      var copy = entry.cloneNode(true);
      copy.removeAttribute("id");
      copy.removeAttribute("tabindex");
      copy.classList.remove("focus");
      card.append(copy);
    });
    card.hidden = false;
    card.scrollIntoView({ block: "nearest" });
  }

  function keysOf(el) {
    return (el.getAttribute("data-recs") || "").split(" ").filter(Boolean);
  }

  function onMark(event) {
    var mark = event.target.closest("[data-recs]");
    if (!mark) { return; }
    event.preventDefault();
    var keys = keysOf(mark);
    light(keys);
    showCard(keys);
  }

  function onRecord(event) {
    if (event.target.closest("a")) { return; }
    var entry = event.target.closest(".rec[data-rec]");
    if (!entry || entry.closest("#record-card")) { return; }
    var key = entry.getAttribute("data-rec");
    light([key]);
    var first = marksOf(key)[0];
    if (first) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
  }

  function onKey(handler) {
    return function (event) {
      if (event.key === "Enter" || event.key === " ") { handler(event); }
    };
  }

  document.addEventListener("DOMContentLoaded", function () {
    var text = document.getElementById("article-text");
    if (!text) { return; }
    text.addEventListener("click", onMark);
    text.addEventListener("keydown", onKey(onMark));
    var side = document.querySelector("aside.side");
    if (side) {
      side.addEventListener("click", onRecord);
      side.addEventListener("keydown", onKey(onRecord));
    }
    var key = decodeURIComponent(location.hash.slice(1));
    if (key && document.getElementById(key) && marksOf(key).length) {
      light([key]);
      marksOf(key)[0].scrollIntoView({ block: "center" });
    }
  });
})();
