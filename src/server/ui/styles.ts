/** The web UI's stylesheet, served at /ui/assets/ui.css (no inline style anywhere: the CSP forbids it). */
export const UI_STYLES = `:root{--fg:#1d232b;--muted:#5b6672;--line:#d9dee4;--bg:#fff;--soft:#f4f6f8;--accent:#0b57d0;--bad:#b3261e;--ok:#1e7b34;--warn:#8a5a00}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #f2b705;outline-offset:1px}
.bar{display:flex;gap:1.5rem;align-items:center;padding:.6rem 1.5rem;background:#17202b;color:#fff}
.bar a{color:#dfe7f1;text-decoration:none;margin-right:1rem}.bar a[aria-current=page]{color:#fff;border-bottom:2px solid #f2b705}.bar .brand{font-weight:700;color:#fff;font-size:1.1rem}
main{max-width:76rem;margin:0 auto;padding:1rem 1.5rem 3rem}h1{font-size:1.5rem;margin:.8rem 0 .4rem}h2{font-size:1.15rem;margin:1.6rem 0 .5rem}
.muted{color:var(--muted)}.error{color:var(--bad);font-weight:600}.ok{color:var(--ok)}.warn{color:var(--warn)}
form.filters{display:grid;grid-template-columns:2fr 1.2fr 1fr 1fr 1.2fr auto;gap:.6rem;align-items:end;background:var(--soft);padding:.8rem;border-radius:6px;border:1px solid var(--line)}
label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted);gap:.2rem}
input,select,textarea{font:inherit;color:var(--fg);padding:.35rem .5rem;border:1px solid #aab4bf;border-radius:4px;background:#fff}
textarea{width:100%;min-height:12rem;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem}
button{font:inherit;padding:.4rem .9rem;border-radius:4px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
button.secondary{background:#fff;color:var(--accent)}.actions{display:flex;gap:.5rem}
table{border-collapse:collapse;width:100%;margin-top:.6rem}th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;font-size:.9rem;white-space:nowrap}th a{text-decoration:none;color:var(--fg)}th a:hover{text-decoration:underline}th[aria-sort] a{color:var(--accent)}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.id{font-size:.8rem;color:var(--muted);font-family:ui-monospace,monospace}
.badge{display:inline-block;padding:0 .45rem;border-radius:9px;font-size:.85rem;background:var(--soft);border:1px solid var(--line)}.badge.bad{background:#fdecea;border-color:#f3b7b1;color:var(--bad)}
.pager{display:flex;gap:1rem;align-items:center;margin-top:.8rem}.summary{display:flex;flex-wrap:wrap;gap:.6rem;margin:.6rem 0}
.figure{border:1px solid var(--line);border-radius:6px;padding:.4rem .8rem;min-width:8rem}.figure b{display:block;font-size:1.3rem}.figure span{font-size:.85rem;color:var(--muted)}
ol.timeline{list-style:none;padding:0;margin:0;border-left:3px solid var(--line)}ol.timeline li{padding:.3rem 0 .5rem 1rem;position:relative}
ol.timeline li::before{content:"";position:absolute;left:-8px;top:.75rem;width:11px;height:11px;border-radius:50%;background:#9aa6b2}
ol.timeline li.created::before,ol.timeline li.joined::before{background:var(--accent)}ol.timeline li.merged::before,ol.timeline li.split::before,ol.timeline li.moved::before{background:var(--warn)}ol.timeline li.version::before{background:var(--ok)}
.kind{font-weight:600;margin-right:.3rem}.panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem}
.panel{border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem}.panel h2{margin-top:0}.row{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:.5rem;margin:.5rem 0}.row input,.panel input[type=url]{width:100%;min-width:0}.panel button{margin-top:.5rem}
.figure.bad{border-color:#f3b7b1;background:#fdecea}.figure.bad b{color:var(--bad)}
.notice,.warnings{margin:.6rem 0;padding:.5rem 1rem;border:1px solid var(--line);border-left:4px solid var(--warn);border-radius:6px;background:#fff8e6}.warnings ul{margin:0;padding-left:1.2rem}fieldset{border:0;padding:0;margin:0;min-width:0}fieldset[disabled]{opacity:.55}.indep{font-size:.8rem;white-space:nowrap}
.scroll{overflow-x:auto}progress{width:100%;height:1.1rem}.status{min-height:1.5rem;margin:.4rem 0}ul.results{padding-left:1.2rem}
@media (max-width:60rem){form.filters{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}form.filters input,form.filters select{width:100%;min-width:0}main{padding:.5rem .8rem 2rem}.bar{padding:.6rem .8rem;gap:.8rem}}`;
