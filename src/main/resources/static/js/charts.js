// Draws each figure's chart from the table beneath it, so the numbers shown and charted are the same numbers.
// Without JavaScript (or without Chart.js) the tables stand alone.
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined') {
    return;
  }
  var BLUE = '#1d70b8';
  document.querySelectorAll('figure[data-chart]').forEach(function (figure) {
    var rows = figure.querySelectorAll('tbody tr');
    if (rows.length === 0) {
      return;
    }
    var labels = [];
    var values = [];
    rows.forEach(function (row) {
      labels.push(row.querySelector('th').textContent.trim());
      values.push(Number(row.querySelector('td').textContent.trim()));
    });
    var holder = figure.querySelector('.tessa-chart');
    holder.hidden = false;
    new window.Chart(holder.querySelector('canvas'), {
      type: figure.dataset.chart,
      data: { labels: labels, datasets: [{ data: values, backgroundColor: BLUE, borderColor: BLUE }] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  });
}());
