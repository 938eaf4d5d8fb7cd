// The Downstreams tab: the downstreams Baton knows (GET /v1/downstreams), chosen from a list, and the chosen
// one's settings shown read-only as stored (GET /v1/downstreams/{name}); secret headers appear as references.
import { api } from './api.js';
import { $, h, showProblem, clearProblem } from './ui.js';

async function loadNames() {
  const box = $('downstream-problem');
  clearProblem(box);
  try {
    const { body } = await api('GET', '/v1/downstreams');
    const names = body.downstreams || [];
    $('downstream-name').replaceChildren(...names.map((n) => new Option(n)));
    $('downstream-result').textContent = names.length ? '' : 'No downstream is published yet.';
    if (names.length) {
      await show(names[0]);
    }
  } catch (e) {
    showProblem(box, e);
  }
}

async function show(name) {
  const box = $('downstream-problem');
  clearProblem(box);
  try {
    const { body } = await api('GET', `/v1/downstreams/${encodeURIComponent(name)}`);
    $('downstream-settings').replaceChildren(h('code', { text: JSON.stringify(body, null, 2) }));
  } catch (e) {
    showProblem(box, e);
  }
}

/** Loads the list when the tab is first opened, and again on "Reload". */
export function initDownstreams() {
  let loaded = false;
  document.addEventListener('baton:tab', (e) => {
    if (e.detail === 'tab-downstreams' && !loaded) {
      loaded = true;
      loadNames();
    }
  });
  $('downstream-reload').addEventListener('click', loadNames);
  $('downstream-name').addEventListener('change', (e) => show(e.target.value));
}
