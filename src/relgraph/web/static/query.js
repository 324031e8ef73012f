// The query page without reloads: ready-made queries fill the editor, queries run through /sparql
// and results render as a table. Every value is inserted with textContent, never as HTML.
// Without this script the page still works: both forms submit to /query, which renders results.
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("query-config").textContent);
  const canned = JSON.parse(document.getElementById("canned-queries").textContent);
  const form = document.getElementById("query-form");
  const editor = document.getElementById("query-text");
  const select = document.getElementById("canned");
  const runButton = document.getElementById("run");
  const results = document.getElementById("results");
  const heading = document.getElementById("h-results");
  const errorBox = document.getElementById("error");
  const bar = document.getElementById("result-bar");
  const rowCount = document.getElementById("row-count");
  const permalink = document.getElementById("permalink");
  const downloads = document.getElementById("downloads");
  const body = document.getElementById("result-body");

  // Longest namespace first, so that `person:` wins over a shorter namespace that also matches.
  const prefixes = Object.entries(config.prefixes).sort((a, b) => b[1].length - a[1].length);
  const RESULT_FORMATS = [["JSON", "json", "json"], ["CSV", "csv", "csv"], ["TSV", "tsv", "tsv"], ["XML", "xml", "xml"]];

  function compact(iri) {
    for (const [prefix, ns] of prefixes) {
      if (iri.startsWith(ns) && iri.length > ns.length) return prefix + ":" + iri.slice(ns.length);
    }
    return iri;
  }

  function localUrl(iri) {
    if (!iri.startsWith(config.base)) return null;
    const rest = iri.slice(config.base.length);
    // The same slug characters the server accepts (links.is_valid_slug): nothing else is ours.
    return /^[a-z]+\/[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(rest) ? config.entityPrefix + rest : null;
  }

  // Only http(s) IRIs become links (besides our own pages): a result may hold any IRI, and
  // `javascript:`, `data:` or `vbscript:` ones must stay text. Browsers ignore the scheme's case.
  function webHref(iri) {
    return /^https?:\/\/\S/i.test(iri) ? iri : null;
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function cell(binding) {
    const td = el("td");
    if (!binding) {
      td.appendChild(el("span", { class: "empty", "aria-label": "no value" }, "—"));
    } else if (binding.type === "uri") {
      const local = localUrl(binding.value);
      const href = local || webHref(binding.value);
      if (!href) {
        td.appendChild(el("span", { class: "iri", title: binding.value }, compact(binding.value)));
      } else {
        const a = el("a", { href: href, title: binding.value }, compact(binding.value));
        if (!local) { a.className = "ext"; a.rel = "noopener"; }
        td.appendChild(a);
      }
    } else if (binding.type === "literal" || binding.type === "typed-literal") {
      const title = binding["xml:lang"] ? "@" + binding["xml:lang"] : (binding.datatype ? compact(binding.datatype) : "");
      td.appendChild(title ? el("span", { class: "lit", title: title }, binding.value) : document.createTextNode(binding.value));
    } else {
      td.textContent = "_:" + binding.value;
    }
    return td;
  }

  function isGraphQuery(text) {
    // Strip comments and IRIs first: "# CONSTRUCT ..." or <http://x/construct> must not count.
    const bare = text.replace(/<[^<>\s]*>/g, " ").replace(/#[^\n]*/g, " ");
    return /\b(CONSTRUCT|DESCRIBE)\b/i.test(bare);
  }

  function pageUrl(text) {
    return config.queryPage + "?" + new URLSearchParams({ query: text }).toString();
  }

  function setDownloads(text) {
    downloads.replaceChildren();
    for (const [label, fmt, ext] of RESULT_FORMATS) {
      const href = config.sparql + "?" + new URLSearchParams({ query: text, format: fmt }).toString();
      downloads.appendChild(el("a", { class: "button small secondary", "data-format": fmt, download: "results." + ext, href: href }, label));
    }
  }

  function showError(status, message) {
    errorBox.replaceChildren(el("strong", {}, "Query failed (" + status + ")"), el("pre", {}, message));
    errorBox.hidden = false;
    bar.hidden = true;
    body.replaceChildren();
  }

  async function errorText(response) {
    const text = await response.text();
    try {
      const data = JSON.parse(text);
      return data.message || data.error || text;
    } catch (e) {
      return text.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim() || response.statusText;
    }
  }

  function render(data, text, elapsed) {
    errorBox.hidden = true;
    const pager = document.getElementById("pager");
    if (pager) pager.hidden = true;  // the links page the canned listing, not this query's result
    heading.classList.remove("visually-hidden");
    if ("boolean" in data) {
      body.replaceChildren(el("p", { class: "boolean" }, String(data.boolean)));
      rowCount.textContent = "ASK result in " + elapsed + " ms";
    } else {
      const vars = data.head.vars;
      const rows = data.results.bindings;
      const shown = rows.slice(0, config.maxRows);
      const table = el("table", { class: "results" });
      const headRow = el("tr");
      headRow.appendChild(el("th", { scope: "col", class: "idx" }, "#"));
      for (const v of vars) headRow.appendChild(el("th", { scope: "col" }, v));
      table.appendChild(el("thead")).appendChild(headRow);
      const tbody = table.appendChild(el("tbody"));
      shown.forEach((row, i) => {
        const tr = el("tr");
        tr.appendChild(el("td", { class: "idx" }, String(i + 1)));
        for (const v of vars) tr.appendChild(cell(row[v]));
        tbody.appendChild(tr);
      });
      if (!rows.length) {
        const tr = tbody.appendChild(el("tr"));
        tr.appendChild(el("td", { colspan: String(vars.length + 1), class: "muted" }, "No results."));
      }
      body.replaceChildren(table);
      const count = rows.length + " row" + (rows.length === 1 ? "" : "s");
      rowCount.textContent = (rows.length > shown.length ? count + " (showing the first " + shown.length + ")" : count) +
        " in " + elapsed + " ms";
    }
    permalink.href = pageUrl(text);
    setDownloads(text);
    bar.hidden = false;
  }

  async function run() {
    const text = editor.value;
    if (!text.trim()) return;
    if (isGraphQuery(text)) { form.submit(); return; }  // CONSTRUCT: the server renders triples
    results.setAttribute("aria-busy", "true");
    runButton.disabled = true;
    runButton.textContent = "Running…";
    const started = performance.now();
    try {
      const response = await fetch(config.sparql, {
        method: "POST",
        headers: { "Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ query: text }),
      });
      if (!response.ok) {
        showError(response.status, await errorText(response));
      } else {
        render(await response.json(), text, Math.round(performance.now() - started));
      }
      history.replaceState(null, "", pageUrl(text));
    } catch (e) {
      showError("network", String(e));
    } finally {
      results.setAttribute("aria-busy", "false");
      runButton.disabled = false;
      runButton.textContent = "Run query";
    }
  }

  function loadCanned(name) {
    const q = canned[name];
    if (!q) return;
    // A canned listing can be long: the server shows its first page, with links to the next ones.
    location.assign(config.queryPage + "?" + new URLSearchParams({ name: name }));
  }

  form.addEventListener("submit", (event) => {
    if (isGraphQuery(editor.value)) return;
    event.preventDefault();
    run();
  });
  select.addEventListener("change", () => loadCanned(select.value));
  select.form.addEventListener("submit", (event) => { event.preventDefault(); loadCanned(select.value); });
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  document.documentElement.classList.add("js");
})();
