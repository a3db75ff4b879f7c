// The plan form: builds a plan file (JSON) from the fields, asks the server's API for the
// preview and the downloads, and loads a saved plan file back into the fields.
// Shipped with the package: no library, no network but this server.
"use strict";
(function () {
  const app = document.getElementById("plan-app");
  if (!app) return;
  const lang = app.dataset.lang;
  const words = JSON.parse(app.dataset.words);
  const templates = JSON.parse(app.dataset.templates);
  const $ = (id) => document.getElementById(id);
  const form = $("plan-form");
  // ``touched``: the title and the greeted days follow the period until the user edits them.
  const state = {greet: new Set(), shipped: new Set(), extra: {}, keptDeadlines: [], defaults: new Set(),
                 touched: {title: false, greet: false}};
  const lists = {};  // "year/province" -> records of /api/anniversaries
  const shippedLists = {};  // year -> records of /api/events
  let lastDrawn = "";  // what the lists were last drawn for

  function slug(text) {
    const plain = text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").toLowerCase();
    return plain.split(/[^a-z0-9]+/).filter(Boolean).join("-") || "ke-hoach";
  }

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "text") node.textContent = value; else node.setAttribute(key, value);
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  // -- rows of phases and events ------------------------------------------------------------
  let rowCount = 0;
  function field(label, name, value, type) {
    const id = `f${++rowCount}`;
    const input = el("input", {id, "data-name": name, type: type || "text"});
    input.value = value || "";
    return el("span", {class: "cell"}, [el("label", {for: id, text: label}), input]);
  }
  function removeButton(row) {
    const button = el("button", {type: "button", class: "remove", text: words.remove});
    button.addEventListener("click", () => { row.remove(); renumber(); changed(); });
    return button;
  }
  function addPhase(phase) {
    const row = el("li", {class: "row"});
    row.append(field(words.phase_name, "name", phase.name),
               field(words.phase_start, "start", phase.start, "date"),
               field(words.phase_end, "end", phase.end, "date"),
               field(words.phase_theme, "theme", phase.theme), removeButton(row));
    $("phases").append(row);
  }
  function addEvent(event) {
    const row = el("li", {class: "row"});
    row.append(field(words.event_name, "name", event.name),
               field(words.event_date, "date", event.date), removeButton(row));
    $("events").append(row);
  }
  function rows(list) {
    return [...$(list).children].map((row) => {
      const values = {};
      for (const input of row.querySelectorAll("input")) values[input.dataset.name] = input.value.trim();
      return values;
    });
  }
  function renumber() {
    $("phases").querySelectorAll("li").forEach((row, index) => {
      const name = row.querySelector('[data-name="name"]');
      if (!name.value) name.placeholder = `Đợt ${index + 1}`;
    });
  }

  // -- the plan file ----------------------------------------------------------------------------
  function phaseIds() {
    const split = $("split").value;
    if (split === "edit") return rows("phases").map((_, index) => `dot_${index + 1}`);
    return Array.from({length: split === "halves" ? 2 : 4}, (_, index) => `dot_${index + 1}`);
  }
  function phaseName(id, index) {
    const row = rows("phases")[index];
    return $("split").value === "edit" && row && row.name ? row.name : `Đợt ${id.split("_")[1]}`;
  }
  function deadlines() {
    const ids = phaseIds();
    const found = [];
    for (const template of templates) {
      const box = $(`dl-${template.key}`);
      if (!box.checked || !ids.length) continue;
      const days = Number($(`dl-${template.key}-days`).value) || template.days;
      const timing = (anchor) => ({[template.direction]: {anchor, working_days: days}});
      if (template.anchor === "each.end") {
        ids.slice(0, -1).forEach((id, index) => {
          const name = phaseName(id, index);
          found.push({id: `bao_cao_${id}`, name: template.name.replace("{phase}", name),
                      name_en: template.name_en.replace("{phase}", name),
                      ...timing(`phase:${id}.end`)});
        });
      } else {
        const id = template.anchor === "first.start" ? ids[0] : ids[ids.length - 1];
        const end = template.anchor === "first.start" ? "start" : "end";
        found.push({id: template.key, name: template.name, name_en: template.name_en,
                    ...timing(`phase:${id}.${end}`)});
      }
    }
    return found.concat(state.keptDeadlines);
  }
  function period() {
    const kind = $("period-kind").value;
    if (kind === "range") {
      const found = {start: $("period-start").value};
      if ($("period-end").value) found.end = $("period-end").value;
      return found;
    }
    return {[kind]: Number($("period-year").value)};
  }
  function plan() {
    const name = $("org-name").value.trim();
    const organisation = {name};
    for (const key of ["short", "level", "parent", "place", "province"]) {
      const value = $(`org-${key}`).value.trim();
      if (value) organisation[key] = value;
    }
    const split = $("split").value;
    const phases = split === "edit"
      ? rows("phases").map((row, index) => {
          const phase = {id: `dot_${index + 1}`, name: row.name || `Đợt ${index + 1}`, start: row.start};
          if (row.end) phase.end = row.end;
          if (row.theme) phase.theme = row.theme;
          return phase;
        })
      : {split};
    const events = [...state.shipped].sort().map((id) => ({id})).concat(
      rows("events").filter((row) => row.name).map((row, index) => {
        const event = {id: `su_kien_${index + 1}`, name: row.name};
        if (row.date) event.date = row.date;
        return event;
      }));
    const found = {
      id: slug($("org-short").value.trim() || name),
      title: $("title").value.trim(),
      organisation,
      issued: $("issued").value,
      period: period(),
      phases,
      greet: state.greet.size ? [{ids: [...state.greet].sort()}] : [],
      events,
      deadlines: deadlines(),
    };
    return Object.assign({}, state.extra, found);
  }

  // -- talking to the API ---------------------------------------------------------------------
  async function api(format, body) {
    const response = await fetch(`/api/plan?format=${format}&lang=${lang}`, {
      method: "POST", headers: {"Content-Type": "application/json"}, body});
    if (!response.ok) {
      let message = response.statusText;
      try { message = (await response.json()).error; } catch (error) { /* not JSON */ }
      throw new Error(message);
    }
    return response;
  }
  function showError(message) {
    const box = $("plan-error");
    box.textContent = message || "";
    box.hidden = !message;
  }

  let timer = null;
  let asked = 0;
  function changed() {
    clearTimeout(timer);
    timer = setTimeout(preview, 250);
  }
  async function preview() {
    const ticket = ++asked;
    if (!$("org-name").value.trim()) return;  // nothing to show before the unit has a name
    $("preview").setAttribute("aria-busy", "true");
    try {
      const text = await (await api("text", JSON.stringify(plan()))).text();
      if (ticket !== asked) return;
      $("preview").textContent = text;
      showError("");
    } catch (error) {
      if (ticket === asked) showError(error.message);
    } finally {
      if (ticket === asked) $("preview").removeAttribute("aria-busy");
    }
  }

  async function download(format) {
    try {
      const response = await api(format, JSON.stringify(plan()));
      const disposition = response.headers.get("Content-Disposition") || "";
      const match = /filename="([^"]+)"/.exec(disposition);
      const link = el("a", {href: URL.createObjectURL(await response.blob()),
                            download: match ? match[1] : `ke-hoach.${format}`});
      document.body.append(link);
      link.click();
      link.remove();
      showError("");
    } catch (error) {
      showError(error.message);
    }
  }

  // -- the year's list to greet from ----------------------------------------------------------
  function years() {
    const kind = $("period-kind").value;
    if (kind === "range") {
      const start = Number(($("period-start").value || "").slice(0, 4));
      const end = Number(($("period-end").value || "").slice(0, 4)) || start;
      return start ? Array.from({length: Math.min(end - start, 2) + 1}, (_, i) => start + i) : [];
    }
    const year = Number($("period-year").value);
    return kind === "school_year" ? [year, year + 1] : [year];
  }
  async function loadLists() {
    const wanted = years().filter((year) => year >= 1900 && year <= 2099);
    const province = $("org-province").value;
    for (const year of wanted) {
      const key = `${year}/${province}`;
      if (!lists[key]) {
        const query = province ? `&province=${encodeURIComponent(province)}` : "";
        const response = await fetch(`/api/anniversaries?year=${year}${query}`);
        if (response.ok) lists[key] = await response.json();
      }
    }
    for (const year of wanted) {
      if (!shippedLists[year]) {
        const response = await fetch(`/api/events?year=${year}&lang=${lang}`);
        if (response.ok) shippedLists[year] = await response.json();
      }
    }
    // Redraw only when the period or the province changed: a redraw between a press and a
    // release on a box (the year field losing focus) would swallow the click.
    const drawn = JSON.stringify([wanted, province, bounds()]);
    if (drawn === lastDrawn) return;
    lastDrawn = drawn;
    drawShipped(wanted);
    drawGreet(wanted);
    if (!state.touched.greet) {  // the defaults of the period just drawn
      state.greet = new Set(state.defaults);
      drawGreet(wanted);
    }
  }
  function drawShipped(wanted) {
    const box = $("shipped-events");
    box.replaceChildren();
    const [first, last] = bounds();
    const seen = new Set();
    for (const year of wanted) {
      for (const record of shippedLists[year] || []) {
        // Its last possible day: the end, else the end of its day, month or year.
        const end = record.end || (record.precision === "year" ? `${record.date.slice(0, 4)}-12-31`
          : record.precision === "month" ? `${record.date.slice(0, 7)}-31` : record.date);
        if (seen.has(record.id) || end < first || record.date > last) continue;
        seen.add(record.id);
        const id = `e-${record.id}`;
        const input = el("input", {type: "checkbox", id, "data-event": record.id});
        input.checked = state.shipped.has(record.id);
        input.addEventListener("change", () => {
          if (input.checked) state.shipped.add(record.id); else state.shipped.delete(record.id);
          changed();
        });
        const when = record.precision === "year" ? record.date.slice(0, 4)
          : record.precision === "month" ? record.date.slice(0, 7) : record.date;
        const label = el("label", {for: id}, [input, " ", lang === "en" ? record.name_en : record.name,
                                              ` (${when})`]);
        if (record.status === "planned") label.append(" ", el("span", {class: "tag", text: words.planned}));
        box.append(el("div", {class: "choice"}, [label]));
      }
    }
  }
  function defaultTitle() {
    if (state.touched.title) return;
    const kind = $("period-kind").value;
    const year = Number($("period-year").value);
    const start = ($("period-start").value || "").slice(0, 4);
    const span = kind === "school_year" ? (lang === "en" ? `school year ${year} - ${year + 1}` : `năm học ${year} - ${year + 1}`)
      : kind === "year" ? String(year) : start;
    $("title").value = lang === "en" ? `Emulation movement of ${span}` : `Phát động phong trào thi đua ${kind === "school_year" ? "" : "năm "}${span}`;
  }
  function bounds() {
    const kind = $("period-kind").value;
    const year = Number($("period-year").value);
    if (kind === "year") return [`${year}-01-01`, `${year}-12-31`];
    if (kind === "school_year") return [`${year}-09-01`, `${year + 1}-05-31`];
    return [$("period-start").value || "0000", $("period-end").value || "9999"];
  }
  function drawGreet(wanted) {
    const box = $("greet");
    box.replaceChildren();
    state.defaults = new Set();
    const [first, last] = bounds();
    const province = $("org-province").value;
    for (const year of wanted) {
      for (const record of lists[`${year}/${province}`] || []) {
        if (record.date < first || record.date > last) continue;  // outside the period
        const tags = record.tags || [];
        if (tags.includes("nd145") || tags.includes("union") ||
            record.class === "nam_tron" || record.class === "nam_le_5") state.defaults.add(record.id);
        const id = `g-${record.id}-${record.date}`;
        const input = el("input", {type: "checkbox", id, value: record.id, "data-id": record.id});
        input.checked = state.greet.has(record.id);
        input.addEventListener("change", () => {
          state.touched.greet = true;
          if (input.checked) state.greet.add(record.id); else state.greet.delete(record.id);
          for (const other of box.querySelectorAll(`input[data-id="${record.id}"]`)) other.checked = input.checked;
          changed();
        });
        const label = el("label", {for: id}, [input, " ", lang === "en" ? record.text_en : record.text]);
        const klass = record.class && words[record.class];
        if (klass) label.append(" ", el("span", {class: "tag", text: klass}));
        box.append(el("div", {class: "choice"}, [label]));
      }
    }
  }

  // -- the deadline templates ----------------------------------------------------------------
  function drawTemplates() {
    const box = $("deadlines");
    for (const template of templates) {
      const id = `dl-${template.key}`;
      const box_ = el("input", {type: "checkbox", id, checked: "checked"});
      const days = el("input", {type: "number", id: `${id}-days`, min: "0", max: "120",
                                inputmode: "numeric", value: String(template.days)});
      const name = (lang === "en" ? template.name_en : template.name).replace(" {phase}", "");
      const before = template.direction === "before";
      const where = {"first.start": lang === "en" ? "after the first phase starts" : "sau khi đợt đầu bắt đầu",
                     "each.end": lang === "en" ? "after each phase but the last ends" : "sau khi mỗi đợt (trừ đợt cuối) kết thúc",
                     "last.end": before ? (lang === "en" ? "before the last phase ends" : "trước khi đợt cuối kết thúc")
                                        : (lang === "en" ? "after the last phase ends" : "sau khi đợt cuối kết thúc")}[template.anchor];
      box.append(el("div", {class: "choice"}, [
        el("label", {for: id}, [box_, " ", name]), " ",
        el("label", {for: `${id}-days`, class: "days"}, [days, ` ${words.working_days} ${where}`])]));
    }
  }

  // -- opening a saved plan file ----------------------------------------------------------
  const MANAGED = ["id", "title", "organisation", "issued", "period", "phases", "greet", "events", "deadlines", "exclude"];
  async function open(file) {
    const text = await file.text();
    const data = await (await api("data", text)).json();
    const built = await (await api("json", text)).json();
    const organisation = data.organisation || {};
    for (const key of ["name", "short", "level", "parent", "place", "province"]) {
      const field = $(`org-${key}`);
      const value = organisation[key] || "";
      if (field.tagName === "SELECT" && value && ![...field.options].some((o) => o.value === value)) {
        field.append(el("option", {value, text: value}));  // a name, or a level of another time
      }
      field.value = value;
    }
    $("title").value = data.title || "";
    $("issued").value = String(data.issued || "");
    const p = data.period || {};
    if (p.year !== undefined) { $("period-kind").value = "year"; $("period-year").value = p.year; }
    else if (p.school_year !== undefined) { $("period-kind").value = "school_year"; $("period-year").value = p.school_year; }
    else { $("period-kind").value = "range"; $("period-start").value = String(p.start || ""); $("period-end").value = String(p.end || ""); }
    $("phases").replaceChildren();
    if (Array.isArray(data.phases)) {
      $("split").value = "edit";
      for (const phase of built.phases) addPhase(phase);
    } else if (["halves", "quarters", "school_terms"].includes(data.phases.split)) {
      $("split").value = data.phases.split;
    } else {
      $("split").value = "edit";
      for (const phase of built.phases) addPhase(phase);
    }
    state.greet = new Set(built.phases.flatMap((phase) => phase.commemorations.map((c) => c.id)));
    for (const selector of data.greet || []) for (const id of selector.ids || []) state.greet.add(id);
    $("events").replaceChildren();
    state.shipped = new Set((data.events || []).filter((event) => !event.name).map((event) => event.id));
    for (const event of data.events || []) {
      if (event.name) addEvent({name: event.name, date: String(event.date || "")});
    }
    const known = new Set(templates.map((t) => t.key));
    const own = (data.deadlines || []).filter((d) => known.has(d.id) || /^bao_cao_dot_\d+$/.test(d.id));
    for (const template of templates) {
      const match = own.find((d) => d.id === template.key || (template.key === "bao_cao_dot" && d.id.startsWith("bao_cao_dot_")));
      $(`dl-${template.key}`).checked = Boolean(match);
      const timing = match && (match.after || match.before);
      if (timing && timing.working_days !== undefined) $(`dl-${template.key}-days`).value = timing.working_days;
    }
    state.touched = {title: true, greet: true};
    lastDrawn = "";
    state.keptDeadlines = (data.deadlines || []).filter((d) => !own.includes(d));
    state.extra = Object.fromEntries(Object.entries(data).filter(([key]) => !MANAGED.includes(key)));
    showKept();
    togglePeriod();
    togglePhases();
    await loadLists();
    await preview();
  }
  function showKept() {
    const kept = $("kept");
    kept.hidden = !state.keptDeadlines.length;
    kept.textContent = `${state.keptDeadlines.length} ${words.kept_deadlines}: ` +
      state.keptDeadlines.map((d) => d.name).join("; ");
  }

  // -- wiring ------------------------------------------------------------------------------------
  function togglePeriod() {
    const kind = $("period-kind").value;
    for (const node of document.querySelectorAll("[data-period]")) {
      node.hidden = !node.dataset.period.split(" ").includes(kind);
    }
  }
  function togglePhases() {
    const editing = $("split").value === "edit";
    $("add-phase").hidden = !editing;
    $("phases").hidden = !editing;
    $("edit-phases").hidden = editing;
  }
  async function editPhases() {
    try {
      const built = await (await api("json", JSON.stringify(plan()))).json();
      $("phases").replaceChildren();
      for (const phase of built.phases) addPhase(phase);
      $("split").value = "edit";
      togglePhases();
      $("phases").querySelector("input").focus();
    } catch (error) {
      showError(error.message);
    }
  }

  drawTemplates();
  togglePeriod();
  togglePhases();
  defaultTitle();
  $("title").addEventListener("input", () => { state.touched.title = true; });
  const PERIOD = ["period-kind", "period-year", "period-start", "period-end", "org-province"];
  let listTimer = null;
  form.addEventListener("input", (event) => {
    if (PERIOD.includes(event.target.id)) {  // typing a year: the lists follow, a little later
      clearTimeout(listTimer);
      listTimer = setTimeout(() => { togglePeriod(); defaultTitle(); loadLists().then(changed); }, 400);
    }
    changed();
  });
  form.addEventListener("change", (event) => {
    if (PERIOD.includes(event.target.id)) {
      clearTimeout(listTimer);
      togglePeriod();
      defaultTitle();
      loadLists().then(changed);
    }
    if (event.target.id === "split") togglePhases();
    changed();
  });
  form.addEventListener("submit", (event) => { event.preventDefault(); preview(); });
  $("edit-phases").addEventListener("click", editPhases);
  $("add-phase").addEventListener("click", () => { addPhase({}); renumber(); });
  $("add-event").addEventListener("click", () => { addEvent({}); $("events").lastChild.querySelector("input").focus(); });
  $("greet-default").addEventListener("click", () => { state.touched.greet = true; state.greet = new Set(state.defaults); drawGreet(years()); changed(); });
  $("greet-none").addEventListener("click", () => { state.touched.greet = true; state.greet.clear(); drawGreet(years()); changed(); });
  for (const button of document.querySelectorAll("[data-download]")) {
    button.addEventListener("click", () => download(button.dataset.download));
  }
  $("open-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const file = $("plan-file").files[0];
    if (file) open(file).catch((error) => showError(error.message));
  });
  loadLists().then(() => {
    app.dataset.ready = "true";
    preview();
  });
})();
