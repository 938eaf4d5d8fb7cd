// The mapping editor's state, shared by its modules (mappings.js, mapping-links.js, mapping-matrix.js):
// the form shown, its links, the node chosen, and the checks under way.

export const state = {
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

/** Drops any scheduled or running check: its answer would belong to another form. */
export function forgetChecks() {
  clearTimeout(state.checkTimer);
  state.checkSeq += 1;
}

/** The links in the request's shape, in base flow order, each target list in associated flow order. */
export function linksBody() {
  const order = state.form.associated.nodes.map((n) => n.id);
  return state.form.base.nodes.filter((n) => state.links.has(n.id)).map((n) => ({
    from: n.id, to: [...state.links.get(n.id)].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
  }));
}

export function edges() {
  return [...state.links].flatMap(([from, targets]) => [...targets].map((to) => ({ from, to })));
}

/** The links as a comparable string, to tell whether the editor differs from what is published. */
export function edgeKeys() {
  return edges().map((e) => `${e.from}>${e.to}`).sort().join(' ');
}
