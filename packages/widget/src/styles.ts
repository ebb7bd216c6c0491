/**
 * The widget's stylesheet, scoped by its shadow root. `all: initial` on the host stops the page's
 * inherited styles (font, color, line-height…) from leaking in; custom properties still inherit,
 * so a page themes the widget with `triage-widget { --triage-color: … }` or the `color` option.
 */
export const css = `
:host {
  all: initial;
  --triage-color: #2251cc;
  --triage-on-color: #fff;
  --triage-bg: #fff;
  --triage-text: #1b1f29;
  --triage-muted: #545b6b;
  --triage-border: #c4c9d4;
  --triage-error: #b3261e;
  --triage-radius: 12px;
  --triage-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --triage-z: 2147483000;
}
@media (prefers-color-scheme: dark) {
  :host {
    --triage-bg: #1d2230;
    --triage-text: #eef0f5;
    --triage-muted: #aab1c2;
    --triage-border: #495066;
    --triage-error: #ffb4ab;
  }
}
.root { font: 14px/1.45 var(--triage-font); color: var(--triage-text); }
.launcher, .panel { position: fixed; right: 20px; z-index: var(--triage-z); box-sizing: border-box; }
.left .launcher, .left .panel { right: auto; left: 20px; }
.launcher {
  bottom: 20px; display: inline-flex; align-items: center; gap: 8px; padding: 10px 16px;
  border: 0; border-radius: 999px; background: var(--triage-color); color: var(--triage-on-color);
  font: 600 14px/1.2 var(--triage-font); cursor: pointer; box-shadow: 0 4px 14px rgb(0 0 0 / 25%);
}
.launcher svg { width: 18px; height: 18px; fill: currentColor; }
.panel {
  bottom: 76px; width: min(380px, calc(100vw - 40px)); max-height: calc(100vh - 100px); overflow: auto;
  padding: 16px 20px 20px; background: var(--triage-bg); border: 1px solid var(--triage-border);
  border-radius: var(--triage-radius); box-shadow: 0 12px 40px rgb(0 0 0 / 30%);
}
@media (max-width: 480px) {
  .panel, .left .panel { left: 8px; right: 8px; width: auto; bottom: 72px; }
}
.header { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
h2 { margin: 0; font-size: 17px; }
h3 { margin: 12px 0 8px; font-size: 15px; }
.close {
  padding: 4px 8px; border: 1px solid transparent; border-radius: 6px; background: none;
  color: var(--triage-muted); font: inherit; cursor: pointer;
}
.close:hover { border-color: var(--triage-border); }
form { display: grid; gap: 4px; margin-top: 12px; }
label { font-weight: 600; margin-top: 8px; }
.hint { margin: 0; color: var(--triage-muted); font-size: 13px; }
textarea, input {
  box-sizing: border-box; width: 100%; padding: 8px 10px; border: 1px solid var(--triage-border);
  border-radius: 8px; background: var(--triage-bg); color: var(--triage-text); font: inherit;
}
textarea { min-height: 110px; resize: vertical; }
[aria-invalid="true"] { border-color: var(--triage-error); }
.error { margin: 0; color: var(--triage-error); font-weight: 600; }
.primary {
  margin-top: 12px; padding: 10px 16px; border: 0; border-radius: 8px; background: var(--triage-color);
  color: var(--triage-on-color); font: 600 14px/1.2 var(--triage-font); cursor: pointer;
}
.primary[aria-disabled="true"] { opacity: 0.65; cursor: progress; }
:focus-visible { outline: 2px solid var(--triage-color); outline-offset: 2px; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 6px 12px; margin: 8px 0 0; }
dt { color: var(--triage-muted); }
dd { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
.number { font-weight: 700; }
.last { margin-top: 12px; padding: 10px 12px; border: 1px solid var(--triage-border); border-radius: 8px; }
.last h3 { margin-top: 0; }
`
