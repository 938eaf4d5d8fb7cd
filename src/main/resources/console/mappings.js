// Mappings: choose base and associated platform, link their nodes by clicking, see the lint and the
// handoff preview matrix in both directions before publishing (POST mapping-check), then publish.
// The editor's parts: mapping-state.js (what it shows), mapping-form.js (platform choices, opening a pair),
// mapping-links.js (the nodes and their links), mapping-check.js (the check and its lint) and
// mapping-matrix.js (the handoff preview).
import { api, businessTypePath, segment } from './api.js';
import { $, clearProblem, status } from './ui.js';
import { state, forgetChecks, linksBody, edges, edgeKeys } from './mapping-state.js';
import { choose, refresh, drawLines, showLinkProblem } from './mapping-links.js';
import { loadPlatforms, openForm, publishedText } from './mapping-form.js';

export function initMappings() {
  $('mapping-open').addEventListener('click', () => openForm());
  document.addEventListener('baton:tab', (e) => {
    if (e.detail === 'tab-mappings') {
      loadPlatforms();
    }
  });
  document.addEventListener('baton:business-type', forgetForm);
  $('mapping-publish').addEventListener('click', publish);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.chosen) {
      choose(null);
    }
  });
  window.addEventListener('resize', drawLines);
}

/** Another business type was chosen: the editor and the platform choices belonged to the previous one. */
function forgetForm() {
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
}

async function publish() {
  if (state.publishing || !state.form) {
    return;
  }
  const box = $('mapping-problem');
  const panel = $('mappings-panel');
  clearProblem(box, panel);
  const form = state.form;
  // what is sent is what gets reported and marked published, whatever is clicked while the call runs
  const sent = linksBody();
  const keys = edgeKeys();
  const count = edges().length;
  setPublishing(true);
  try {
    const pair = `${segment(form.base.platform)}/${segment(form.associated.platform)}`;
    const path = `${businessTypePath(state.type)}/mappings/${pair}`;
    const { status: code, body } = await api('PUT', path, { links: sent });
    const message = code === 201
      ? `Published ${body.base} → ${body.associated} v${body.version} with ${count} link(s).`
      : `No change: identical to v${body.version}.`;
    if (state.form === form) {
      showPublished(body, message, keys);
    }
    status(message);
  } catch (e) {
    showLinkProblem(box, e, sent, panel);
  } finally {
    setPublishing(false);
  }
}

/** Shows a publish's answer in the editor it was sent from; `keys` are the edgeKeys() sent. */
function showPublished(body, message, keys) {
  $('mapping-result').textContent = message;
  $('mapping-version').textContent = publishedText(body, body.base, body.associated);
  state.published = keys;
  refresh();
}

function setPublishing(publishing) {
  state.publishing = publishing;
  $('mapping-publish').disabled = publishing;
}
