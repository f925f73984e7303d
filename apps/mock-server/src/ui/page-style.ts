/**
 * The inbox page's whole stylesheet, inlined (the page loads nothing from anywhere, so it works offline).
 * System fonts, light and dark, one column on a phone.
 */
export const pageStyle = `
:root {
  color-scheme: light dark;
  --bg: #f4f5f7; --panel: #fff; --text: #1d2129; --muted: #6b7280; --line: #e3e5e8;
  --accent: #ff5000; --ok: #127a3a; --ok-bg: #e3f6ea; --bad: #b42318; --bad-bg: #fde8e7;
  --partial: #9a5b00; --partial-bg: #fff1d6;
  --bubble: #e9e9eb; --bubble-text: #111; --code: #f6f7f9;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #121417; --panel: #1b1e23; --text: #e6e8eb; --muted: #9aa1ab; --line: #2c3036;
    --ok: #5fd08b; --ok-bg: #163222; --bad: #ff8a80; --bad-bg: #3a1a18;
    --partial: #ffc266; --partial-bg: #3a2a10;
    --bubble: #2c2f35; --bubble-text: #f2f2f2; --code: #15171b;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 15px/1.45 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
}
a { color: inherit; }
header.top {
  background: var(--panel); border-bottom: 1px solid var(--line);
  padding: 10px 16px 0; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 16px;
}
header.top h1 { font-size: 17px; margin: 0; flex: 1 1 auto; }
header.top h1 small { color: var(--muted); font-weight: normal; font-size: 13px; margin-left: 6px; }
.live { font-size: 12px; color: var(--muted); white-space: nowrap; }
.live::before { content: ""; display: inline-block; width: 8px; height: 8px; border-radius: 50%;
  background: var(--muted); margin-right: 5px; vertical-align: 1px; }
.live[data-state="live"]::before { background: #22c55e; }
.live[data-state="reconnecting"]::before { background: #f59e0b; }
nav.tabs { flex: 1 0 100%; display: flex; gap: 4px; }
nav.tabs a { padding: 8px 12px; text-decoration: none; color: var(--muted); border-bottom: 3px solid transparent; }
nav.tabs a[aria-current="page"] { color: var(--text); border-bottom-color: var(--accent); font-weight: 600; }
.count { font-size: 12px; background: var(--bg); border-radius: 10px; padding: 0 7px; margin-left: 4px; }
main { max-width: 980px; margin: 0 auto; padding: 12px 12px 48px; }
form.filters {
  display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px;
  background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 10px;
}
form.filters .search { grid-column: 1 / -1; }
form.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 2px; }
form.filters label.check { flex-direction: row; align-items: center; gap: 6px; font-size: 14px; color: var(--text); }
input, select, button {
  font: inherit; color: inherit; background: var(--panel); border: 1px solid var(--line); border-radius: 6px;
  padding: 6px 8px; min-width: 0;
}
button { cursor: pointer; background: var(--bg); }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.actions { display: flex; gap: 8px; align-items: center; }
.actions a { font-size: 14px; }
.js .actions button.primary { display: none; }
.namespaces { display: flex; flex-wrap: wrap; gap: 8px; margin: 10px 0 0; padding: 0; list-style: none; }
.namespaces li {
  display: flex; align-items: center; gap: 6px; background: var(--panel); border: 1px solid var(--line);
  border-radius: 16px; padding: 2px 4px 2px 10px; font-size: 13px;
}
.namespaces form { margin: 0; }
.namespaces button { font-size: 12px; padding: 2px 8px; border-radius: 12px; }
.namespaces .label { color: var(--muted); background: none; border: 0; padding-left: 0; }
p.summary { color: var(--muted); font-size: 13px; margin: 12px 2px 6px; }
ol.list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
.card.rejected { border-left: 4px solid var(--bad); }
.card.partial { border-left: 4px solid var(--partial); }
.card.fresh { animation: fresh 2s ease-out; }
@keyframes fresh { from { background: #fff3c4; } to { background: var(--panel); } }
.card summary { list-style: none; cursor: pointer; padding: 10px 12px; display: grid; gap: 3px; }
.card summary::-webkit-details-marker { display: none; }
.card details[open] summary { border-bottom: 1px solid var(--line); }
.row { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; min-width: 0; }
.row .grow { flex: 1 1 auto; }
.recipient { font-weight: 600; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.kind { font-size: 12px; color: var(--muted); font-weight: normal; }
time, .meta { color: var(--muted); font-size: 13px; }
.meta span + span::before { content: "·"; margin: 0 6px; color: var(--line); }
.preview { display: block; color: var(--text); opacity: .85; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.badge { font-size: 12px; border-radius: 4px; padding: 1px 6px; background: var(--bg); white-space: nowrap; }
.badge.taobao-jst, .badge.taobao-tid { background: #fff0e6; color: #b33a00; }
.badge.qianniu-tpn { background: #e8f0ff; color: #1f4fbf; }
.badge.doudian-sms { background: #f1e8ff; color: #6b21a8; }
@media (prefers-color-scheme: dark) {
  .badge.taobao-jst, .badge.taobao-tid { background: #3a2414; color: #ffb08a; }
  .badge.qianniu-tpn { background: #172a4d; color: #9bbcff; }
  .badge.doudian-sms { background: #2d1b47; color: #d5b3ff; }
}
.outcome { font-size: 12px; font-weight: 600; border-radius: 4px; padding: 1px 6px; white-space: nowrap; }
.outcome.sent { color: var(--ok); background: var(--ok-bg); }
.outcome.rejected { color: var(--bad); background: var(--bad-bg); white-space: normal; }
.outcome.partial { color: var(--partial); background: var(--partial-bg); white-space: normal; }
.receipt-label { font-weight: 600; }
.receipt-result[data-result="delivered"] { color: var(--ok); }
.receipt-result[data-result="failed"] { color: var(--bad); }
.receipt[data-state="confirmed"] .receipt-label { color: var(--ok); }
.receipt[data-state="failed"] .receipt-label, .receipt[data-state="never"] .receipt-label { color: var(--bad); }
.failures { display: grid; gap: 2px; font-size: 13px; }
.failure { overflow-wrap: anywhere; }
.unknown-text p { margin: 0 0 6px; font-size: 13px; }
.body { padding: 12px; display: grid; gap: 12px; grid-template-columns: minmax(0, 320px) minmax(0, 1fr); }
.body.single { grid-template-columns: minmax(0, 1fr); }
.body > .wide { grid-column: 1 / -1; }
.phone {
  border: 1px solid var(--line); border-radius: 22px; padding: 14px 12px 12px; background: var(--bg);
  align-self: start;
}
.phone .from { text-align: center; font-size: 12px; color: var(--muted); margin-bottom: 8px; }
.bubble {
  background: var(--bubble); color: var(--bubble-text); border-radius: 16px 16px 16px 4px; padding: 8px 12px;
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.bubble .title { font-weight: 700; display: block; margin-bottom: 4px; }
.phone .counts { font-size: 12px; color: var(--muted); margin: 8px 2px 0; }
.phone .note { font-size: 12px; color: var(--muted); margin: 4px 2px 0; }
dl.facts { margin: 0; display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 12px; font-size: 14px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
pre, code.block {
  margin: 0; background: var(--code); border: 1px solid var(--line); border-radius: 6px; padding: 8px;
  font: 12px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap;
  overflow-wrap: anywhere;
}
h4 { margin: 0 0 4px; font-size: 13px; color: var(--muted); font-weight: 600; }
.reason { color: var(--bad); overflow-wrap: anywhere; }
.preview.reason { white-space: normal; }
.diagnostic { border: 1px solid var(--bad); border-radius: 8px; padding: 8px; background: var(--bad-bg); }
.diagnostic dl.facts { font-size: 13px; }
.empty { text-align: center; color: var(--muted); padding: 32px 12px; background: var(--panel);
  border: 1px dashed var(--line); border-radius: 10px; }
.empty code { font-size: 13px; }
ol.list:not(:empty) + .empty { display: none; }
@media (max-width: 640px) {
  header.top { padding: 8px 10px 0; }
  main { padding: 8px 8px 40px; }
  form.filters { grid-template-columns: 1fr 1fr; }
  .body { grid-template-columns: minmax(0, 1fr); }
  .hide-narrow { display: none; }
}
`;
