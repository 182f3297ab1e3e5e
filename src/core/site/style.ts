// The page's CSS: system fonts only (no request for a web font), both themes by
// prefers-color-scheme, every text colour at least 4.5:1 on its background.
export const SITE_CSS = `
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--link:#0550ae;--ok:#1a7f37;--total:#6e7781;--bar:#1a7f37;--wip:#0550ae;--pause:#7d4e00;--bad:#b62324}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--card:#151b23;--link:#58a6ff;--ok:#3fb950;--total:#9198a1;--bar:#3fb950;--wip:#58a6ff;--pause:#d29922;--bad:#ff7b72}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}h3{font-size:1rem;margin:1rem 0 .25rem}
a{color:var(--link)}
.muted{color:var(--muted)}
.bar{height:14px;border-radius:7px;background:var(--line);overflow:hidden;margin:.5rem 0}
.bar>span{display:block;height:100%;background:var(--bar)}
.counts{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:0;list-style:none}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
th{background:var(--card)}
td.num{text-align:right;white-space:nowrap}
.date{white-space:nowrap}
.status{white-space:nowrap}.status::before{content:"";display:inline-block;width:.6em;height:.6em;border-radius:50%;margin-right:.35em;background:var(--muted)}
.status-done{color:var(--ok)}.status-done::before{background:var(--ok)}.status-in-progress{color:var(--wip)}.status-in-progress::before{background:var(--wip)}.status-paused{color:var(--pause)}.status-paused::before{background:var(--pause)}.status-unknown{color:var(--bad)}.status-unknown::before{background:var(--bad)}
@media (max-width:600px){#topics th:nth-child(6),#topics td:nth-child(6){display:none}}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1rem}
figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.5rem}
figcaption{font-weight:600;margin:.25rem .25rem .5rem}
svg.burnup{width:100%;height:auto;display:block}
svg .grid{stroke:var(--line);stroke-width:1}
svg .axis{fill:var(--muted);font-size:15px}
svg .total{fill:none;stroke:var(--total);stroke-width:2.5;stroke-dasharray:6 4}
svg .done{fill:none;stroke:var(--ok);stroke-width:3}
svg .total-dot{fill:var(--total)}svg .done-dot{fill:var(--ok)}
.key{display:flex;gap:1rem;flex-wrap:wrap;font-size:.9rem;margin:.25rem}
.key .k-done::before,.key .k-total::before{content:"";display:inline-block;width:1.5em;height:0;border-top:3px solid var(--ok);vertical-align:middle;margin-right:.3em}
.key .k-total::before{border-top:3px dashed var(--total)}
.timelines{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:1rem}
.timeline{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.5rem .75rem}
.timeline h3{margin:.25rem 0 .5rem;font-size:1rem}
.timeline ol{list-style:none;margin:0;padding:0 0 0 .75rem;border-left:2px solid var(--line)}
.timeline li{margin:.2rem 0}
ul.plain{padding-left:1.2rem}
.notes{border-left:4px solid var(--pause);padding:.25rem .75rem;background:var(--card)}
@media (max-width:600px){main{padding:10px}h1{font-size:1.3rem}table{font-size:.85rem}th,td{padding:.3rem}}
`;
