// The dashboard's entry: settings, the namespace picker, and routing by path (as Argo's UI):
//   <base>               the list of the chosen namespace
//   <base><namespace>    the list of that namespace
//   <base>rollout/<namespace>/<name>   a Rollout's page
import { get } from './api.js';
import { setReadOnly } from './actions.js';
import { listPage } from './list.js';
import { rolloutPage } from './rollout.js';
import { h } from './dom.js';
import { toast } from './toast.js';

const main = document.getElementById('main');
const picker = document.getElementById('namespace');
const base = new URL(document.baseURI);
let leave = () => {};
let namespaces = { namespace: 'default', availableNamespaces: [] };

function current() {
  const rest = decodeURI(location.pathname.slice(base.pathname.length)).split('/').filter(Boolean);
  if (rest[0] === 'rollout' && rest.length >= 3) return { page: 'rollout', namespace: rest[1], name: rest[2] };
  if (rest[0] === 'rollout' && rest.length === 2) return { page: 'rollout', namespace: chosen(), name: rest[1] };
  return { page: 'list', namespace: rest[0] || chosen() };
}

function chosen() {
  const saved = localStorage.getItem('namespace');
  return saved && namespaces.availableNamespaces.includes(saved) ? saved : namespaces.namespace;
}

function show() {
  leave();
  const route = current();
  picker.value = route.namespace;
  if (route.page === 'rollout') {
    leave = rolloutPage(main, route.namespace, route.name, go);
  } else {
    document.title = 'Rollouts Dashboard';
    leave = listPage(main, route.namespace, go);
  }
}

/** Follows an in-app link without a reload. */
function go(event, href) {
  if (event && (event.metaKey || event.ctrlKey || event.shiftKey || event.button === 1)) return;
  if (event) event.preventDefault();
  history.pushState(null, '', new URL(href, document.baseURI));
  show();
  main.focus();
}

async function start() {
  const [ns, settings, version] = await Promise.all([
    get('namespace'),
    get('settings').catch(() => ({ readOnly: false })),
    get('version').catch(() => ({})),
  ]);
  namespaces = ns;
  setReadOnly(Boolean(settings.readOnly));
  document.getElementById('readonly').hidden = !settings.readOnly;
  document.getElementById('version').textContent = version.rolloutsVersion || '';
  const all = [...new Set([ns.namespace, ...(ns.availableNamespaces || [])])].sort();
  picker.append(...all.map((n) => h('option', { value: n }, n)));
  picker.disabled = all.length < 2;
  picker.addEventListener('change', () => {
    localStorage.setItem('namespace', picker.value);
    go(null, encodeURIComponent(picker.value));
  });
  document.querySelector('.brand').addEventListener('click', (e) => go(e, './'));
  window.addEventListener('popstate', show);
  show();
}

start().catch((e) => {
  main.textContent = `The dashboard could not start: ${e.message}`;
  toast(e.message, true);
});
