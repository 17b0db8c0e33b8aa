// The AnalysisRun panel: its phase, each metric's counts and measurements.
import { h, clear } from './dom.js';
import { statusIcon } from './icons.js';

export function showAnalysisRun(run) {
  const dialog = document.getElementById('analysis');
  document.getElementById('analysis-title').textContent = `Analysis run ${run.objectMeta.name}`;
  const body = document.getElementById('analysis-body');
  clear(body);
  body.append(
    h('p', {}, statusIcon(run.status), ` ${run.status || 'Pending'}`, run.message ? ` — ${run.message}` : ''),
    h('p', { class: 'muted' }, `successful ${run.successful || 0}, failed ${run.failed || 0}, inconclusive ${run.inconclusive || 0}, error ${run.error || 0}`),
    h('div', { class: 'metrics' }, (run.metrics || []).map((m) =>
      h('section', { class: 'metric' },
        h('h3', {}, statusIcon(m.phase, ''), ` ${m.name} (${m.phase || 'Pending'})`),
        condition(run, m.name),
        h('table', {},
          h('thead', {}, h('tr', {}, ['Phase', 'Value', 'Started', 'Finished'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, (m.measurements || []).map((x) =>
            h('tr', {}, h('td', {}, x.phase || ''), h('td', {}, x.value || x.message || ''), h('td', {}, x.startedAt || ''), h('td', {}, x.finishedAt || '')))))),
    )),
  );
  dialog.showModal();
}

function condition(run, metric) {
  const spec = (run.specAndStatus && run.specAndStatus.spec) || {};
  const m = (spec.metrics || []).find((x) => x.name === metric);
  if (!m) return null;
  return h('p', { class: 'muted' },
    m.successCondition ? `success when ${m.successCondition}` : '',
    m.failureCondition ? `; failure when ${m.failureCondition}` : '');
}
