// Orders: look one up (owner, progress per platform, handoffs, sync), list by sync state, redrive DEAD ones.
// Node data is personal data: the console shows which fields a node carries, never their values.
import { api, segment } from './api.js';
import { $, h, showProblem, clearProblem, status, time } from './ui.js';

// The listing shown: its sync state, the cursor of its next page, how many orders it shows.
const listing = { state: null, cursor: null, count: 0, busy: false };
let lookUpSeq = 0;

export function initOrders() {
  $('order-lookup').addEventListener('submit', (e) => {
    e.preventDefault();
    lookUp($('order-id').value.trim());
  });
  $('orders-list').addEventListener('submit', (e) => {
    e.preventDefault();
    list(false);
  });
  // "More" continues the listing shown, never one of another state
  $('orders-state').addEventListener('change', () => {
    $('orders-more').hidden = true;
  });
  $('orders-more').addEventListener('click', () => list(true));
}

async function lookUp(id) {
  const seq = ++lookUpSeq;
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
    if (seq !== lookUpSeq) {
      return; // a later look-up was asked for meanwhile
    }
    renderOrder(body);
    status(`Order ${body.orderId}`);
  } catch (e) {
    if (seq === lookUpSeq) {
      $('order-view').replaceChildren();
      showProblem(box, e, form);
    }
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
    ? h('div', { class: 'toolbar' }, h('button', { type: 'button', text: `Redrive ${order.orderId}`, onclick: (e) => redriveOrder(order.orderId, e.currentTarget) }),
      h('span', { class: 'redrive-result', role: 'status' })) : null;
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
  if (listing.busy) {
    return;
  }
  const box = $('orders-problem');
  clearProblem(box, $('orders-list'));
  const state = more ? listing.state : $('orders-state').value;
  const query = `syncState=${segment(state)}&limit=25${more && listing.cursor ? `&cursor=${segment(listing.cursor)}` : ''}`;
  listing.busy = true;
  $('orders-more').disabled = true;
  try {
    const { body } = await api('GET', `/v1/orders?${query}`);
    const table = $('orders-table');
    const rows = body.orders.map((o) => h('tr', { dataset: { order: o.orderId } },
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', text: o.orderId, onclick: () => lookUp(o.orderId) })),
      h('td', { text: o.businessType || '—' }),
      h('td', { class: 'state', text: o.syncState }),
      h('td', { text: o.attempt }),
      h('td', { text: o.downstream || '—' }),
      h('td', { text: time(o.nextAttemptAt) }),
      h('td', { text: o.lastClassification ? describeFailure(o.lastClassification) : '—' }),
      h('td', { class: 'action' }, o.syncState === 'DEAD' ? h('button', { type: 'button', text: 'Redrive', 'aria-label': `Redrive ${o.orderId}`, onclick: (e) => redriveOrder(o.orderId, e.currentTarget) }) : null)));
    const tbody = table.querySelector('tbody');
    if (more) {
      tbody.append(...rows);
      listing.count += rows.length;
    } else {
      tbody.replaceChildren(...rows);
      listing.count = rows.length;
      if (!rows.length) {
        tbody.append(h('tr', {}, h('td', { colspan: 8, text: `No orders in ${state}.` })));
      }
    }
    table.hidden = false;
    listing.state = state;
    listing.cursor = body.nextCursor;
    $('orders-more').hidden = !listing.cursor;
    status(`${listing.count} order(s) in ${state}${listing.cursor ? ', more available' : ''}`);
  } catch (e) {
    showProblem(box, e, $('orders-list'));
  } finally {
    listing.busy = false;
    $('orders-more').disabled = false;
  }
}

/**
 * Redrives a DEAD order from the button that asked for it: the answer (or the problem) is shown right there,
 * the button is disabled meanwhile, and a listed row shows the order's new state.
 */
async function redriveOrder(id, button) {
  button.disabled = true;
  const place = button.closest('tr') ? button.closest('td') : button.parentElement.querySelector('.redrive-result');
  try {
    const { body } = await api('POST', `/v1/orders/${segment(id)}/redrive`);
    const message = `Redrove ${body.orderId}: ${body.status}, next action ${body.nextAction}${body.nextAttemptAt ? `, next attempt ${time(body.nextAttemptAt)}` : ''}.`;
    $('orders-result').textContent = message;
    status(message);
    const row = button.closest('tr');
    if (row) {
      row.querySelector('.state').textContent = body.status;
      place.replaceChildren(h('span', { class: 'result', text: body.status }));
    } else {
      place.textContent = message;
    }
    if ($('order-id').value.trim() === id) {
      lookUp(id);
    }
  } catch (e) {
    button.disabled = false;
    const text = `Redrive of ${id} failed: ${e.problem ? `${e.problem.title}. ${e.problem.detail || ''}` : e.message}`;
    status(text);
    if (place) {
      place.append(h('span', { class: 'inline-problem', role: 'alert', text }));
    }
  }
}
