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
  checkSeq: 0, // only the answer to the latest check is shown
  checkTimer: 0,
  publishing: false,
};

export function initMappings() {
  $('mapping-open').addEventListener('click', () => openForm());
  document.addEventListener('baton:tab', (e) => {
    if (e.detail === 'tab-mappings') {
      loadPlatforms();
    }
  });
  document.addEventListener('baton:business-type', () => {
    forgetChecks();
    state.form = null;
    state.type = null;
    $('mapping-editor').hidden = true;
    $('mapping-note').hidden = true;
    $('mapping-base').replaceChildren();
    $('mapping-associated').replaceChildren();
    clearProblem($('mapping-problem'), $('mappings-panel'));
    if (!$('mappings-panel').hidden) {
      loadPlatforms();
    }
  });
  $('mapping-publish').addEventListener('click', publish);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.chosen) {
      choose(null);
    }
  });
  window.addEventListener('resize', drawLines);
}

/** Drops any scheduled or running check: its answer would belong to another form. */
function forgetChecks() {
  clearTimeout(state.checkTimer);
  state.checkSeq += 1;
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
    if (type !== $('business-type').value.trim()) {
      return; // the business type changed while this was on its way
    }
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

/** Opens the chosen pair; a pair mapped the other way round is reopened that way round (once). */
async function openForm(note, swapped = false) {
  const box = $('mapping-problem');
  const panel = $('mappings-panel');
  clearProblem(box, panel);
  clearProblem($('mapping-check-problem'));
  forgetChecks();
  $('mapping-note').hidden = !note;
  $('mapping-note').textContent = note || '';
  $('mapping-result').textContent = '';
  $('mapping-lint').replaceChildren();
  $('mapping-matrix-forward').replaceChildren();
  $('mapping-matrix-reverse').replaceChildren();
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
    if (body.configuredReversed && !body.mapping && !swapped) {
      const r = body.configuredReversed;
      $('mapping-base').value = r.base;
      $('mapping-associated').value = r.associated;
      openForm(`${base} and ${associated} are mapped as ${r.base} → ${r.associated} (v${r.version}); one mapping serves both directions, so it is shown that way round.`, true);
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
    state.crossings = new Set();
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
    type: 'button', class: 'node', dataset: { side, node: node.id, name: node.name }, 'aria-pressed': 'false',
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
  // quick successive clicks are checked once, after the last
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
  $('mapping-unpublished').hidden = edgeKeys() === state.published;
  const partners = (side, id) => all.filter((e) => (side === 'base' ? e.from : e.to) === id)
    .map((e) => (side === 'base' ? e.to : e.from));
  for (const button of document.querySelectorAll('#mapping-editor .node')) {
    const { side, node, name } = button.dataset;
    const chosen = state.chosen && state.chosen.side === side && state.chosen.id === node;
    const linked = partners(side, node);
    const linkedToChosen = state.chosen && state.chosen.side !== side && linked.includes(state.chosen.id);
    button.setAttribute('aria-pressed', String(Boolean(chosen)));
    button.classList.toggle('linked-to-chosen', Boolean(linkedToChosen));
    button.querySelector('.count').textContent = linked.length ? `${linked.length} link${linked.length > 1 ? 's' : ''}` : 'no link';
    button.classList.toggle('unmapped', linked.length === 0);
    button.setAttribute('aria-label', `${node} ${name}: ${side} node, ${linked.length ? `linked to ${linked.join(', ')}` : 'not linked'}${chosen ? ', chosen' : ''}`);
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
  if (!form) {
    return;
  }
  const sent = linksBody();
  try {
    const { body } = await api('POST', `${businessTypePath(state.type)}/mapping-check`, {
      base: form.base.platform, associated: form.associated.platform, links: sent,
    });
    if (seq !== state.checkSeq) {
      return;
    }
    clearProblem(box);
    state.crossings = new Set(body.lint.crossings.flatMap((c) => [`${c.fromA}>${c.toA}`, `${c.fromB}>${c.toB}`]));
    drawLines();
    renderLint(body.lint);
    renderMatrix($('mapping-matrix-forward'), body.forward, body.associated.nodes);
    renderMatrix($('mapping-matrix-reverse'), body.reverse, body.base.nodes);
    markStale(false);
    if (body.base.version !== form.base.flowVersion || body.associated.version !== form.associated.flowVersion) {
      showProblem(box, { problem: { title: 'The flows changed', detail: `${body.base.platform} is now flow v${body.base.version} and ${body.associated.platform} v${body.associated.version}; this editor shows v${form.base.flowVersion} and v${form.associated.flowVersion}. Open the mapping again before publishing.` } });
    }
  } catch (e) {
    if (seq === state.checkSeq) {
      markStale(true);
      showLinkProblem(box, e, sent, document);
    }
  }
}

/** Greys out the lint and matrices when they no longer describe the links shown. */
function markStale(stale) {
  for (const id of ['mapping-lint', 'mapping-matrix-forward', 'mapping-matrix-reverse']) {
    $(id).classList.toggle('stale', stale);
  }
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
    invalid.push(document.querySelector(`#mapping-editor .node[data-side="${side}"][data-node="${CSS.escape(node || '')}"]`));
    return { field: `link ${link.from} → ${to}`, message: e.message };
  });
  return { problem: error.problem, errors, invalid: invalid.filter(Boolean) };
}

/** Shows a check's or publish's problem in `box` and marks the nodes it names. */
function showLinkProblem(box, error, sent, scope) {
  const named = linkErrors(error, sent);
  showProblem(box, named, scope);
  (named.invalid || []).forEach((button) => button.setAttribute('aria-invalid', 'true'));
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

const CELLS = {
  carried: { text: '✓', label: 'carried over' },
  resume: { text: '▶', label: 'resumes here' },
  pending: { text: '·', label: 'to do' },
};

/**
 * The matrix of one direction: a row per point reached on the source, a column per target node. The rows
 * list only what they newly carry over, so the cells accumulate down the table. When the table for the same
 * pair is already shown, only the cells that changed are touched (a 200-node pair has 40 000 cells).
 */
function renderMatrix(container, matrix, targetNodes) {
  const kinds = [];
  const carried = new Set();
  for (const row of matrix.rows) {
    row.newlyCarriedOver.forEach((id) => carried.add(id));
    kinds.push(targetNodes.map((n) => (carried.has(n.id) ? 'carried' : n.id === row.next ? 'resume' : 'pending')));
  }
  const existing = container.querySelector('table');
  if (existing && existing.dataset.shape === `${matrix.from}>${matrix.to}:${matrix.rows.length}x${targetNodes.length}`) {
    existing.querySelectorAll('tbody tr').forEach((tr, r) => {
      const cells = tr.querySelectorAll('td');
      kinds[r].forEach((kind, c) => {
        if (cells[c].className !== kind) {
          fillCell(cells[c], kind, targetNodes[c]);
        }
      });
      const row = matrix.rows[r];
      cells[cells.length - 1].replaceChildren(row.complete ? 'complete' : h('code', { text: row.next }));
    });
    return;
  }
  const header = h('tr', {}, h('th', { scope: 'col', text: `Done on ${matrix.from} through` }),
    targetNodes.map((n) => h('th', { scope: 'col', title: n.name }, h('code', { text: n.id }))),
    h('th', { scope: 'col', text: `${matrix.to} resumes at` }));
  const rows = matrix.rows.map((row, r) => h('tr', {},
    h('th', { scope: 'row' }, row.reached ? h('code', { text: row.reached }) : h('span', { class: 'muted', text: '(nothing yet)' })),
    kinds[r].map((kind, c) => fillCell(h('td'), kind, targetNodes[c])),
    h('td', { class: 'resume-at' }, row.complete ? 'complete' : h('code', { text: row.next }))));
  container.replaceChildren(h('table', {
    class: 'data matrix-table',
    dataset: { from: matrix.from, to: matrix.to, shape: `${matrix.from}>${matrix.to}:${matrix.rows.length}x${targetNodes.length}` },
  }, h('caption', { text: `Handoff ${matrix.from} → ${matrix.to}` }), h('thead', {}, header), h('tbody', {}, rows)));
}

function fillCell(td, kind, node) {
  td.className = kind;
  td.title = `${node.id}: ${CELLS[kind].label}`;
  td.replaceChildren(h('span', { 'aria-hidden': 'true', text: CELLS[kind].text }), h('span', { class: 'sr-only', text: CELLS[kind].label }));
  return td;
}

async function publish() {
  if (state.publishing || !state.form) {
    return;
  }
  const box = $('mapping-problem');
  const panel = $('mappings-panel');
  const button = $('mapping-publish');
  clearProblem(box, panel);
  const form = state.form;
  // what is sent is what gets reported and marked published, whatever is clicked while the call runs
  const sent = linksBody();
  const keys = edgeKeys();
  const count = edges().length;
  state.publishing = true;
  button.disabled = true;
  try {
    const path = `${businessTypePath(state.type)}/mappings/${segment(form.base.platform)}/${segment(form.associated.platform)}`;
    const { status: code, body } = await api('PUT', path, { links: sent });
    const message = code === 201
      ? `Published ${body.base} → ${body.associated} v${body.version} with ${count} link(s).`
      : `No change: identical to v${body.version}.`;
    if (state.form === form) {
      $('mapping-result').textContent = message;
      $('mapping-version').textContent = `Published v${body.version} (flows ${body.base} v${body.baseFlowVersion}, ${body.associated} v${body.associatedFlowVersion})`;
      state.published = keys;
      refresh();
    }
    status(message);
  } catch (e) {
    showLinkProblem(box, e, sent, panel);
  } finally {
    state.publishing = false;
    button.disabled = false;
  }
}
