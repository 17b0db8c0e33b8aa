// The list page: the namespace's Rollouts as cards, kept live by the list watch, with Argo's
// filters. Each change re-renders one card, batched per animation frame, so 200 Rollouts stay
// smooth.
import { h, clear } from './dom.js';
import { get, watch, paths } from './api.js';
import { statusIcon } from './icons.js';
import { actionButtons } from './actions.js';
import { badges, podDots, strategyBadge, needsAttention } from './widgets.js';

const STATUSES = ['Progressing', 'Degraded', 'Paused', 'Healthy'];

export function listPage(main, namespace, go) {
  const rollouts = new Map(); // name -> {info, card}
  const dirty = new Set();
  const filters = { statuses: new Set(), attention: false, text: '' };
  let frame = 0;
  let loaded = false;
  let failed = false;

  const grid = h('ul', { class: 'grid', 'aria-label': 'Rollouts' });
  const empty = h('p', { class: 'empty', hidden: true }, `No rollouts in namespace ${namespace}.`);
  const counter = h('span', { class: 'count' });
  const attentionButton = h(
    'button',
    { type: 'button', class: 'chip', 'aria-pressed': 'false', onclick: () => toggle(attentionButton, () => (filters.attention = !filters.attention)) },
    'Needs attention ',
    counter,
  );
  const search = h('input', {
    type: 'search',
    class: 'search',
    placeholder: 'Filter by name or label tag:value',
    'aria-label': 'Filter by name or label tag:value',
    oninput: () => {
      filters.text = search.value;
      applyFilters();
    },
  });
  const chips = STATUSES.map((status) => {
    const chip = h(
      'button',
      {
        type: 'button',
        class: 'chip',
        'aria-pressed': 'false',
        onclick: () =>
          toggle(chip, () => (filters.statuses.has(status) ? filters.statuses.delete(status) : filters.statuses.add(status))),
      },
      statusIcon(status, ''),
      status,
    );
    return chip;
  });
  const toolbar = h(
    'div',
    { class: 'toolbar', role: 'search' },
    h('h1', {}, 'Rollouts ', h('span', { class: 'muted' }, namespace)),
    h('div', { class: 'filters', role: 'group', 'aria-label': 'Filters' }, attentionButton, chips),
    search,
  );
  clear(main);
  main.append(toolbar, empty, grid);

  function toggle(button, change) {
    change();
    button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true'));
    applyFilters();
  }

  const onKey = (e) => {
    if (e.key === '/' && document.activeElement !== search && !e.target.closest('input, select, textarea, dialog')) {
      e.preventDefault();
      search.focus();
    }
  };
  document.addEventListener('keydown', onKey);

  function update(info) {
    const name = info.objectMeta.name;
    const entry = rollouts.get(name) || {};
    const json = JSON.stringify(info);
    if (entry.json === json) return; // the list and the watch's first events say the same
    entry.json = json;
    entry.info = info;
    rollouts.set(name, entry);
    dirty.add(name);
    schedule();
  }

  function remove(name) {
    const entry = rollouts.get(name);
    if (entry && entry.card) entry.card.remove();
    rollouts.delete(name);
    schedule();
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(render);
  }

  function render() {
    frame = 0;
    let added = false;
    for (const name of dirty) {
      const entry = rollouts.get(name);
      if (!entry) continue;
      const card = renderCard(entry.info, go);
      if (entry.card) entry.card.replaceWith(card);
      else added = true;
      entry.card = card;
    }
    dirty.clear();
    if (added) {
      const names = [...rollouts.keys()].sort(byName);
      grid.append(...names.map((n) => rollouts.get(n).card));
    }
    applyFilters();
  }

  function applyFilters() {
    const terms = parseTerms(filters.text);
    let attention = 0;
    for (const { info, card } of rollouts.values()) {
      const needs = needsAttention(info);
      if (needs) attention++;
      const show =
        (!filters.statuses.size || filters.statuses.has(info.status)) &&
        (!filters.attention || needs) &&
        (!terms.length || terms.some((t) => matches(info, t)));
      if (card) card.hidden = !show;
    }
    counter.textContent = `(${attention})`;
    empty.hidden = !failed && (!loaded || rollouts.size > 0);
  }

  get(paths.list(namespace))
    .then((list) => (list.rollouts || []).forEach(update))
    .catch((e) => {
      if (e.status === 403 || e.status === 404) stop(); // the watch would only fail again
      failed = true;
      empty.textContent = e.message;
    })
    .finally(() => {
      loaded = true;
      schedule();
    });
  const stop = watch(paths.listWatch(namespace), (event) => {
    if (event.type === 'Deleted') remove(event.rolloutInfo.objectMeta.name);
    else update(event.rolloutInfo); // Added, or Updated
  });
  return () => {
    stop();
    cancelAnimationFrame(frame);
    document.removeEventListener('keydown', onKey);
  };
}

const collator = new Intl.Collator(undefined, { numeric: true });
const byName = (a, b) => collator.compare(a, b);

/** Comma-separated terms; "quoted" means exact; tag:value matches a label. */
function parseTerms(text) {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => {
      const colon = t.indexOf(':');
      const label = colon > 0 ? t.slice(0, colon).trim() : null;
      let value = colon > 0 ? t.slice(colon + 1).trim() : t;
      const exact = value.length > 1 && value.startsWith('"') && value.endsWith('"');
      if (exact) value = value.slice(1, -1);
      return { label, value: value.toLowerCase(), exact };
    });
}

function matches(info, term) {
  const test = (s) => (term.exact ? s.toLowerCase() === term.value : s.toLowerCase().includes(term.value));
  if (term.label) {
    const labels = info.objectMeta.labels || {};
    return term.label in labels && test(String(labels[term.label]));
  }
  return test(info.objectMeta.name);
}

function renderCard(ro, go) {
  const name = ro.objectMeta.name;
  const href = `rollout/${encodeURIComponent(ro.objectMeta.namespace)}/${encodeURIComponent(name)}`;
  const sets = (ro.replicaSets || []).filter((rs) => rs.replicas || rs.stable || rs.canary || rs.active || rs.preview);
  return h(
    'li',
    { class: `card card-${(ro.status || 'unknown').toLowerCase()}`, 'data-name': name },
    h(
      'div',
      { class: 'card-head' },
      statusIcon(ro.status),
      h('h2', {}, h('a', { href, 'data-route': true, onclick: (e) => go(e, href) }, name)),
      strategyBadge(ro),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Status'),
      h('dd', {}, ro.status || 'Unknown'),
      ro.strategy === 'Canary' ? [h('dt', {}, 'Weight'), h('dd', {}, `${ro.setWeight || 0}%`)] : null,
      ro.step ? [h('dt', {}, 'Step'), h('dd', {}, ro.step)] : null,
    ),
    h(
      'ul',
      { class: 'sets', 'aria-label': 'ReplicaSets' },
      sets.map((rs) =>
        h('li', {}, h('span', { class: 'rev' }, `Rev ${rs.revision || 0}`), badges(rs), podDots(rs.pods)),
      ),
    ),
    ro.message && ro.message !== 'CanaryPauseStep' ? h('p', { class: 'message' }, ro.message) : null,
    h('div', { class: 'card-actions' }, actionButtons(ro, ['restart', 'promote'])),
  );
}
