/** Scoped to the widget's shadow root. The accent colour comes from the script tag's data-color. */
export const styles = `
:host { all: initial; --crm-accent: #2f5bd3; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.crm-hidden { display: none !important; }
.crm-launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483646; border: 0; border-radius: 28px;
  padding: 14px 22px; background: var(--crm-accent); color: #fff; font: inherit; font-weight: 600; cursor: pointer;
  box-shadow: 0 4px 16px rgba(0,0,0,.2); }
.crm-panel { position: fixed; right: 20px; bottom: 84px; z-index: 2147483647; width: 360px; height: 520px; max-height: calc(100vh - 104px);
  display: flex; flex-direction: column; background: #fff; color: #1b1f29; border-radius: 12px; overflow: hidden;
  box-shadow: 0 8px 32px rgba(0,0,0,.25); }
.crm-header { display: flex; justify-content: space-between; align-items: center; padding: 12px 16px; background: var(--crm-accent); color: #fff; }
.crm-close { border: 0; background: transparent; color: inherit; font-size: 22px; cursor: pointer; }
.crm-status { padding: 6px 16px; font-size: 12px; color: #5b6170; border-bottom: 1px solid #eceef3; }
.crm-status[data-state="offline"], .crm-status[data-state="reconnecting"] { color: #a15c00; }
.crm-prechat { display: flex; flex-direction: column; gap: 10px; padding: 16px; }
.crm-prechat input, .crm-composer textarea { font: inherit; padding: 9px; border: 1px solid #c9ced8; border-radius: 8px; }
.crm-primary { border: 0; border-radius: 8px; padding: 9px 14px; background: var(--crm-accent); color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
.crm-thread { flex: 1; overflow-y: auto; list-style: none; margin: 0; padding: 12px; display: flex; flex-direction: column; gap: 8px; }
.crm-msg { max-width: 80%; align-self: flex-start; background: #f1f3f7; border-radius: 10px; padding: 6px 10px; }
.crm-mine { align-self: flex-end; background: #e3eafc; }
.crm-msg[data-pending="true"] { opacity: .6; }
.crm-author { display: block; font-size: 11px; color: #5b6170; }
.crm-body { white-space: pre-wrap; word-break: break-word; }
.crm-error { padding: 6px 16px; color: #b00020; font-size: 12px; }
.crm-attach { align-self: center; cursor: pointer; font-size: 18px; }
.crm-attach input { display: none; }
.crm-files { padding: 4px 10px; display: flex; gap: 6px; flex-wrap: wrap; }
.crm-chip { font-size: 12px; background: #f1f3f7; border-radius: 10px; padding: 2px 8px; }
.crm-image { display: block; max-width: 200px; max-height: 160px; margin-top: 4px; border-radius: 6px; }
.crm-file { display: block; margin-top: 4px; color: var(--crm-accent); }
.crm-seen { display: block; font-size: 11px; color: #5b6170; text-align: right; }
.crm-rating { padding: 10px 16px; border-top: 1px solid #eceef3; }
.crm-rating textarea { width: 100%; box-sizing: border-box; font: inherit; padding: 6px; border: 1px solid #c9ced8; border-radius: 8px; }
.crm-scores { display: flex; gap: 4px; margin: 6px 0; flex-wrap: wrap; }
.crm-score { border: 1px solid #c9ced8; background: #fff; border-radius: 8px; padding: 4px 6px; cursor: pointer; color: #d4a000; }
.crm-typing { padding: 2px 16px; color: #5b6170; font-size: 12px; font-style: italic; }
.crm-composer { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #eceef3; }
.crm-composer textarea { flex: 1; resize: none; }
@media (max-width: 480px) {
  .crm-panel { right: 0; bottom: 0; width: 100vw; height: 100vh; max-height: none; border-radius: 0; }
  .crm-launcher { right: 12px; bottom: 12px; }
}
`;
