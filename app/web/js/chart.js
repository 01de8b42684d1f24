// Small inline SVG charts for the reports: horizontal bars for categories,
// columns for months, stacked bars for answers, pairs for before and after.
// Each has a text alternative (aria-label) listing the figures; the tables
// next to them carry the same numbers.
import { h, svg } from './dom.js';
import { formatNumber, listText } from './format.js';
import { t } from './i18n.js';

function figure(title, items, graphic) {
  const summary = listText(items.map((i) => t('web.report.chart.item', { label: i.label, value: formatNumber(i.value) })));
  graphic.setAttribute('role', 'img');
  graphic.setAttribute('aria-label', t('web.report.chart.alt', { title, summary }));
  return h('figure', { class: 'chart' }, h('figcaption', {}, title), graphic);
}

// items: [{label, value}]
export function barChart(title, items) {
  const rowH = 30;
  const labelW = 170;
  const barW = 300;
  const width = labelW + barW + 70;
  const height = items.length * rowH + 8;
  const max = Math.max(1, ...items.map((i) => i.value));
  const graphic = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart-svg chart-bars', width, height },
    items.map((item, i) => {
      const y = i * rowH + 4;
      const w = Math.max(item.value > 0 ? 2 : 0, (item.value / max) * barW);
      return svg('g', {},
        svg('text', { x: labelW - 8, y: y + rowH / 2, class: 'chart-label', 'text-anchor': 'end', 'dominant-baseline': 'middle' }, item.label),
        svg('rect', { x: labelW, y: y + 4, width: w, height: rowH - 10, class: `chart-bar chart-bar-${i % 6}`, rx: 2 }),
        svg('text', { x: labelW + w + 6, y: y + rowH / 2, class: 'chart-value', 'dominant-baseline': 'middle' }, formatNumber(item.value)));
    }));
  return figure(title, items, graphic);
}

// items: [{label, value}] in time order (months, sessions); a label's parts
// go on lines of their own: its words, or in Chinese "2026年 / 3月".
export function columnChart(title, items) {
  const colW = 46;
  const chartH = 160;
  const top = 20;
  const bottom = 40;
  const width = Math.max(200, items.length * colW + 20);
  const height = top + chartH + bottom;
  const max = Math.max(1, ...items.map((i) => i.value));
  // Label every column while they fit, else every n-th one.
  const every = Math.ceil(items.length / 24);
  const graphic = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart-svg chart-columns', width, height },
    svg('line', { x1: 10, x2: width - 10, y1: top + chartH, y2: top + chartH, class: 'chart-axis' }),
    items.map((item, i) => {
      const x = 10 + i * colW + 6;
      const hgt = Math.max(item.value > 0 ? 2 : 0, (item.value / max) * chartH);
      const y = top + chartH - hgt;
      return svg('g', {},
        svg('rect', { x, y, width: colW - 12, height: hgt, class: 'chart-bar chart-bar-0', rx: 2 }),
        item.value ? svg('text', { x: x + (colW - 12) / 2, y: y - 4, class: 'chart-value', 'text-anchor': 'middle' }, formatNumber(item.value)) : null,
        i % every === 0
          ? svg('text', { x: x + (colW - 12) / 2, y: top + chartH + 16, class: 'chart-label', 'text-anchor': 'middle' },
            ...item.label.split(/ |(?<=[年月])(?=.)/).map((part, j) => svg('tspan', { x: x + (colW - 12) / 2, dy: j ? 13 : 0 }, part)))
          : null);
    }));
  return figure(title, items, graphic);
}

// One question's answers as a stacked bar, for a table cell: a segment per
// answer value sized by its count, the count written in it where it fits.
// parts: [{label, value, tone}] (tone: a CSS class suffix, dist-TONE); the
// text alternative lists every part.
export function stackedBar(title, parts, { width = 220, height = 22 } = {}) {
  const total = parts.reduce((n, p) => n + p.value, 0);
  let x = 0;
  const graphic = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart-svg chart-stack', width, height },
    svg('rect', { x: 0, y: 0, width, height, class: 'chart-track', rx: 2 }),
    parts.map((part) => {
      const w = total ? (part.value / total) * width : 0;
      const at = x;
      x += w;
      if (!w) return null;
      return svg('g', {},
        svg('rect', { x: at, y: 0, width: w, height, class: `chart-bar dist-${part.tone}` }),
        w >= 14 ? svg('text', { x: at + w / 2, y: height / 2 + 1, class: 'chart-in', 'text-anchor': 'middle', 'dominant-baseline': 'middle' }, formatNumber(part.value)) : null);
    }));
  const summary = listText(parts.map((p) => t('web.report.chart.item', { label: p.label, value: formatNumber(p.value) })));
  graphic.setAttribute('role', 'img');
  graphic.setAttribute('aria-label', t('web.report.chart.alt', { title, summary }));
  return graphic;
}

// Pairs of bars on a 0-100 scale, one pair per group (before and after:
// pre- and post-test means in percent). groups: [{label, note, pairs: [a, b]}];
// series: the two bars' names, in the legend; format: a value as text.
export function pairedBars(title, series, groups, format) {
  const barH = 18;
  const groupH = barH * 2 + 16;
  const labelW = 100;
  const barW = 200;
  const width = labelW + barW + 56; // fits a phone unscaled
  const height = groups.length * groupH + 4;
  const graphic = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart-svg chart-pairs', width, height },
    svg('line', { x1: labelW, x2: labelW, y1: 0, y2: height, class: 'chart-axis' }),
    groups.map((group, g) => {
      const top = g * groupH + 4;
      return svg('g', {},
        svg('text', { x: labelW - 8, y: top + barH - 2, class: 'chart-label', 'text-anchor': 'end', 'dominant-baseline': 'middle' }, group.label),
        group.note ? svg('text', { x: labelW - 8, y: top + barH + 12, class: 'chart-note', 'text-anchor': 'end', 'dominant-baseline': 'middle' }, group.note) : null,
        group.pairs.map((value, k) => {
          const y = top + k * (barH + 2);
          const w = value === null || value === undefined ? 0 : Math.max(value > 0 ? 2 : 0, (Math.min(value, 100) / 100) * barW);
          return svg('g', {},
            svg('rect', { x: labelW, y, width: w, height: barH, class: `chart-bar chart-pair-${k}`, rx: 2 }),
            svg('text', { x: labelW + w + 6, y: y + barH / 2 + 1, class: 'chart-value', 'dominant-baseline': 'middle' }, format(value)));
        }));
    }));
  const summary = listText(groups.map((group) => t('web.report_evaluation.chart_pair', {
    label: group.label, a: series[0], a_value: format(group.pairs[0]), b: series[1], b_value: format(group.pairs[1]),
  })));
  graphic.setAttribute('role', 'img');
  graphic.setAttribute('aria-label', t('web.report.chart.alt', { title, summary }));
  const legend = h('p', { class: 'chart-legend', 'aria-hidden': 'true' },
    series.map((name, k) => h('span', { class: 'chart-key' }, h('span', { class: ['chart-swatch', `chart-pair-${k}`] }), name)));
  return h('figure', { class: 'chart' }, h('figcaption', {}, title), legend, graphic);
}
