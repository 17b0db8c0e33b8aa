// Messages that fade: results of actions, and errors.
import { h } from './dom.js';

export function toast(text, error = false) {
  const box = document.getElementById('toasts');
  const item = h('div', { class: `toast${error ? ' error' : ''}` }, text);
  box.append(item);
  setTimeout(() => item.remove(), error ? 8000 : 3000);
}
