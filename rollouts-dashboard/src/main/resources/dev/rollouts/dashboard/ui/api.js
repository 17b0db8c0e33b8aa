// Argo's dashboard API, relative to <base href>: JSON over fetch, watches over EventSource.

const API = new URL('api/v1/', document.baseURI);

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(new URL(path, API), init);
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) {
    throw new ApiError(response.status, json.message || json.error || response.statusText);
  }
  return json;
}

export const get = (path) => call('GET', path);
export const put = (path, body = {}) => call('PUT', path, body);

const seg = encodeURIComponent;

export const paths = {
  list: (ns) => `rollouts/${seg(ns)}/info`,
  listWatch: (ns) => `rollouts/${seg(ns)}/info/watch`,
  info: (ns, name) => `rollouts/${seg(ns)}/${seg(name)}/info`,
  infoWatch: (ns, name) => `rollouts/${seg(ns)}/${seg(name)}/info/watch`,
  action: (ns, name, action) => `rollouts/${seg(ns)}/${seg(name)}/${action}`,
  undo: (ns, name, revision) => `rollouts/${seg(ns)}/${seg(name)}/undo/${revision}`,
  setImage: (ns, name, container, image, tag) =>
    `rollouts/${seg(ns)}/${seg(name)}/set/${seg(container)}/${seg(image)}/${seg(tag)}`,
};

/**
 * Watches a stream: calls onMessage with each message's result, reconnects 500 ms after an
 * error, and pauses while the tab is hidden. Returns a function that stops it.
 */
export function watch(path, onMessage) {
  let source = null;
  let timer = null;
  let stopped = false;
  const open = () => {
    if (stopped || document.hidden) return;
    source = new EventSource(new URL(path, API));
    source.onmessage = (e) => onMessage(JSON.parse(e.data).result);
    source.onerror = () => {
      close();
      timer = setTimeout(open, 500);
    };
  };
  const close = () => {
    if (source) source.close();
    source = null;
    clearTimeout(timer);
  };
  const visibility = () => (document.hidden ? close() : source || open());
  document.addEventListener('visibilitychange', visibility);
  open();
  return () => {
    stopped = true;
    close();
    document.removeEventListener('visibilitychange', visibility);
  };
}
