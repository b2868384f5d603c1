// The page script, part 3: the reason tooltip (hover and keyboard focus), the workload view (Sidecar, policy, lint
// findings, predicted proxy config), the filter controls and start-up.
export const SCRIPT_PANEL = String.raw`
var tip = document.getElementById('tip');
var aside = document.getElementById('detail');
function badge(v) { return '<span class="badge v' + v + '">' + VS[v].sym + ' ' + esc(VS[v].v) + '</span>'; }
function why(reason) { return '<p class="why">' + esc(reason).split(' → ').join('<span class="arr"> → </span>') + '</p>'; }
function showTip(el) {
  var d = F.vrows[+el.dataset.i];
  if (!d || d.g) return;
  var r = d.r, c = F.cols[+el.dataset.j], v = verdictAt(r, c);
  highlight([+el.dataset.i, +el.dataset.j]);
  tip.innerHTML = (v < 0 ? '<b>not in this report</b>' : badge(v) + ' <span>' + esc(VS[v].meaning) + '</span>') +
    '<div class="route">' + esc(ROWS[r].id) + ' → ' + esc(COLS[c].to) + '</div>' +
    (v < 0 ? '<p class="why">No pair for this workload and port (left out by --from, --to, --verdict or --only).</p>' : why(reasonAt(r, c))) +
    '<div class="hint">Click or press Enter for the workload view · arrow keys move</div>';
  tip.hidden = false;
  var b = el.getBoundingClientRect(), w = tip.offsetWidth, h = tip.offsetHeight;
  // Beside the workload view rather than over it, when the matrix has room.
  var right = aside.hidden ? window.innerWidth : grid.getBoundingClientRect().right;
  var x = Math.max(8, Math.min(b.left, right - w - 8));
  var y = b.bottom + 8 + h > window.innerHeight ? Math.max(8, b.top - h - 8) : b.bottom + 8;
  tip.style.left = x + 'px';
  tip.style.top = y + 'px';
}
function hideTip() { tip.hidden = true; highlight(null); }
/** Marks the row and column headers of the cell under the pointer or the focus. */
function highlight(at) {
  S.hover = at;
  document.querySelectorAll('.rh.hl, .ph.hl').forEach(function (e) { e.classList.remove('hl'); });
  if (!at) return;
  var a = document.querySelector('.rh[data-i="' + at[0] + '"]'), b = document.querySelector('.ph[data-j="' + at[1] + '"]');
  if (a) a.classList.add('hl');
  if (b) b.classList.add('hl');
}

function findingHtml(f) {
  var res = f[6] ? ' · ' + esc(f[6] + ' ' + (f[7] ? f[7] + '/' : '') + f[8]) : '';
  return '<div class="finding ' + esc(f[0]) + (f[9] ? ' suppressed' : '') + '"><span class="rule">' + esc(f[0]) + ' ' + esc(f[1]) + '</span>' +
    (f[9] ? ' <span class="tag">suppressed</span>' : '') + '<div>' + esc(f[2]) + '</div><div class="loc mono">' +
    esc(f[3] + ':' + f[4] + ':' + f[5]) + res + '</div></div>';
}
function table(head, rows) {
  return '<table class="pc"><thead><tr>' + head.map(function (x) { return '<th>' + esc(x) + '</th>'; }).join('') + '</tr></thead><tbody>' +
    rows.map(function (r) { return '<tr>' + r.map(function (x) { return '<td>' + esc(x) + '</td>'; }).join('') + '</tr>'; }).join('') + '</tbody></table>';
}
function sidecarHtml(id) {
  var s = D.sidecars.filter(function (x) { return x[0] === id; })[0];
  if (!s) return '';
  var eg = s[5].length ? '<ul>' + s[5].map(function (e, i) {
    return '<li><code>egress[' + i + ']</code> ' + esc(e[0]) + ' → ' + e[1].map(function (h) { return '<code>' + esc(h) + '</code>'; }).join(', ') + '</li>';
  }).join('') + '</ul>' : 'none: imports <code>*/*</code>';
  return '<dt>Defined at</dt><dd class="mono">' + esc(s[1] + ':' + s[2]) + '</dd>' +
    '<dt>Egress</dt><dd>' + eg + '</dd>';
}

function openCell(i, j) {
  var d = F.vrows[i];
  if (!d || d.g) return;
  S.pick = [d.r, F.cols[j]];
  openDetail(d.r);
  hideTip();
}
function openDetail(r) {
  S.sel = r;
  var row = ROWS[r], info = D.info[r], h = [];
  h.push('<button class="btn close" aria-label="Close the workload view">✕</button><h2>' + esc(row.name) + '</h2><p class="sub">' +
    esc(row.kind) + ' in namespace ' + esc(row.ns || '(none)') + (info ? ' · <span class="mono">' + esc(info[0] + ':' + info[1]) + '</span>' : '') + '</p>');
  if (S.pick && S.pick[0] === r) {
    var c = S.pick[1], v = verdictAt(r, c);
    h.push('<div class="pick">' + (v < 0 ? '<b>not in this report</b>' : badge(v)) + ' → <code>' + esc(COLS[c].to) + '</code>' +
      (v < 0 ? '' : why(reasonAt(r, c))) + '</div>');
  }
  h.push('<h3>Outbound</h3><dl>' + (info ? '<dt>Sidecar</dt><dd>' + esc(info[3]) + '</dd>' + (info[4] ? '<dt>Policy</dt><dd>' + esc(info[4]) + '</dd>' : '') +
    '<dt>Injection</dt><dd>' + esc(info[2]) + '</dd>' : '<dt>Sidecar</dt><dd>' + esc(row.sidecar || 'none') + '</dd>') +
    (row.sidecar ? sidecarHtml(row.sidecar) : '') + '</dl>');
  var counts = VS.map(function () { return 0; }), blocked = [];
  var vs = D.pat[row.pat][0];
  for (var k = 0; k < vs.length; k++) {
    var ch = vs.charCodeAt(k);
    if (ch === 46) continue;
    counts[ch - 48]++;
    if (VS[ch - 48].blocked) blocked.push(k);
  }
  h.push('<h3>Verdicts</h3><div class="counts">' + VS.filter(function (x) { return counts[x.i]; }).map(function (x) {
    return '<span class="chip v' + x.i + '">' + x.sym + ' ' + esc(x.v) + ' <span class="n">' + counts[x.i] + '</span></span>';
  }).join('') + '</div>');
  if (blocked.length) {
    h.push('<h3>Failing requests (' + blocked.length + ')</h3><ul class="fail">' + blocked.slice(0, 40).map(function (c) {
      return '<li>' + badge(verdictAt(r, c)) + ' <code>' + esc(COLS[c].to) + '</code></li>';
    }).join('') + (blocked.length > 40 ? '<li>… and ' + (blocked.length - 40) + ' more</li>' : '') + '</ul>');
  }
  var fs = info ? info[5].map(function (n) { return D.findings[n]; }) : [];
  h.push('<h3>Lint findings (' + fs.length + ')</h3>' + (fs.length ? fs.map(findingHtml).join('') :
    '<p class="sub">None on this workload, its Sidecar, its namespace or the Services that select it.</p>'));
  var p = info && info[6] >= 0 ? D.proxies[info[6]] : null;
  h.push('<h3>Predicted proxy config</h3>');
  if (!p) h.push('<p class="sub">Not embedded in this page (large mesh): run <code>istio-lint report --proxy-config ' + esc(row.id) + '</code>.</p>');
  else if (p[2]) h.push('<p class="sub">' + esc(p[2]) + '</p>');
  else {
    var ls = D.ltab[p[1]], cs = D.ctab[p[0]];
    h.push('<details open><summary>Listeners (' + ls.length + ')</summary>' + table(['Address', 'Port', 'Match', 'Destination'], ls) + '</details>');
    h.push('<details><summary>Clusters (' + cs.length + ')</summary>' + table(['FQDN', 'Port', 'Subset', 'Direction', 'Type'], cs) + '</details>');
  }
  aside.innerHTML = h.join('');
  aside.hidden = false;
  aside.querySelector('.close').addEventListener('click', closeDetail);
  render();
}
function openFindings() {
  S.sel = -1;
  aside.innerHTML = '<button class="btn close" aria-label="Close">✕</button><h2>Lint findings</h2><p class="sub">' + D.findings.length +
    ' from the same run of the linter. Click a workload name for its own.</p>' + D.findings.map(findingHtml).join('');
  aside.hidden = false;
  aside.querySelector('.close').addEventListener('click', closeDetail);
  render();
}
function closeDetail() { if (aside.hidden) return; aside.hidden = true; S.sel = -1; S.pick = null; render(); }

function renderControls() {
  var total = VS.map(function () { return 0; });
  D.counts.forEach(function (n, i) { total[i] = n; });
  document.getElementById('legend').innerHTML = VS.map(function (x) {
    return '<button class="chip v' + x.i + (total[x.i] ? '' : ' zero') + '" aria-pressed="' + S.on[x.i] + '" data-v="' + x.i + '" title="' + esc(x.meaning) + ' (' + total[x.i] + ' in the report)">' +
      '<span aria-hidden="true">' + x.sym + '</span> ' + esc(x.v) + ' <span class="n">' + F.counts[x.i] + '</span></button>';
  }).join('');
  var on = S.on.map(function (b, i) { return b ? i : -1; }).filter(function (i) { return i >= 0; }).join(',');
  var all = VS.map(function (x) { return x.i; }).join(',');
  var bl = VS.filter(function (x) { return x.blocked; }).map(function (x) { return x.i; }).join(',');
  var al = VS.filter(function (x) { return !x.blocked; }).map(function (x) { return x.i; }).join(',');
  [['all', all], ['blocked', bl], ['allowed', al]].forEach(function (p) {
    document.querySelector('[data-preset="' + p[0] + '"]').setAttribute('aria-pressed', String(on === p[1]));
  });
  document.getElementById('f-dense').setAttribute('aria-pressed', String(S.dense));
  document.getElementById('shown').textContent = F.rows.length + ' of ' + ROWS.length + ' workloads × ' + F.cols.length + ' of ' + COLS.length + ' service ports';
}
function update() { applyFilters(); renderControls(); render(); }
function fillSelect(id, names) {
  var el = document.getElementById(id);
  names.filter(function (n, i) { return names.indexOf(n) === i; }).sort().forEach(function (n) {
    var o = document.createElement('option');
    o.value = n; o.textContent = n || '(no namespace)';
    el.appendChild(o);
  });
  el.addEventListener('change', function () { S[id === 'f-from' ? 'from' : 'to'] = el.value; update(); });
}
fillSelect('f-from', ROWS.map(function (r) { return r.ns; }));
fillSelect('f-to', COLS.map(function (c) { return c.ns; }));
document.getElementById('legend').addEventListener('click', function (e) {
  var b = e.target.closest('.chip');
  if (b) { S.on[+b.dataset.v] = !S.on[+b.dataset.v]; update(); }
});
document.querySelectorAll('[data-preset]').forEach(function (b) {
  b.addEventListener('click', function () {
    var p = b.dataset.preset;
    S.on = VS.map(function (x) { return p === 'all' || (p === 'blocked') === x.blocked; });
    update();
  });
});
var timer = 0;
document.getElementById('f-text').addEventListener('input', function (e) {
  clearTimeout(timer);
  timer = setTimeout(function () { S.text = e.target.value.trim().toLowerCase(); update(); }, 120);
});
document.getElementById('f-dense').addEventListener('click', function () { S.dense = !S.dense; update(); });
document.getElementById('f-findings').addEventListener('click', openFindings);
grid.addEventListener('mouseover', function (e) { var c = e.target.closest('.cell'); if (c) showTip(c); });
// Leaving the matrix hides the tooltip, unless a cell has keyboard focus: then its reason comes back.
grid.addEventListener('mouseleave', function () {
  var a = document.activeElement;
  if (a && a.classList.contains('cell') && a.matches(':focus-visible')) showTip(a); else hideTip();
});
grid.addEventListener('focusin', function (e) {
  var c = e.target.closest && e.target.closest('.cell');
  if (!c) return;
  S.ar = +c.dataset.i; S.ac = +c.dataset.j;
  showTip(c);
});
grid.addEventListener('focusout', function (e) { if (!e.relatedTarget || !grid.contains(e.relatedTarget)) hideTip(); });
grid.addEventListener('click', function (e) {
  var c = e.target.closest('.cell'), w = e.target.closest('.wl'), g = e.target.closest('.gh');
  if (c) openCell(+c.dataset.i, +c.dataset.j);
  else if (w) { S.pick = null; openDetail(+w.dataset.r); }
  else if (g) { S.collapsed[g.dataset.ns] = !S.collapsed[g.dataset.ns]; layout(); render(); }
});
document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { hideTip(); closeDetail(); } });
S.dense = COLS.length > 30;
update();
document.body.setAttribute('data-ready', '1');
`;
