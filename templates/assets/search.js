// The search page (/tim-kiem/): Pagefind in the browser, no framework.
// The state lives in the URL (?q=…&bao=…&tu=2023-01&den=2024-06&nhan-vat=…&dia-danh=…&sap-xep=moi-nhat|cu-nhat),
// read on load and kept up to date, so a search can be shared. The index is in
// ../pagefind/ next to this file's folder, in shards (search-index.js), so a path prefix
// needs nothing more. Result URLs already carry the prefix: Pagefind's baseUrl is "/".

import { openIndex } from './search-index.js';
import { excerptParts, foldKey, nameOf, pagefindQuery, resultTitle } from './search-text.js';

const PER_PAGE = 10;
const EXCERPT_WORDS = 28;
const FILTERS = [
  { key: 'outlet', param: 'bao', label: 'Báo', kind: 'checkbox' },
  { key: 'person', param: 'nhan-vat', label: 'Nhân vật', kind: 'select' },
  { key: 'place', param: 'dia-danh', label: 'Địa danh', kind: 'select' },
];
const SORT_PARAM = 'sap-xep';
/** the URL's value of each order → Pagefind's sort direction */
const ORDERS = { 'moi-nhat': 'desc', 'cu-nhat': 'asc' };
const RANGE = [
  { key: 'from', param: 'tu' },
  { key: 'to', param: 'den' },
];
const MONTH = /^(\d{4})(?:-(\d{2}))?$/;

const form = document.getElementById('search');
const input = document.getElementById('q');
const filtersBox = document.getElementById('search-filters');
const statusEl = document.getElementById('search-status');
const list = document.getElementById('search-results');
const more = document.getElementById('search-more');
const options = document.getElementById('search-options');
const entityEl = document.getElementById('search-entity');
const baseTitle = document.title;
const collator = new Intl.Collator('vi');

let indexPromise = null;
let namesPromise = null;
let filtersBuilt = false;
let current = { found: null, shown: 0 };
let sequence = 0;
let typingTimer = 0;

function loadIndex() {
  if (!indexPromise) {
    indexPromise = openIndex(new URL('../pagefind/', import.meta.url), { excerptLength: EXCERPT_WORDS });
    indexPromise.catch(() => {
      indexPromise = null;
    });
  }
  return indexPromise;
}

/** The names the site knows (/tim-kiem/ten.json, src/site/searchNames.ts): folded form → [form, kind, name, url]. */
function loadNames() {
  if (!namesPromise) {
    namesPromise = fetch(new URL('../tim-kiem/ten.json', import.meta.url))
      .then((r) => (r.ok ? r.json() : { names: [] }))
      .catch(() => ({ names: [] }))
      .then(({ names }) => ({ byKey: new Map(names.map((row) => [row[0], row])) }));
  }
  return namesPromise;
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

/** "2023" or "2023-06" → "2023-01"/"2023-12" or "2023-06" (the start or the end of a year); anything else "". */
function monthOf(value, end) {
  const m = MONTH.exec(String(value ?? '').trim());
  if (!m) return '';
  return `${m[1]}-${m[2] ?? (end ? '12' : '01')}`;
}

function stateOf(get, getAll) {
  const sort = String(get(SORT_PARAM) ?? '');
  return {
    q: String(get('q') ?? '').trim(),
    filters: Object.fromEntries(FILTERS.map((f) => [f.key, getAll(f.param).map(String).filter(Boolean)])),
    sort: sort in ORDERS ? sort : '',
    from: monthOf(get('tu'), false),
    to: monthOf(get('den'), true),
  };
}

function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  return stateOf((k) => params.get(k), (k) => params.getAll(k));
}

function stateFromForm() {
  const data = new FormData(form);
  return stateOf((k) => data.get(k), (k) => data.getAll(k));
}

function urlOf(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const f of FILTERS) for (const v of state.filters[f.key]) params.append(f.param, v);
  for (const r of RANGE) if (state[r.key]) params.set(r.param, state[r.key]);
  if (state.sort) params.set(SORT_PARAM, state.sort);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}`;
}

function hasRange(state) {
  return !!(state.from || state.to);
}

function hasFilters(state) {
  return FILTERS.some((f) => state.filters[f.key].length > 0) || hasRange(state);
}

/** The months from `from` to `to` ("2023-11", …), within the archive's span (the fields' min and max). */
function monthsBetween(from, to) {
  const field = document.getElementById('loc-tu');
  const lo = from || field?.min || '1900-01';
  const hi = to || field?.max || '2100-12';
  const out = [];
  let [y, m] = lo.split('-').map(Number);
  const [ey, em] = hi.split('-').map(Number);
  while (y < ey || (y === ey && m <= em)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
    if (out.length > 2400) break;
  }
  return out;
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
  if (sort) sort.value = state.sort;
  for (const r of RANGE) {
    const field = form.querySelector(`[name="${r.param}"]`);
    if (field) field.value = state[r.key];
  }
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
  filtersBox.replaceChildren(...groups);
  filtersBuilt = true;
}

/** The filters with their counts, loaded the first time the reader opens "Lọc và sắp xếp". */
async function openFilters() {
  if (filtersBuilt) return;
  try {
    const index = await loadIndex();
    buildFilters(await index.filters());
    applyToControls(wanted);
    await go(false);
  } catch {
    setStatus('Không tải được bộ lọc. Hãy thử tải lại trang.');
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
  // the date range: the months in it (undated articles have none, so a range leaves them out)
  if (hasRange(state)) filters.month = { any: monthsBetween(state.from, state.to) };
  return filters;
}

// ---- results -------------------------------------------------------------------

/** The excerpt from the article's own words, its hits marked (search-text.js). */
function excerptNodes(data) {
  return excerptParts(data, EXCERPT_WORDS).map((p) => (p.mark ? el('mark', {}, p.text) : document.createTextNode(p.text)));
}

function resultItem(data) {
  const meta = data.meta ?? {};
  const date = meta.day ? el('time', { datetime: meta.day }, meta.date ?? meta.day) : el('span', { class: 'undated' }, meta.date ?? '');
  const line = el('p', { class: 'item-meta' }, date);
  if (meta.outlet) line.append(' · ', el('span', {}, meta.outlet));
  return el(
    'li',
    { class: 'item' },
    el('h2', { class: 'item-title' }, el('a', { href: data.url }, resultTitle(data))),
    line,
    el('p', { class: 'item-summary search-excerpt' }, ...excerptNodes(data)),
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
    if (!filtersBuilt && FILTERS.some((f) => state.filters[f.key].length > 0)) {
      buildFilters(await index.filters());
      applyToControls(wanted);
    }
  } catch {
    if (token === sequence) setStatus('Không tải được chỉ mục tìm kiếm. Hãy thử tải lại trang.');
    return;
  }
  const names = await loadNames();
  // a person's full name: its words, among the articles that name the person (a place's name is
  // searched as words: "trieu tien" is also every article's text)
  const name = nameOf(state.q, names.byKey);
  const filters = pagefindFilters(state);
  const byName = name && name[1] === 'person' && !filters[name[1]];
  if (byName) filters[name[1]] = name[2];
  const search = await index.search(pagefindQuery(byName ? name[2] : state.q) || null, {
    filters,
    order: ORDERS[state.sort] ?? (state.q ? null : 'desc'),
  });
  if (token !== sequence || !search) return;
  showEntity(names.byKey.get(foldKey(state.q)));
  current = { found: search, shown: 0 };
  list.replaceChildren();
  await showMore(false);
  if (token !== sequence) return;
  // Counts and the status line once the first results are on the page.
  updateCounts(search.filters);
  const n = search.total;
  const what = state.q ? ` cho “${state.q}”` : '';
  setStatus(n ? `${n.toLocaleString('vi-VN')} kết quả${what}` : `Không tìm thấy kết quả${what}.`);
  document.title = state.q ? `“${state.q}” – ${baseTitle}` : baseTitle;
}

/** A query that is a known person's or place's name: its page, above the results. */
function showEntity(row) {
  if (!row || !row[3]) {
    entityEl.hidden = true;
    entityEl.replaceChildren();
    return;
  }
  const [, kind, name, url] = row;
  entityEl.replaceChildren(`${kind === 'person' ? 'Nhân vật' : 'Địa danh'}: `, el('a', { href: url }, name), ' – mọi bài viết nhắc đến');
  entityEl.hidden = false;
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
options.addEventListener('toggle', () => {
  if (options.open) openFilters();
});
options.querySelector('.search-fixed').addEventListener('change', () => go(false));
window.addEventListener('popstate', () => {
  wanted = stateFromUrl();
  applyToControls(wanted);
  run(wanted);
});

applyToControls(wanted);
// a URL with filters, a range or an order opens them: the reader sees what narrowed the results
if (hasFilters(wanted) || wanted.sort) options.open = true;
run(wanted);
