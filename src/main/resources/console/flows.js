// Flows: list a business type's platforms and their latest flow, edit a node list, publish a new version.
import { api, businessTypePath, segment } from './api.js';
import { $, h, showProblem, clearProblem, status, time, businessType } from './ui.js';
import { addRow, rowNodes } from './flow-rows.js';

export function initFlows() {
  $('flows-load').addEventListener('click', loadFlows);
  $('flows-new').addEventListener('click', () => openEditor(null, []));
  $('flow-add-node').addEventListener('click', () => {
    addRow({ id: '', name: '' });
    const inputs = $('flow-nodes').querySelectorAll('input');
    inputs[inputs.length - 2].focus();
  });
  $('flow-editor').addEventListener('submit', (e) => {
    e.preventDefault();
    publish();
  });
  document.addEventListener('baton:business-type', () => {
    $('flows-table').hidden = true;
    $('flow-editor').hidden = true;
  });
}

async function loadFlows() {
  const box = $('flows-problem');
  clearProblem(box);
  const type = businessType(box);
  if (!type) {
    return;
  }
  try {
    const { body } = await api('GET', `${businessTypePath(type)}/flows`);
    const rows = body.flows.map((f) => h('tr', {},
      h('th', { scope: 'row', text: f.platform }),
      h('td', { text: `v${f.version}` }),
      h('td', { text: f.nodeCount }),
      h('td', { text: time(f.createdAt) }),
      h('td', {}, h('button', {
        type: 'button', class: 'secondary', text: `Edit ${f.platform}`, onclick: () => editFlow(type, f.platform),
      }))));
    const table = $('flows-table');
    table.querySelector('tbody').replaceChildren(...rows);
    table.hidden = false;
    if (!rows.length) {
      const text = `No flows for ${type} yet: publish one with "New platform flow".`;
      table.querySelector('tbody').append(h('tr', {}, h('td', { colspan: 5, text })));
    }
    status(`${body.flows.length} flow(s) of ${type}`);
  } catch (e) {
    showProblem(box, e);
  }
}

async function editFlow(type, platform) {
  const box = $('flows-problem');
  clearProblem(box);
  try {
    const { body } = await api('GET', `${businessTypePath(type)}/flows/${segment(platform)}`);
    openEditor(body, body.nodes);
  } catch (e) {
    showProblem(box, e);
  }
}

function openEditor(flow, nodes) {
  const editor = $('flow-editor');
  editor.hidden = false;
  clearProblem($('flow-problem'), editor);
  $('flow-result').textContent = '';
  $('flow-editor-title').textContent = flow ? `Flow of ${flow.platform} (now v${flow.version})` : 'New platform flow';
  const platform = $('flow-platform');
  platform.value = flow ? flow.platform : '';
  platform.readOnly = Boolean(flow);
  $('flow-nodes').replaceChildren();
  (nodes.length ? nodes : [{ id: '', name: '' }]).forEach(addRow);
  (flow ? $('flow-nodes').querySelector('input') : platform).focus();
}

async function publish() {
  const editor = $('flow-editor');
  const box = $('flow-problem');
  clearProblem(box, editor);
  $('flow-result').textContent = '';
  const type = businessType(box);
  if (!type) {
    return;
  }
  const platform = $('flow-platform').value.trim();
  if (!platform) {
    const required = { title: 'The platform is required' };
    showProblem(box, { problem: required, errors: [{ field: 'platform', message: 'is required' }] }, editor);
    return;
  }
  const nodes = rowNodes();
  try {
    const path = `${businessTypePath(type)}/flows/${segment(platform)}`;
    const { status: code, body } = await api('PUT', path, { nodes });
    $('flow-result').textContent = code === 201
      ? `Published ${body.platform} v${body.version} with ${body.nodes.length} nodes.`
      : `No change: the nodes are identical to ${body.platform} v${body.version}.`;
    $('flow-editor-title').textContent = `Flow of ${body.platform} (now v${body.version})`;
    $('flow-platform').readOnly = true;
    status($('flow-result').textContent);
    loadFlows();
  } catch (e) {
    showProblem(box, e, editor);
  }
}
