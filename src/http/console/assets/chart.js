/**
 * A bar chart as SVG, drawn from data with DOM calls (no inline style, so the page's CSP holds):
 * one bar per point, a scale with round steps, a label under every fifth bar and the last, and each
 * bar's value in its title (the tooltip). The figure is named for screen readers by `title`.
 */
const NS = 'http://www.w3.org/2000/svg';

function el(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The smallest of 1, 2, 5 × 10^n at or above `value` (at least 1). */
export function niceTop(value) {
  if (value <= 1) return 1;
  const base = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * base >= value) return step * base;
  return 10 * base;
}

export function barChart(points, { title, width = 640, height = 220 }) {
  const pad = { left: 36, right: 8, top: 12, bottom: 26 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const top = niceTop(Math.max(0, ...points.map((p) => p.value)));
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title });
  svg.append(el('title', {}, title));
  for (const tick of [0, top / 2, top]) {
    const y = pad.top + plotH - (tick / top) * plotH;
    svg.append(el('line', { x1: pad.left, x2: width - pad.right, y1: y, y2: y, class: 'grid' }));
    svg.append(el('text', { x: pad.left - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' }, String(Number.isInteger(tick) ? tick : tick.toFixed(1))));
  }
  const step = plotW / Math.max(1, points.length);
  const gap = Math.min(2, step / 6);
  points.forEach((p, i) => {
    const h = (p.value / top) * plotH;
    const x = pad.left + i * step + gap;
    const bar = el('rect', { x, y: pad.top + plotH - h, width: Math.max(1, step - 2 * gap), height: h, class: 'bar', 'data-value': p.value });
    bar.append(el('title', {}, `${p.label}: ${p.value}`));
    svg.append(bar);
    if (i % 5 === 0 || i === points.length - 1) {
      svg.append(el('text', { x: x + (step - 2 * gap) / 2, y: height - 8, class: 'tick', 'text-anchor': 'middle' }, p.short ?? p.label));
    }
  });
  return svg;
}
