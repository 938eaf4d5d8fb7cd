// One order as the look-up shows it: its facts, progress per platform, handoff history and, when DEAD or
// NEEDS_REVIEW, a Redrive button. Node data is personal data: only the names of the fields a node carries are shown.
import { h, time, $ } from './ui.js';

/** Sync states an operator may redrive. */
export const REDRIVABLE = ['DEAD', 'NEEDS_REVIEW'];

/** Shows the order; its Redrive button calls `redrive(orderId, button)`. */
export function renderOrder(order, redrive) {
  const progress = Object.entries(order.progress || {}).map(([platform, nodes]) => progressOn(platform, nodes));
  const redriveBar = REDRIVABLE.includes(order.syncState)
    ? h('div', { class: 'toolbar' },
      h('button', {
        type: 'button', text: `Redrive ${order.orderId}`, onclick: (e) => redrive(order.orderId, e.currentTarget),
      }),
      h('span', { class: 'redrive-result', role: 'status' })) : null;
  $('order-view').replaceChildren(h('article', { class: 'order', 'aria-label': `Order ${order.orderId}` },
    h('h2', {}, 'Order ', h('code', { text: order.orderId })),
    h('dl', { class: 'facts' }, facts(order).flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: String(v) })])),
    redriveBar, progress, handoffs(order)));
}

function facts(order) {
  const sync = order.sync || {};
  const failure = sync.lastClassification;
  const owner = order.owner;
  return [
    ['Business type', order.businessType || '—'],
    ['Owner', owner ? `${owner.platform} / ${owner.terminalId} since ${time(owner.since)}` : 'none (plain order)'],
    ['Sync state', order.syncState],
    ['Attempt', sync.attempt ?? 0],
    ['Downstream', sync.downstream || '—'],
    ['Reference', sync.reference || '—'],
    ['Next attempt', time(sync.nextAttemptAt)],
    ['Last failure', failure ? describeFailure(failure) : '—'],
    ['Stopped because', sync.deadReason || sync.reviewReason || '—'],
    ['Version', order.version],
    ['Updated', time(order.updatedAt)],
  ];
}

function progressOn(platform, nodes) {
  return h('div', { class: 'progress' },
    h('h3', { text: `Progress on ${platform}` }),
    nodes.length ? progressTable(nodes) : h('p', { class: 'muted', text: 'Nothing done yet.' }));
}

function progressTable(nodes) {
  return h('table', { class: 'data' },
    headRow(['Node', 'Completed', 'Terminal', 'Carried over from', 'Data fields']),
    h('tbody', {}, nodes.map((n) => h('tr', {},
      h('th', { scope: 'row' }, h('code', { text: n.node })),
      h('td', { text: time(n.completedAt) }),
      h('td', { text: n.terminalId || '—' }),
      h('td', { text: n.carriedOver ? carriedFrom(n.carriedOver) : '—' }),
      h('td', { class: 'muted', text: dataFields(n.data) })))));
}

function carriedFrom(c) {
  return `${c.fromPlatform}: ${c.sourceNodes.join(', ')}`;
}

/** The names of a node's data fields, never their values. */
function dataFields(data) {
  return data && typeof data === 'object' ? Object.keys(data).join(', ') || '—' : '—';
}

function handoffs(order) {
  if (!order.handoffs || !order.handoffs.length) {
    return h('p', { class: 'muted', text: 'No handoffs.' });
  }
  return h('table', { class: 'data' }, h('caption', { text: 'Handoff history' }),
    headRow(['When', 'From', 'To', 'Carried over', 'Mapping']),
    h('tbody', {}, order.handoffs.map((x) => h('tr', {},
      h('td', { text: time(x.at) }),
      h('td', { text: `${x.fromPlatform} / ${x.fromTerminal}` }),
      h('td', { text: `${x.toPlatform} / ${x.toTerminal}` }),
      h('td', { text: x.carriedOver.length ? x.carriedOver.join(', ') : '—' }),
      h('td', { text: x.mappingVersion ? `v${x.mappingVersion}` : '—' })))));
}

function headRow(titles) {
  return h('thead', {}, h('tr', {}, titles.map((t) => h('th', { scope: 'col', text: t }))));
}

/** A sync failure in one line: category, rule, HTTP status, code and message, those it has. */
export function describeFailure(f) {
  const parts = [f.category, f.ruleId && `rule ${f.ruleId}`, f.httpStatus && `HTTP ${f.httpStatus}`,
    f.code && `code ${f.code}`, f.message];
  return parts.filter(Boolean).join(' · ');
}
