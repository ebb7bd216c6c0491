/**
 * The launcher's stylesheet, loaded eagerly with it, and the theme's custom properties.
 * `all: initial !important` on the host: a page rule such as `* { all: unset !important }` would
 * otherwise win over `:host`; an important declaration from inside the shadow tree beats one from
 * the page (CSS Cascade 5, §6.2 "Context"). Sizes are in px, never rem: the page's root font size
 * must not scale us. Lines end with `\` (a line continuation), so the string has no newlines.
 */
export const launcherCss = `\
:host{all:initial!important;--triage-color:#2251cc;--triage-on-color:#fff;--triage-bg:#fff;--triage-text:#1b1f29;--triage-muted:#545b6b;--triage-border:#8a91a1;--triage-error:#b3261e;--triage-radius:12px;--triage-font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--triage-z:2147483000}\
@media (prefers-color-scheme:dark){:host{--triage-bg:#1d2230;--triage-text:#eef0f5;--triage-muted:#b9c0cf;--triage-border:#6b7288;--triage-error:#ffb4ab}}\
.launcher{position:fixed;right:20px;bottom:20px;z-index:var(--triage-z);display:flex;align-items:center;gap:8px;min-height:44px;padding:10px 16px;border:0;border-radius:999px;background:var(--triage-color);color:var(--triage-on-color);font:600 14px/1.2 var(--triage-font);box-shadow:0 4px 14px #0004}\
.left .launcher{right:auto;left:20px}\
.launcher svg{width:18px;height:18px;fill:currentColor}\
:focus-visible{outline:2px solid var(--triage-color);outline-offset:2px}\
`
