// Orders: look one up (owner, progress per platform, handoffs, sync), list by sync state, redrive DEAD and
// NEEDS_REVIEW ones.
// Node data is personal data: the console shows which fields a node carries, never their values.
import { api, segment } from './api.js';
import { $, h, showProblem, clearProblem, status, time } from './ui.js';
import { renderOrder, describeFailure, REDRIVABLE } from './order-view.js';

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
    const required = { title: 'The order id is required' };
    showProblem(box, { problem: required, errors: [{ field: 'id', message: 'is required' }] }, form);
    return;
  }
  try {
    const { body } = await api('GET', `/v1/orders/${segment(id)}`);
    if (seq !== lookUpSeq) {
      return; // a later look-up was asked for meanwhile
    }
    renderOrder(body, redriveOrder);
    status(`Order ${body.orderId}`);
  } catch (e) {
    if (seq === lookUpSeq) {
      $('order-view').replaceChildren();
      showProblem(box, e, form);
    }
  }
}

async function list(more) {
  if (listing.busy) {
    return;
  }
  const box = $('orders-problem');
  clearProblem(box, $('orders-list'));
  const state = more ? listing.state : $('orders-state').value;
  const cursor = more && listing.cursor ? `&cursor=${segment(listing.cursor)}` : '';
  // no state: every listed state, i.e. the orders that may need attention
  const query = `${state ? `syncState=${segment(state)}&` : ''}limit=25${cursor}`;
  listing.busy = true;
  $('orders-more').disabled = true;
  try {
    const { body } = await api('GET', `/v1/orders?${query}`);
    showListing(body.orders.map(orderRow), more, state);
    listing.state = state;
    listing.cursor = body.nextCursor;
    $('orders-more').hidden = !listing.cursor;
    status(`${listing.count} order(s) ${state ? `in ${state}` : 'needing attention'}${listing.cursor ? ', more available' : ''}`);
  } catch (e) {
    showProblem(box, e, $('orders-list'));
  } finally {
    listing.busy = false;
    $('orders-more').disabled = false;
  }
}

function orderRow(o) {
  return h('tr', { dataset: { order: o.orderId } },
    h('th', { scope: 'row' },
      h('button', { type: 'button', class: 'link', text: o.orderId, onclick: () => lookUp(o.orderId) })),
    h('td', { text: o.businessType || '—' }),
    h('td', { class: 'state', text: o.syncState }),
    h('td', { text: o.attempt }),
    h('td', { text: o.downstream || '—' }),
    h('td', { text: time(o.nextAttemptAt) }),
    h('td', { text: o.lastClassification ? describeFailure(o.lastClassification) : '—' }),
    h('td', { class: 'action' }, REDRIVABLE.includes(o.syncState) ? h('button', {
      type: 'button', text: 'Redrive', 'aria-label': `Redrive ${o.orderId}`,
      onclick: (e) => redriveOrder(o.orderId, e.currentTarget),
    }) : null));
}

/** Shows a page of rows: after those shown for "More", else instead of them. */
function showListing(rows, more, state) {
  const table = $('orders-table');
  const tbody = table.querySelector('tbody');
  if (more) {
    tbody.append(...rows);
    listing.count += rows.length;
  } else {
    tbody.replaceChildren(...rows);
    listing.count = rows.length;
    if (!rows.length) {
      const text = state ? `No orders in ${state}.` : 'No orders need attention.';
      tbody.append(h('tr', {}, h('td', { colspan: 8, text })));
    }
  }
  table.hidden = false;
}

/**
 * Redrives a DEAD or NEEDS_REVIEW order from the button that asked for it: the answer (or the problem) is shown right there,
 * the button is disabled meanwhile, and a listed row shows the order's new state.
 */
async function redriveOrder(id, button) {
  button.disabled = true;
  const place = button.closest('tr') ? button.closest('td') : button.parentElement.querySelector('.redrive-result');
  try {
    const { body } = await api('POST', `/v1/orders/${segment(id)}/redrive`);
    const next = body.nextAttemptAt ? `, next attempt ${time(body.nextAttemptAt)}` : '';
    const message = `Redrove ${body.orderId}: ${body.status}, next action ${body.nextAction}${next}.`;
    $('orders-result').textContent = message;
    status(message);
    showRedriven(button, place, body.status, message);
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

/** A listed row shows the order's new state in place of its button; the order view shows the message. */
function showRedriven(button, place, state, message) {
  const row = button.closest('tr');
  if (row) {
    row.querySelector('.state').textContent = state;
    place.replaceChildren(h('span', { class: 'result', text: state }));
  } else {
    place.textContent = message;
  }
}
