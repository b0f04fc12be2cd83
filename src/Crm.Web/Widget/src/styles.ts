/** Scoped to the widget's shadow root. The accent colour comes from the script tag's data-color. */
export const styles = `
:host { all: initial; --crm-accent: #2f5bd3; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.crm-hidden { display: none !important; }
.crm-sr { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.crm-widget button:focus-visible, .crm-widget input:focus-visible, .crm-widget textarea:focus-visible, .crm-thread:focus-visible,
.crm-attach:focus-within { outline: 3px solid #1b1f29; outline-offset: 2px; }
.crm-header button:focus-visible { outline-color: #fff; outline-offset: -3px; }
.crm-launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483646; border: 0; border-radius: 28px;
  padding: 14px 22px; background: var(--crm-accent); color: #fff; font: inherit; font-weight: 600; cursor: pointer;
  box-shadow: 0 4px 16px rgba(0,0,0,.2); }
.crm-badge { position: absolute; top: -6px; right: -6px; min-width: 22px; height: 22px; box-sizing: border-box; padding: 0 6px;
  border-radius: 11px; background: #c62828; color: #fff; font-size: 12px; font-weight: 700; line-height: 22px; text-align: center;
  box-shadow: 0 0 0 2px #fff; }
.crm-panel { position: fixed; right: 20px; bottom: 84px; z-index: 2147483647; width: 360px; height: 520px; max-height: calc(100vh - 104px);
  display: flex; flex-direction: column; background: #fff; color: #1b1f29; border-radius: 12px; overflow: hidden;
  box-shadow: 0 8px 32px rgba(0,0,0,.25); }
.crm-header { display: flex; justify-content: space-between; align-items: center; gap: 8px; padding: 12px 16px; background: var(--crm-accent); color: #fff; }
.crm-title { margin: 0; min-width: 0; font-size: 16px; font-weight: 600; overflow-wrap: anywhere; }
.crm-close { flex: none; min-width: 44px; min-height: 44px; margin: -10px -12px -10px 0; border: 0; background: transparent; color: inherit; font-size: 22px; cursor: pointer; }
.crm-status { padding: 6px 16px; font-size: 12px; color: #5b6170; border-bottom: 1px solid #eceef3; }
.crm-status[data-state="offline"], .crm-status[data-state="reconnecting"] { color: #a15c00; }
.crm-prechat { display: flex; flex-direction: column; gap: 10px; padding: 16px; }
.crm-articles { font-size: 13px; }
.crm-articles-title { margin: 0 0 4px; }
.crm-articles ul { margin: 0; padding-left: 18px; }
.crm-articles a { color: var(--crm-accent, #2457d6); font-weight: 600; }
.crm-articles-passage { display: block; color: #4a5160; overflow-wrap: anywhere; }
.crm-prechat textarea, .crm-prechat input, .crm-composer textarea { font: inherit; min-width: 0; padding: 9px; border: 1px solid #c9ced8; border-radius: 8px; }
.crm-primary { border: 0; border-radius: 8px; padding: 9px 14px; background: var(--crm-accent); color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
.crm-thread { flex: 1; overflow-y: auto; list-style: none; margin: 0; padding: 12px; display: flex; flex-direction: column; gap: 8px; }
.crm-msg { max-width: 80%; align-self: flex-start; background: #f1f3f7; border-radius: 10px; padding: 6px 10px; }
.crm-mine { align-self: flex-end; background: #e3eafc; }
.crm-msg[data-pending="true"] { opacity: .6; }
.crm-author { display: block; font-size: 11px; color: #5b6170; }
.crm-automated { border: 1px dashed #c5cad6; }
.crm-help-link { color: var(--crm-accent); }
.crm-body { white-space: pre-wrap; word-break: break-word; }
.crm-error { padding: 6px 16px; color: #b00020; font-size: 12px; }
.crm-attach { position: relative; align-self: center; cursor: pointer; font-size: 18px; }
.crm-files { padding: 4px 10px; display: flex; gap: 6px; flex-wrap: wrap; }
.crm-chip { font-size: 12px; background: #f1f3f7; border-radius: 10px; padding: 2px 8px; }
.crm-image { display: block; max-width: 200px; max-height: 160px; margin-top: 4px; border-radius: 6px; }
.crm-file { display: block; margin-top: 4px; color: var(--crm-accent); }
.crm-seen { display: block; font-size: 11px; color: #5b6170; text-align: right; }
.crm-rating { padding: 10px 16px; border-top: 1px solid #eceef3; }
.crm-rating textarea { width: 100%; box-sizing: border-box; font: inherit; padding: 6px; border: 1px solid #c9ced8; border-radius: 8px; }
.crm-scores { display: flex; gap: 4px; margin: 6px 0; flex-wrap: wrap; }
.crm-score { border: 1px solid #c9ced8; background: #fff; border-radius: 8px; padding: 4px 6px; cursor: pointer; color: #8a6400; }
.crm-typing { padding: 2px 16px; color: #5b6170; font-size: 12px; font-style: italic; }
.crm-composer { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #eceef3; }
.crm-composer textarea { flex: 1; resize: none; }
.crm-composer .crm-primary { flex: none; }
@media (max-width: 480px) {
  /* The whole screen, measured by the viewport's edges: 100vw would add the scrollbar's width and scroll sideways. */
  .crm-panel { inset: 0; width: auto; height: auto; max-height: none; border-radius: 0; }
  .crm-launcher { right: 12px; bottom: 12px; }
}
`;
