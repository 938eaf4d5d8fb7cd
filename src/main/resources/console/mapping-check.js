// The mapping editor's check (POST mapping-check) and what it answers: the lint of the links, and the handoff
// preview matrix in both directions (mapping-matrix.js).
import { api, businessTypePath } from './api.js';
import { $, h, showProblem, clearProblem } from './ui.js';
import { state, linksBody } from './mapping-state.js';
import { drawLines, showLinkProblem } from './mapping-links.js';
import { renderMatrix } from './mapping-matrix.js';

/** Checks the links a moment after a change: quick successive clicks are checked once, after the last. */
export function checkSoon() {
  clearTimeout(state.checkTimer);
  state.checkTimer = setTimeout(check, 150);
}

/** Lints the links and previews handoffs both ways; only the answer to the latest change is shown. */
export async function check() {
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
    showCheck(body);
    if (body.base.version !== form.base.flowVersion || body.associated.version !== form.associated.flowVersion) {
      showProblem(box, flowsChanged(body, form));
    }
  } catch (e) {
    if (seq === state.checkSeq) {
      markStale(true);
      showLinkProblem(box, e, sent, document);
    }
  }
}

function showCheck(body) {
  state.crossings = new Set(body.lint.crossings.flatMap((c) => [`${c.fromA}>${c.toA}`, `${c.fromB}>${c.toB}`]));
  drawLines();
  renderLint(body.lint);
  renderMatrix($('mapping-matrix-forward'), body.forward, body.associated.nodes);
  renderMatrix($('mapping-matrix-reverse'), body.reverse, body.base.nodes);
  markStale(false);
}

/** The problem shown when a flow got a new version after the editor was opened. */
function flowsChanged(body, form) {
  const detail = `${body.base.platform} is now flow v${body.base.version} and `
    + `${body.associated.platform} v${body.associated.version}; `
    + `this editor shows v${form.base.flowVersion} and v${form.associated.flowVersion}. `
    + 'Open the mapping again before publishing.';
  return { problem: { title: 'The flows changed', detail } };
}

/** Greys out the lint and matrices when they no longer describe the links shown. */
function markStale(stale) {
  for (const id of ['mapping-lint', 'mapping-matrix-forward', 'mapping-matrix-reverse']) {
    $(id).classList.toggle('stale', stale);
  }
}

/** The lint: how much of each flow is mapped, the nodes left unmapped on each side, the crossing links. */
function renderLint(lint) {
  const { base, associated } = state.form;
  $('mapping-lint').replaceChildren(
    h('dl', {},
      h('dt', { text: 'Coverage' }),
      h('dd', { id: 'lint-coverage', text: coverage(lint.coverage) }),
      h('dt', { text: `Unmapped on ${base.platform}` }),
      h('dd', { id: 'lint-unmapped-base', class: 'ids' }, idList(lint.unmappedBase)),
      h('dt', { text: `Unmapped on ${associated.platform}` }),
      h('dd', { id: 'lint-unmapped-associated', class: 'ids' }, idList(lint.unmappedAssociated)),
      h('dt', { text: 'Crossing links' }),
      crossings(lint)));
}

function coverage(c) {
  const { base, associated } = state.form;
  return `${base.platform} ${c.baseMapped}/${c.baseTotal} (${c.basePercent}%), `
    + `${associated.platform} ${c.associatedMapped}/${c.associatedTotal} (${c.associatedPercent}%)`;
}

function idList(ids) {
  return ids.length ? ids.map((id) => h('code', { text: id })) : [h('span', { class: 'muted', text: 'none' })];
}

/** The crossing links, the first 20 of them named. */
function crossings(lint) {
  const shown = lint.crossings.slice(0, 20);
  return h('dd', { id: 'lint-crossings', class: lint.crossingCount ? 'warning' : '' },
    lint.crossingCount ? `${lint.crossingCount}: ` : 'none',
    shown.map((x, i) => h('span', {}, i ? '; ' : '', `${x.fromA}→${x.toA} crosses ${x.fromB}→${x.toB}`)),
    lint.crossingCount > shown.length ? ` … and ${lint.crossingCount - shown.length} more` : '');
}
