// The console's entry point: the business type and token at the top, and the three sections as tabs.
import { api, setToken, currentToken } from './api.js';
import { $ } from './ui.js';
import { initFlows } from './flows.js';
import { initMappings } from './mappings.js';
import { initOrders } from './orders.js';
import { initDownstreams } from './downstreams.js';
import { initInbox } from './inbox.js';

const RECENT_KEY = 'baton.console.recentTypes';

/** The business types used lately in this browser, newest first; a damaged entry is forgotten, never fatal. */
function recentTypes() {
  try {
    const stored = JSON.parse(localStorage.getItem(RECENT_KEY) || '[]');
    return Array.isArray(stored) ? stored.filter((t) => typeof t === 'string').slice(0, 8) : [];
  } catch (e) {
    localStorage.removeItem(RECENT_KEY);
    return [];
  }
}

/** The choices for the business type: recent ones first, then every one with flows (when the token allows). */
async function offerTypes() {
  let known = [];
  try {
    known = (await api('GET', '/v1/business-types')).body.businessTypes || [];
  } catch (e) {
    // no token yet, or one without baton/admin: the recent ones are still offered
  }
  const recent = recentTypes();
  const all = [...recent, ...known.filter((t) => !recent.includes(t))];
  $('recent-types').replaceChildren(...all.map((t) => new Option(t)));
}

function initContext() {
  const type = $('business-type');
  const recent = recentTypes();
  type.value = recent[0] || '';
  $('recent-types').replaceChildren(...recent.map((t) => new Option(t)));
  type.addEventListener('change', () => {
    const value = type.value.trim();
    if (value) {
      const next = [value, ...recentTypes().filter((t) => t !== value)].slice(0, 8);
      localStorage.setItem(RECENT_KEY, JSON.stringify(next));
      offerTypes();
    }
    document.dispatchEvent(new CustomEvent('baton:business-type', { detail: value }));
  });
  const token = $('token');
  token.value = currentToken();
  token.addEventListener('change', () => {
    setToken(token.value);
    offerTypes();
  });
  offerTypes();
}

/** Tabs with the ARIA tabs pattern: arrow keys move between them, Enter/Space or click selects. */
function initTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  const select = (tab) => {
    for (const t of tabs) {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !selected;
    }
    tab.focus();
    document.dispatchEvent(new CustomEvent('baton:tab', { detail: tab.id }));
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        e.preventDefault();
        select(tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]);
      } else if (e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        select(tabs[e.key === 'Home' ? 0 : tabs.length - 1]);
      }
    });
  });
}

initContext();
initTabs();
initFlows();
initMappings();
initOrders();
initDownstreams();
initInbox();
document.body.dataset.ready = 'true';
