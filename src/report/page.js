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

  // A PDF names its page and the line on it; a DOCX its part and paragraph; other formats
  // the line of the source file (the page shows paragraphs, not the file's lines).
  function where(claim) {
    if (claim.part && claim.part.indexOf("page ") === 0) return claim.part + ", line " + claim.line + ", character " + claim.column;
    if (claim.part) return "paragraph " + claim.line + " of the " + claim.part + ", character " + claim.column;
    return "source file line " + claim.line + ", column " + claim.column;
  }

  // The panel stays below the sticky header however tall the header wraps.
  function placeDetail() {
    var header = document.querySelector("header.summary");
    var side = document.querySelector(".side");
    if (!side) return;
    if (header && window.matchMedia("(min-width: 60.01rem)").matches) {
      side.style.top = (header.offsetHeight + 12) + "px";
      side.style.maxHeight = "calc(100vh - " + (header.offsetHeight + 24) + "px)";
    } else {
      side.style.top = "";
      side.style.maxHeight = "";
    }
  }
  window.addEventListener("resize", placeDetail);
  placeDetail();

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
    row(list, "where", where(claim));
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
    detail.appendChild(decisionForm(mark.getAttribute("data-claim"), claim));
  }

  // Reviewers' decisions: kept in the browser (localStorage, by document and claim id) and
  // exported as JSON for `claimlint ledger apply DECISIONS.json --ledger claims.csv`.
  var memory = {};
  var store = {
    get: function (key) { try { return window.localStorage.getItem(key); } catch (e) { return memory[key] || null; } },
    set: function (key, value) { try { window.localStorage.setItem(key, value); } catch (e) { memory[key] = value; } }
  };
  function storeKey(claim) { return "claimlint:decision:" + claim.document + "\u0000" + claim.id; }
  function today() { return new Date().toISOString().slice(0, 10); }
  function decisionOf(claim) {
    var saved = store.get(storeKey(claim));
    try { return saved ? JSON.parse(saved) : null; } catch (e) { return null; }
  }
  function decide(claimKey, status, reviewer, note) {
    var claim = data[claimKey];
    if (!claim || (status !== "verified" && status !== "disputed")) return false;
    var decision = { document: claim.document, id: claim.id, value: claim.value, status: status,
                     reviewer: String(reviewer || ""), checked_on: today(), note: String(note || "") };
    store.set(storeKey(claim), JSON.stringify(decision));
    if (reviewer) store.set("claimlint:reviewer", String(reviewer));
    markDecided();
    return true;
  }
  function decisions() {
    var out = [];
    Object.keys(data).forEach(function (k) {
      var decision = decisionOf(data[k]);
      if (decision && decision.value === data[k].value) out.push(decision);
    });
    return out;
  }
  function exportDecisions() { return { version: 1, decisions: decisions() }; }
  function markDecided() {
    var count = 0;
    marks.forEach(function (mark) {
      var claim = data[mark.getAttribute("data-claim")];
      var decision = claim && decisionOf(claim);
      var current = decision && decision.value === claim.value ? decision.status : "";
      mark.setAttribute("data-decision", current);
      if (current) count += 1;
    });
    var counter = document.getElementById("decided-count");
    if (counter) counter.textContent = count + " decided";
  }
  function decisionForm(claimKey, claim) {
    var form = document.createElement("form");
    form.className = "decision";
    var saved = decisionOf(claim) || {};
    var heading = document.createElement("h4");
    heading.textContent = "Your decision";
    form.appendChild(heading);
    var status = document.createElement("select");
    status.name = "status";
    ["verified", "disputed"].forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      option.textContent = name;
      if (saved.status === name) option.selected = true;
      status.appendChild(option);
    });
    var reviewer = document.createElement("input");
    reviewer.name = "reviewer";
    reviewer.placeholder = "reviewer";
    reviewer.value = saved.reviewer || store.get("claimlint:reviewer") || "";
    var note = document.createElement("textarea");
    note.name = "note";
    note.placeholder = "note (the source checked, what is wrong)";
    note.value = saved.note || "";
    var save = document.createElement("button");
    save.type = "submit";
    save.textContent = "Save";
    [status, reviewer, note, save].forEach(function (element) { form.appendChild(element); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      decide(claimKey, status.value, reviewer.value, note.value);
      save.textContent = "Saved " + today();
    });
    return form;
  }
  document.getElementById("export-decisions").addEventListener("click", function () {
    var blob = new Blob([JSON.stringify(exportDecisions(), null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "decisions.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
  window.claimlint = { decide: decide, exportDecisions: exportDecisions };
  markDecided();

  marks.forEach(function (mark) {
    mark.addEventListener("click", function () { show(mark); });
    mark.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); show(mark); }
    });
  });

  function visible(element) { return !element.classList.contains("hidden-by-filter"); }

  // Findings in the order an editor takes them: errors first, then by rule; the marks of the
  // current finding's figures are outlined.
  var order = { error: 0, warning: 1, info: 2 };
  var ordered = findings.slice().sort(function (a, b) {
    var bySeverity = order[a.getAttribute("data-severity")] - order[b.getAttribute("data-severity")];
    if (bySeverity) return bySeverity;
    var byRule = a.getAttribute("data-rule").localeCompare(b.getAttribute("data-rule"));
    return byRule || findings.indexOf(a) - findings.indexOf(b);
  });
  function select(target) {
    findings.forEach(function (f) { f.classList.remove("current"); });
    marks.forEach(function (m) { m.classList.remove("flagged-current"); });
    current = findings.indexOf(target);
    target.classList.add("current");
    (target.getAttribute("data-claims") || "").split(" ").forEach(function (key) {
      if (!key) return;
      marks.forEach(function (m) { if (m.getAttribute("data-claim") === key) m.classList.add("flagged-current"); });
    });
    var shown = ordered.filter(visible);
    var counter = document.getElementById("finding-counter");
    if (counter) counter.textContent = (shown.indexOf(target) + 1) + " of " + shown.length;
    target.focus();
    target.scrollIntoView({ block: "center" });
  }
  function go(step) {
    var shown = ordered.filter(visible);
    if (!shown.length) return;
    var index = shown.indexOf(findings[current]);
    index = index < 0 ? (step > 0 ? 0 : shown.length - 1) : (index + step + shown.length) % shown.length;
    select(shown[index]);
  }

  // The findings list: one group per rule, errors first; a rule's many findings are folded
  // ("40 footnote/undefined") until opened.
  (function buildList() {
    var list = document.getElementById("findings-list");
    if (!list) return;
    var groups = [];
    ordered.forEach(function (f) {
      var rule = f.getAttribute("data-rule");
      var last = groups[groups.length - 1];
      if (!last || last.rule !== rule) groups.push({ rule: rule, severity: f.getAttribute("data-severity"), items: [] });
      groups[groups.length - 1].items.push(f);
    });
    groups.forEach(function (group) {
      var details = document.createElement("details");
      details.open = group.items.length <= 5;
      var summary = document.createElement("summary");
      summary.textContent = group.items.length + " " + group.rule + " (" + group.severity + ")";
      details.appendChild(summary);
      var items = document.createElement("ol");
      group.items.forEach(function (f) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "#";
        var where = f.querySelector(".where");
        var message = f.querySelector(".message");
        link.textContent = (where ? where.textContent + " " : "") + (message ? message.textContent : "");
        link.addEventListener("click", function (event) { event.preventDefault(); select(f); });
        item.appendChild(link);
        items.appendChild(item);
      });
      details.appendChild(items);
      list.appendChild(details);
    });
    var counter = document.getElementById("finding-counter");
    if (counter) counter.textContent = findings.length ? findings.length + " findings: n next, p previous" : "no findings";
  })();

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
