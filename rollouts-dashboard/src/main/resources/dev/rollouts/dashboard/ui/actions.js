// The actions and when Argo enables them (rollout-actions.tsx, PR #1669 and #1581), each asking
// to confirm first.
import { h } from './dom.js';
import { put, paths } from './api.js';
import { toast } from './toast.js';

const moving = (ro) => ro.status === 'Progressing' || ro.status === 'Paused';

export const ACTIONS = {
  restart: {
    label: 'Restart',
    enabled: () => true,
    run: (ro) => put(paths.action(ro.objectMeta.namespace, ro.objectMeta.name, 'restart')),
    title: (ro) => (ro.restartedAt && ro.restartedAt !== 'Never' ? `Last restarted ${ro.restartedAt}` : 'Never restarted'),
  },
  retry: {
    label: 'Retry',
    enabled: (ro) => ro.status === 'Degraded',
    run: (ro) => put(paths.action(ro.objectMeta.namespace, ro.objectMeta.name, 'retry')),
  },
  abort: {
    label: 'Abort',
    enabled: moving,
    run: (ro) => put(paths.action(ro.objectMeta.namespace, ro.objectMeta.name, 'abort')),
  },
  promote: {
    label: 'Promote',
    enabled: moving,
    run: (ro) => put(paths.action(ro.objectMeta.namespace, ro.objectMeta.name, 'promote'), { full: false }),
  },
  promoteFull: {
    label: 'Promote-Full',
    enabled: moving,
    run: (ro) => put(paths.action(ro.objectMeta.namespace, ro.objectMeta.name, 'promote'), { full: true }),
  },
};

let readOnly = false;

export function setReadOnly(value) {
  readOnly = value;
}

export function isReadOnly() {
  return readOnly;
}

/** Asks "Are you sure?" in a modal dialog; resolves to true on Yes. */
export function confirmAction(text, yes) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-ok').textContent = `Yes, ${yes.toLowerCase()}`;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    dialog.querySelector('.secondary').focus();
  });
}

/** Confirms, then runs {@code run}; shows an error as a toast ("Permission Denied" for 403). */
export async function confirmed(text, yes, run) {
  if (!(await confirmAction(text, yes))) return;
  try {
    await run();
    toast(`${yes}: done`);
  } catch (e) {
    toast(e.status === 403 ? `Permission Denied: ${e.message}` : `${yes} failed: ${e.message}`, true);
  }
}

/** The buttons of {@code names} for rollout {@code ro}, none when read-only. */
export function actionButtons(ro, names) {
  if (readOnly) return [];
  return names.map((name) => {
    const action = ACTIONS[name];
    const who = ro.objectMeta.name;
    return h(
      'button',
      {
        type: 'button',
        class: `button action action-${name}`,
        disabled: !action.enabled(ro),
        title: action.title ? action.title(ro) : undefined,
        'data-action': name,
        onclick: (e) => {
          e.stopPropagation();
          confirmed(`${action.label} rollout “${who}”?`, action.label, () => action.run(ro));
        },
      },
      action.label,
    );
  });
}
