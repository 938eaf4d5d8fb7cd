// The flow editor's node rows: one per node, in flow order, each with its id and name inputs and buttons to
// move or remove it.
import { $, h } from './ui.js';

/** Adds a row for a node at the end of the editor's list. */
export function addRow(node) {
  const list = $('flow-nodes');
  const row = h('li', { class: 'node-row' },
    h('label', {}, h('span', { class: 'sr-only', text: 'Node id' }), h('input', {
      class: 'node-id', value: node.id, placeholder: 'node id', spellcheck: 'false', autocomplete: 'off',
    })),
    h('label', {}, h('span', { class: 'sr-only', text: 'Node name' }), h('input', {
      class: 'node-name', value: node.name, placeholder: 'name shown to terminals', autocomplete: 'off',
    })),
    iconButton('Move up', 'Move up', '↑', () => move(row, -1)),
    iconButton('Move down', 'Move down', '↓', () => move(row, 1)),
    iconButton('Remove', 'Remove node', '✕', () => remove(row)));
  list.append(row);
  renumber();
}

function iconButton(title, label, text, onclick) {
  return h('button', { type: 'button', class: 'icon', title, 'aria-label': label, text, onclick });
}

/** Removes a node row; focus goes to the next row's id (or the previous one's, or Add node). */
function remove(row) {
  const next = row.nextElementSibling || row.previousElementSibling;
  row.remove();
  renumber();
  (next ? next.querySelector('.node-id') : $('flow-add-node')).focus();
}

function move(row, delta) {
  const sibling = delta < 0 ? row.previousElementSibling : row.nextElementSibling;
  if (sibling) {
    if (delta < 0) {
      sibling.before(row);
    } else {
      sibling.after(row);
    }
    renumber();
    row.querySelector(delta < 0 ? '[aria-label="Move up"]' : '[aria-label="Move down"]').focus();
  }
}

/** Keeps each input's data-field equal to its path in the publish request, so errors land next to it. */
function renumber() {
  [...$('flow-nodes').children].forEach((row, i) => {
    row.querySelector('.node-id').dataset.field = `nodes[${i}].id`;
    row.querySelector('.node-name').dataset.field = `nodes[${i}].name`;
  });
}

/** The nodes of the rows, in order, as the publish request takes them. */
export function rowNodes() {
  return [...$('flow-nodes').children].map((row) => ({
    id: row.querySelector('.node-id').value.trim(),
    name: row.querySelector('.node-name').value.trim(),
  }));
}
