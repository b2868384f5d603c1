// The HTML report's stylesheet. Verdict colours are tints with dark text (≥ 4.5:1, WCAG AA) and every cell also
// carries a symbol and its verdict, so nothing depends on colour alone; a dark scheme follows the system setting.
export const STYLE = String.raw`
:root {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa; --head2: #eef1f4;
  --accent: #0969da; --panel: #ffffff; --shadow: 0 8px 24px rgba(31, 35, 40, .18);
  --v0-bg: #dafbe1; --v0-fg: #116329; --v0-bd: #4ac26b;
  --v1-bg: #ffebe9; --v1-fg: #a40e26; --v1-bd: #ff8182;
  --v2-bg: #32383f; --v2-fg: #ffffff; --v2-bd: #1f2328;
  --v3-bg: #ddf4ff; --v3-fg: #0550ae; --v3-bd: #54aeff;
  --v4-bg: #fff8c5; --v4-fg: #7d4e00; --v4-bd: #d4a72c;
  --v5-bg: #eaeef2; --v5-fg: #424a53; --v5-bd: #afb8c1;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #30363d; --head: #151b23; --head2: #1c2330;
    --accent: #4493f8; --panel: #0d1117; --shadow: 0 8px 24px rgba(0, 0, 0, .6);
    --v0-bg: #12361d; --v0-fg: #7ee2a0; --v0-bd: #2ea043;
    --v1-bg: #4c1418; --v1-fg: #ffb1aa; --v1-bd: #da3633;
    --v2-bg: #010409; --v2-fg: #f0f6fc; --v2-bd: #8b949e;
    --v3-bg: #0c2d6b; --v3-fg: #a5d6ff; --v3-bd: #388bfd;
    --v4-bg: #3b2d00; --v4-fg: #f2cc60; --v4-bd: #9e6a03;
    --v5-bg: #262c36; --v5-fg: #c9d1d9; --v5-bd: #6e7681;
  }
}
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; background: var(--bg); color: var(--fg);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
button, input, select { font: inherit; color: inherit; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12px; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.top { padding: 10px 16px; border-bottom: 1px solid var(--line); background: var(--head); display: grid; gap: 8px; }
.brand { display: flex; align-items: baseline; gap: 12px; min-width: 0; }
.brand h1 { flex: none; }
.brand h1 { font-size: 17px; margin: 0; font-weight: 650; letter-spacing: -.01em; }
.brand h1 span { color: var(--muted); font-weight: 500; }
.brand .summary { color: var(--muted); margin: 0; flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar { display: flex; align-items: center; gap: 8px 14px; flex-wrap: wrap; }
.legend { display: flex; gap: 6px; flex-wrap: wrap; }
.chip { display: inline-flex; align-items: center; gap: 6px; padding: 3px 10px 3px 8px; border-radius: 999px; cursor: pointer;
  border: 1px solid; font-weight: 600; font-size: 12px; }
.chip .n { font-variant-numeric: tabular-nums; font-weight: 500; opacity: .85; }
/* A verdict the report does not have: still in the legend, but quiet (muted text keeps AA contrast, unlike opacity). */
.chip.zero:not([aria-pressed="false"]) { background: transparent; color: var(--muted); border-color: var(--line); }
.chip[aria-pressed="false"] { background: transparent !important; color: var(--muted) !important; border-style: dashed; text-decoration: line-through; }
.v0 { background: var(--v0-bg); color: var(--v0-fg); border-color: var(--v0-bd); }
.v1 { background: var(--v1-bg); color: var(--v1-fg); border-color: var(--v1-bd); }
.v2 { background: var(--v2-bg); color: var(--v2-fg); border-color: var(--v2-bd); }
.v3 { background: var(--v3-bg); color: var(--v3-fg); border-color: var(--v3-bd); }
.v4 { background: var(--v4-bg); color: var(--v4-fg); border-color: var(--v4-bd); }
.v5 { background: var(--v5-bg); color: var(--v5-fg); border-color: var(--v5-bd); }
.filters { display: flex; align-items: center; gap: 8px 10px; flex-wrap: wrap; }
.filters label { display: inline-flex; align-items: center; gap: 6px; color: var(--muted); }
.filters select, .filters input { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; }
.filters input { width: 300px; }
.seg { display: inline-flex; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
.seg button, .btn { background: var(--bg); border: 0; padding: 4px 10px; cursor: pointer; }
.seg button + button { border-left: 1px solid var(--line); }
.seg button[aria-pressed="true"] { background: var(--accent); color: #fff; }
.btn { border: 1px solid var(--line); border-radius: 6px; }
.btn[aria-pressed="true"] { border-color: var(--accent); color: var(--accent); }
.push { margin-left: auto; }
.shown { color: var(--muted); flex: none; font-variant-numeric: tabular-nums; }
main { flex: 1; display: flex; min-height: 0; }
.grid { flex: 1; overflow: auto; position: relative; min-width: 0; }
.grid:focus { outline: none; }
.sizer { position: relative; }
.colhead { position: sticky; top: 0; z-index: 2; background: var(--bg); }
.corner { position: sticky; left: 0; z-index: 3; background: var(--head); border-right: 1px solid var(--line);
  border-bottom: 1px solid var(--line); display: flex; flex-direction: column; justify-content: flex-end; padding: 6px 12px; color: var(--muted); font-size: 12px; }
.corner b { color: var(--fg); font-weight: 600; }
.seg-ns, .seg-svc, .ph { position: absolute; overflow: clip; white-space: nowrap; border-left: 1px solid var(--line); }
.seg-ns { top: 0; height: 22px; background: var(--head2); font-weight: 650; font-size: 12px; padding: 3px 0; }
.seg-svc { top: 22px; height: 22px; background: var(--head); font-size: 12px; padding: 3px 0; border-top: 1px solid var(--line); }
.seg-ns > span, .seg-svc > span { position: sticky; left: var(--rw); padding: 0 5px; display: inline-block; max-width: 100%; overflow: hidden; text-overflow: ellipsis; vertical-align: top; }
.seg-svc .src { color: var(--muted); font-weight: 400; }
.ph { top: 44px; height: 28px; background: var(--bg); border-top: 1px solid var(--line); border-bottom: 1px solid var(--line);
  text-align: center; padding-top: 5px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12px; color: var(--muted); }
.bodyrow { display: flex; }
.rowhead { position: sticky; left: 0; z-index: 1; flex: none; background: var(--bg); border-right: 1px solid var(--line); }
.cells { position: relative; flex: none; }
.rh, .gh { position: absolute; left: 0; right: 0; display: flex; align-items: center; gap: 8px; padding: 0 8px 0 20px; white-space: nowrap; }
.rh { border-bottom: 1px solid var(--head2); }
.rh .wl { background: none; border: 0; padding: 2px 4px; border-radius: 4px; cursor: pointer; overflow: hidden; text-overflow: ellipsis; text-align: left; min-width: 0; flex: 1; }
.rh .wl:hover { background: var(--head); }
.rh.sel { background: var(--head2); box-shadow: inset 3px 0 0 var(--accent); }
.rh.hl .wl, .ph.hl { color: var(--accent); font-weight: 700; }
.ph.hl { box-shadow: inset 0 -3px 0 var(--accent); }
.rh.hl { box-shadow: inset -3px 0 0 var(--accent); }
.gh.pin { z-index: 1; box-shadow: 0 1px 3px rgba(0, 0, 0, .12); }
.tag { font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; flex: none; }
.tag.ro { color: var(--v1-fg); border-color: var(--v1-bd); }
.tag.off { color: var(--v5-fg); border-style: dashed; }
.gh { padding-left: 8px; background: var(--head); border: 0; border-bottom: 1px solid var(--line); font-weight: 650; cursor: pointer; width: 100%; text-align: left; }
.gh .n { color: var(--muted); font-weight: 400; }
.band { position: absolute; background: var(--head); border-bottom: 1px solid var(--line); }
.band.pin { z-index: 2; box-shadow: 0 1px 3px rgba(0, 0, 0, .12); }
.cell { position: absolute; display: flex; align-items: center; justify-content: center; gap: 4px; border: 1px solid; border-radius: 5px;
  font-size: 12px; font-weight: 600; cursor: pointer; user-select: none; white-space: nowrap; overflow: hidden; }
.cell .s { font-size: 13px; line-height: 1; }
.cell.none, .cell.out { background: transparent; border: 1px dashed var(--line); color: var(--muted); font-weight: 400; }
.cell.out { border-color: transparent; }
.dense .cell .t { display: none; }
.cell:hover { filter: brightness(.96); box-shadow: 0 0 0 1px var(--fg) inset; }
.cell:focus { outline: 2px solid var(--accent); outline-offset: 1px; z-index: 1; }
.cell.act { box-shadow: 0 0 0 2px var(--accent); }
.empty { position: absolute; left: var(--rw); top: 90px; padding: 16px; color: var(--muted); }
aside { width: 420px; flex: none; overflow: auto; border-left: 1px solid var(--line); background: var(--panel); padding: 14px 16px 24px; }
aside h2 { font-size: 15px; margin: 0 0 2px; word-break: break-all; }
aside h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 18px 0 6px; }
aside .close { float: right; }
aside .sub { color: var(--muted); margin: 0 0 6px; }
aside dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; }
aside dt { color: var(--muted); }
aside dd { margin: 0; word-break: break-word; }
aside ul { margin: 0; padding-left: 18px; }
aside li { margin: 2px 0; }
.why { margin: 6px 0 0; word-break: break-word; }
.why .arr { color: var(--accent); font-weight: 700; }
.pick { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; margin-top: 12px; background: var(--head); }
.badge { display: inline-flex; gap: 5px; align-items: center; border: 1px solid; border-radius: 5px; padding: 1px 8px; font-weight: 650; }
.finding { border-left: 3px solid var(--line); padding: 4px 0 4px 10px; margin: 6px 0; }
.finding.error { border-color: var(--v1-bd); }
.finding.warning { border-color: var(--v4-bd); }
.finding .rule { font-weight: 650; }
.finding .loc { color: var(--muted); }
.finding.suppressed { opacity: .65; }
table.pc { border-collapse: collapse; width: 100%; font-size: 11.5px; margin-top: 6px; }
table.pc th, table.pc td { text-align: left; padding: 2px 8px 2px 0; border-bottom: 1px solid var(--head2); vertical-align: top; overflow-wrap: anywhere; }
table.pc td:nth-child(-n+2), table.pc th:nth-child(-n+2) { white-space: nowrap; }
ul.fail { list-style: none; padding: 0; }
ul.fail li { display: flex; gap: 8px; align-items: baseline; }
ul.fail code { overflow-wrap: anywhere; }
table.pc th { color: var(--muted); font-weight: 600; }
details > summary { cursor: pointer; }
.counts { display: flex; gap: 6px; flex-wrap: wrap; }
.counts .chip { cursor: default; }
footer { border-top: 1px solid var(--line); padding: 6px 16px; color: var(--muted); font-size: 12px; display: flex; gap: 16px; flex-wrap: wrap; align-items: baseline; background: var(--head); }
footer details[open] { width: 100%; }
footer ul { margin: 4px 0 6px; padding-left: 18px; max-height: 30vh; overflow: auto; }
#tip { position: fixed; z-index: 10; max-width: 460px; background: var(--panel); color: var(--fg); border: 1px solid var(--line);
  border-radius: 8px; box-shadow: var(--shadow); padding: 10px 12px; pointer-events: none; font-size: 12.5px; }
#tip .route { font-weight: 600; word-break: break-all; margin-top: 6px; }
#tip .hint { color: var(--muted); margin-top: 6px; font-size: 11.5px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
