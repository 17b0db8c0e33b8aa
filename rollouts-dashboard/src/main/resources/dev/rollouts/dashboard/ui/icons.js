// Status icons as inline SVG, so they look the same whatever fonts the machine has.
import { h } from './dom.js';

const PATHS = {
  Healthy: '<circle cx="8" cy="8" r="7"/><path d="M4.5 8.2l2.3 2.3 4.7-4.8" class="stroke"/>',
  Degraded: '<circle cx="8" cy="8" r="7"/><path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" class="stroke"/>',
  Paused: '<circle cx="8" cy="8" r="7"/><path d="M6.3 5v6M9.7 5v6" class="stroke"/>',
  Progressing: '<circle cx="8" cy="8" r="6" class="ring"/><path d="M8 2a6 6 0 0 1 6 6" class="arc"/>',
  ScaledDown: '<circle cx="8" cy="8" r="7"/><path d="M5 8h6" class="stroke"/>',
  Unknown: '<circle cx="8" cy="8" r="7"/><path d="M6 6.2a2 2 0 1 1 2.6 1.9c-.5.2-.6.5-.6 1.1M8 11.4v.2" class="stroke"/>',
};

const CLASS = {
  Healthy: 'ok', Successful: 'ok', Running: 'ok', Completed: 'ok',
  Degraded: 'bad', Failed: 'bad', Error: 'bad', ReplicaFailure: 'bad', InvalidSpec: 'bad',
  Paused: 'paused', Inconclusive: 'paused',
  Progressing: 'progress', Pending: 'progress', ContainerCreating: 'progress', Terminating: 'progress',
  ScaledDown: 'neutral',
};

const SHAPE = { ok: 'Healthy', bad: 'Degraded', paused: 'Paused', progress: 'Progressing', neutral: 'ScaledDown' };

/** The class of a status: ok, bad, paused, progress, neutral or unknown. */
export function statusClass(status) {
  return CLASS[status] || 'unknown';
}

/**
 * An icon for a status, with the status as its accessible name; with an empty label it is
 * decoration (the text beside it says the status).
 */
export function statusIcon(status, label = status || 'Unknown') {
  const kind = statusClass(status);
  return h('span', {
    class: `icon status-${kind}`,
    role: label ? 'img' : undefined,
    'aria-label': label || undefined,
    'aria-hidden': label ? undefined : 'true',
    title: label || undefined,
    html: `<svg viewBox="0 0 16 16" aria-hidden="true">${PATHS[SHAPE[kind] || 'Unknown']}</svg>`,
  });
}
