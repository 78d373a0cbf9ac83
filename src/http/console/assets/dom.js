/**
 * Building the page from data without HTML strings: every value goes in as text (a transcript or an
 * entity name is whatever someone typed), so nothing a record holds can become markup or script.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Number.POSITIVE_INFINITY)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** A table that scrolls inside its own box on a narrow screen, never the page. */
export function table(caption, headers, rows, empty = 'None.') {
  if (!rows.length) return h('p', { class: 'muted' }, empty);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      h('caption', { class: 'sr-only' }, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          headers.map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((cells) =>
          h(
            'tr',
            {},
            cells.map((c) => h('td', {}, c)),
          ),
        ),
      ),
    ),
  );
}

/** The page's heading, focused when a page is shown so keyboard and screen-reader users start there. */
export function heading(text) {
  return h('h1', { tabindex: '-1' }, text);
}

export function section(title, ...children) {
  return h('section', {}, h('h2', {}, title), ...children);
}

export const utc = (iso) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '—');
export const day = (iso) => (iso ? iso.slice(0, 10) : '—');

export function numberLink(phone, text) {
  return h('a', { href: `#/number/${encodeURIComponent(phone)}` }, text);
}

export function evidenceLink(url, label = 'Evidence') {
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, label);
}

export function message(kind, text) {
  return h('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}
