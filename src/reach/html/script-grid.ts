// The page script, part 2: the virtualised matrix. Only the rows and columns in view (plus a margin) exist in the
// DOM, so 1,000 × 2,000 cells cost the same few hundred nodes as 20 × 20; the column header and the row header are
// sticky. One cell is in the tab order (roving tabindex); arrow keys, Home/End and Page Up/Down move it.
export const SCRIPT_GRID = String.raw`
var RW = 300, RH = 30, HH = 72;
var grid = document.getElementById('grid');
var sizer = document.getElementById('sizer');
function CW() { return S.dense ? 40 : 112; }
function esc(s) {
  return String(s).replace(/[&<>"']/g, function (ch) { return '&#' + ch.charCodeAt(0) + ';'; });
}
function cellLabel(r, c) {
  var v = verdictAt(r, c), row = ROWS[r], col = COLS[c];
  return row.id + ' to ' + col.to + ': ' + (v < 0 ? 'not in this report' : VS[v].v + (cellIn(r, c) ? '' : ' (hidden by the filters)'));
}
var frame = 0;
function schedule() { if (!frame) frame = requestAnimationFrame(function () { frame = 0; render(); }); }

function render() {
  var cw = CW(), nr = F.vrows.length, nc = F.cols.length;
  var bw = nc * cw, bh = nr * RH;
  document.body.classList.toggle('dense', S.dense);
  sizer.style.width = (RW + bw) + 'px';
  sizer.style.setProperty('--rw', RW + 'px');
  var sl = grid.scrollLeft, st = grid.scrollTop;
  var vw = Math.max(0, grid.clientWidth - RW), vh = Math.max(0, grid.clientHeight - HH);
  var c0 = Math.max(0, Math.floor(sl / cw) - 2), c1 = Math.min(nc, Math.ceil((sl + vw) / cw) + 2);
  var r0 = Math.max(0, Math.floor(st / RH) - 4), r1 = Math.min(nr, Math.ceil((st + vh) / RH) + 4);
  var focused = grid.contains(document.activeElement) && document.activeElement.classList.contains('cell');

  var h = ['<div class="corner" style="width:' + RW + 'px;height:' + HH + 'px"><span>workloads ↓ · service ports →</span><span><b>' + F.rows.length + '</b> × <b>' + nc + '</b></span></div>'];
  F.nsSegs.forEach(function (s) {
    if (s.b <= c0 || s.a >= c1) return;
    h.push('<div class="seg-ns" style="left:' + (RW + s.a * cw) + 'px;width:' + (s.b - s.a) * cw + 'px" title="namespace ' +
      esc(COLS[s.c].ns) + '"><span>' + esc(COLS[s.c].ns || '(no namespace)') + '</span></div>');
  });
  F.svcSegs.forEach(function (s) {
    if (s.b <= c0 || s.a >= c1) return;
    var col = COLS[s.c];
    h.push('<div class="seg-svc" style="left:' + (RW + s.a * cw) + 'px;width:' + (s.b - s.a) * cw + 'px" title="' +
      esc(col.src + ' ' + (col.src === 'Service' ? col.ns + '/' + col.svc + ' (' + col.host + ')' : col.host)) + '"><span>' +
      esc(col.svc) + (col.src === 'Service' ? '' : ' <span class="src">' + esc(col.src) + '</span>') + '</span></div>');
  });
  for (var j = c0; j < c1; j++) {
    var col = COLS[F.cols[j]];
    h.push('<div class="ph' + (S.hover && S.hover[1] === j ? ' hl' : '') + '" data-j="' + j + '" role="columnheader" style="left:' + (RW + j * cw) + 'px;width:' + cw + 'px" title="' + esc(col.to) + '">' +
      col.port + '</div>');
  }
  var head = document.getElementById('colhead');
  head.style.width = (RW + bw) + 'px';
  head.style.height = HH + 'px';
  head.innerHTML = h.join('');

  var rh = [], cells = [];
  var act = S.ar >= r0 && S.ar < r1 && S.ac >= c0 && S.ac < c1 && F.vrows[S.ar] && !F.vrows[S.ar].g;
  var tabGiven = false;
  for (var i = r0; i < r1; i++) {
    var d = F.vrows[i], y = i * RH;
    if (d.g) {
      var open = !S.collapsed[d.ns];
      rh.push('<button class="gh" data-ns="' + esc(d.ns) + '" aria-expanded="' + open + '" style="top:' + y + 'px;height:' + RH + 'px">' +
        (open ? '▾' : '▸') + ' ' + esc(d.ns || '(no namespace)') + ' <span class="n">' + d.n + ' workload' + (d.n === 1 ? '' : 's') + '</span></button>');
      cells.push('<div class="band" style="top:' + y + 'px;left:' + c0 * cw + 'px;width:' + (c1 - c0) * cw + 'px;height:' + RH + 'px"></div>');
      continue;
    }
    var row = ROWS[d.r];
    var tag = !row.meshed ? '<span class="tag off" title="no sidecar">no sidecar</span>'
      : '<span class="tag' + (row.mode === 'REGISTRY_ONLY' ? ' ro' : '') + '" title="outboundTrafficPolicy ' + esc(row.mode) + '">' +
        (row.mode === 'REGISTRY_ONLY' ? 'registry only' : 'allow any') + '</span>';
    rh.push('<div class="rh' + (S.sel === d.r ? ' sel' : '') + (S.hover && S.hover[0] === i ? ' hl' : '') + '" data-i="' + i + '" role="rowheader" style="top:' + y + 'px;height:' + RH + 'px">' +
      '<button class="wl" data-r="' + d.r + '" title="' + esc(row.id + ' (' + row.kind + ')' + (row.sidecar ? ', Sidecar ' + row.sidecar : '')) +
      '">' + esc(row.name) + '</button>' + tag + '</div>');
    cells.push('<div role="row" aria-rowindex="' + (i + 2) + '">');
    for (var k = c0; k < c1; k++) {
      var c = F.cols[k], v = verdictAt(d.r, c), inn = cellIn(d.r, c);
      var tab = -1;
      if ((act && i === S.ar && k === S.ac) || (!act && !tabGiven)) { tab = 0; tabGiven = true; }
      var cls = v < 0 ? 'none' : inn ? 'v' + v : 'out';
      var sym = v < 0 ? '·' : inn ? VS[v].sym : '';
      var txt = v < 0 || !inn ? '' : VS[v].v;
      cells.push('<div class="cell ' + cls + (S.pick && S.pick[0] === d.r && S.pick[1] === c ? ' act' : '') + '" role="gridcell" tabindex="' + tab +
        '" data-i="' + i + '" data-j="' + k + '" data-v="' + (v < 0 ? '' : VS[v].v) + '" aria-label="' + esc(cellLabel(d.r, c)) +
        '" aria-describedby="tip" style="top:' + (y + 2) + 'px;left:' + (k * cw + 2) + 'px;width:' + (cw - 4) + 'px;height:' + (RH - 4) + 'px">' +
        '<span class="s" aria-hidden="true">' + sym + '</span><span class="t">' + txt + '</span></div>');
    }
    cells.push('</div>');
  }
  // The namespace of the rows at the top stays in view, like a sticky heading.
  var top = Math.floor(st / RH), gi = F.groupOf[top];
  if (F.vrows[top] && !F.vrows[top].g && gi !== undefined) {
    var gd = F.vrows[gi];
    rh.push('<button class="gh pin" data-ns="' + esc(gd.ns) + '" aria-expanded="true" style="top:' + st + 'px;height:' + RH + 'px">▾ ' +
      esc(gd.ns || '(no namespace)') + ' <span class="n">' + gd.n + ' workload' + (gd.n === 1 ? '' : 's') + '</span></button>');
    cells.push('<div class="band pin" style="top:' + st + 'px;left:' + c0 * cw + 'px;width:' + (c1 - c0) * cw + 'px;height:' + RH + 'px"></div>');
  }
  var rowhead = document.getElementById('rowhead'), body = document.getElementById('cells');
  rowhead.style.width = RW + 'px';
  rowhead.style.height = bh + 'px';
  rowhead.innerHTML = rh.join('');
  body.style.width = bw + 'px';
  body.style.height = bh + 'px';
  body.innerHTML = cells.join('');
  grid.setAttribute('aria-rowcount', String(F.rows.length + 1));
  grid.setAttribute('aria-colcount', String(nc + 1));
  document.getElementById('empty').hidden = nr > 0 && nc > 0;
  if (focused) {
    // Re-focusing the redrawn cell is not the user's move: it must not reopen a tooltip they closed.
    var el = activeCell(), tipWas = !tip.hidden;
    if (el) el.focus({ preventScroll: true }); else grid.focus({ preventScroll: true });
    if (!tipWas) hideTip();
  }
}

function activeCell() {
  return document.querySelector('#cells .cell[data-i="' + S.ar + '"][data-j="' + S.ac + '"]');
}
/** Moves the active cell to display row i, column j (skipping namespace rows in the direction of travel). */
function moveTo(i, j, dir) {
  var nr = F.vrows.length, nc = F.cols.length;
  if (!nr || !nc) return;
  i = Math.max(0, Math.min(nr - 1, i));
  j = Math.max(0, Math.min(nc - 1, j));
  var step = dir || 1;
  while (F.vrows[i] && F.vrows[i].g) i += step;
  if (!F.vrows[i]) { i -= step; while (F.vrows[i] && F.vrows[i].g) i -= step; }
  if (!F.vrows[i]) return;
  S.ar = i; S.ac = j;
  var cw = CW(), vw = grid.clientWidth - RW, vh = grid.clientHeight - HH;
  var x = j * cw, y = i * RH;
  if (x < grid.scrollLeft) grid.scrollLeft = x; else if (x + cw > grid.scrollLeft + vw) grid.scrollLeft = x + cw - vw;
  // The top row may be under the pinned namespace heading: keep one row of margin above.
  if (y < grid.scrollTop + RH) grid.scrollTop = Math.max(0, y - RH); else if (y + RH > grid.scrollTop + vh) grid.scrollTop = y + RH - vh;
  render();
  var el = activeCell();
  if (el) { el.focus({ preventScroll: true }); showTip(el); }
}
grid.addEventListener('scroll', schedule, { passive: true });
window.addEventListener('resize', schedule);
grid.addEventListener('keydown', function (e) {
  var t = e.target;
  if (!t.classList || (!t.classList.contains('cell') && t !== grid)) return;
  var i = S.ar < 0 ? 0 : S.ar, j = S.ac, page = Math.max(1, Math.floor((grid.clientHeight - HH) / RH) - 1);
  var k = e.key;
  if (k === 'ArrowDown') moveTo(i + 1, j, 1);
  else if (k === 'ArrowUp') moveTo(i - 1, j, -1);
  else if (k === 'ArrowRight') moveTo(i, j + 1, 1);
  else if (k === 'ArrowLeft') moveTo(i, j - 1, 1);
  else if (k === 'PageDown') moveTo(i + page, j, 1);
  else if (k === 'PageUp') moveTo(i - page, j, -1);
  else if (k === 'Home') moveTo(e.ctrlKey ? 0 : i, 0, 1);
  else if (k === 'End') moveTo(e.ctrlKey ? F.vrows.length - 1 : i, F.cols.length - 1, -1);
  else if ((k === 'Enter' || k === ' ') && t.classList.contains('cell')) openCell(+t.dataset.i, +t.dataset.j);
  else if (k === 'Escape') { hideTip(); closeDetail(); }
  else return;
  e.preventDefault();
});
`;
