// One order as the look-up shows it: its facts, progress per platform, handoff history, its event timeline and,
// when DEAD or NEEDS_REVIEW, a Redrive button. Node data is personal data: only the names of the fields a node
// carries are shown (events carry none).
import { h, time, $ } from './ui.js';
import { api, segment } from './api.js';

/** Most events the timeline loads (pages of 100). */
const TIMELINE_PAGES = 10;

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
    redriveBar, progress, handoffs(order), timeline(order.orderId)));
}

/** The order's events (GET /v1/orders/{id}/events), loaded after the order is shown. */
function timeline(orderId) {
  const box = h('section', { class: 'timeline', 'aria-label': 'Event timeline' },
    h('h3', { text: 'Event timeline' }), h('p', { class: 'muted', text: 'Loading events…' }));
  loadEvents(orderId).then((events) => {
    box.replaceChildren(box.firstChild, events.length ? eventTable(events)
      : h('p', { class: 'muted', text: 'No events yet (the relay may not have read the latest change).' }));
  }, (e) => {
    box.replaceChildren(box.firstChild, h('p', { class: 'muted', text: `Events not shown: ${e.message}` }));
  });
  return box;
}

async function loadEvents(orderId) {
  const events = [];
  let cursor = null;
  for (let page = 0; page < TIMELINE_PAGES; page += 1) {
    const query = cursor ? `?limit=100&cursor=${encodeURIComponent(cursor)}` : '?limit=100';
    const { body } = await api('GET', `/v1/orders/${segment(orderId)}/events${query}`);
    events.push(...body.events);
    cursor = body.nextCursor;
    if (!cursor) {
      break;
    }
  }
  return events;
}

function eventTable(events) {
  return h('table', { class: 'data events' },
    headRow(['When', 'Event', 'Sequence', 'State', 'Owner change']),
    h('tbody', {}, events.map((e) => h('tr', { 'data-type': e.type },
      h('td', { text: time(e.time) }),
      h('th', { scope: 'row' }, h('code', { text: e.type })),
      h('td', { text: `${e.stream} #${e.sequence}` }),
      h('td', { text: stateOf(e) }),
      h('td', { text: ownerChange(e.state) })))));
}

/** The states an event names, in one line: the sync state it entered, or the owner and node. */
function stateOf(e) {
  const s = e.state || {};
  if (e.stream === 'sync') {
    return [`${s.previousSyncState} → ${s.syncState}`, s.nextAction && `next ${s.nextAction}`,
      s.attempt && `attempt ${s.attempt}`, s.category, s.deadReason || s.reviewReason].filter(Boolean).join(' · ');
  }
  return [s.ownerPlatform && `owner ${s.ownerPlatform} / ${s.ownerTerminal}`,
    s.nodeId && `node ${s.nodeId} on ${s.platform}`].filter(Boolean).join(' · ') || '—';
}

function ownerChange(s) {
  return s && s.fromPlatform ? `${s.fromPlatform} / ${s.fromTerminal} → ${s.toPlatform} / ${s.toTerminal}` : '—';
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
