// The page script, part 1: reads the embedded JSON, decodes cells and reasons (the inverse of data.ts), and
// applies the filters. A filtered-out cell stays in place (blank) while its row or column still shows something;
// rows and columns with nothing left disappear. Work is done per row pattern, so 1,000 rows of one scope cost one.
export const SCRIPT_DATA = String.raw`
var D = JSON.parse(document.getElementById('reach-data').textContent);
var TOK = ['\uE000', '\uE001', '\uE002', '\uE003', '\uE004'];
var RAW = '\uE0FF';
var DIG = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
var VS = D.verdicts.map(function (x, i) { return { i: i, v: x[0], sym: x[1], meaning: x[2], blocked: x[4] }; });
var SOURCES = ['Service', 'ServiceEntry', 'host'];
var ROWS = D.rows.map(function (r, i) {
  var ns = D.rowNs[r[1]];
  var name = ns && r[0].indexOf(ns + '/') === 0 ? r[0].slice(ns.length + 1) : r[0];
  return { i: i, id: r[0], ns: ns, name: name, kind: r[2], meshed: r[3] === 1, sidecar: r[4], mode: r[5], pat: r[6],
    text: (r[0] + ' ' + r[4]).toLowerCase() };
});
var COLS = D.cols.map(function (c, i) {
  var to = c[0] + ':' + c[1];
  return { i: i, host: c[0], port: c[1], ns: D.colNs[c[2]], svc: c[3], src: SOURCES[c[4]], short: c[5], to: to,
    text: (to + ' ' + c[3] + ' ' + D.colNs[c[2]]).toLowerCase() };
});
var S = { from: '', to: '', text: '', on: VS.map(function () { return true; }), collapsed: {}, dense: false,
  ar: -1, ac: 0, sel: -1, pick: null, hover: null };
var F = { rows: [], cols: [], hit: [], filtering: false, counts: [], vrows: [], groupOf: [], nsSegs: [], svcSegs: [] };

function verdictAt(r, c) {
  var ch = D.pat[ROWS[r].pat][0].charCodeAt(c);
  return ch === 46 ? -1 : ch - 48;
}
function reasonAt(r, c) {
  var row = ROWS[r], col = COLS[c], code = D.pat[row.pat][1], n = 0;
  for (var k = c * D.w; k < (c + 1) * D.w; k++) n = n * DIG.length + DIG.indexOf(code.charAt(k));
  var t = D.reasons[n];
  if (t.indexOf(RAW) === 0) return t.slice(RAW.length);
  var vals = [row.sidecar, row.id, col.host, col.short, String(col.port)];
  for (var i = TOK.length - 1; i >= 0; i--) t = t.split(TOK[i]).join(vals[i]);
  return t;
}
/** Whether a cell passes the verdict and text filters (its row and column already pass the namespace filters). */
function cellIn(r, c) {
  var v = verdictAt(r, c);
  if (v < 0) return !F.filtering;
  if (!S.on[v]) return false;
  return !S.text || F.hit[r] || COLS[c].hit;
}

function applyFilters() {
  var t = S.text;
  var allOn = S.on.every(Boolean);
  F.filtering = t !== '' || !allOn;
  var okCols = [];
  COLS.forEach(function (c) {
    c.hit = t ? c.text.indexOf(t) >= 0 : true;
    if (!S.to || c.ns === S.to) okCols.push(c.i);
  });
  var rows = [], groups = {}, order = [];
  F.hit = [];
  ROWS.forEach(function (row) {
    if (S.from && row.ns !== S.from) return;
    var hit = t ? row.text.indexOf(t) >= 0 : true;
    F.hit[row.i] = hit;
    var key = row.pat + (hit ? 'h' : 'm');
    var g = groups[key];
    if (!g) { g = groups[key] = { pat: row.pat, hit: hit, rows: [], mark: null, any: !F.filtering }; order.push(key); }
    g.rows.push(row.i);
    rows.push(row.i);
  });
  var keepCol = new Uint8Array(COLS.length);
  order.forEach(function (key) {
    var g = groups[key], vs = D.pat[g.pat][0];
    if (!F.filtering) return;
    for (var k = 0; k < okCols.length; k++) {
      var c = okCols[k], ch = vs.charCodeAt(c);
      if (ch === 46 || !S.on[ch - 48] || !(g.hit || COLS[c].hit)) continue;
      keepCol[c] = 1; g.any = true;
    }
  });
  F.cols = F.filtering ? okCols.filter(function (c) { return keepCol[c] === 1; }) : okCols;
  var keepRow = {};
  order.forEach(function (key) { if (groups[key].any) groups[key].rows.forEach(function (r) { keepRow[r] = 1; }); });
  F.rows = rows.filter(function (r) { return keepRow[r] === 1; });
  F.counts = VS.map(function () { return 0; });
  order.forEach(function (key) {
    var g = groups[key], vs = D.pat[g.pat][0], n = 0;
    for (var r = 0; r < g.rows.length; r++) if (keepRow[g.rows[r]]) n++;
    if (!n) return;
    for (var k = 0; k < F.cols.length; k++) {
      var c = F.cols[k], ch = vs.charCodeAt(c);
      if (ch === 46 || !S.on[ch - 48] || !(g.hit || COLS[c].hit)) continue;
      F.counts[ch - 48] += n;
    }
  });
  layout();
}

/** Display rows (namespace headers and workloads) and column header segments, from the filtered rows and columns. */
function layout() {
  var vrows = [], groupOf = [], cur = null, at = 0;
  F.rows.forEach(function (r) {
    var ns = ROWS[r].ns;
    if (!cur || cur.ns !== ns) { cur = { g: true, ns: ns, n: 0 }; at = vrows.length; groupOf.push(at); vrows.push(cur); }
    cur.n++;
    if (!S.collapsed[ns]) { groupOf.push(at); vrows.push({ g: false, r: r }); }
  });
  F.vrows = vrows;
  F.groupOf = groupOf;
  F.nsSegs = segments(function (c) { return COLS[c].ns; });
  F.svcSegs = segments(function (c) { return COLS[c].ns + '\u0000' + COLS[c].svc; });
}
function segments(keyOf) {
  var out = [], cur = null;
  F.cols.forEach(function (c, j) {
    var k = keyOf(c);
    if (cur && cur.key === k) { cur.b = j + 1; return; }
    cur = { key: k, a: j, b: j + 1, c: c };
    out.push(cur);
  });
  return out;
}
`;
