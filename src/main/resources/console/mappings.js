// Mappings: choose base and associated platform, link their nodes by clicking, see the lint and the
// handoff preview matrix in both directions before publishing (POST mapping-check), then publish.
import { api, businessTypePath, segment } from './api.js';
import { $, h, showProblem, clearProblem, status, businessType } from './ui.js';

const state = {
  type: null,
  form: null,
  links: new Map(), // base node id → Set of associated node ids
  chosen: null, // {side: 'base' | 'associated', id}
  crossings: new Set(), // "from>to" of links that cross another
  published: '', // edgeKeys() of the published links
  checkSeq: 0,
  checkTimer: 0,
};

export function initMappings() {
  $('mapping-open').addEventListener('click', () => openForm());
  document.addEventListener('baton:tab', (e) => {
    if (e.detail === 'tab-mappings') {
      loadPlatforms();
    }
  });
  document.addEventListener('baton:business-type', () => {
    $('mapping-editor').hidden = true;
    state.form = null;
  });
  $('mapping-publish').addEventListener('click', publish);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.chosen) {
      choose(null);
    }
  });
  window.addEventListener('resize', drawLines);
}

/**
 * Fills the platform choices from the mapping form (platforms with a published flow), each time the tab is
 * shown, since flows may have been published meanwhile; keeps the current choices when they still exist.
 */
async function loadPlatforms() {
  const box = $('mapping-problem');
  const type = $('business-type').value.trim();
  if (!type) {
    return;
  }
  clearProblem(box);
  try {
    const { body } = await api('GET', `${businessTypePath(type)}/mapping-form`);
    state.type = type;
    for (const [select, index] of [[$('mapping-base'), 0], [$('mapping-associated'), 1]]) {
      const previous = select.value;
      select.replaceChildren(...body.platforms.map((p) => new Option(p, p)));
      select.selectedIndex = body.platforms.includes(previous) ? body.platforms.indexOf(previous)
        : Math.min(index, body.platforms.length - 1);
    }
    if (body.platforms.length < 2) {
      showProblem(box, { problem: { title: 'Two platforms needed', detail: `${type} has ${body.platforms.length} platform(s) with a flow; publish flows on the Flows tab first.` } });
    }
  } catch (e) {
    showProblem(box, e);
  }
}

async function openForm(note) {
  const box = $('mapping-problem');
  const panel = $('mappings-panel');
  clearProblem(box, panel);
  $('mapping-note').hidden = !note;
  $('mapping-note').textContent = note || '';
  $('mapping-result').textContent = '';
  const type = businessType(box);
  if (!type) {
    return;
  }
  if (!$('mapping-base').options.length) {
    await loadPlatforms();
  }
  const base = $('mapping-base').value;
  const associated = $('mapping-associated').value;
  try {
    const query = `base=${segment(base)}&associated=${segment(associated)}`;
    const { body } = await api('GET', `${businessTypePath(type)}/mapping-form?${query}`);
    if (body.configuredReversed) {
      const r = body.configuredReversed;
      $('mapping-base').value = r.base;
      $('mapping-associated').value = r.associated;
      openForm(`${base} and ${associated} are mapped as ${r.base} → ${r.associated} (v${r.version}); one mapping serves both directions, so it is shown that way round.`);
      return;
    }
    state.type = type;
    state.form = body;
    // Links to nodes the latest flows no longer have cannot be shown (nor kept): drop them and say so.
    const baseIds = new Set(body.base.nodes.map((n) => n.id));
    const associatedIds = new Set(body.associated.nodes.map((n) => n.id));
    const dropped = [];
    state.links = new Map();
    for (const link of body.mapping ? body.mapping.links : []) {
      for (const to of link.to) {
        if (baseIds.has(link.from) && associatedIds.has(to)) {
          state.links.set(link.from, (state.links.get(link.from) || new Set()).add(to));
        } else {
          dropped.push(`${link.from} → ${to}`);
        }
      }
    }
    state.published = (body.mapping ? body.mapping.links : []).flatMap((l) => l.to.map((to) => `${l.from}>${to}`))
      .sort().join(' ');
    if (dropped.length) {
      const text = `The published mapping links nodes the latest flows no longer have; those links are left out here: ${dropped.join(', ')}. Publish to save the mapping without them.`;
      $('mapping-note').textContent = note ? `${note} ${text}` : text;
      $('mapping-note').hidden = false;
    }
    state.chosen = null;
    $('mapping-version').textContent = body.mapping
      ? `Published v${body.mapping.version} (flows ${body.base.platform} v${body.mapping.baseFlowVersion}, ${body.associated.platform} v${body.mapping.associatedFlowVersion})`
      : 'Not published yet';
    renderNodes();
    $('mapping-editor').hidden = false;
    check();
  } catch (e) {
    showProblem(box, e, panel);
  }
}

function renderNodes() {
  const form = state.form;
  $('mapping-base-title').textContent = `${form.base.platform} (base, flow v${form.base.flowVersion})`;
  $('mapping-associated-title').textContent = `${form.associated.platform} (associated, flow v${form.associated.flowVersion})`;
  $('mapping-base-nodes').replaceChildren(...form.base.nodes.map((n) => nodeButton('base', n)));
  $('mapping-associated-nodes').replaceChildren(...form.associated.nodes.map((n) => nodeButton('associated', n)));
  refresh();
}

function nodeButton(side, node) {
  return h('li', {}, h('button', {
    type: 'button', class: 'node', dataset: { side, node: node.id }, 'aria-pressed': 'false',
    onclick: () => clicked(side, node.id),
  }, h('code', { text: node.id }), h('span', { text: node.name }), h('span', { class: 'count' })));
}

function clicked(side, id) {
  if (!state.chosen || state.chosen.side === side) {
    choose(state.chosen && state.chosen.id === id && state.chosen.side === side ? null : { side, id });
    return;
  }
  const [from, to] = side === 'associated' ? [state.chosen.id, id] : [id, state.chosen.id];
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
  status(`${linked ? 'Unlinked' : 'Linked'} ${from} → ${to}`);
  refresh();
  // quick successive clicks are checked once, after the last (a 200-node check answers two 201-row matrices)
  clearTimeout(state.checkTimer);
  state.checkTimer = setTimeout(check, 150);
}

function choose(chosen) {
  state.chosen = chosen;
  refresh();
  if (chosen) {
    status(`Chose ${chosen.id} on the ${chosen.side} side: now choose nodes on the other side to link or unlink.`);
  }
}

/** The links in the request's shape, in base flow order, each target list in associated flow order. */
function linksBody() {
  const order = state.form.associated.nodes.map((n) => n.id);
  return state.form.base.nodes.filter((n) => state.links.has(n.id)).map((n) => ({
    from: n.id, to: [...state.links.get(n.id)].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
  }));
}

function edges() {
  return [...state.links].flatMap(([from, targets]) => [...targets].map((to) => ({ from, to })));
}

/** The links as a comparable string, to tell whether the editor differs from what is published. */
function edgeKeys() {
  return edges().map((e) => `${e.from}>${e.to}`).sort().join(' ');
}

/** Marks chosen and linked nodes and redraws the lines. */
function refresh() {
  const all = edges();
  const changed = edgeKeys() !== state.published;
  $('mapping-unpublished').hidden = !changed;
  const partners = (side, id) => all.filter((e) => (side === 'base' ? e.from : e.to) === id)
    .map((e) => (side === 'base' ? e.to : e.from));
  for (const button of document.querySelectorAll('#mapping-editor .node')) {
    const { side, node } = button.dataset;
    const chosen = state.chosen && state.chosen.side === side && state.chosen.id === node;
    const linkedToChosen = state.chosen && state.chosen.side !== side && partners(side, node).includes(state.chosen.id);
    button.setAttribute('aria-pressed', String(Boolean(chosen)));
    button.classList.toggle('linked-to-chosen', Boolean(linkedToChosen));
    const count = partners(side, node).length;
    button.querySelector('.count').textContent = count ? `${count} link${count > 1 ? 's' : ''}` : '';
    button.classList.toggle('unmapped', count === 0);
    button.setAttribute('aria-label', `${side} node ${node}, ${count ? `linked to ${partners(side, node).join(', ')}` : 'not linked'}${chosen ? ', chosen' : ''}`);
  }
  drawLines();
}

function drawLines() {
  const svg = $('mapping-lines');
  if (!state.form || $('mapping-editor').hidden) {
    return;
  }
  // user units are CSS pixels from the svg's top left corner (no viewBox, so nothing is scaled)
  const box = svg.getBoundingClientRect();
  const middle = (side, id) => {
    const el = document.querySelector(`#mapping-editor .node[data-side="${side}"][data-node="${CSS.escape(id)}"]`);
    const r = el.getBoundingClientRect();
    return r.top + r.height / 2 - box.top;
  };
  svg.replaceChildren(...edges().map((e) => h('line', {
    x1: 0, y1: middle('base', e.from), x2: box.width, y2: middle('associated', e.to),
    class: state.crossings.has(`${e.from}>${e.to}`) ? 'crossing' : '',
  })));
}

/** Lints the links and previews handoffs both ways; only the answer to the latest change is shown. */
async function check() {
  const seq = ++state.checkSeq;
  const box = $('mapping-check-problem');
  const form = state.form;
  try {
    const { body } = await api('POST', `${businessTypePath(state.type)}/mapping-check`, {
      base: form.base.platform, associated: form.associated.platform, links: linksBody(),
    });
    if (seq !== state.checkSeq) {
      return;
    }
    clearProblem(box);
    state.crossings = new Set(body.lint.crossings.flatMap((c) => [`${c.fromA}>${c.toA}`, `${c.fromB}>${c.toB}`]));
    renderLint(body.lint);
    renderMatrix($('mapping-matrix-forward'), body.forward, body.associated.nodes);
    renderMatrix($('mapping-matrix-reverse'), body.reverse, body.base.nodes);
    drawLines();
  } catch (e) {
    if (seq === state.checkSeq) {
      showProblem(box, e);
    }
  }
}

function renderLint(lint) {
  const c = lint.coverage;
  const list = (ids) => (ids.length ? ids.map((id) => h('code', { text: id })) : [h('span', { class: 'muted', text: 'none' })]);
  const shown = lint.crossings.slice(0, 20);
  $('mapping-lint').replaceChildren(
    h('dl', {},
      h('dt', { text: 'Coverage' }),
      h('dd', { id: 'lint-coverage', text: `${state.form.base.platform} ${c.baseMapped}/${c.baseTotal} (${c.basePercent}%), ${state.form.associated.platform} ${c.associatedMapped}/${c.associatedTotal} (${c.associatedPercent}%)` }),
      h('dt', { text: `Unmapped on ${state.form.base.platform}` }),
      h('dd', { id: 'lint-unmapped-base', class: 'ids' }, list(lint.unmappedBase)),
      h('dt', { text: `Unmapped on ${state.form.associated.platform}` }),
      h('dd', { id: 'lint-unmapped-associated', class: 'ids' }, list(lint.unmappedAssociated)),
      h('dt', { text: 'Crossing links' }),
      h('dd', { id: 'lint-crossings', class: lint.crossingCount ? 'warning' : '' },
        lint.crossingCount ? `${lint.crossingCount}: ` : 'none',
        shown.map((x, i) => h('span', {}, i ? '; ' : '', `${x.fromA}→${x.toA} crosses ${x.fromB}→${x.toB}`)),
        lint.crossingCount > shown.length ? ` … and ${lint.crossingCount - shown.length} more` : '')));
}

function renderMatrix(container, matrix, targetNodes) {
  const header = h('tr', {}, h('th', { scope: 'col', text: `Done on ${matrix.from} through` }),
    targetNodes.map((n) => h('th', { scope: 'col', title: n.name }, h('code', { text: n.id }))),
    h('th', { scope: 'col', text: `${matrix.to} resumes at` }));
  const rows = matrix.rows.map((row) => {
    const carried = new Set(row.carriedOver);
    return h('tr', {},
      h('th', { scope: 'row' }, row.reached ? h('code', { text: row.reached }) : h('span', { class: 'muted', text: '(nothing yet)' })),
      targetNodes.map((n) => {
        if (carried.has(n.id)) {
          return h('td', { class: 'carried', title: `${n.id} carried over`, text: '✓' });
        }
        return n.id === row.next
          ? h('td', { class: 'resume', title: `resumes at ${n.id}`, text: '▶' })
          : h('td', { class: 'pending', title: `${n.id} still to do`, text: '·' });
      }),
      h('td', { class: 'resume-at' }, row.complete ? 'complete' : h('code', { text: row.next })));
  });
  container.replaceChildren(h('table', { class: 'data matrix-table', dataset: { from: matrix.from, to: matrix.to } },
    h('caption', { text: `Handoff ${matrix.from} → ${matrix.to}` }), h('thead', {}, header), h('tbody', {}, rows)));
}

async function publish() {
  const box = $('mapping-problem');
  const panel = $('mappings-panel');
  clearProblem(box, panel);
  const form = state.form;
  try {
    const path = `${businessTypePath(state.type)}/mappings/${segment(form.base.platform)}/${segment(form.associated.platform)}`;
    const { status: code, body } = await api('PUT', path, { links: linksBody() });
    const message = code === 201
      ? `Published ${body.base} → ${body.associated} v${body.version} with ${edges().length} link(s).`
      : `No change: identical to v${body.version}.`;
    $('mapping-result').textContent = message;
    $('mapping-version').textContent = `Published v${body.version} (flows ${body.base} v${body.baseFlowVersion}, ${body.associated} v${body.associatedFlowVersion})`;
    state.published = edgeKeys();
    refresh();
    status(message);
  } catch (e) {
    showProblem(box, e, panel);
  }
}
