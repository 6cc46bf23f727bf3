/* tifalens report: sort tables by a header click, filter rows, and apply "#sort=KEY&filter=TEXT" (KEY or -KEY) at load. */
(function () {
  "use strict";

  function columnOf(table, key) {
    var cells = table.tHead ? table.tHead.rows[0].cells : [];
    for (var i = 0; i < cells.length; i++) {
      if (cells[i].getAttribute("data-key") === key) { return i; }
    }
    return -1;
  }

  function sortTable(table, key, descending) {
    var index = columnOf(table, key);
    if (index < 0) { return; }
    var header = table.tHead.rows[0].cells[index];
    var numeric = header.getAttribute("data-type") === "num";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var value = function (row) {
      var text = row.cells[index].textContent.trim();
      if (!numeric) { return text; }
      var n = parseFloat(text);
      return isNaN(n) ? -Infinity : n;
    };
    rows.sort(function (a, b) {
      var x = value(a), y = value(b);
      var order = numeric ? (x === y ? 0 : (x < y ? -1 : 1)) : x.localeCompare(y, "zh");
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    var cells = table.tHead.rows[0].cells;
    for (var i = 0; i < cells.length; i++) { cells[i].removeAttribute("aria-sort"); }
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }

  function filterTable(table, query) {
    var q = query.trim().toLowerCase();
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      row.hidden = q !== "" && row.textContent.toLowerCase().indexOf(q) < 0;
    });
  }

  function hashParams() {
    var params = {};
    window.location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      if (eq > 0) {
        try { params[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1)); } catch (e) { /* ignore a malformed part */ }
      }
    });
    return params;
  }

  function applyHash() {
    var params = hashParams();
    var tables = document.querySelectorAll("table.sortable");
    Array.prototype.forEach.call(tables, function (table) {
      if (params.sort) {
        var descending = params.sort.charAt(0) === "-";
        sortTable(table, descending ? params.sort.slice(1) : params.sort, descending);
      }
      if (params.filter !== undefined) { filterTable(table, params.filter); }
    });
    if (params.filter !== undefined) {
      Array.prototype.forEach.call(document.querySelectorAll("input.filter"), function (input) { input.value = params.filter; });
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable th[data-key]"), function (th) {
    th.addEventListener("click", function () {
      var table = th.closest("table");
      sortTable(table, th.getAttribute("data-key"), th.getAttribute("aria-sort") === "ascending");
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("input.filter"), function (input) {
    input.addEventListener("input", function () {
      var table = document.getElementById(input.getAttribute("data-table"));
      if (table) { filterTable(table, input.value); }
    });
  });
  window.addEventListener("hashchange", applyHash);
  applyHash();
}());
