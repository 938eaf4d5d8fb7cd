// The mapping editor's form: the platform choices, and opening the chosen pair with its published links.
import { api, businessTypePath, segment } from './api.js';
import { $, showProblem, clearProblem, businessType } from './ui.js';
import { state, forgetChecks } from './mapping-state.js';
import { renderNodes } from './mapping-links.js';
import { check, checkSoon } from './mapping-check.js';

/**
 * Fills the platform choices from the mapping form (platforms with a published flow), each time the tab is
 * shown, since flows may have been published meanwhile; keeps the current choices when they still exist.
 */
export async function loadPlatforms() {
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
    fillChoices(body.platforms);
    if (body.platforms.length < 2) {
      const count = body.platforms.length;
      const detail = `${type} has ${count} platform(s) with a flow; publish flows on the Flows tab first.`;
      showProblem(box, { problem: { title: 'Two platforms needed', detail } });
    }
  } catch (e) {
    showProblem(box, e);
  }
}

function fillChoices(platforms) {
  for (const [select, index] of [[$('mapping-base'), 0], [$('mapping-associated'), 1]]) {
    const previous = select.value;
    select.replaceChildren(...platforms.map((p) => new Option(p, p)));
    select.selectedIndex = platforms.includes(previous) ? platforms.indexOf(previous)
      : Math.min(index, platforms.length - 1);
  }
}

/** Opens the chosen pair; a pair mapped the other way round is reopened that way round (once). */
export async function openForm(note, swapped = false) {
  const box = $('mapping-problem');
  const panel = $('mappings-panel');
  clearForm(note);
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
      reopenReversed(body.configuredReversed, base, associated);
      return;
    }
    showForm(type, body, note);
  } catch (e) {
    showProblem(box, e, panel);
  }
}

/** Empties what the previous form left: problems, note, result, lint and matrices. */
function clearForm(note) {
  clearProblem($('mapping-problem'), $('mappings-panel'));
  clearProblem($('mapping-check-problem'));
  forgetChecks();
  $('mapping-note').hidden = !note;
  $('mapping-note').textContent = note || '';
  $('mapping-result').textContent = '';
  $('mapping-lint').replaceChildren();
  $('mapping-matrix-forward').replaceChildren();
  $('mapping-matrix-reverse').replaceChildren();
}

/** Reopens a pair the other way round, as it is mapped, saying why. */
function reopenReversed(r, base, associated) {
  $('mapping-base').value = r.base;
  $('mapping-associated').value = r.associated;
  openForm(`${base} and ${associated} are mapped as ${r.base} → ${r.associated} (v${r.version}); `
    + 'one mapping serves both directions, so it is shown that way round.', true);
}

/** Shows the pair the mapping form answered, with its published links, and checks them. */
function showForm(type, body, note) {
  state.type = type;
  state.form = body;
  const published = body.mapping ? body.mapping.links : [];
  const dropped = takeLinks(body, published);
  state.published = published.flatMap((l) => l.to.map((to) => `${l.from}>${to}`)).sort().join(' ');
  if (dropped.length) {
    noteDropped(note, dropped);
  }
  state.chosen = null;
  state.crossings = new Set();
  $('mapping-version').textContent = body.mapping
    ? publishedText(body.mapping, body.base.platform, body.associated.platform) : 'Not published yet';
  renderNodes(checkSoon);
  $('mapping-editor').hidden = false;
  check();
}

/** Puts the published links in the editor; returns those it leaves out ("from → to"). */
function takeLinks(body, published) {
  // Links to nodes the latest flows no longer have cannot be shown (nor kept): drop them and say so.
  const baseIds = new Set(body.base.nodes.map((n) => n.id));
  const associatedIds = new Set(body.associated.nodes.map((n) => n.id));
  const dropped = [];
  state.links = new Map();
  for (const link of published) {
    for (const to of link.to) {
      if (baseIds.has(link.from) && associatedIds.has(to)) {
        state.links.set(link.from, (state.links.get(link.from) || new Set()).add(to));
      } else {
        dropped.push(`${link.from} → ${to}`);
      }
    }
  }
  return dropped;
}

/** Says which published links are left out, after any note already shown. */
function noteDropped(note, dropped) {
  const text = 'The published mapping links nodes the latest flows no longer have; '
    + `those links are left out here: ${dropped.join(', ')}. Publish to save the mapping without them.`;
  $('mapping-note').textContent = note ? `${note} ${text}` : text;
  $('mapping-note').hidden = false;
}

/** The version line of a published mapping (the mapping form's, or the publish answer's). */
export function publishedText(mapping, base, associated) {
  return `Published v${mapping.version} (flows ${base} v${mapping.baseFlowVersion}, `
    + `${associated} v${mapping.associatedFlowVersion})`;
}
