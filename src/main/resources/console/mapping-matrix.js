// The handoff preview matrix of one direction of a mapping, as the mapping check answers it.
import { h } from './ui.js';

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
export function renderMatrix(container, matrix, targetNodes) {
  const kinds = cellKinds(matrix, targetNodes);
  const shape = `${matrix.from}>${matrix.to}:${matrix.rows.length}x${targetNodes.length}`;
  const existing = container.querySelector('table');
  if (existing && existing.dataset.shape === shape) {
    updateMatrix(existing, matrix, kinds, targetNodes);
    return;
  }
  container.replaceChildren(matrixTable(matrix, kinds, targetNodes, shape));
}

/** Each row's cell kinds, the carried over ones accumulated from the rows above. */
function cellKinds(matrix, targetNodes) {
  const kinds = [];
  const carried = new Set();
  for (const row of matrix.rows) {
    row.newlyCarriedOver.forEach((id) => carried.add(id));
    kinds.push(targetNodes.map((n) => (carried.has(n.id) ? 'carried' : n.id === row.next ? 'resume' : 'pending')));
  }
  return kinds;
}

function updateMatrix(table, matrix, kinds, targetNodes) {
  table.querySelectorAll('tbody tr').forEach((tr, r) => {
    const cells = tr.querySelectorAll('td');
    kinds[r].forEach((kind, c) => {
      if (cells[c].className !== kind) {
        fillCell(cells[c], kind, targetNodes[c]);
      }
    });
    cells[cells.length - 1].replaceChildren(resumesAt(matrix.rows[r]));
  });
}

function matrixTable(matrix, kinds, targetNodes, shape) {
  const header = h('tr', {}, h('th', { scope: 'col', text: `Done on ${matrix.from} through` }),
    targetNodes.map((n) => h('th', { scope: 'col', title: n.name }, h('code', { text: n.id }))),
    h('th', { scope: 'col', text: `${matrix.to} resumes at` }));
  const rows = matrix.rows.map((row, r) => h('tr', {},
    h('th', { scope: 'row' },
      row.reached ? h('code', { text: row.reached }) : h('span', { class: 'muted', text: '(nothing yet)' })),
    kinds[r].map((kind, c) => fillCell(h('td'), kind, targetNodes[c])),
    h('td', { class: 'resume-at' }, resumesAt(row))));
  return h('table', { class: 'data matrix-table', dataset: { from: matrix.from, to: matrix.to, shape } },
    h('caption', { text: `Handoff ${matrix.from} → ${matrix.to}` }), h('thead', {}, header), h('tbody', {}, rows));
}

function resumesAt(row) {
  return row.complete ? 'complete' : h('code', { text: row.next });
}

function fillCell(td, kind, node) {
  td.className = kind;
  td.title = `${node.id}: ${CELLS[kind].label}`;
  td.replaceChildren(h('span', { 'aria-hidden': 'true', text: CELLS[kind].text }),
    h('span', { class: 'sr-only', text: CELLS[kind].label }));
  return td;
}
