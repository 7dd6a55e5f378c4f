// The REST API as the signed-in user. Views get it as context.api.

/** A failed call: status (0 when the server could not be reached), title and detail of the problem. */
export class ApiError extends Error {
  constructor(status, title, detail, { body = null, headers = null } = {}) {
    super(detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.body = body;
    this.headers = headers;
  }
}

const CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * csrfToken gives the session's token, sent with every call that changes something;
 * onUnauthorized is told of every 401 so the shell can find out whether the session ended.
 */
export function createApi({ csrfToken = () => null, onUnauthorized = () => {} } = {}) {
  /** Resolves to { status, body, etag, location, headers }; rejects with an ApiError. */
  async function request(method, path, { body, ifMatch, headers = {} } = {}) {
    const sent = { Accept: 'application/json', ...headers };
    const token = csrfToken();
    if (CHANGING.has(method) && token) sent['X-CSRF-Token'] = token;
    if (ifMatch) sent['If-Match'] = ifMatch;
    let payload = body;
    if (body !== undefined && !(body instanceof FormData)) {
      sent['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let response;
    let answer;
    try {
      response = await fetch(path, { method, headers: sent, body: payload, credentials: 'same-origin' });
      answer = await readBody(response);
    } catch {
      throw new ApiError(0, 'Network error', 'The server could not be reached. Check the connection and try again.');
    }
    if (!response.ok) {
      if (response.status === 401) onUnauthorized();
      const problem = answer && typeof answer === 'object' ? answer : {};
      throw new ApiError(
        response.status,
        problem.title || response.statusText || `HTTP ${response.status}`,
        problem.detail || (typeof answer === 'string' ? answer.slice(0, 300) : ''),
        { body: answer, headers: response.headers });
    }
    return {
      status: response.status,
      body: answer,
      etag: response.headers.get('ETag'),
      location: response.headers.get('Location'),
      headers: response.headers,
    };
  }

  const bodyOf = (call) => call.then((answer) => answer.body);
  return {
    request,
    get: (path) => bodyOf(request('GET', path)),
    getWithETag: (path) => request('GET', path).then(({ body, etag }) => ({ body, etag })),
    post: (path, body) => bodyOf(request('POST', path, { body })),
    put: (path, body, { ifMatch } = {}) => bodyOf(request('PUT', path, { body, ifMatch })),
    patch: (path, body, { ifMatch } = {}) => bodyOf(request('PATCH', path, { body, ifMatch })),
    delete: (path, { ifMatch } = {}) => bodyOf(request('DELETE', path, { ifMatch })),
    /** Sends file as the multipart part "file"; method is POST (install) or PUT (update). */
    upload(path, file, { method = 'POST' } = {}) {
      const form = new FormData();
      form.append('file', file, file.name);
      return bodyOf(request(method, path, { body: form }));
    },
  };
}

/** JSON answers parsed, other text as a string, no content as null. */
async function readBody(response) {
  const text = await response.text();
  if (!text) return null;
  const type = response.headers.get('Content-Type') || '';
  if (!/[/+]json\b/.test(type)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
