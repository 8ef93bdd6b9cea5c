// The search page (/tim-kiem/): Pagefind in the browser, no framework.
// The state lives in the URL (?q=…&bao=…&nam=…&nhan-vat=…&dia-danh=…&sap-xep=moi-nhat),
// read on load and kept up to date, so a search can be shared. The index is in
// ../pagefind/ next to this file's folder, in shards (search-index.js), so a path prefix
// needs nothing more. Result URLs already carry the prefix: Pagefind's baseUrl is "/".

import { openIndex } from './search-index.js';

const PER_PAGE = 10;
const FILTERS = [
  { key: 'outlet', param: 'bao', label: 'Báo', kind: 'checkbox' },
  { key: 'year', param: 'nam', label: 'Năm', kind: 'checkbox' },
  { key: 'person', param: 'nhan-vat', label: 'Nhân vật', kind: 'select' },
  { key: 'place', param: 'dia-danh', label: 'Địa danh', kind: 'select' },
];
const SORT_PARAM = 'sap-xep';
const NEWEST = 'moi-nhat';

const form = document.getElementById('search');
const input = document.getElementById('q');
const filtersBox = document.getElementById('search-filters');
const statusEl = document.getElementById('search-status');
const list = document.getElementById('search-results');
const more = document.getElementById('search-more');
const toggle = document.getElementById('search-toggle');
const baseTitle = document.title;
const collator = new Intl.Collator('vi');

let indexPromise = null;
let filtersBuilt = false;
let current = { found: null, shown: 0 };
let sequence = 0;
let typingTimer = 0;

function loadIndex() {
  if (!indexPromise) {
    indexPromise = openIndex(new URL('../pagefind/', import.meta.url), { excerptLength: 28 });
    indexPromise.catch(() => {
      indexPromise = null;
    });
  }
  return indexPromise;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  node.append(...children);
  return node;
}

// ---- the form's state <-> the URL ------------------------------------------

function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get('q') ?? '',
    filters: Object.fromEntries(FILTERS.map((f) => [f.key, params.getAll(f.param).filter(Boolean)])),
    newest: params.get(SORT_PARAM) === NEWEST,
  };
}

function stateFromForm() {
  const data = new FormData(form);
  return {
    q: String(data.get('q') ?? '').trim(),
    filters: Object.fromEntries(FILTERS.map((f) => [f.key, data.getAll(f.param).map(String).filter(Boolean)])),
    newest: data.get(SORT_PARAM) === NEWEST,
  };
}

function urlOf(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const f of FILTERS) for (const v of state.filters[f.key]) params.append(f.param, v);
  if (state.newest) params.set(SORT_PARAM, NEWEST);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}`;
}

function hasFilters(state) {
  return FILTERS.some((f) => state.filters[f.key].length > 0);
}

/** The wanted values of the filter controls, kept until the controls exist. */
let wanted = stateFromUrl();

function applyToControls(state) {
  input.value = state.q;
  for (const f of FILTERS) {
    const values = new Set(state.filters[f.key]);
    for (const control of form.querySelectorAll(`[name="${f.param}"]`)) {
      if (control.type === 'checkbox') control.checked = values.has(control.value);
      else control.value = [...values][0] ?? '';
    }
  }
  const sort = form.querySelector(`[name="${SORT_PARAM}"]`);
  if (sort) sort.value = state.newest ? NEWEST : '';
}

// ---- filters -----------------------------------------------------------------
// Loaded on demand: Pagefind's filter files are the largest part of a first search on a big
// archive, so they are fetched only when the reader opens the filters (or the URL has some).

function orderValues(key, counts) {
  const names = Object.keys(counts);
  if (key === 'year') return names.sort((a, b) => b.localeCompare(a));
  if (key === 'outlet') return names.sort((a, b) => counts[b] - counts[a] || collator.compare(a, b));
  return names.sort((a, b) => collator.compare(a, b));
}

function buildFilters(all) {
  const groups = [];
  for (const f of FILTERS) {
    const counts = all[f.key] ?? {};
    const values = orderValues(f.key, counts);
    if (!values.length) continue;
    if (f.kind === 'checkbox') {
      const options = values.map((v, i) =>
        el(
          'label',
          { class: 'search-check' },
          el('input', { type: 'checkbox', name: f.param, value: v, id: `loc-${f.param}-${i}` }),
          ` ${v} `,
          el('span', { class: 'n', 'data-filter': f.key, 'data-value': v }, `(${counts[v]})`),
        ),
      );
      groups.push(el('fieldset', { class: 'search-group' }, el('legend', {}, f.label), ...options));
    } else {
      const id = `loc-${f.param}`;
      const select = el(
        'select',
        { id, name: f.param, class: 'search-select' },
        el('option', { value: '' }, 'Tất cả'),
        ...values.map((v) => el('option', { value: v, 'data-filter': f.key, 'data-value': v, 'data-name': v }, `${v} (${counts[v]})`)),
      );
      groups.push(el('div', { class: 'search-group search-group-select' }, el('label', { for: id }, f.label), select));
    }
  }
  const sortId = 'loc-sap-xep';
  groups.push(
    el(
      'div',
      { class: 'search-group search-group-select' },
      el('label', { for: sortId }, 'Sắp xếp'),
      el(
        'select',
        { id: sortId, name: SORT_PARAM, class: 'search-select' },
        el('option', { value: '' }, 'Phù hợp nhất'),
        el('option', { value: NEWEST }, 'Mới nhất'),
      ),
    ),
  );
  filtersBox.replaceChildren(...groups);
  filtersBuilt = true;
  showFilters(true);
}

function showFilters(open) {
  filtersBox.hidden = !open;
  toggle.setAttribute('aria-expanded', String(open));
}

async function openFilters() {
  if (filtersBuilt) return showFilters(filtersBox.hidden);
  toggle.disabled = true;
  try {
    const index = await loadIndex();
    buildFilters(await index.filters());
    applyToControls(wanted);
    await go(false);
  } catch {
    setStatus('Không tải được bộ lọc. Hãy thử tải lại trang.');
  } finally {
    toggle.disabled = false;
  }
}

/** Counts for the current search: how many results each value would leave. */
function updateCounts(counts) {
  for (const node of filtersBox.querySelectorAll('[data-filter]')) {
    const n = counts?.[node.dataset.filter]?.[node.dataset.value] ?? 0;
    if (node.tagName === 'OPTION') node.textContent = `${node.dataset.name} (${n})`;
    else node.textContent = `(${n})`;
  }
}

function pagefindFilters(state) {
  const filters = {};
  for (const f of FILTERS) {
    const values = state.filters[f.key];
    if (values.length) filters[f.key] = { any: values };
  }
  return filters;
}

// ---- results -------------------------------------------------------------------

/** Pagefind's excerpt: text with "<" and ">" escaped and <mark> around the hits. */
function excerptNodes(excerpt) {
  const nodes = [];
  let marked = false;
  for (const part of String(excerpt ?? '').split(/(<\/?mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) {
      const text = part.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
      nodes.push(marked ? el('mark', {}, text) : document.createTextNode(text));
    }
  }
  return nodes;
}

function resultItem(data) {
  const meta = data.meta ?? {};
  const date = meta.day ? el('time', { datetime: meta.day }, meta.date ?? meta.day) : el('span', { class: 'undated' }, meta.date ?? '');
  const line = el('p', { class: 'item-meta' }, date);
  if (meta.outlet) line.append(' · ', el('span', {}, meta.outlet));
  return el(
    'li',
    { class: 'item' },
    el('h2', { class: 'item-title' }, el('a', { href: data.url }, meta.title ?? data.url)),
    line,
    el('p', { class: 'item-summary search-excerpt' }, ...excerptNodes(data.excerpt)),
  );
}

async function showMore(focusFirst) {
  const token = sequence;
  const slice = await current.found.slice(current.shown, current.shown + PER_PAGE);
  const data = await Promise.all(slice.map((r) => r.data()));
  if (token !== sequence) return;
  const items = data.map(resultItem);
  list.append(...items);
  current.shown += slice.length;
  more.hidden = !slice.length || current.shown >= current.found.total;
  if (focusFirst && items[0]) items[0].querySelector('a')?.focus();
}

function setStatus(text) {
  statusEl.textContent = text;
}

async function run(state) {
  const token = ++sequence;
  const filtered = hasFilters(state);
  if (!state.q && !filtered) {
    list.replaceChildren();
    more.hidden = true;
    setStatus('');
    document.title = baseTitle;
    return;
  }
  setStatus('Đang tìm…');
  let index;
  try {
    index = await loadIndex();
    if (!filtersBuilt && (hasFilters(state) || state.newest)) {
      buildFilters(await index.filters());
      applyToControls(wanted);
    }
  } catch {
    if (token === sequence) setStatus('Không tải được chỉ mục tìm kiếm. Hãy thử tải lại trang.');
    return;
  }
  const search = await index.search(state.q || null, {
    filters: pagefindFilters(state),
    newest: state.newest || !state.q,
  });
  if (token !== sequence || !search) return;
  current = { found: search, shown: 0 };
  list.replaceChildren();
  await showMore(false);
  if (token !== sequence) return;
  // Counts and the status line once the first results are on the page.
  updateCounts(search.filters);
  const n = search.total;
  const what = state.q ? ` cho “${state.q}”` : '';
  toggle.hidden = false;
  setStatus(n ? `${n.toLocaleString('vi-VN')} kết quả${what}` : `Không tìm thấy kết quả${what}.`);
  document.title = state.q ? `“${state.q}” – ${baseTitle}` : baseTitle;
}

function go(push) {
  const state = stateFromForm();
  wanted = state;
  const url = urlOf(state);
  if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
  return run(state);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  go(true);
});
input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => go(false), 300);
});
input.addEventListener('focus', () => loadIndex().catch(() => {}), { once: true });
filtersBox.addEventListener('change', () => go(false));
more.addEventListener('click', () => showMore(true));
toggle.addEventListener('click', () => openFilters());
window.addEventListener('popstate', () => {
  wanted = stateFromUrl();
  applyToControls(wanted);
  run(wanted);
});

applyToControls(wanted);
run(wanted);
