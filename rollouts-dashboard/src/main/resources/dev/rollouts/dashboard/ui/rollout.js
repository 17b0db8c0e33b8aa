// The Rollout page: summary, containers (set image), steps, revisions with their ReplicaSets,
// pods and AnalysisRuns, Rollback, and the five actions; live through the Rollout's watch.
import { h, clear } from './dom.js';
import { get, put, watch, paths } from './api.js';
import { statusIcon } from './icons.js';
import { actionButtons, confirmed, isReadOnly } from './actions.js';
import { badges, podDots, strategyBadge, weight } from './widgets.js';
import { showAnalysisRun } from './analysis.js';

export function rolloutPage(main, namespace, name, go) {
  document.title = `${name} / Rollouts`;
  clear(main);
  const page = h('div', { class: 'rollout' }, h('p', { class: 'loading' }, 'Loading…'));
  main.append(h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' },
    h('a', { href: './', 'data-route': true, onclick: (e) => go(e, './') }, 'Rollouts'), ' / ', name), page);
  let editing = null; // the container whose image is being edited: keeps the form across updates
  let last = null;

  const draw = () => {
    if (!last) return;
    const focused = document.activeElement && document.activeElement.dataset.focusKey;
    clear(page);
    page.append(...[header(last), summary(last), containers(last), steps(last), revisions(last)].filter(Boolean));
    if (focused) {
      const again = page.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`);
      if (again) again.focus();
    }
  };
  // A change redraws the page, except while an image is being edited (not under the user's typing).
  const render = (ro) => {
    last = ro;
    if (!editing) draw();
  };

  function header(ro) {
    return h(
      'header',
      { class: 'rollout-head' },
      h('h1', {}, statusIcon(ro.status), ' ', name),
      h('span', { class: `phase phase-${(ro.status || 'unknown').toLowerCase()}`, 'data-testid': 'status' }, ro.status || 'Unknown'),
      h('div', { class: 'rollout-actions', role: 'group', 'aria-label': 'Actions' },
        keyed(actionButtons(ro, ['restart', 'retry', 'abort', 'promote', 'promoteFull']))),
    );
  }

  function summary(ro) {
    const rows = [['Strategy', [strategyBadge(ro)]]];
    if (ro.strategy === 'Canary') {
      rows.push(['Step', ro.step || '-'], ['Set Weight', `${ro.setWeight || 0}%`], ['Actual Weight', `${weight(ro)}%`]);
    }
    rows.push(['Replicas', `${ro.desired || 0} desired, ${ro.current || 0} current, ${ro.updated || 0} updated, ${ro.ready || 0} ready, ${ro.available || 0} available`]);
    if (ro.message) rows.push(['Message', ro.message]);
    return section('Summary', h('dl', { class: 'summary' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
  }

  function containers(ro) {
    const list = (items, kind) =>
      (items || []).map((c) => h('li', { class: 'container' }, h('span', { class: 'container-name' }, c.name), imageEditor(ro, c, kind)));
    const items = [...list(ro.containers, ''), ...list(ro.initContainers, 'init')];
    return section('Containers', h('ul', { class: 'containers' }, items));
  }

  function imageEditor(ro, c, kind) {
    const key = `${kind}:${c.name}`;
    const label = h('code', { class: 'image' }, c.image);
    if (isReadOnly()) return label;
    if (editing !== key) {
      return h('span', { class: 'image-row' }, label,
        h('button', { type: 'button', class: 'button small', 'data-focus-key': `edit-${key}`, 'aria-label': `Edit image of ${c.name}`,
          onclick: () => { editing = key; draw(); } }, 'Edit'));
    }
    const input = h('input', { type: 'text', value: c.image, 'aria-label': `New image for ${c.name}`, class: 'image-input', required: true });
    const form = h('form', { class: 'image-form', onsubmit: (e) => {
      e.preventDefault();
      const value = input.value.trim();
      const slash = value.lastIndexOf('/');
      const colon = value.lastIndexOf(':');
      const [image, tag] = colon > slash ? [value.slice(0, colon), value.slice(colon + 1)] : [value, 'latest'];
      editing = null;
      confirmed(`Set the image of “${c.name}” in “${name}” to ${image}:${tag}?`, 'Set image',
        () => put(paths.setImage(namespace, name, c.name, image, tag))).then(draw);
    } }, input,
      h('button', { type: 'submit', class: 'button small primary' }, 'Save'),
      h('button', { type: 'button', class: 'button small secondary', onclick: () => { editing = null; draw(); } }, 'Cancel'));
    setTimeout(() => input.focus());
    return form;
  }

  function steps(ro) {
    const all = ro.steps || [];
    if (ro.strategy !== 'Canary') return null;
    const current = ro.step ? Number(ro.step.split('/')[0]) : 0;
    return section('Steps', all.length
      ? h('ol', { class: 'steps' }, all.map((step, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return h('li', { class: `step step-${state}`, 'aria-current': state === 'current' ? 'step' : undefined },
            h('span', { class: 'step-mark', 'aria-hidden': 'true' }, state === 'done' ? '✓' : String(i + 1)),
            h('span', {}, describeStep(step)),
            state === 'current' ? h('span', { class: 'sr-only' }, ' (current step)') : null,
            state === 'done' ? h('span', { class: 'sr-only' }, ' (complete)') : null);
        }))
      : h('p', { class: 'muted' }, 'No steps: the canary goes to 100% at once.'));
  }

  function revisions(ro) {
    const byRevision = new Map();
    for (const rs of ro.replicaSets || []) {
      const r = rs.revision || 0;
      if (!byRevision.has(r)) byRevision.set(r, { sets: [], runs: [] });
      byRevision.get(r).sets.push(rs);
    }
    for (const run of ro.analysisRuns || []) {
      const r = run.revision || 0;
      if (!byRevision.has(r)) byRevision.set(r, { sets: [], runs: [] });
      byRevision.get(r).runs.push(run);
    }
    const numbers = [...byRevision.keys()].sort((a, b) => b - a);
    const newest = numbers[0];
    return section('Revisions', numbers.map((r) => {
      const { sets, runs } = byRevision.get(r);
      return h('article', { class: 'revision', 'aria-labelledby': `rev-${r}` },
        h('div', { class: 'revision-head' },
          h('h3', { id: `rev-${r}` }, `Revision ${r}`),
          r !== newest && !isReadOnly()
            ? h('button', { type: 'button', class: 'button small', 'data-focus-key': `rollback-${r}`, 'aria-label': `Rollback to revision ${r}`,
                onclick: () => confirmed(`Roll “${name}” back to revision ${r}?`, 'Rollback', () => put(paths.undo(namespace, name, r))) }, 'Rollback')
            : null),
        h('ul', { class: 'replicasets' }, sets.map((rs) => h('li', { class: 'replicaset' },
          h('div', { class: 'rs-head' }, statusIcon(rs.status), h('span', { class: 'rs-name' }, rs.objectMeta.name), badges(rs),
            rs.scaleDownDeadline ? h('span', { class: 'muted' }, `scales down ${rs.scaleDownDeadline}`) : null),
          h('div', { class: 'rs-images muted' }, (rs.images || []).join(', ')),
          podDots(rs.pods)))),
        runs.length ? h('div', { class: 'runs' }, h('span', { class: 'muted' }, 'Analysis runs: '),
          runs.map((run) => h('button', { type: 'button', class: `button small run run-${(run.status || '').toLowerCase()}`,
            onclick: () => showAnalysisRun(run) }, statusIcon(run.status, ''), `${run.objectMeta.name} (${run.status || 'Pending'})`))) : null);
    }));
  }

  const stop = watch(paths.infoWatch(namespace, name), render);
  get(paths.info(namespace, name)).then((ro) => last || render(ro)).catch((e) => {
    if (e.status === 404 || e.status === 403) stop(); // the watch would only fail again
    clear(page);
    page.append(h('p', { class: 'error' }, e.status === 404 ? `Rollout ${name} not found in namespace ${namespace}.` : e.message));
  });
  return stop;
}

function keyed(buttons) {
  for (const b of buttons) b.dataset.focusKey = `action-${b.dataset.action}`;
  return buttons;
}

function section(title, ...content) {
  const id = `section-${title.toLowerCase()}`;
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), content);
}

/** A canary step in words, as Argo's UI shows it. */
export function describeStep(step) {
  if ('setWeight' in step) return `Set Weight: ${step.setWeight}%`;
  if ('pause' in step) return step.pause && step.pause.duration !== undefined ? `Pause: ${step.pause.duration}` : 'Pause (until promoted)';
  if ('analysis' in step) return `Analysis: ${(step.analysis.templates || []).map((t) => t.templateName).join(', ')}`;
  if ('setCanaryScale' in step) return `Set Canary Scale: ${JSON.stringify(step.setCanaryScale)}`;
  if ('setHeaderRoute' in step) return `Set Header Route: ${step.setHeaderRoute.name || ''}`;
  if ('setMirrorRoute' in step) return `Set Mirror Route: ${step.setMirrorRoute.name || ''}`;
  if ('experiment' in step) return 'Experiment';
  if ('plugin' in step) return `Plugin: ${step.plugin.name || ''}`;
  return JSON.stringify(step);
}
