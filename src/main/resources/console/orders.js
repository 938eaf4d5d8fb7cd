// Orders: look one up (owner, progress per platform, handoffs, sync), list by sync state, redrive DEAD ones.
// Node data is personal data: the console shows which fields a node carries, never their values.
import { api, segment } from './api.js';
import { $, h, showProblem, clearProblem, status, time } from './ui.js';

let cursor = null;

export function initOrders() {
  $('order-lookup').addEventListener('submit', (e) => {
    e.preventDefault();
    lookUp($('order-id').value.trim());
  });
  $('orders-list').addEventListener('submit', (e) => {
    e.preventDefault();
    list(false);
  });
  $('orders-more').addEventListener('click', () => list(true));
}

async function lookUp(id) {
  const box = $('order-problem');
  const form = $('order-lookup');
  clearProblem(box, form);
  $('order-id').value = id;
  if (!id) {
    showProblem(box, { problem: { title: 'The order id is required' }, errors: [{ field: 'id', message: 'is required' }] }, form);
    return;
  }
  try {
    const { body } = await api('GET', `/v1/orders/${segment(id)}`);
    renderOrder(body);
    status(`Order ${body.orderId}`);
  } catch (e) {
    $('order-view').replaceChildren();
    showProblem(box, e, form);
  }
}

function renderOrder(order) {
  const sync = order.sync || {};
  const failure = sync.lastClassification;
  const facts = [
    ['Business type', order.businessType || '—'],
    ['Owner', order.owner ? `${order.owner.platform} / ${order.owner.terminalId} since ${time(order.owner.since)}` : 'none (plain order)'],
    ['Sync state', order.syncState],
    ['Attempt', sync.attempt ?? 0],
    ['Downstream', sync.downstream || '—'],
    ['Reference', sync.reference || '—'],
    ['Next attempt', time(sync.nextAttemptAt)],
    ['Last failure', failure ? describeFailure(failure) : '—'],
    ['Version', order.version],
    ['Updated', time(order.updatedAt)],
  ];
  const progress = Object.entries(order.progress || {}).map(([platform, nodes]) => h('div', { class: 'progress' },
    h('h3', { text: `Progress on ${platform}` }),
    nodes.length ? h('table', { class: 'data' }, h('thead', {}, h('tr', {}, ['Node', 'Completed', 'Terminal', 'Carried over from', 'Data fields']
      .map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, nodes.map((n) => h('tr', {},
      h('th', { scope: 'row' }, h('code', { text: n.node })),
      h('td', { text: time(n.completedAt) }),
      h('td', { text: n.terminalId || '—' }),
      h('td', { text: n.carriedOver ? `${n.carriedOver.fromPlatform}: ${n.carriedOver.sourceNodes.join(', ')}` : '—' }),
      h('td', { class: 'muted', text: n.data && typeof n.data === 'object' ? Object.keys(n.data).join(', ') || '—' : '—' })))))
      : h('p', { class: 'muted', text: 'Nothing done yet.' })));
  const handoffs = order.handoffs && order.handoffs.length
    ? h('table', { class: 'data' }, h('caption', { text: 'Handoff history' }),
      h('thead', {}, h('tr', {}, ['When', 'From', 'To', 'Carried over', 'Mapping'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, order.handoffs.map((x) => h('tr', {},
        h('td', { text: time(x.at) }),
        h('td', { text: `${x.fromPlatform} / ${x.fromTerminal}` }),
        h('td', { text: `${x.toPlatform} / ${x.toTerminal}` }),
        h('td', { text: x.carriedOver.length ? x.carriedOver.join(', ') : '—' }),
        h('td', { text: x.mappingVersion ? `v${x.mappingVersion}` : '—' })))))
    : h('p', { class: 'muted', text: 'No handoffs.' });
  const redrive = order.syncState === 'DEAD'
    ? h('button', { type: 'button', text: `Redrive ${order.orderId}`, onclick: () => redriveOrder(order.orderId) }) : null;
  $('order-view').replaceChildren(h('article', { class: 'order', 'aria-label': `Order ${order.orderId}` },
    h('h2', {}, 'Order ', h('code', { text: order.orderId })),
    h('dl', { class: 'facts' }, facts.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: String(v) })])),
    redrive, progress, handoffs));
}

function describeFailure(f) {
  const parts = [f.category, f.ruleId && `rule ${f.ruleId}`, f.httpStatus && `HTTP ${f.httpStatus}`, f.code && `code ${f.code}`, f.message];
  return parts.filter(Boolean).join(' · ');
}

async function list(more) {
  const box = $('orders-problem');
  clearProblem(box, $('orders-list'));
  const state = $('orders-state').value;
  const query = `syncState=${segment(state)}&limit=25${more && cursor ? `&cursor=${segment(cursor)}` : ''}`;
  try {
    const { body } = await api('GET', `/v1/orders?${query}`);
    const table = $('orders-table');
    const rows = body.orders.map((o) => h('tr', {},
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', text: o.orderId, onclick: () => lookUp(o.orderId) })),
      h('td', { text: o.businessType || '—' }),
      h('td', { text: o.syncState }),
      h('td', { text: o.attempt }),
      h('td', { text: o.downstream || '—' }),
      h('td', { text: time(o.nextAttemptAt) }),
      h('td', { text: o.lastClassification ? describeFailure(o.lastClassification) : '—' }),
      h('td', {}, o.syncState === 'DEAD' ? h('button', { type: 'button', text: 'Redrive', 'aria-label': `Redrive ${o.orderId}`, onclick: () => redriveOrder(o.orderId) }) : null)));
    const tbody = table.querySelector('tbody');
    if (more) {
      tbody.append(...rows);
    } else {
      tbody.replaceChildren(...rows);
      if (!rows.length) {
        tbody.append(h('tr', {}, h('td', { colspan: 8, text: `No orders in ${state}.` })));
      }
    }
    table.hidden = false;
    cursor = body.nextCursor;
    $('orders-more').hidden = !cursor;
    status(`${tbody.children.length} order(s) in ${state}${cursor ? ', more available' : ''}`);
  } catch (e) {
    showProblem(box, e, $('orders-list'));
  }
}

async function redriveOrder(id) {
  const box = $('orders-problem');
  clearProblem(box);
  try {
    const { body } = await api('POST', `/v1/orders/${segment(id)}/redrive`);
    const message = `Redrove ${body.orderId}: ${body.status}, next action ${body.nextAction}${body.nextAttemptAt ? `, next attempt ${time(body.nextAttemptAt)}` : ''}.`;
    $('orders-result').textContent = message;
    status(message);
    if ($('order-id').value.trim() === id) {
      lookUp(id);
    }
  } catch (e) {
    showProblem(box, e);
  }
}
