'use strict';

/*
 * Shared by the dashboard's pages: the JSON API, the event stream, formatting, and DOM building
 * through textContent only (keys and query results come from outside the program: never HTML).
 */
const Ember = (() => {
  const palette = ['#e8590c', '#1c7ed6', '#2f9e44', '#ae3ec9', '#f59f00',
                   '#0ca678', '#d6336c', '#4263eb', '#74b816', '#868e96'];

  async function api(path) {
    const response = await fetch(path, {credentials: 'same-origin', cache: 'no-store'});
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = {error: 'the dashboard answered ' + response.status + ' without JSON'};
    }
    return {ok: response.ok, status: response.status, body};
  }

  /** Opens the event stream; handlers maps event names to functions of the parsed data. */
  function events(handlers) {
    const live = document.getElementById('live');
    const source = new EventSource('/api/events');
    source.addEventListener('open', () => {
      live.textContent = 'live';
      live.className = 'live on';
      document.body.dataset.live = 'true';
      if (handlers.open) handlers.open();
    });
    source.addEventListener('error', () => {
      document.body.dataset.live = 'false';
      live.textContent = source.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting';
      live.className = 'live off';
    });
    for (const [name, fn] of Object.entries(handlers)) {
      if (name === 'open') continue;
      source.addEventListener(name, (e) => fn(JSON.parse(e.data)));
    }
    return source;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const child of children) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function pad(n, width) {
    return String(n).padStart(width || 2, '0');
  }

  function clock(ms) {
    if (ms == null || ms < 0) return '–';
    const d = new Date(ms);
    return pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds())
        + (d.getMilliseconds() ? '.' + pad(d.getMilliseconds(), 3) : '');
  }

  function dateTime(ms) {
    if (ms == null || ms < 0) return '–';
    const d = new Date(ms);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + clock(ms);
  }

  function duration(ms) {
    if (ms == null || ms < 0) return '–';
    if (ms < 1000) return ms + ' ms';
    if (ms < 60000) return (ms / 1000).toFixed(ms % 1000 ? 1 : 0) + ' s';
    const minutes = Math.floor(ms / 60000);
    const seconds = Math.round((ms % 60000) / 1000);
    return minutes + ' min' + (seconds ? ' ' + seconds + ' s' : '');
  }

  function number(n) {
    if (n == null) return '–';
    if (typeof n !== 'number') return String(n);
    return Number.isInteger(n) ? n.toLocaleString('en-US')
        : n.toLocaleString('en-US', {maximumFractionDigits: 1});
  }

  function bytes(n) {
    if (n == null) return '–';
    const units = ['bytes', 'KiB', 'MiB', 'GiB'];
    let i = 0;
    let v = n;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return (i ? v.toFixed(1) : v) + ' ' + units[i];
  }

  /** An ECharts instance on the element with this id, resized with its element. */
  function chart(id, renderer) {
    const node = document.getElementById(id);
    const instance = echarts.init(node, null, {renderer: renderer || 'canvas'});
    // Follows its box, which changes as tables and panels around it fill in.
    new ResizeObserver(() => instance.resize()).observe(node);
    return instance;
  }

  /** Calls fn at most once per animation frame, with the last arguments. */
  function coalesce(fn) {
    let pending = false;
    return () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        fn();
      });
    };
  }

  async function header() {
    const s = await api('/api/streaming');
    if (s.ok) document.getElementById('app-name').textContent = s.body.appName;
    return s;
  }

  return {palette, api, events, el, clock, dateTime, duration, number, bytes, chart, coalesce, header};
})();
