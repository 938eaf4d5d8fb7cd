// The Inbox tab: failures the rules missed, per downstream, grouped by masked message template
// (GET /v1/downstreams/{name}/inbox). From a group an operator drafts a rule, dry-runs it over the recorded
// failures (POST …/inbox/dry-run: how many would be reclassified, from what to what), then publishes it and
// releases the group's NEEDS_REVIEW orders (POST …/inbox/{group}/rule).
import { api, segment } from './api.js';
import { $, h, showProblem, clearProblem, status, time } from './ui.js';

let group = null;

function inboxPath(name) {
  return `/v1/downstreams/${segment(name)}/inbox`;
}

async function offerNames() {
  try {
    const names = (await api('GET', '/v1/downstreams')).body.downstreams || [];
    // offered, never filled in: the answer may arrive while the operator types
    $('inbox-names').replaceChildren(...names.map((n) => new Option(n)));
  } catch (e) {
    // an operator's token cannot list downstreams: the name is typed
  }
}

async function load() {
  const box = $('inbox-problem');
  clearProblem(box);
  const name = $('inbox-downstream').value.trim();
  $('inbox-editor').hidden = true;
  try {
    const { body } = await api('GET', inboxPath(name));
    const rows = body.groups.map((g) => h('tr', { dataset: { group: g.id } },
      h('td', {}, h('code', { text: g.template || '(no message)' })),
      h('td', { text: [g.kind, g.httpStatus, g.code].filter((v) => v !== undefined).join(' · ') }),
      h('td', { class: 'count', text: g.failures }),
      h('td', { text: time(g.firstSeen) }),
      h('td', { text: time(g.lastSeen) }),
      h('td', { text: `${g.category} (${g.ruleSource})${g.proposed ? ` · ${g.proposed} ${g.confidence ?? ''}` : ''}` }),
      h('td', { text: g.exampleOrderIds.join(', ') }),
      h('td', {}, h('button', { type: 'button', class: 'secondary draft', onclick: () => draft(name, g) },
        'Draft rule'))));
    $('inbox-table').querySelector('tbody').replaceChildren(...rows);
    $('inbox-table').hidden = rows.length === 0;
    $('inbox-result').textContent = rows.length ? `${rows.length} group${rows.length === 1 ? '' : 's'}`
      + (body.truncated ? ' (more exist)' : '') : 'Nothing the rules missed.';
  } catch (e) {
    $('inbox-table').hidden = true;
    showProblem(box, e);
  }
}

function draft(name, g) {
  group = { name, id: g.id };
  $('inbox-editor-title').textContent = `Rule from group ${g.id}`;
  $('inbox-rule-id').value = g.draft.id;
  $('inbox-rule-category').value = g.draft.category || '';
  $('inbox-rule-when').value = JSON.stringify(g.draft.when);
  $('inbox-dry-run-result').replaceChildren();
  $('inbox-release-result').replaceChildren();
  clearProblem($('inbox-rule-problem'));
  $('inbox-editor').hidden = false;
  $('inbox-rule-category').focus();
}

/** The rule in the editor; a when that is not JSON is shown as a field error. */
function rule() {
  let when;
  try {
    when = JSON.parse($('inbox-rule-when').value);
  } catch (e) {
    throw { problem: { title: 'Invalid rule', detail: 'The condition is not JSON.' },
      errors: [{ field: 'rule.when', message: 'must be a JSON object' }] };
  }
  const category = $('inbox-rule-category').value;
  return { id: $('inbox-rule-id').value.trim(), when, category: category || null };
}

async function dryRun() {
  const box = $('inbox-rule-problem');
  clearProblem(box);
  try {
    const { body } = await api('POST', `${inboxPath(group.name)}/dry-run`, { rule: rule() });
    const out = $('inbox-dry-run-result');
    out.replaceChildren(h('p', { class: 'dry-run-summary', dataset: { reclassified: body.reclassified } },
      `Dry run: ${body.reclassified} of ${body.failures} recorded failures (${body.groups} groups) would be `
      + 'reclassified.'), h('ul', {}, body.transitions.map((t) => h('li', { class: 'transition' },
      `${t.from} → ${t.to}: ${t.failures} failures in ${t.groups} group${t.groups === 1 ? '' : 's'}`))),
    h('ul', {}, body.changed.map((c) => h('li', {}, h('code', { text: c.template }),
      ` ${c.failures} × ${c.from.category} → ${c.to.category} (${c.to.ruleId})`))));
  } catch (e) {
    showProblem(box, e, $('inbox-editor'));
  }
}

async function publish(event) {
  event.preventDefault();
  const box = $('inbox-rule-problem');
  clearProblem(box);
  try {
    const { body } = await api('POST', `${inboxPath(group.name)}/${segment(group.id)}/rule`,
      { rule: rule(), release: $('inbox-release').checked });
    const r = body.release;
    const out = $('inbox-release-result');
    out.replaceChildren(h('p', { class: 'publish-summary' }, `Rule ${body.ruleId} ${body.created ? 'published as'
      : 'already in'} version ${body.version}.`));
    if (r) {
      const to = Object.entries(r.releasedTo).map(([s, n]) => `${n} → ${s}`).join(', ');
      const skipped = Object.entries(r.skipped).map(([why, n]) => `${n} ${why}`).join(', ');
      out.append(h('p', { class: 'release-summary', dataset: { released: r.released } },
        `Released ${r.released}${to ? ` (${to})` : ''}; skipped ${skipped || 'none'}.`
        + (r.nextCursor ? ' More orders remain: release again.' : '')),
      h('ul', {}, r.orders.map((o) => h('li', { dataset: { order: o.orderId } },
        `${o.orderId}: ${o.outcome}, now ${o.syncState}`))));
    }
    status(`Rule ${body.ruleId} published on ${group.name}.`);
  } catch (e) {
    showProblem(box, e, $('inbox-editor'));
  }
}

/** Loads the downstream names when the tab is first opened. */
export function initInbox() {
  let offered = false;
  document.addEventListener('baton:tab', (e) => {
    if (e.detail === 'tab-inbox' && !offered) {
      offered = true;
      offerNames();
    }
  });
  $('inbox-form').addEventListener('submit', (e) => {
    e.preventDefault();
    load();
  });
  $('inbox-dry-run').addEventListener('click', dryRun);
  $('inbox-editor').addEventListener('submit', publish);
}
