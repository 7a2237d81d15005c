/* Time series of a station's parameters (Apache ECharts, vendored).
 *
 * Each <div class="ts-chart" data-series="ID"> gets a chart of the JSON in <script id="ID">:
 *   {parameter, name, unit, resolution: "hourly" | "daily", decimals,
 *    points: [[local time, value], ...],            valid values (a gap is a missing value)
 *    flagged: [[local time, value, flags], ...],    values QA/QC flagged: shown, marked
 *    limits: [{label, value, kind: "who" | "national"}]}
 * Times are the station's wall-clock time ("2024-03-01T13:00" or "2024-03-01"), drawn on a
 * UTC axis so that the reader sees the station's hours whatever the browser's time zone.
 * Words come from <script id="chart-labels"> ({value, flagged, daily_mean, hourly_value}),
 * dates are formatted with Intl in the page's language.
 */
(function () {
  "use strict";

  var LIMIT_COLOURS = { who: "#1d4ed8", national: "#b45309" };

  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function lang() {
    return document.documentElement.lang || "en";
  }

  function stamp(text) {
    // wall-clock time read as UTC (see above)
    return Date.parse(text.length === 10 ? text + "T00:00:00Z" : text + ":00Z");
  }

  function formatter(options) {
    try {
      return new Intl.DateTimeFormat(lang(), Object.assign({ timeZone: "UTC" }, options));
    } catch (e) {
      return new Intl.DateTimeFormat("en", Object.assign({ timeZone: "UTC" }, options));
    }
  }

  function number(value, decimals) {
    return new Intl.NumberFormat(lang(), {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    }).format(value);
  }

  /* A round number at or above x (1, 1.2, 1.5, 2 ... 8 times a power of ten). */
  function niceCeil(x) {
    if (x <= 0) return 1;
    var power = Math.pow(10, Math.floor(Math.log10(x)));
    var steps = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
    for (var k = 0; k < steps.length; k++) {
      if (steps[k] * power >= x) return steps[k] * power;
    }
    return 10 * power;
  }

  function render(node, labels) {
    var data = readJSON(node.getAttribute("data-series"));
    if (!data) return;
    var hourly = data.resolution === "hourly";
    var day = formatter({ day: "numeric", month: "short" });
    var dayYear = formatter({ day: "numeric", month: "short", year: "numeric" });
    var hour = formatter({ hour: "2-digit", minute: "2-digit" });
    var full = formatter(
      hourly
        ? { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }
        : { day: "numeric", month: "short", year: "numeric", weekday: "short" }
    );
    var points = data.points.map(function (p) { return [stamp(p[0]), p[1]]; });
    var values = points.map(function (p) { return p[1]; }).filter(function (v) { return v !== null; });
    var top = values.length ? Math.max.apply(null, values) : 0;
    // a limit far above the data would flatten the curve: such limits stay in the text
    var limits = data.limits.filter(function (l) { return !values.length || l.value <= 3 * top; });
    // the axis fits the valid values and the limits drawn; a flagged value above it (a
    // spike of 900 among values of 40) sits on the top edge, its true value in the tooltip
    var axisTop = values.length ? niceCeil(Math.max.apply(null, values.concat(
      limits.map(function (l) { return l.value; }))) * 1.1) : null;
    var flagged = data.flagged.map(function (p) {
      var shown = axisTop !== null && p[1] > axisTop ? axisTop : p[1];
      return [stamp(p[0]), shown, p[2], p[1]];
    });
    var spanDays = points.length ? (points[points.length - 1][0] - points[0][0]) / 864e5 : 0;

    var chart = echarts.init(node, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      // canvas text needs the page's fonts by name: Thai, Lao, Khmer, Burmese are web fonts
      textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
      useUTC: true,
      grid: { left: 56, right: 24, top: 36, bottom: 64 },
      tooltip: {
        trigger: "axis",
        formatter: function (items) {
          var lines = [full.format(new Date(items[0].value[0]))];
          items.forEach(function (item) {
            var value = item.value.length > 3 ? item.value[3] : item.value[1];
            if (value === null || value === undefined) return;
            var text = item.marker + item.seriesName + ": " + number(value, data.decimals) + " " + data.unit;
            if (item.value[2]) text += " (" + item.value[2] + ")";
            lines.push(text);
          });
          return lines.join("<br>");
        },
      },
      legend: { top: 0, data: [hourly ? labels.hourly_value : labels.daily_mean, labels.flagged] },
      xAxis: {
        type: "time",
        axisLabel: {
          hideOverlap: true,
          formatter: function (value) {
            var date = new Date(value);
            if (hourly && (date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0)) {
              return hour.format(date);
            }
            return spanDays > 400 ? dayYear.format(date) : day.format(date);
          },
        },
      },
      yAxis: { type: "value", name: data.unit, min: 0, max: axisTop === null ? undefined : axisTop },
      dataZoom: [{ type: "inside" }, { type: "slider", height: 22, bottom: 12, labelFormatter: "" }],
      series: [
        {
          name: hourly ? labels.hourly_value : labels.daily_mean,
          type: "line",
          showSymbol: false,
          connectNulls: false,
          lineStyle: { width: 1.5, color: "#0b5e6b" },
          itemStyle: { color: "#0b5e6b" },
          data: points,
          markLine: {
            symbol: "none",
            silent: true,
            data: limits.map(function (l) {
              return {
                yAxis: l.value,
                name: l.label,
                lineStyle: { color: LIMIT_COLOURS[l.kind] || "#555", type: "dashed", width: 1.2 },
                label: {
                  formatter: l.label + " " + number(l.value, l.value % 1 ? 1 : 0),
                  // WHO at the left, national at the right: close limits keep their labels apart
                  position: l.kind === "who" ? "insideStartTop" : "insideEndTop",
                  color: LIMIT_COLOURS[l.kind] || "#555",
                },
              };
            }),
          },
        },
        {
          name: labels.flagged,
          type: "scatter",
          symbol: "triangle",
          symbolSize: 8,
          itemStyle: { color: "#b91c1c" },
          data: flagged,
        },
      ],
    });
    node.setAttribute("data-rendered", "true");
    return chart;
  }

  function start() {
    if (!window.echarts) return;
    var labels = readJSON("chart-labels") || {};
    var charts = [];
    document.querySelectorAll(".ts-chart[data-series]").forEach(function (node) {
      var chart = render(node, labels);
      if (chart) charts.push(chart);
    });
    window.addEventListener("resize", function () {
      charts.forEach(function (chart) { chart.resize(); });
    });
  }

  // draw once the web fonts are in: a canvas does not redraw when a font arrives later
  function ready() {
    if (document.fonts && document.fonts.ready) {
      document.fonts.ready.then(start, start);
    } else {
      start();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
