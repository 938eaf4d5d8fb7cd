// Calls to the Baton v1 API from the console, with the user's token; every failure becomes an ApiError
// carrying the problem document (RFC 9457) Baton answered, or one made up for a network failure.

const TOKEN_KEY = 'baton.console.token';

let token = sessionStorage.getItem(TOKEN_KEY) || '';

/** Keeps the bearer token for this browser tab only (sessionStorage, never localStorage). */
export function setToken(value) {
  token = value.trim().replace(/^Bearer\s+/i, '');
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

export function currentToken() {
  return token;
}

/** A failed call: the HTTP status (0 when Baton did not answer) and the problem. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** The field-level errors of a 422, [] otherwise. */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** Calls Baton; resolves to {status, body}, rejects with an ApiError. */
export async function api(method, path, body) {
  const headers = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit',
    });
  } catch (e) {
    throw new ApiError(0, {
      title: 'Baton did not answer', detail: 'The request could not be sent. Check the connection and try again.',
    });
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, problemOf(response, json));
  }
  return { status: response.status, body: json };
}

function problemOf(response, json) {
  if (json && typeof json === 'object' && (json.title || json.detail)) {
    return json;
  }
  // API Gateway's own answers (before Baton runs) are {"message": "..."}
  const message = json && typeof json.message === 'string' ? json.message : response.statusText;
  const hint = response.status === 401 ? ' Paste a valid token above.' : response.status === 403
    ? ' The token lacks the scope this needs: baton/admin for flows and mappings, baton/operator to list and '
      + 'redrive orders, baton/terminal or baton/operator to read one.'
    : '';
  return {
    title: message || `HTTP ${response.status}`, status: response.status, detail: `HTTP ${response.status}.${hint}`,
  };
}

/** The path of a business type's resources. */
export function businessTypePath(type) {
  return `/v1/business-types/${encodeURIComponent(type)}`;
}

/** Encodes one path segment. */
export function segment(value) {
  return encodeURIComponent(value);
}
