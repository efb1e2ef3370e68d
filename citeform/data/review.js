"use strict";
// Filters and sorts the review table; the state lives in the address after "#":
// q (text), flag (a flag id, "*" for any), status, sort (column index), desc ("1").
(function () {
  const table = document.getElementById("review");
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const headings = Array.from(table.tHead.rows[0].cells);
  const q = document.getElementById("q");
  const flag = document.getElementById("flag");
  const status = document.getElementById("status");
  const count = document.getElementById("count");
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  let sort = null;
  let descending = false;

  function readAddress() {
    const params = new URLSearchParams(location.hash.slice(1));
    q.value = params.get("q") || "";
    flag.value = params.get("flag") || "";
    status.value = params.get("status") || "";
    const column = Number.parseInt(params.get("sort") || "", 10);
    sort = column >= 0 && column < headings.length ? column : null;
    descending = params.get("desc") === "1";
  }

  function writeAddress() {
    const params = new URLSearchParams();
    if (q.value) params.set("q", q.value);
    if (flag.value) params.set("flag", flag.value);
    if (status.value) params.set("status", status.value);
    if (sort !== null) params.set("sort", String(sort));
    if (descending) params.set("desc", "1");
    history.replaceState(null, "", "#" + params.toString());
  }

  function matches(row, needle) {
    const flags = row.dataset.flags.split(" ").filter(Boolean);
    const flagOk = !flag.value || (flag.value === "*" ? flags.length > 0 : flags.includes(flag.value));
    const statusOk = !status.value || row.dataset.status === status.value;
    const textOk = !needle || row.textContent.toLocaleLowerCase().includes(needle);
    return flagOk && statusOk && textOk;
  }

  function apply() {
    const needle = q.value.trim().toLocaleLowerCase();
    let shown = 0;
    for (const row of rows) {
      row.hidden = !matches(row, needle);
      if (!row.hidden) shown += 1;
    }
    let ordered = rows;
    if (sort !== null) {
      const sign = descending ? -1 : 1;
      ordered = rows.slice().sort(
        (a, b) => sign * collator.compare(a.cells[sort].textContent, b.cells[sort].textContent)
      );
    }
    body.append(...ordered);
    headings.forEach((cell, index) => {
      if (index === sort) cell.setAttribute("aria-sort", descending ? "descending" : "ascending");
      else cell.removeAttribute("aria-sort");
    });
    count.textContent = shown + " shown.";
  }

  headings.forEach((cell, index) => {
    cell.querySelector("button").addEventListener("click", () => {
      descending = sort === index ? !descending : false;
      sort = index;
      writeAddress();
      apply();
    });
  });
  for (const control of [q, flag, status]) {
    control.addEventListener("input", () => {
      writeAddress();
      apply();
    });
  }
  window.addEventListener("hashchange", () => {
    readAddress();
    apply();
  });
  readAddress();
  apply();
})();
