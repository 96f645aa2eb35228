'use strict';

/*
 * The streaming page, like Spark's Streaming tab: timelines and histograms of input rate,
 * scheduling delay, processing time and total delay over the batches kept, the recent batches,
 * the inputs with their rates and offsets, state sizes and the last checkpoint. Updated by the
 * event stream as batches complete.
 */
(() => {
  const MAX_BATCHES = 1000;
  const TABLE_ROWS = 100;
  const BINS = 10;
  let batches = [];
  let interval = 1000;

  const metrics = [
    {key: 'rate', name: 'records/s', color: '#1c7ed6',
     value: (b) => b.records * 1000 / interval, unit: (v) => Ember.number(Math.round(v)) + ' records/s'},
    {key: 'sched', name: 'ms', color: '#f59f00', value: (b) => b.schedulingDelay,
     unit: (v) => Ember.duration(Math.round(v))},
    {key: 'proc', name: 'ms', color: '#2f9e44', value: (b) => b.processingDelay,
     unit: (v) => Ember.duration(Math.round(v))},
    {key: 'total', name: 'ms', color: '#ae3ec9', value: (b) => b.totalDelay,
     unit: (v) => Ember.duration(Math.round(v))},
  ];
  for (const m of metrics) {
    m.timeline = Ember.chart('tl-' + m.key);
    m.histogram = Ember.chart('hist-' + m.key);
  }

  function add(b) {
    const i = batches.findIndex((x) => x.batchTime === b.batchTime);
    if (i >= 0) {
      batches[i] = b;
    } else {
      batches.push(b);
      batches.sort((x, y) => x.batchTime - y.batchTime);
    }
    while (batches.length > MAX_BATCHES) batches.shift();
  }

  function histogram(values) {
    if (!values.length) return {labels: [], counts: []};
    const min = Math.min(...values);
    const max = Math.max(...values);
    const integers = values.every(Number.isInteger);
    // Whole numbers over a short range get one bin per value; anything else ten equal bins.
    const bins = max === min ? 1 : integers && max - min < BINS ? max - min + 1 : BINS;
    const width = bins === 1 ? 1 : integers && max - min < BINS ? 1 : (max - min) / bins;
    const counts = new Array(bins).fill(0);
    for (const v of values) counts[Math.min(bins - 1, Math.floor((v - min) / width))]++;
    const digits = integers || width >= 10 ? 0 : 1;
    const labels = counts.map((_, i) => Ember.number(Number((min + i * width).toFixed(digits))));
    return {labels, counts};
  }

  function renderCharts() {
    for (const m of metrics) {
      const points = batches.filter((b) => m.value(b) >= 0).map((b) => [b.batchTime, m.value(b)]);
      const values = points.map((p) => p[1]);
      const avg = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
      document.getElementById('avg-' + m.key).textContent =
          avg == null ? '–' : 'avg ' + m.unit(avg);
      m.timeline.setOption({
        animation: false,
        grid: {left: 6, right: 10, top: 10, bottom: 20, containLabel: true},
        tooltip: {trigger: 'axis', renderMode: 'richText'},
        xAxis: {type: 'time', splitLine: {show: false}, axisLabel: {fontSize: 10}},
        yAxis: {type: 'value', splitNumber: 2, axisLabel: {fontSize: 10}},
        series: [{type: 'line', data: points, showSymbol: points.length < 60, symbolSize: 4,
                  lineStyle: {width: 1.5, color: m.color}, itemStyle: {color: m.color},
                  areaStyle: {color: m.color, opacity: 0.08}}],
      });
      const h = histogram(values);
      m.histogram.setOption({
        animation: false,
        grid: {left: 6, right: 10, top: 10, bottom: 20, containLabel: true},
        tooltip: {trigger: 'axis', renderMode: 'richText'},
        xAxis: {type: 'category', data: h.labels, axisLabel: {fontSize: 10}},
        yAxis: {type: 'value', minInterval: 1, splitNumber: 2, axisLabel: {fontSize: 10}},
        series: [{type: 'bar', data: h.counts, itemStyle: {color: m.color}, barCategoryGap: '10%'}],
      });
    }
  }

  function renderTable() {
    const body = document.querySelector('#batches-table tbody');
    const rows = [];
    for (let i = batches.length - 1; i >= 0 && rows.length < TABLE_ROWS; i--) {
      const b = batches[i];
      const failed = b.failedOutputOperations > 0;
      const status = Ember.el('td', {class: failed ? 'status-bad' : 'status-ok',
                                     text: failed ? 'failed' : 'succeeded'});
      if (failed && b.failure) status.title = b.failure;
      rows.push(Ember.el('tr', {'data-batch-time': String(b.batchTime)},
          Ember.el('td', {text: Ember.dateTime(b.batchTime)}),
          Ember.el('td', {class: 'num', text: Ember.number(b.records)}),
          Ember.el('td', {class: 'num', text: Ember.duration(b.schedulingDelay)}),
          Ember.el('td', {class: 'num', text: Ember.duration(b.processingDelay)}),
          Ember.el('td', {class: 'num', text: Ember.duration(b.totalDelay)}),
          Ember.el('td', {class: 'num',
                          text: (b.outputOperations - b.failedOutputOperations) + '/' + b.outputOperations}),
          status));
    }
    body.replaceChildren(...rows);
    document.getElementById('batches-count').textContent = batches.length
        ? '(' + (batches.length > TABLE_ROWS ? 'last ' + TABLE_ROWS + ' of ' : '')
          + Ember.number(batches.length) + ' kept)'
        : '(none yet)';
  }

  function renderSummary(s) {
    interval = s.batchDurationMillis;
    document.getElementById('app-name').textContent = s.appName;
    document.getElementById('s-started').textContent = Ember.dateTime(s.startTime);
    document.getElementById('s-interval').textContent = Ember.duration(s.batchDurationMillis);
    document.getElementById('s-batches').textContent = Ember.number(s.completedBatches);
    document.getElementById('s-pending').textContent = Ember.number(s.pendingBatches);
    document.getElementById('s-records').textContent = Ember.number(s.totalRecords);
    const rate = s.inputs.reduce((a, i) => a + i.recordsPerSecond, 0);
    document.getElementById('s-rate').textContent = Ember.number(Math.round(rate)) + '/s';

    const inputs = document.querySelector('#inputs-table tbody');
    inputs.replaceChildren(...s.inputs.map((i) => {
      const r = i.receiver;
      const status = r == null ? 'source' : (r.active ? 'receiving' : 'stopped');
      return Ember.el('tr', {},
          Ember.el('td', {text: String(i.id)}),
          Ember.el('td', {text: i.name}),
          Ember.el('td', {class: r && !r.active ? 'status-bad' : 'status-ok', text: status}),
          Ember.el('td', {class: 'num', text: Ember.number(i.totalRecords)}),
          Ember.el('td', {class: 'num', text: Ember.number(Math.round(i.recordsPerSecond))}),
          Ember.el('td', {text: i.lastOffset == null ? '–' : i.lastOffset}),
          Ember.el('td', {class: 'status-bad',
                          text: r && r.lastErrorMessage ? r.lastErrorMessage + ' at '
                              + Ember.clock(r.lastErrorTime) : ''}));
    }));

    const state = document.querySelector('#state-table tbody');
    state.replaceChildren(...s.stateSizes.map((st) => Ember.el('tr', {},
        Ember.el('td', {text: st.stream}),
        Ember.el('td', {class: 'num', text: Ember.number(st.keys)}))));
    document.getElementById('state-empty').hidden = s.stateSizes.length > 0;
    document.getElementById('state-table').hidden = s.stateSizes.length === 0;

    const cp = s.checkpoint;
    document.getElementById('checkpoint-panel').hidden = cp == null;
    if (cp) {
      document.getElementById('cp-cost').textContent =
          cp.captureMillis + ' ms holding batches, ' + cp.writeMillis + ' ms writing';
      document.getElementById('cp-batch').textContent = Ember.dateTime(cp.batchTime);
      document.getElementById('cp-size').textContent = Ember.bytes(cp.sizeBytes);
      document.getElementById('cp-count').textContent = Ember.number(cp.count);
    }
  }

  const render = Ember.coalesce(() => {
    renderCharts();
    renderTable();
  });

  async function reload() {
    const [s, b] = await Promise.all([Ember.api('/api/streaming'), Ember.api('/api/batches')]);
    if (s.ok) renderSummary(s.body);
    if (b.ok) {
      interval = b.body.batchDurationMillis;
      for (const x of b.body.batches) add(x);
    }
    render();
  }

  Ember.events({
    open: reload,
    batch: (b) => {
      add(b);
      render();
    },
    streaming: renderSummary,
  });
})();
