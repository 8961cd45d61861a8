/**
 * The dossier page's style sheet, inlined (the file must work offline and as an attachment; the
 * Content-Security-Policy allows this exact sheet by hash). Meaning never rests on colour alone: grades,
 * stances and diff marks are also words or signs; highlights carry a side letter and an outline.
 */
export const STYLES = `
:root{--fg:#1b1f24;--muted:#57606a;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--accent:#0a58ca;
--hl0:#ffe58f;--hl1:#b6e3ff;--hl2:#d8f5c4;--hl3:#f9d0e6;--ins:#d7f5dd;--del:#ffd8d3;color-scheme:light}
*{box-sizing:border-box}
body{margin:0;padding-bottom:3rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header.top{padding:1rem 1.25rem;border-bottom:1px solid var(--line)}
header.top h1{margin:0 0 .25rem;font-size:1.5rem}
.hint{color:var(--muted);margin:.25rem 0 0}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem;z-index:9}
nav.toc ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:.5rem 0 0;list-style:none}
nav.toc a{color:var(--accent)}
.layout{display:block}
main.findings{padding:0 1.25rem 2rem;min-width:0}
aside.texts{padding:0 1.25rem 2rem;border-top:1px solid var(--line);min-width:0}
@media (min-width:1100px){
 .layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr)}
 aside.texts{position:sticky;top:0;max-height:100vh;overflow:auto;border-top:0;border-left:1px solid var(--line);background:var(--panel)}
}
h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1rem 0 .5rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:var(--panel)}
.scroll{overflow-x:auto;position:relative}
.warnings{margin:.75rem 0;padding:.5rem 1.5rem;border:1px solid var(--line);border-left:4px solid #b45309;border-radius:6px}
.stats{display:flex;flex-wrap:wrap;gap:.5rem;margin:.75rem 0;padding:0;list-style:none}
.stats li{border:1px solid var(--line);border-radius:6px;padding:.4rem .7rem;background:var(--panel)}
.stats b{font-size:1.2rem;display:block}
.finding{cursor:pointer;border-radius:4px;outline-offset:2px}
.finding:hover{background:#eef4ff}
.finding:focus-visible{outline:3px solid var(--accent)}
.finding.sel{outline:3px solid var(--accent);background:#eef4ff}
.card{border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;margin:.6rem 0;break-inside:avoid}
.card>.finding{display:block;font-weight:600;padding:.2rem .3rem}
.sides{margin:.4rem 0 0;padding-left:0;list-style:none}
.sides>li{margin:.3rem 0}
.sides .finding{display:block;padding:.2rem .3rem}
.side-tag{display:inline-block;min-width:1.4em;text-align:center;font-weight:700;border:1px solid var(--fg);border-radius:3px;margin-right:.3rem;font-size:.8rem}
.ev{color:var(--muted);font-size:.9rem}
.ev q{color:var(--fg)}
.src{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85em;background:var(--panel);border:1px solid var(--line);border-radius:3px;padding:0 .25em}
.variants{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.6rem}
.variant{border:1px solid var(--line);border-radius:6px;padding:.5rem .6rem;break-inside:avoid}
.variant blockquote{margin:.3rem 0;font-style:normal}
.label{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;border-radius:3px;padding:0 .35em;border:1px solid}
.label.reference{border-color:#1a7f37;color:#1a7f37}.label.verbatim{border-color:#1a7f37;color:#1a7f37}
.label.bowdlerised{border-color:#8250df;color:#8250df}.label.trimmed{border-color:#9a6700;color:#9a6700}
.label.reworded{border-color:#bc4c00;color:#bc4c00}.label.altered{border-color:#cf222e;color:#cf222e;background:#fff0ee}
ins{background:var(--ins);text-decoration:underline;text-decoration-thickness:2px}
del{background:var(--del);text-decoration:line-through}
ins::before{content:"+";font-weight:700}del::before{content:"\\2212";font-weight:700}
.note{color:var(--muted);font-size:.85rem;margin:.2rem 0 0}
.stance{white-space:nowrap}
td.stance{text-align:center;font-size:1.1rem}
table.matrix th[scope=row]{font-weight:400;min-width:14rem}
table.matrix td:nth-child(2){font-size:.85rem}
.stance.supports{background:#e6f6e9}.stance.contradicts{background:#ffebe9;font-weight:600}.stance.silent{color:var(--muted)}
.status-corroborated{color:#1a7f37}.status-contested{color:#cf222e;font-weight:600}.status-single-source{color:#9a6700}
td.heat{text-align:center}
.heat0{background:#fff}.heat1{background:#fff4d6}.heat2{background:#ffe3a3}.heat3{background:#ffc96b}.heat4{background:#ff9f43}.heat5{background:#f76707;color:#000}
svg.graph{max-width:100%;height:auto;border:1px solid var(--line);border-radius:6px;background:var(--bg)}
svg.graph text{font:12px system-ui,sans-serif;fill:var(--fg)}
.source-text h3{position:sticky;top:0;background:inherit;margin:0;padding:.5rem 0;z-index:1}
.source-text{margin:1rem 0;background:var(--panel)}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.95rem;unicode-bidi:isolate;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
.bp{color:var(--muted);text-decoration:line-through;background:#eee}
.hl{box-shadow:0 2px 0 #000;text-decoration:underline;text-decoration-thickness:2px}
.hl0{background:var(--hl0)}.hl1{background:var(--hl1)}.hl2{background:var(--hl2)}.hl3{background:var(--hl3)}
.hl[data-mark]::before{content:attr(data-mark);font:700 .7rem system-ui,sans-serif;border:1px solid #000;border-radius:2px;padding:0 .2em;margin-right:.15em;background:#fff}
.count{font-weight:400;color:var(--muted);font-size:.85rem}
.status{position:fixed;bottom:0;left:0;right:0;background:var(--fg);color:#fff;padding:.4rem 1rem;font-size:.9rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.status:empty{display:none}
.status button{font:inherit;color:#fff;background:transparent;border:1px solid #fff;border-radius:4px;padding:0 .5rem;cursor:pointer}
.empty{color:var(--muted)}
.warning{border-left:3px solid #b58900;padding-left:.5em}
.steps{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;padding:0;margin:.4rem 0 0}
.steps>li{display:flex;align-items:center;gap:.3rem}
.steps>li+li::before{content:"\\2192";color:var(--muted)}
.chain[data-disputed]{border-color:#cf222e}
bdi{unicode-bidi:isolate}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{
 .layout{display:block}aside.texts{position:static;max-height:none;overflow:visible;border:0;background:none;break-before:page}
 .status,nav.toc,.skip,.hint{display:none}
 .finding:hover{background:none}
 body{font-size:11pt}
 .card,.variant,tr{break-inside:avoid}
 .text{border:0;padding:0}
}
@media (max-width:600px){
 body{font-size:15px}
 header.top,main.findings,aside.texts{padding-left:.6rem;padding-right:.6rem}
 th,td{padding:.2rem .3rem}
}
`;
