// The mapping editor's two node lists: choosing a node, linking and unlinking it by choosing nodes on the other
// side, the lines between linked nodes, and naming the links a rejected check or publish points at.
import { $, h, showProblem, status } from './ui.js';
import { state, edges, edgeKeys } from './mapping-state.js';

/** Shows the nodes of both flows; `onLinksChanged` is called after each link or unlink. */
export function renderNodes(onLinksChanged) {
  const form = state.form;
  $('mapping-base-title').textContent = `${form.base.platform} (base, flow v${form.base.flowVersion})`;
  $('mapping-associated-title').textContent =
    `${form.associated.platform} (associated, flow v${form.associated.flowVersion})`;
  const buttons = (side) => form[side].nodes.map((n) => nodeButton(side, n, onLinksChanged));
  $('mapping-base-nodes').replaceChildren(...buttons('base'));
  $('mapping-associated-nodes').replaceChildren(...buttons('associated'));
  refresh();
}

function nodeButton(side, node, onLinksChanged) {
  return h('li', {}, h('button', {
    type: 'button', class: 'node', dataset: { side, node: node.id, name: node.name }, 'aria-pressed': 'false',
    onclick: () => clicked(side, node.id, onLinksChanged),
  }, h('code', { text: node.id }), h('span', { text: node.name }), h('span', { class: 'count' })));
}

/** The button of a node shown in the editor, or null. */
function nodeButtonOf(side, id) {
  return document.querySelector(`#mapping-editor .node[data-side="${side}"][data-node="${CSS.escape(id)}"]`);
}

function clicked(side, id, onLinksChanged) {
  if (!state.chosen || state.chosen.side === side) {
    choose(state.chosen && state.chosen.id === id && state.chosen.side === side ? null : { side, id });
    return;
  }
  const [from, to] = side === 'associated' ? [state.chosen.id, id] : [id, state.chosen.id];
  const linked = toggleLink(from, to);
  status(`${linked ? 'Unlinked' : 'Linked'} ${from} → ${to}`);
  refresh();
  onLinksChanged();
}

/** Links `from` to `to`, or unlinks them if they were linked; returns whether they were. */
function toggleLink(from, to) {
  const targets = state.links.get(from) || new Set();
  const linked = targets.has(to);
  if (linked) {
    targets.delete(to);
  } else {
    targets.add(to);
  }
  if (targets.size) {
    state.links.set(from, targets);
  } else {
    state.links.delete(from);
  }
  return linked;
}

export function choose(chosen) {
  state.chosen = chosen;
  refresh();
  if (chosen) {
    status(`Chose ${chosen.id} on the ${chosen.side} side: now choose nodes on the other side to link or unlink.`);
  }
}

/** Marks chosen and linked nodes and redraws the lines. */
export function refresh() {
  const all = edges();
  $('mapping-unpublished').hidden = edgeKeys() === state.published;
  for (const button of document.querySelectorAll('#mapping-editor .node')) {
    markNode(button, all);
  }
  drawLines();
}

function markNode(button, all) {
  const { side, node, name } = button.dataset;
  const chosen = state.chosen && state.chosen.side === side && state.chosen.id === node;
  const linked = all.filter((e) => (side === 'base' ? e.from : e.to) === node)
    .map((e) => (side === 'base' ? e.to : e.from));
  const linkedToChosen = state.chosen && state.chosen.side !== side && linked.includes(state.chosen.id);
  button.setAttribute('aria-pressed', String(Boolean(chosen)));
  button.classList.toggle('linked-to-chosen', Boolean(linkedToChosen));
  button.querySelector('.count').textContent = linked.length
    ? `${linked.length} link${linked.length > 1 ? 's' : ''}` : 'no link';
  button.classList.toggle('unmapped', linked.length === 0);
  const links = linked.length ? `linked to ${linked.join(', ')}` : 'not linked';
  button.setAttribute('aria-label', `${node} ${name}: ${side} node, ${links}${chosen ? ', chosen' : ''}`);
}

export function drawLines() {
  const svg = $('mapping-lines');
  if (!state.form || $('mapping-editor').hidden) {
    return;
  }
  // user units are CSS pixels from the svg's top left corner (no viewBox, so nothing is scaled)
  const box = svg.getBoundingClientRect();
  const middle = (side, id) => {
    const r = nodeButtonOf(side, id).getBoundingClientRect();
    return r.top + r.height / 2 - box.top;
  };
  svg.replaceChildren(...edges().map((e) => h('line', {
    x1: 0, y1: middle('base', e.from), x2: box.width, y2: middle('associated', e.to),
    class: state.crossings.has(`${e.from}>${e.to}`) ? 'crossing' : '',
  })));
}

/**
 * Names the links of a 422 by their nodes ("links[3].to[1]" means nothing to an analyst who never saw the
 * request) and marks those nodes invalid.
 */
function linkErrors(error, sent) {
  if (!error.errors || !error.errors.length) {
    return error;
  }
  const invalid = [];
  const errors = error.errors.map((e) => {
    const m = /^links\[(\d+)\](?:\.(from|to)(?:\[(\d+)\])?)?$/.exec(e.field);
    const link = m && sent[Number(m[1])];
    if (!link) {
      return e;
    }
    const to = m[3] === undefined ? link.to.join(', ') : link.to[Number(m[3])];
    const side = m[2] === 'from' ? 'base' : 'associated';
    const node = m[2] === 'from' ? link.from : to;
    invalid.push(nodeButtonOf(side, node || ''));
    return { field: `link ${link.from} → ${to}`, message: e.message };
  });
  return { problem: error.problem, errors, invalid: invalid.filter(Boolean) };
}

/** Shows a check's or publish's problem in `box` and marks the nodes it names. */
export function showLinkProblem(box, error, sent, scope) {
  const named = linkErrors(error, sent);
  showProblem(box, named, scope);
  (named.invalid || []).forEach((button) => button.setAttribute('aria-invalid', 'true'));
}
