/**
 * The panel's stylesheet, scoped by the shadow root and added when the panel loads (the launcher's,
 * the theme's custom properties and the focus ring are in `core/launcher-css.ts`, already adopted).
 * Logical properties (inline start/end) so a right-to-left page mirrors the layout; px sizes, so the
 * page's root font size cannot scale it; touch targets at least 44 px (WCAG 2.5.5). Under 480 px the
 * panel fills the screen. Each line ends with `\`, a line continuation: the string itself has no newlines.
 */
export const css = `\
.panel{font:14px/1.45 var(--triage-font);color:var(--triage-text);position:fixed;right:20px;bottom:76px;z-index:var(--triage-z);box-sizing:border-box;width:min(400px,calc(100vw - 40px));max-height:calc(100vh - 100px);overflow:auto;padding:12px 20px 20px;background:var(--triage-bg);border:1px solid var(--triage-border);border-radius:var(--triage-radius);box-shadow:0 12px 40px #0005;text-align:start}\
.left .panel{right:auto;left:20px}\
@media (max-width:480px){.panel,.left .panel{inset:0;width:auto;max-height:none;border-radius:0}}\
.header,.actions,.row,.option{display:flex;flex-wrap:wrap;align-items:center;gap:8px}\
.header,.actions{justify-content:space-between}\
h2,h3,h4,p{margin:8px 0 4px;font-size:16px}\
form,fieldset{display:grid;gap:4px;margin:0;padding:0;border:0}\
label,legend{font-weight:600;margin-top:8px}\
.option{min-height:44px;margin:0;font-weight:400;flex-wrap:nowrap}\
.option input{margin:0;width:20px;height:20px;flex:none}\
.detail,.hint,.meta,dt{display:block;color:var(--triage-muted);font-size:13px}\
button,textarea,input,select{box-sizing:border-box;min-height:44px;padding:8px 12px;border:1px solid var(--triage-border);border-radius:8px;background:var(--triage-bg);color:var(--triage-text);font:inherit}\
textarea,input:not([type=radio]):not([type=checkbox]),select{width:100%}\
textarea{min-height:90px;resize:vertical}\
[aria-invalid=true]{border-color:var(--triage-error)}\
.error{color:var(--triage-error);font-weight:600}\
.error:empty{margin:0}\
.primary{border-color:var(--triage-color);background:var(--triage-color);color:var(--triage-on-color);font-weight:600}\
[aria-disabled=true]{opacity:.65}\
.close{border-color:#0000}\
.actions{margin-top:12px}\
.actions>*{flex:1 1 auto}\
.row{margin-top:8px}\
.card{padding:4px 12px 12px;border:1px solid var(--triage-border);border-radius:8px}\
dl{display:grid;grid-template-columns:fit-content(40%) minmax(0,1fr);gap:6px 12px}\
.pair{display:contents}\
dd{margin:0;overflow-wrap:anywhere;white-space:pre-wrap}\
.number{font-weight:700}\
.summary{display:block}\
ol,ul{list-style:none;margin:0;padding:0;display:grid;gap:8px}\
li{padding-inline-start:10px;border-inline-start:3px solid var(--triage-border);white-space:pre-wrap;overflow-wrap:anywhere}\
.agent{border-color:var(--triage-color)}\
.reports button{width:100%;text-align:start}\
`
