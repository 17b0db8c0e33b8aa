// Pieces both pages show: role badges, pod dots, a ReplicaSet line.
import { h } from './dom.js';
import { statusClass, statusIcon } from './icons.js';

export function roles(rs) {
  return ['stable', 'canary', 'active', 'preview'].filter((r) => rs[r]);
}

export function badges(rs) {
  return roles(rs).map((r) => h('span', { class: `badge badge-${r}` }, r));
}

export function podDots(pods = []) {
  if (!pods.length) return h('span', { class: 'muted' }, 'no pods');
  return h(
    'ul',
    { class: 'pods', 'aria-label': `${pods.length} pod${pods.length === 1 ? '' : 's'}` },
    pods.map((p) =>
      h('li', {
        class: `pod status-${statusClass(p.status)}`,
        title: `${p.objectMeta.name}: ${p.status || 'Unknown'} (${p.ready || '0/0'} ready)`,
        'aria-label': `${p.objectMeta.name}: ${p.status || 'Unknown'}, ${p.ready || '0/0'} ready`,
      }),
    ),
  );
}

export function strategyBadge(ro) {
  if (!ro.strategy) return null;
  return h('span', { class: `strategy strategy-${ro.strategy.toLowerCase()}` }, ro.strategy);
}

export function statusLine(ro) {
  return h('span', { class: 'status-line' }, statusIcon(ro.status), h('span', {}, ro.status || 'Unknown'));
}

/** Argo's "needs attention": paused other than at a canary pause step, Degraded, or Unknown. */
export function needsAttention(ro) {
  return (
    (ro.status === 'Paused' && ro.message !== 'CanaryPauseStep') ||
    ro.status === 'Degraded' ||
    !ro.status ||
    ro.status === 'Unknown'
  );
}

export function weight(ro) {
  return ro.actualWeight || ro.setWeight || '0';
}
