// The results desk (templates/desk.html): every change is a call to the
// write API with the organiser's bearer token, one fresh Idempotency-Key
// per action (its retries reuse it, so a lost answer never writes twice).
// The token lives in this tab's sessionStorage only: never a cookie, never
// sent to a page. Data is put into the page as text, never as HTML.
"use strict";

(() => {
  const desk = document.getElementById("desk");
  if (!desk) return;
  const season = desk.dataset.season;
  const api = `/api/v1/seasons/${encodeURIComponent(season)}`;
  const STORE = "podium-desk-token";
  const $ = (id) => document.getElementById(id);
  const roundNo = () => Number($("round").value);

  // -- token ----------------------------------------------------------------

  const token = () => sessionStorage.getItem(STORE) || "";

  function showSignedIn(focus) {
    const inside = token() !== "";
    $("signed-in-name").textContent = sessionStorage.getItem(STORE + "-name") || "";
    $("signin").hidden = inside;
    $("signed-in").hidden = !inside;
    $("tools").hidden = !inside;
    if (inside) {
      refresh();
      if (focus) $("round").focus();
    } else if (focus) {
      $("token").focus();
    }
  }

  // The token is checked before it is kept: a mistyped, expired or revoked
  // token, or one for another season, is said now, not at the first change.
  async function whoIs(value) {
    const response = await fetch(`/api/v1/token?season=${encodeURIComponent(season)}`, {
      headers: { Authorization: `Bearer ${value}` }, credentials: "omit",
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new ApiProblem(response.status, body);
    return body;
  }

  $("signin").addEventListener("submit", async (event) => {
    event.preventDefault();
    const value = $("token").value.trim();
    if (!value) return;
    clear("signin-error");
    try {
      const who = await whoIs(value);
      sessionStorage.setItem(STORE, value);
      sessionStorage.setItem(STORE + "-name", who.name);
      $("token").value = "";
      showSignedIn(true);
    } catch (error) {
      showProblem("signin-error", error);
      $("token").focus();
    }
  });

  $("signout").addEventListener("click", () => {
    sessionStorage.removeItem(STORE);
    sessionStorage.removeItem(STORE + "-name");
    showSignedIn(true);
  });

  // -- calling the API ------------------------------------------------------

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16)); // randomUUID needs https
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  class ApiProblem extends Error {
    constructor(status, body) {
      const error = (body && body.error) || {};
      super(error.title || `HTTP ${status}`);
      this.status = status;
      this.problems = error.problems || [];
    }
  }

  const pause = (seconds) => new Promise((done) => setTimeout(done, seconds * 1000));

  async function read(path) {
    const response = await fetch(api + path, { credentials: "omit" });
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new ApiProblem(response.status, body);
    return body;
  }

  // A write; a lost answer, a key still in progress (409 with Retry-After)
  // or a busy database (503) is retried with the same key.
  async function write(path, payload) {
    const headers = { Authorization: `Bearer ${token()}`, "Idempotency-Key": newKey() };
    let body = payload;
    if (!(payload instanceof FormData)) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(payload);
    }
    for (let attempt = 1; ; attempt += 1) {
      let response;
      try {
        response = await fetch(api + path, { method: "POST", headers, body, credentials: "omit" });
      } catch (error) {
        if (attempt < 3) { await pause(attempt); continue; }
        throw new ApiProblem(0, { error: { title: "The server did not answer", problems: [
          { message: `no answer (${error.message}): check the connection and try again` }] } });
      }
      const answer = await response.json().catch(() => null);
      const wait = Number(response.headers.get("Retry-After") || 0);
      if ((response.status === 409 || response.status === 503) && wait && attempt < 3) {
        await pause(Math.min(wait, 5));
        continue;
      }
      if (!response.ok) throw new ApiProblem(response.status, answer);
      return answer;
    }
  }

  // -- showing answers ------------------------------------------------------

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    return node;
  }

  function clear(...ids) {
    for (const id of ids) $(id).replaceChildren();
  }

  // The API's problem shape, in words: what, where (file, line, field),
  // what was expected and what was found.
  function showProblem(id, error) {
    const box = $(id);
    const list = el("ul");
    for (const p of error.problems || []) {
      const where = [p.file, p.line ? `line ${p.line}` : "", p.field ? `field ${p.field}` : ""]
        .filter(Boolean).join(", ");
      const item = el("li", `${where ? where + ": " : ""}${p.message || "refused"}`);
      const facts = [];
      if (p.expected) facts.push(`expected ${p.expected}`);
      if (p.found) facts.push(`found ${p.found}`);
      if (facts.length) item.append(el("span", ` (${facts.join("; ")})`, { class: "facts" }));
      list.append(item);
    }
    const status = error.status ? ` (${error.status})` : "";
    box.replaceChildren(el("p", `Not done: ${error.message}${status}.`, { class: "title" }));
    if (list.childElementCount) box.append(list);
    if (error.status === 401 && token()) {
      box.append(el("p", "Sign out and sign in again with a valid token."));
    }
  }

  function row(cells) {
    const tr = el("tr");
    for (const [text, cls] of cells) tr.append(el("td", text, cls ? { class: cls } : {}));
    return tr;
  }

  function when(iso) {
    return iso ? iso.replace("T", " ").slice(0, 19) : "";
  }

  function versionWords(v) {
    return `version ${v.version} (${v.status}) by ${v.actor}: ${v.reason}`;
  }

  function roundLink(text) {
    return el("a", text, { href: `/seasons/${encodeURIComponent(season)}/rounds/${roundNo()}` });
  }

  // -- the lists: round, versions, decisions, standings --------------------

  async function refreshRound() {
    const n = roundNo();
    const base = `/seasons/${encodeURIComponent(season)}/rounds/${n}`;
    $("round-link").href = base;
    $("round-csv").href = `${base}.csv`;
    try {
      const found = await read(`/rounds/${n}`);
      $("round-status").textContent = found.round.status;
      const body = $("versions").tBodies[0];
      body.replaceChildren(...[...found.versions].reverse().map((v) => row([
        [v.version, "num"], [v.status], [v.actor], [when(v.created_at)], [v.reason], [v.lines, "num"],
      ])));
      if (!found.versions.length) body.append(row([["no results yet"], [], [], [], [], []]));
    } catch (error) {
      $("round-status").textContent = `unknown (${error.message})`;
    }
  }

  // Who took a decision: the token's name for one made through the API,
  // else where it came from (the season's files, an import), cut short.
  function by(source) {
    if (source.startsWith("api: ")) return source.slice(5);
    return source.length > 40 ? `${source.slice(0, 39)}…` : source;
  }

  async function refreshDecisions() {
    const body = $("decisions").tBodies[0];
    try {
      const found = await read("/penalties?limit=500");
      body.replaceChildren(...[...found.decisions].reverse().map((d) => {
        const tr = row([
          [d.number, "num"], [d.round, "num"], [d.car], [d.effect], [d.reason],
          [by(d.source || "")], [d.state],
        ]);
        const cell = el("td");
        if (d.state === "standing") {
          const button = el("button", "Withdraw", {
            type: "button", "aria-label": `Withdraw decision ${d.number}`,
          });
          button.addEventListener("click", () => openWithdraw(d.number));
          cell.append(button);
        }
        tr.append(cell);
        return tr;
      }));
    } catch (error) {
      showProblem("withdraw-error", error);
    }
  }

  async function refreshStandings() {
    const cls = encodeURIComponent($("standings-class").value);
    const championship = encodeURIComponent($("standings-championship").value);
    const body = $("standings").tBodies[0];
    clear("standings-error");
    try {
      const found = await read(`/standings/${cls}/${championship}`);
      body.replaceChildren(...found.rows.map((r) => row([
        [r.pos, "num"], [r.competitor.name], [r.total, "num"],
      ])));
    } catch (error) {
      body.replaceChildren();
      showProblem("standings-error", error);
    }
  }

  function refresh() {
    return Promise.all([refreshRound(), refreshDecisions(), refreshStandings()]);
  }

  $("round").addEventListener("change", () => {
    clear("upload-result", "upload-error");
    $("upload-apply").hidden = true;
    refreshRound();
  });
  $("standings-class").addEventListener("change", refreshStandings);
  $("standings-championship").addEventListener("change", refreshStandings);

  // A form's submit button is busy while its request runs: no double posts.
  async function busy(form, work) {
    const buttons = [...form.querySelectorAll("button")];
    buttons.forEach((b) => { b.disabled = true; });
    form.setAttribute("aria-busy", "true");
    try {
      return await work();
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
      form.removeAttribute("aria-busy");
    }
  }

  // -- upload: a dry run, then the same file applied -----------------------

  let checked = null; // the form data of the last dry run that can be applied

  function uploadData() {
    const data = new FormData($("upload"));
    if (!data.get("create_entries")) data.delete("create_entries");
    return data;
  }

  function showImport(answer, applied) {
    const box = $("upload-result");
    box.replaceChildren();
    const heading = applied
      ? `Applied to round ${answer.round}: revision ${answer.revision}`
      : `Dry run of ${answer.file} (${answer.format}) on round ${answer.round}: nothing written yet`;
    box.append(el("p", heading, { class: "title" }));
    if (applied && answer.version) {
      const p = el("p", `New ${versionWords(answer.version)}. `);
      p.append(roundLink("See the round page"));
      box.append(p);
    }
    if (answer.changes.length) {
      const table = el("table", null, { class: "data desk-diff" });
      table.append(el("caption", `${answer.changes.length} change(s)`));
      const head = el("tr");
      for (const h of ["Session", "Change", "Car", "Detail"]) head.append(el("th", h, { scope: "col" }));
      const thead = el("thead");
      thead.append(head);
      table.append(thead);
      const body = el("tbody");
      for (const c of answer.changes) body.append(row([[c.session], [c.change], [c.car], [c.detail]]));
      table.append(body);
      const scroll = el("div", null, {
        class: "scroll", tabindex: "0", role: "region", "aria-label": "Changes (scrolls sideways)",
      });
      scroll.append(table);
      box.append(scroll);
    }
    if (answer.notes.length) {
      const notes = el("ul", null, { class: "notes" });
      for (const n of answer.notes) notes.append(el("li", n));
      box.append(notes);
    }
  }

  $("upload").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    busy(form, async () => {
      clear("upload-error", "upload-result");
      $("upload-apply").hidden = true;
      checked = null;
      try {
        const answer = await write(`/rounds/${roundNo()}/import?dry_run=true`, uploadData());
        showImport(answer, false);
        if (answer.changed) {
          checked = { round: roundNo(), data: uploadData() };
          $("upload-apply").hidden = false;
        }
      } catch (error) {
        showProblem("upload-error", error);
      }
    });
  });

  // A changed form needs a new dry run: what is applied is what was shown.
  $("upload").addEventListener("input", () => {
    checked = null;
    $("upload-apply").hidden = true;
  });

  $("upload-apply").addEventListener("click", () => {
    if (!checked) return;
    const { round, data } = checked;
    busy($("upload"), async () => {
      $("upload-apply").disabled = true;
      clear("upload-error");
      try {
        const answer = await write(`/rounds/${round}/import`, data);
        checked = null;
        $("upload-apply").hidden = true;
        $("upload").reset();
        await refresh();
        showImport(answer, true);
        $("upload-result").focus();
      } catch (error) {
        showProblem("upload-error", error);
      } finally {
        $("upload-apply").disabled = false;
      }
    });
  });

  // -- provisional / official -----------------------------------------------

  $("status").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    busy(form, async () => {
      clear("status-error", "status-result");
      try {
        const answer = await write(`/rounds/${roundNo()}/status`, {
          status: data.get("status"), reason: data.get("reason"),
        });
        const p = el("p", answer.changed
          ? `Round ${answer.round} is now ${answer.status}: revision ${answer.revision}, ${versionWords(answer.version)}. `
          : `Round ${answer.round} was already ${answer.status}: nothing changed. `);
        p.append(roundLink("See the round page"));
        form.reset();
        await refresh(); // the lists first: what is announced is on the page
        $("status-result").append(p);
      } catch (error) {
        showProblem("status-error", error);
      }
    });
  });

  // -- penalties ------------------------------------------------------------

  $("penalty").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = { round: roundNo(), session: "race" };
    for (const [name, value] of data.entries()) {
      if (value !== "" || name === "value") body[name] = value;
    }
    busy(form, async () => {
      clear("penalty-error", "penalty-result");
      try {
        const answer = await write("/penalties", body);
        form.reset();
        await refresh();
        $("penalty-result").append(el("p",
          `Penalty added to #${body.car_no} at round ${body.round}: revision ${answer.revision}. ` +
          "The standings below include it."));
      } catch (error) {
        showProblem("penalty-error", error);
      }
    });
  });

  let withdrawing = null;

  function openWithdraw(number) {
    withdrawing = number;
    clear("withdraw-error", "withdraw-result");
    $("withdraw-number").textContent = String(number);
    $("withdraw").hidden = false;
    $("withdraw-reason").focus();
  }

  $("withdraw-cancel").addEventListener("click", () => {
    withdrawing = null;
    $("withdraw").hidden = true;
  });

  $("withdraw").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const number = withdrawing;
    if (number === null) return;
    busy(form, async () => {
      clear("withdraw-error", "withdraw-result");
      try {
        const answer = await write(`/penalties/${number}/withdraw`, {
          reason: $("withdraw-reason").value,
        });
        form.reset();
        form.hidden = true;
        withdrawing = null;
        await refresh();
        $("withdraw-result").append(el("p",
          `Decision ${answer.decision} withdrawn: revision ${answer.revision}. The standings below no longer include it.`));
        $("withdraw-result").focus(); // the form that had the focus is gone
      } catch (error) {
        showProblem("withdraw-error", error);
      }
    });
  });

  for (const id of ["upload-result", "withdraw-result"]) $(id).setAttribute("tabindex", "-1");
  showSignedIn(false);
})();
