'use strict';

/*
 * The SQL page: a query box over the program's views, answered by /api/sql in read-only mode,
 * shown as a table and, for two columns whose second is numeric, as a bar chart.
 */
(async () => {
  const form = document.getElementById('sql-form');
  const query = document.getElementById('sql-query');
  const error = document.getElementById('sql-error');
  const meta = document.getElementById('sql-meta');
  const resultPanel = document.getElementById('sql-result-panel');
  const chartPanel = document.getElementById('sql-chart-panel');
  let chart = null;

  Ember.header();
  Ember.events({});

  const views = await Ember.api('/api/views');
  if (!views.ok) {
    document.getElementById('sql-limits').textContent = views.body.error;
    document.getElementById('sql-run').disabled = true;
  } else {
    document.getElementById('sql-limits').textContent = 'Read-only: one SELECT-like statement, at most '
        + Ember.number(views.body.maxRows) + ' rows, ' + Ember.duration(views.body.timeoutMillis)
        + ' per query.';
    const list = document.getElementById('sql-views');
    for (const v of views.body.views) {
      const b = Ember.el('button', {type: 'button', text: v, title: 'Query ' + v});
      b.addEventListener('click', () => {
        query.value = 'SELECT * FROM ' + v;
        run();
      });
      list.append(b);
    }
    if (views.body.views.length) query.value = 'SELECT * FROM ' + views.body.views[0];
    else list.append(Ember.el('span', {class: 'sub', text: 'No view has been registered yet.'}));
  }

  function isNumber(v) {
    return typeof v === 'number';
  }

  function show(result) {
    const head = document.querySelector('#sql-result thead');
    const body = document.querySelector('#sql-result tbody');
    const numeric = result.columns.map((_, i) => result.rows.length > 0
        && result.rows.every((r) => r[i] == null || isNumber(r[i])));
    head.replaceChildren(Ember.el('tr', {}, ...result.columns.map((c, i) =>
        Ember.el('th', {class: numeric[i] ? 'num' : '', text: c}))));
    body.replaceChildren(...result.rows.map((row) => Ember.el('tr', {}, ...row.map((v) =>
        Ember.el('td', {class: isNumber(v) ? 'num' : '',
                        text: v == null ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v)})))));
    resultPanel.hidden = false;
    meta.textContent = Ember.number(result.rows.length) + (result.rows.length === 1 ? ' row' : ' rows')
        + (result.truncated ? ' (cut at the row limit)' : '');

    const chartable = result.columns.length === 2 && result.rows.length > 0
        && result.rows.every((r) => isNumber(r[1]) || r[1] == null);
    chartPanel.hidden = !chartable;
    document.getElementById('sql-chart').dataset.bars = chartable ? String(result.rows.length) : '0';
    if (!chartable) return;
    if (chart) chart.resize();
    else chart = Ember.chart('sql-chart', 'svg');
    chart.setOption({
      grid: {left: 16, right: 56, top: 8, bottom: 36, containLabel: true},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, renderMode: 'richText'},
      xAxis: {type: 'value', name: result.columns[1], nameLocation: 'middle', nameGap: 28},
      yAxis: {type: 'category', inverse: true, data: result.rows.map((r) => String(r[0])),
              axisTick: {show: false}},
      series: [{type: 'bar', data: result.rows.map((r) => r[1]), barMaxWidth: 30,
                itemStyle: {color: '#e8590c'}, label: {show: true, position: 'right'}}],
    }, {replaceMerge: ['series', 'yAxis']});
  }

  async function run() {
    const q = query.value.trim();
    if (!q) return;
    error.hidden = true;
    meta.textContent = 'running…';
    document.body.dataset.query = 'running';
    const r = await Ember.api('/api/sql?q=' + encodeURIComponent(q));
    if (r.ok) {
      show(r.body);
      document.body.dataset.query = 'done';
    } else {
      resultPanel.hidden = true;
      chartPanel.hidden = true;
      meta.textContent = '';
      error.textContent = r.body.error + (r.body.reason ? ' (' + r.body.reason + ')' : '');
      error.hidden = false;
      document.body.dataset.query = 'failed';
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run();
  });
  query.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });
})();
