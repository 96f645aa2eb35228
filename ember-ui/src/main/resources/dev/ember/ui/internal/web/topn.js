'use strict';

/*
 * The top-N page: a horizontal bar chart of a window's leading keys, redrawn with a transition
 * when the stream emits its next window (pushed by the event stream), the recent windows to pick
 * from, and how the latest window's leaders moved over the recent windows.
 */
(async () => {
  const MAX_WINDOWS = 60;
  const LEADERS = 5;
  const bars = Ember.chart('top-chart', 'svg');
  // Tells tests and screenshots which window the chart shows once its transition has ended.
  bars.on('finished', () => {
    const node = document.getElementById('top-chart');
    node.dataset.drawn = node.dataset.windowEnd || '';
  });
  const trend = Ember.chart('trend-chart');
  const select = document.getElementById('window-select');
  const range = document.getElementById('window-range');
  const empty = document.getElementById('top-empty');
  let windows = [];
  let selected = 'latest';
  let mode = 'counts';
  let settings = null;

  Ember.header();
  const top = await Ember.api('/api/top');
  if (!top.ok || !top.body.enabled) {
    document.getElementById('top-title').textContent = 'Top';
    range.textContent = 'This program\'s dashboard follows no stream of counts.';
    return;
  }
  settings = top.body;
  document.getElementById('top-title').textContent = settings.title;
  document.title = 'Ember · ' + settings.title;

  function colorOf(key) {
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
    return Ember.palette[Math.abs(h) % Ember.palette.length];
  }

  function label(w) {
    return '(' + Ember.clock(w.start) + ', ' + Ember.clock(w.end) + ']';
  }

  function add(w) {
    const i = windows.findIndex((x) => x.end === w.end);
    if (i >= 0) windows[i] = w; else windows.push(w);
    windows.sort((a, b) => a.end - b.end);
    while (windows.length > MAX_WINDOWS) windows.shift();
  }

  function current() {
    if (!windows.length) return null;
    if (selected === 'latest') return windows[windows.length - 1];
    return windows.find((w) => String(w.end) === selected) || windows[windows.length - 1];
  }

  function renderSelect() {
    const keep = select.value;
    select.replaceChildren(Ember.el('option', {value: 'latest', text: 'Latest (follows the stream)'}));
    for (let i = windows.length - 1; i >= 0; i--) {
      const w = windows[i];
      select.append(Ember.el('option', {value: String(w.end), text: label(w)}));
    }
    select.value = [...select.options].some((o) => o.value === keep) ? keep : 'latest';
  }

  function renderBars(w) {
    const keys = w.rows.map((r) => r.key);
    const counts = w.rows.map((r) => ({value: r.count, itemStyle: {color: colorOf(r.key)}}));
    empty.hidden = keys.length > 0;
    empty.textContent = 'No keys in this window.';
    bars.setOption({
      // Shorter than the slide, so that each transition ends before the next window comes.
      animationDurationUpdate: Math.max(150, Math.min(700, settings.slideMillis * 0.6)),
      animationEasingUpdate: 'cubicInOut',
      grid: {left: 12, right: 56, top: 8, bottom: 28, containLabel: true},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, renderMode: 'richText'},
      xAxis: {type: 'value', minInterval: 1, splitLine: {lineStyle: {color: '#eef0f3'}}},
      yAxis: {
        id: 'keys',
        type: 'category',
        inverse: true,
        data: keys,
        axisTick: {show: false},
        axisLabel: {fontSize: 13, color: '#1f2430'},
      },
      // Stable ids: the update merges into the same series and axis, so bars move from their
      // previous length instead of growing again from zero.
      series: [{
        id: 'bars',
        type: 'bar',
        data: counts,
        barMaxWidth: 30,
        label: {show: true, position: 'right', fontSize: 12, color: '#374151'},
      }],
    }, {replaceMerge: ['series', 'yAxis']});
    const chart = document.getElementById('top-chart');
    chart.dataset.windowEnd = String(w.end);
    chart.dataset.keys = String(keys.length);
    const span = Ember.duration(settings.windowMillis);
    const every = Ember.duration(settings.slideMillis);
    range.textContent = 'Window ' + label(w) + ' · ' + span
        + (settings.windowMillis !== settings.slideMillis ? ', every ' + every : '')
        + (selected === 'latest' ? '' : ' · picked, not following');
  }

  function renderTrend(w) {
    const leaders = w.rows.slice(0, LEADERS).map((r) => r.key);
    const ends = windows.map((x) => x.end);
    const series = leaders.map((key) => ({
      id: 'trend:' + key,
      name: key,
      type: 'line',
      showSymbol: true,
      symbolSize: 6,
      connectNulls: false,
      itemStyle: {color: colorOf(key)},
      lineStyle: {width: 2},
      data: windows.map((x) => {
        const i = x.rows.findIndex((r) => r.key === key);
        if (i < 0) return null;
        return mode === 'ranks' ? i + 1 : x.rows[i].count;
      }),
    }));
    trend.setOption({
      animationDurationUpdate: Math.max(150, Math.min(500, settings.slideMillis * 0.5)),
      grid: {left: 12, right: 24, top: 36, bottom: 28, containLabel: true},
      legend: {id: 'legend', top: 0, data: leaders},
      tooltip: {trigger: 'axis', renderMode: 'richText'},
      xAxis: {id: 'x', type: 'category', data: ends.map(Ember.clock), boundaryGap: false},
      yAxis: mode === 'ranks'
          ? {id: 'y', type: 'value', inverse: true, min: 1, max: settings.top, minInterval: 1,
             name: 'rank'}
          : {id: 'y', type: 'value', inverse: false, min: null, max: null, minInterval: 1,
             name: 'count'},
      series,
    }, {replaceMerge: ['series', 'yAxis', 'xAxis', 'legend']});
    document.getElementById('trend-sub').textContent = leaders.length
        ? 'The ' + leaders.length + ' leading keys of ' + label(w) + ' over the last '
          + windows.length + ' windows'
        : 'No keys in this window';
  }

  const render = Ember.coalesce(() => {
    renderSelect();
    const w = current();
    if (!w) return;
    renderBars(w);
    renderTrend(w);
  });

  async function reload() {
    const r = await Ember.api('/api/windows');
    if (!r.ok) return;
    for (const w of r.body.windows) add(w);
    render();
  }

  select.addEventListener('change', () => {
    selected = select.value;
    render();
  });
  for (const [id, m] of [['trend-counts', 'counts'], ['trend-ranks', 'ranks']]) {
    document.getElementById(id).addEventListener('click', () => {
      mode = m;
      document.getElementById('trend-counts').classList.toggle('on', m === 'counts');
      document.getElementById('trend-ranks').classList.toggle('on', m === 'ranks');
      render();
    });
  }

  Ember.events({
    open: reload,
    window: (w) => {
      add(w);
      render();
    },
  });
})();
