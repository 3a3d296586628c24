// qtlint report: renders the findings blob a page at a time; filters, search, #fragment state.
// Every text from the data goes through textContent (never innerHTML): article text is untrusted.
(function () {
  "use strict";
  var SEV = ["error", "warning", "info"];
  var PAGE = 50; // articles per page
  var D, hay, matches = [], groups = [];
  var state = { sev: "", cat: "", rule: "", subject: "", q: "", page: 0 };
  var $ = function (id) { return document.getElementById(id); };

  function loadData() {
    var el = $("qt-data");
    if (el.getAttribute("data-encoding") !== "gzip-base64") {
      return Promise.resolve(JSON.parse(el.textContent));
    }
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(new Error("this browser cannot inflate the report's data (no DecompressionStream)"));
    }
    var bin = atob(el.textContent.trim());
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function fmt(n) { return n.toLocaleString("en-US"); }

  function buildHaystacks() {
    var arts = D.articles.map(function (a) { return (a[0] + "\n" + a[1]).toLowerCase(); });
    hay = new Array(D.findings.length);
    for (var i = 0; i < D.findings.length; i++) {
      var f = D.findings[i], rule = D.rules[f[3]] || [f[3], ""];
      hay[i] = (f[5] + "\n" + f[3] + " " + rule[0] + "\n" + (f[6] || "") + "\n" + arts[f[0]]).toLowerCase();
    }
  }

  function filter() {
    var sev = state.sev ? SEV.indexOf(state.sev) : -1;
    var terms = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    var out = [], F = D.findings, R = D.rules, A = D.articles;
    for (var i = 0; i < F.length; i++) {
      var f = F[i];
      if (sev >= 0 && f[4] !== sev) continue;
      if (state.rule && f[3] !== state.rule) continue;
      if (state.cat && (R[f[3]] || ["", "qtlint"])[1] !== state.cat) continue;
      if (state.subject && A[f[0]][2] !== state.subject) continue;
      var h = hay[i], ok = true;
      for (var t = 0; t < terms.length; t++) { if (h.indexOf(terms[t]) < 0) { ok = false; break; } }
      if (ok) out.push(i);
    }
    matches = out;
    groups = [];
    for (var k = 0; k < out.length; k++) {
      var a = F[out[k]][0];
      if (!groups.length || groups[groups.length - 1].a !== a) groups.push({ a: a, start: k, end: k + 1 });
      else groups[groups.length - 1].end = k + 1;
    }
  }

  function findingRow(i) {
    var f = D.findings[i], art = D.articles[f[0]], rule = D.rules[f[3]] || [f[3], "qtlint"];
    var li = el("li", "finding " + SEV[f[4]]);
    li.appendChild(el("span", "badge " + SEV[f[4]], SEV[f[4]]));
    var code = el("button", "code", f[3]);
    code.type = "button";
    code.title = rule[0] + " (" + rule[1] + "): show only this rule";
    code.setAttribute("data-rule", f[3]);
    li.appendChild(code);
    li.appendChild(el("span", "loc", art[0] + ":" + f[1] + ":" + f[2]));
    li.appendChild(el("span", "msg", f[5]));
    if (f[6]) {
      var fix = el("span", "fix " + (f[7] || "safe"));
      fix.appendChild(el("b", null, "fix" + (f[7] && f[7] !== "safe" ? " (" + f[7] + ")" : "") + ": "));
      fix.appendChild(document.createTextNode(f[6]));
      li.appendChild(fix);
    }
    return li;
  }

  function render() {
    var list = $("qt-list"), pages = Math.max(1, Math.ceil(groups.length / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    var frag = document.createDocumentFragment();
    var first = state.page * PAGE, last = Math.min(groups.length, first + PAGE);
    for (var g = first; g < last; g++) {
      var grp = groups[g], art = D.articles[grp.a];
      var box = el("article", "art");
      var head = el("header");
      head.appendChild(el("h3", null, art[1] || art[0]));
      head.appendChild(el("span", "path", art[0]));
      head.appendChild(el("span", "subject", art[2]));
      head.appendChild(el("span", "n", fmt(grp.end - grp.start) + (grp.end - grp.start === 1 ? " finding" : " findings")));
      box.appendChild(head);
      var ol = el("ol", "rows");
      for (var k = grp.start; k < grp.end; k++) ol.appendChild(findingRow(matches[k]));
      box.appendChild(ol);
      frag.appendChild(box);
    }
    list.textContent = "";
    if (!groups.length) {
      list.appendChild(el("p", "empty", D.findings.length ? "No finding matches these filters." :
        "No findings: every article is clean."));
    }
    list.appendChild(frag);
    $("qt-count").textContent = fmt(matches.length) + (matches.length === 1 ? " finding" : " findings") +
      " in " + fmt(groups.length) + (groups.length === 1 ? " article" : " articles") +
      (matches.length !== D.findings.length ? " (of " + fmt(D.findings.length) + ")" : "");
    pager(pages);
  }

  function pager(pages) {
    var nav = $("qt-pager");
    nav.textContent = "";
    if (pages <= 1) return;
    var prev = el("button", null, "\u2190 previous"), next = el("button", null, "next \u2192");
    prev.type = next.type = "button";
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
    prev.onclick = function () { go(state.page - 1); };
    next.onclick = function () { go(state.page + 1); };
    nav.appendChild(prev);
    nav.appendChild(el("span", null, "page " + (state.page + 1) + " of " + fmt(pages)));
    nav.appendChild(next);
  }

  function go(page) {
    state.page = page;
    render();
    writeHash();
    $("findings").scrollIntoView();
  }

  function apply() {
    var t0 = performance.now();
    filter();
    render();
    writeHash();
    window.__qtApplyMs = performance.now() - t0; // filter + render, read by the browser test
  }

  function syncControls() {
    $("qt-search").value = state.q;
    $("qt-cat").value = state.cat;
    $("qt-rule").value = state.rule;
    $("qt-subject").value = state.subject;
    var buttons = document.querySelectorAll(".sevs .sev");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-sev") === state.sev));
    }
  }

  function writeHash() {
    var p = new URLSearchParams();
    ["q", "sev", "cat", "rule", "subject"].forEach(function (k) { if (state[k]) p.set(k, state[k]); });
    if (state.page) p.set("page", String(state.page + 1));
    var h = p.toString();
    if (h !== location.hash.slice(1)) history.replaceState(null, "", h ? "#" + h : location.pathname);
  }

  function readHash() {
    var h = location.hash.slice(1);
    if (!h || /^(glance|corpus|facts|findings)$/.test(h)) return false;
    var p = new URLSearchParams(h);
    state = { q: p.get("q") || "", sev: p.get("sev") || "", cat: p.get("cat") || "", rule: p.get("rule") || "",
      subject: p.get("subject") || "", page: Math.max(0, (parseInt(p.get("page"), 10) || 1) - 1) };
    return true;
  }

  function setFilter(key, value) {
    state[key] = value;
    state.page = 0;
    syncControls();
    apply();
  }

  function bind() {
    var timer = 0;
    $("qt-search").addEventListener("input", function (e) {
      clearTimeout(timer);
      var v = e.target.value;
      timer = setTimeout(function () { setFilter("q", v); }, D.findings.length > 5000 ? 150 : 40);
    });
    [["qt-cat", "cat"], ["qt-rule", "rule"], ["qt-subject", "subject"]].forEach(function (pair) {
      $(pair[0]).addEventListener("change", function (e) { setFilter(pair[1], e.target.value); });
    });
    document.querySelector(".sevs").addEventListener("click", function (e) {
      var b = e.target.closest(".sev");
      if (b) setFilter("sev", b.getAttribute("data-sev"));
    });
    $("qt-reset").addEventListener("click", function () {
      state = { sev: "", cat: "", rule: "", subject: "", q: "", page: 0 };
      syncControls();
      apply();
    });
    $("qt-list").addEventListener("click", function (e) {
      var b = e.target.closest("button.code");
      if (b) setFilter("rule", b.getAttribute("data-rule"));
    });
    var bars = document.querySelectorAll("[data-filter]");
    for (var i = 0; i < bars.length; i++) {
      bars[i].addEventListener("click", chartClick);
      bars[i].addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") chartClick.call(this, e); });
    }
    window.addEventListener("hashchange", function () {
      if (readHash()) { syncControls(); filter(); render(); $("findings").scrollIntoView(); }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "/" && document.activeElement !== $("qt-search")) { e.preventDefault(); $("qt-search").focus(); }
    });
  }

  function chartClick(e) {
    e.preventDefault();
    var key = this.getAttribute("data-filter"), value = this.getAttribute("data-value");
    setFilter(key, state[key] === value ? "" : value);
    $("findings").scrollIntoView({ behavior: "smooth" });
  }

  function start() {
    loadData().then(function (data) {
      D = data;
      buildHaystacks();
      var fromHash = readHash();
      bind();
      syncControls();
      filter();
      render();
      if (fromHash) $("findings").scrollIntoView();
      document.body.setAttribute("data-ready", "1");
      window.__qtReadyMs = performance.now();
    }).catch(function (err) {
      $("qt-count").textContent = "The findings could not be shown: " + err.message;
      document.body.setAttribute("data-ready", "error");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
