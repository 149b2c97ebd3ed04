/** The style sheet of the HTML report, inlined so the page needs nothing else. */
export const REPORT_CSS = `
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fff; --muted: #666; --line: #ddd; --mark: #fff3b0; --link: #0645ad; }
@media (prefers-color-scheme: dark) { :root { --fg: #eee; --bg: #161616; --muted: #aaa; --line: #333; --mark: #5a4b00; --link: #8ab4f8; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--line); } h3 { margin-bottom: .4rem; }
a { color: var(--link); }
.meta, .by { color: var(--muted); font-size: .9em; }
.summary { font-size: 1.1rem; }
a.cite { font-size: .75em; vertical-align: super; text-decoration: none; margin-left: .1em; }
table { border-collapse: collapse; width: 100%; font-size: .92em; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.source { border-top: 1px solid var(--line); padding-top: .5rem; }
.text { white-space: pre-wrap; }
.s.cited { background: color-mix(in srgb, var(--mark) 40%, transparent); }
.s:target { background: var(--mark); outline: 2px solid var(--mark); }
.embed { border-left: 3px solid var(--line); margin: 1rem 0; padding: .2rem 1rem; } .embed:target { background: var(--mark); }
.embed footer { color: var(--muted); font-size: .85em; }
.tag { display: inline-block; font-size: .8em; padding: 0 .4em; border: 1px solid var(--line); border-radius: .3em; }
.timeline time { font-weight: 600; margin-right: .4em; }
details summary { cursor: pointer; color: var(--muted); }
`;
