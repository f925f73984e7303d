/**
 * The page's one inline script: progressive enhancement only. Without it the page is complete — filters are a
 * GET form, opening a message is `<details>`, "clear" is a POST form. With it, new messages arrive over
 * server-sent events without a reload (and a JST message's receipt state changes in place), and filters apply
 * as you type. It only ever inserts HTML the server rendered (and escaped).
 */
export const pageScript = `
(() => {
  'use strict';
  document.documentElement.classList.add('js');
  const form = document.getElementById('filters');
  const live = document.getElementById('live');
  const maxItems = 500;
  let source;
  let generation = 0;
  let typing;

  const setLive = (state, text) => {
    live.dataset.state = state;
    live.textContent = text;
  };

  const connect = () => {
    if (source) source.close();
    const list = document.getElementById('list');
    const params = new URLSearchParams(location.search);
    params.set('after', list.dataset.after || '');
    params.set('receipts', list.dataset.receipts || '');
    source = new EventSource('/__mock/ui/events?' + params.toString());
    source.addEventListener('open', () => setLive('live', 'live'));
    source.addEventListener('error', () => setLive('reconnecting', 'reconnecting…'));
    source.addEventListener('item', (event) => {
      const target = document.getElementById('list');
      if (event.lastEventId) target.dataset.after = event.lastEventId;
      const template = document.createElement('template');
      template.innerHTML = event.data;
      const item = template.content.firstElementChild;
      if (!item || !item.id || document.getElementById(item.id)) return;
      item.classList.add('fresh');
      target.prepend(item);
      while (target.children.length > maxItems) target.lastElementChild.remove();
      const shown = document.getElementById('shown');
      if (shown) shown.textContent = String(target.children.length);
    });
    // A receipt changed: only its element is replaced, so an opened message stays open.
    source.addEventListener('receipt', (event) => {
      const template = document.createElement('template');
      template.innerHTML = event.data;
      const fresh = template.content.firstElementChild;
      if (!fresh || !fresh.dataset.receipt) return;
      // What a reconnect asks to be replayed from (changes come oldest first).
      if (fresh.dataset.version) document.getElementById('list').dataset.receipts = fresh.dataset.version;
      for (const old of document.querySelectorAll('#list [data-receipt]')) {
        if (old.dataset.receipt === fresh.dataset.receipt) old.replaceWith(fresh.cloneNode(true));
      }
    });
    source.addEventListener('resync', () => refresh(location.href));
    source.addEventListener('counts', (event) => showCounts(event.data));
  };

  // The counters outside the list: tab totals and namespace chips (a new namespace brings its chip).
  const showCounts = (data) => {
    let counts;
    try {
      counts = JSON.parse(data);
    } catch {
      return;
    }
    for (const [name, value] of Object.entries(counts.totals)) {
      const count = document.querySelector('#tabs [data-count="' + name + '"]');
      if (count) count.textContent = String(value);
    }
    const messagesView = document.body.dataset.view !== 'requests';
    const chips = new Map();
    for (const chip of document.querySelectorAll('#namespaces li[data-namespace]')) {
      chips.set(chip.dataset.namespace, chip);
    }
    let missing = false;
    for (const namespace of counts.namespaces) {
      const chip = chips.get(namespace.app);
      chips.delete(namespace.app);
      if (!chip) {
        missing = true;
        continue;
      }
      const value = messagesView ? namespace.messages + namespace.failedSends : namespace.requests;
      chip.querySelector('.count').textContent = String(value);
    }
    for (const chip of chips.values()) chip.querySelector('.count').textContent = '0';
    if (missing) replaceCounters();
  };

  const fetchPage = async (url) => {
    try {
      const response = await fetch(url, { headers: { accept: 'text/html' } });
      return await response.text();
    } catch {
      setLive('reconnecting', 'offline');
      return undefined;
    }
  };

  // Replaces parts of the page with the same parts of a fresh rendering of it. A message or request the user
  // opened stays open when the list is replaced (a filter change, a resync), as long as it is still listed.
  const swap = (html, ids) => {
    const next = new DOMParser().parseFromString(html, 'text/html');
    const opened = [];
    for (const details of document.querySelectorAll('#list > li[id] > details[open]')) {
      opened.push(details.parentElement.id);
    }
    for (const id of ids) {
      const fresh = next.getElementById(id);
      const old = document.getElementById(id);
      if (fresh && old) old.replaceWith(document.importNode(fresh, true));
    }
    for (const id of opened) {
      const details = document.querySelector('#list > li[id="' + id + '"] > details');
      if (details) details.open = true;
    }
  };

  // The whole list and its counters (a filter changed, or a resync); the latest one wins.
  const refresh = async (url) => {
    const mine = ++generation;
    const html = await fetchPage(url);
    if (html === undefined || mine !== generation) return;
    swap(html, ['tabs', 'namespaces', 'content']);
    connect();
  };

  // Only the counters (a new namespace's chip); dropped when a whole refresh started meanwhile.
  let countersGeneration = 0;
  const replaceCounters = async () => {
    const mine = ++countersGeneration;
    const whole = generation;
    const html = await fetchPage(location.href);
    if (html === undefined || mine !== countersGeneration || whole !== generation) return;
    swap(html, ['tabs', 'namespaces']);
  };

  const apply = () => {
    // A typing pause still pending would apply the same filters again, later, and replace the list once more.
    clearTimeout(typing);
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string' && value.trim() !== '') params.set(name, value.trim());
    }
    if (params.get('view') === 'messages') params.delete('view');
    const search = params.toString();
    const url = '/' + (search === '' ? '' : '?' + search);
    history.replaceState(null, '', url);
    refresh(url);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  form.addEventListener('change', apply);
  form.addEventListener('input', (event) => {
    if (event.target.tagName !== 'INPUT' || event.target.type === 'checkbox') return;
    clearTimeout(typing);
    typing = setTimeout(apply, 250);
  });
  connect();
})();
`;
