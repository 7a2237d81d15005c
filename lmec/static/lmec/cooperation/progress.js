/* Charts of the progress dashboards (Apache ECharts, vendored).
 *
 * Each <div class="progress-chart" data-chart="ID"> gets a chart of the JSON in
 * <script id="ID">: {kind: "bar" | "line", categories: [...], series: [{name, values}],
 * unit, and for an indicator baseline, target with their labels (dashed lines)}.
 * The same numbers are in the table under each chart.
 */
(function () {
  "use strict";

  var COLOURS = ["#0f766e", "#b45309", "#1d4ed8", "#be123c", "#6d28d9", "#4d7c0f"];

  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function lang() {
    return document.documentElement.lang || "en";
  }

  function number(value) {
    return value == null ? "–" : new Intl.NumberFormat(lang()).format(value);
  }

  function markLines(data) {
    var lines = [];
    if (data.baseline != null) {
      lines.push({ yAxis: data.baseline, name: data.baseline_label, lineStyle: { color: "#6b7280", type: "dashed" } });
    }
    if (data.target != null) {
      lines.push({ yAxis: data.target, name: data.target_label, lineStyle: { color: "#be123c", type: "dashed" } });
    }
    return lines.length
      ? { symbol: "none", label: { position: "insideEndTop", formatter: "{b}: {c}" }, data: lines }
      : undefined;
  }

  function render(node) {
    var data = readJSON(node.getAttribute("data-chart"));
    if (!data || !window.echarts) return;
    var chart = window.echarts.init(node, null, { renderer: "canvas" });
    var series = data.series.map(function (s, i) {
      var out = {
        name: s.name,
        type: data.kind === "line" ? "line" : "bar",
        data: s.values,
        connectNulls: true,
        itemStyle: { color: COLOURS[i % COLOURS.length] },
      };
      if (data.kind === "line" && i === 0) out.markLine = markLines(data);
      return out;
    });
    var values = [];
    data.series.forEach(function (s) { values = values.concat(s.values); });
    // counts get whole-number ticks; the axis reaches the baseline and target lines
    var whole = values.every(function (v) { return v == null || Math.round(v) === v; });
    var lines = [data.baseline, data.target].filter(function (v) { return v != null; });
    chart.setOption({
      animation: false,
      color: COLOURS,
      tooltip: { trigger: "axis", valueFormatter: number },
      legend: { show: data.series.length > 1, top: 0 },
      grid: { left: 60, right: 30, top: data.series.length > 1 ? 40 : 20, bottom: 70 },
      xAxis: { type: "category", data: data.categories, axisLabel: { interval: 0, rotate: data.categories.length > 5 ? 30 : 0, width: 140, overflow: "truncate" } },
      yAxis: {
        type: "value",
        name: data.unit || "",
        minInterval: whole && data.kind !== "line" ? 1 : 0,
        max: lines.length ? function (v) { return Math.max(v.max, Math.max.apply(null, lines)); } : null,
        min: lines.length ? function (v) { return Math.min(v.min, 0, Math.min.apply(null, lines)); } : null,
        axisLabel: { formatter: number },
      },
      series: series,
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function start() {
    var nodes = document.querySelectorAll(".progress-chart[data-chart]");
    for (var i = 0; i < nodes.length; i++) render(nodes[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
