"use strict";
(function () {
  var data = JSON.parse(document.getElementById("claims-data").textContent || "{}");
  var detail = document.getElementById("detail");
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.claim"));
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var current = -1;

  function row(list, name, value) {
    if (value === null || value === undefined || value === "") return;
    var dt = document.createElement("dt");
    dt.textContent = name;
    var dd = document.createElement("dd");
    dd.textContent = String(value);
    list.appendChild(dt);
    list.appendChild(dd);
  }

  function show(mark) {
    var claim = data[mark.getAttribute("data-claim")];
    if (!claim) return;
    marks.forEach(function (m) { m.classList.remove("selected"); });
    mark.classList.add("selected");
    detail.textContent = "";
    var title = document.createElement("h3");
    title.textContent = claim.text;
    detail.appendChild(title);
    var list = document.createElement("dl");
    row(list, "kind", claim.kind);
    row(list, "value", claim.value);
    row(list, "unit", claim.unit);
    row(list, "qualifier", claim.qualifier);
    if (claim.low !== null || claim.high !== null) {
      row(list, "interval", (claim.low === null ? "…" : claim.low) + " to " + (claim.high === null ? "…" : claim.high));
    }
    row(list, "date", claim.date);
    row(list, "modality", claim.modality);
    row(list, "time", claim.time);
    row(list, "subject", claim.subject);
    row(list, "where", "line " + claim.line + ", column " + claim.column);
    row(list, "id", claim.id);
    row(list, "ledger", claim.status);
    detail.appendChild(list);
    var notes = document.createElement("div");
    var heading = document.createElement("h4");
    heading.textContent = claim.footnotes.length ? "Footnotes" : "No footnote covers this figure";
    notes.appendChild(heading);
    claim.footnotes.forEach(function (note) {
      var p = document.createElement("p");
      p.textContent = note.label + ": " + note.text;
      notes.appendChild(p);
    });
    detail.appendChild(notes);
  }

  marks.forEach(function (mark) {
    mark.addEventListener("click", function () { show(mark); });
    mark.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); show(mark); }
    });
  });

  function visible(element) { return !element.classList.contains("hidden-by-filter"); }

  function go(step) {
    var shown = findings.filter(visible);
    if (!shown.length) return;
    var index = shown.indexOf(findings[current]);
    index = (index + step + shown.length) % shown.length;
    findings.forEach(function (f) { f.classList.remove("current"); });
    var target = shown[index];
    current = findings.indexOf(target);
    target.classList.add("current");
    target.focus();
    target.scrollIntoView({ block: "center" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.target && /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName)) return;
    if (event.key === "n" || event.key === "j") go(1);
    if (event.key === "p" || event.key === "k") go(-1);
  });

  function applyFilters() {
    var kinds = {};
    document.querySelectorAll("input[name=kind]").forEach(function (box) { kinds[box.value] = box.checked; });
    var severities = {};
    document.querySelectorAll("input[name=severity]").forEach(function (box) { severities[box.value] = box.checked; });
    var rule = document.querySelector("select[name=rule]").value;
    marks.forEach(function (mark) { mark.classList.toggle("muted", kinds[mark.getAttribute("data-kind")] === false); });
    findings.forEach(function (f) {
      var hide = severities[f.getAttribute("data-severity")] === false || (rule && f.getAttribute("data-rule") !== rule);
      f.classList.toggle("hidden-by-filter", hide);
    });
  }
  document.querySelectorAll(".filters input, .filters select").forEach(function (input) {
    input.addEventListener("change", applyFilters);
  });

  document.body.setAttribute("data-ready", String(marks.length));
  document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
})();
