// Small DOM helpers shared by the console's sections.

/** Creates an element: h('td', {class: 'x', text: 'y', onclick: f}, child, ...). */
export function h(tag, attributes = {}, ...children) {
  const svg = ['svg', 'line'].includes(tag);
  const element = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'text') {
      element.textContent = value;
    } else if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

export function $(id) {
  return document.getElementById(id);
}

/**
 * Shows an API failure in `box`, next to what caused it: the problem's title and detail, each field error,
 * and marks the inputs of `scope` whose data-field names an erroneous field (aria-invalid + description).
 */
export function showProblem(box, error, scope = document) {
  clearProblem(box, scope);
  const problem = error.problem || { title: 'Unexpected error', detail: String(error.message || error) };
  box.append(h('strong', { text: problem.title || 'Error' }));
  if (problem.detail) {
    box.append(h('p', { text: problem.detail }));
  }
  const errors = error.errors || [];
  if (errors.length) {
    box.append(h('ul', {}, errors.map((e) => h('li', {}, h('code', { text: e.field }), ` ${e.message}`))));
  }
  box.hidden = false;
  for (const e of errors) {
    const input = fieldInput(scope, e.field);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      if (box.id) {
        input.setAttribute('aria-describedby', box.id);
      }
    }
  }
  const first = errors.map((e) => fieldInput(scope, e.field)).find(Boolean);
  if (first) {
    first.focus();
  }
}

/**
 * The input for a field path like nodes[2].id, or the closest one for its parent path; the business type
 * (path parameter "type") is the header's input whatever the scope.
 */
function fieldInput(scope, field) {
  if (field === 'type') {
    return $('business-type');
  }
  let path = field;
  while (path) {
    const input = scope.querySelector(`[data-field="${CSS.escape(path)}"]`);
    if (input) {
      return input;
    }
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    path = cut > 0 ? path.slice(0, cut) : '';
  }
  return null;
}

export function clearProblem(box, scope = document) {
  box.replaceChildren();
  box.hidden = true;
  for (const input of [...scope.querySelectorAll('[aria-invalid="true"]'), $('business-type')]) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
}

/** A short message in the status line at the bottom. */
export function status(message) {
  $('status').textContent = message;
}

/** An ISO instant as local date and time, or '—'. */
export function time(instant) {
  if (!instant) {
    return '—';
  }
  const date = new Date(instant);
  // with the zone: operators compare these with UTC logs
  return Number.isNaN(date.getTime()) ? instant : date.toLocaleString(undefined, { timeZoneName: 'short' });
}

/** The business type chosen at the top; shows a problem in `box` and returns null when there is none. */
export function businessType(box) {
  const input = $('business-type');
  const value = input.value.trim();
  if (!value) {
    showProblem(box, {
      problem: { title: 'Choose a business type', detail: 'Type the business type at the top first.' },
      errors: [{ field: 'type', message: 'is required' }],
    });
    return null;
  }
  return value;
}
