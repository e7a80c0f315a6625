/// The portal's style sheet, inlined in every page (about 3 KB): system CJK fonts, readable sizes,
/// text contrast of at least 4.5:1, visible focus, tables that scroll sideways on narrow screens.
enum PortalStyle {
    static let css = """
    :root{color-scheme:light}
    *{box-sizing:border-box}
    body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;font-size:16px;line-height:1.6;color:#1a1a1a;background:#fff}
    a{color:#0b4f9c}a:visited{color:#5b2a86}
    a:focus,button:focus,input:focus,select:focus,summary:focus,textarea:focus{outline:3px solid #b45309;outline-offset:2px}
    .skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5em}.skip:focus{left:.5em}
    header.site{display:flex;flex-wrap:wrap;align-items:center;gap:1em;padding:.6em 1.2em;background:#0b3d73;color:#fff}
    header.site a{color:#fff}.site-name{font-size:1.25em;font-weight:bold;text-decoration:none}
    header.site .sign-out{margin-left:auto}header.site .sign-out button{background:#fff;color:#0b3d73;border-color:#fff}
    header.site ul{display:flex;flex-wrap:wrap;gap:1.2em;list-style:none;margin:0;padding:0}
    .crumbs ol{display:flex;flex-wrap:wrap;list-style:none;margin:0;padding:.5em 1.2em;background:#f1f4f8;font-size:.9em}
    .crumbs li+li::before{content:"›";padding:0 .5em;color:#555}
    main{max-width:1200px;margin:0 auto;padding:1em 1.2em 3em}
    footer{border-top:1px solid #ccc;padding:1em 1.2em;font-size:.9em;color:#444}
    h1{font-size:1.6em;line-height:1.3}h2{font-size:1.3em;margin-top:1.6em}h3{font-size:1.1em}
    .scroll{overflow-x:auto;margin:.5em 0 1em}
    table{border-collapse:collapse;font-size:.92em}
    caption{text-align:left;font-weight:bold;padding:.3em 0}
    th,td{border:1px solid #8a8a8a;padding:.25em .5em;vertical-align:top}
    thead th{background:#e8edf3}
    tbody th{text-align:left;font-weight:normal}
    td.amount,td.number,th.amount{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    tr.total td,td.bold{font-weight:bold}
    .meta{color:#444;font-size:.92em}
    .notice{border-left:4px solid #b45309;background:#fff7ed;padding:.5em 1em}
    .good{color:#1b5e20}.bad{color:#a4161a}.muted{color:#555}
    form.search{display:flex;flex-wrap:wrap;gap:.5em;margin:1em 0}
    input,select,button,textarea{font:inherit;padding:.35em .5em;border:1px solid #666;border-radius:3px}
    button{background:#0b3d73;color:#fff;border-color:#0b3d73;cursor:pointer}
    input[type=search]{min-width:18em}
    .hits li{margin:.4em 0}.hits mark{background:#fde68a;color:#1a1a1a}
    .chart{max-width:720px;width:100%;height:auto;display:block}
    .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(14em,1fr));gap:1em}
    .card{border:1px solid #ccc;border-radius:4px;padding:.8em 1em}
    .toc ol{columns:2 18em}
    code,.sha{font-family:"Noto Sans Mono CJK SC",monospace;font-size:.85em;word-break:break-all}
    .finding{border-left:4px solid #a4161a;padding:.2em .6em;margin:.2em 0;background:#fdf2f2}
    .finding.warning{border-color:#b45309;background:#fff7ed}
    fieldset{border:1px solid #aaa;margin:1em 0}
    .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
    input:invalid,input[aria-invalid=true]{border:2px solid #a4161a;background:#fdf2f2}
    """
}
