/* Calendar heatmap of a station's daily AQI (Apache ECharts, vendored).
 *
 * <div class="aqi-calendar" data-calendar="ID"> draws the JSON in <script id="ID">:
 *   {year, standard, days: [["2024-01-01", 57], ...],
 *    categories: [{key, name, low, high (null for the open top band), colour}],
 *    labels: {aqi, no_data}}
 * Each day takes the colour of its category under the chosen standard; month and weekday
 * names come from Intl in the page's language.
 */
(function () {
  "use strict";

  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function names(lang, options, dates) {
    var format;
    try {
      format = new Intl.DateTimeFormat(lang, Object.assign({ timeZone: "UTC" }, options));
    } catch (e) {
      format = new Intl.DateTimeFormat("en", Object.assign({ timeZone: "UTC" }, options));
    }
    return dates.map(function (d) { return format.format(d); });
  }

  function render(node) {
    var data = readJSON(node.getAttribute("data-calendar"));
    if (!data) return null;
    var lang = document.documentElement.lang || "en";
    var months = names(lang, { month: "short" }, Array.from({ length: 12 }, function (_, m) {
      return new Date(Date.UTC(2024, m, 1));
    }));
    // ECharts wants the weekday names Sunday first; 2024-01-07 was a Sunday
    var weekdays = names(lang, { weekday: "narrow" }, Array.from({ length: 7 }, function (_, d) {
      return new Date(Date.UTC(2024, 0, 7 + d));
    }));
    var dayFormat = new Intl.DateTimeFormat(lang, {
      timeZone: "UTC", weekday: "short", day: "numeric", month: "long", year: "numeric",
    });
    var pieces = data.categories.map(function (c) {
      var piece = { gte: c.low, color: c.colour, label: c.name };
      if (c.high !== null) piece.lte = c.high;
      return piece;
    });
    function categoryOf(value) {
      for (var k = 0; k < data.categories.length; k++) {
        var c = data.categories[k];
        if (value >= c.low && (c.high === null || value <= c.high)) return c.name;
      }
      return "";
    }

    var chart = echarts.init(node, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      // canvas text needs the page's fonts by name: Thai, Lao, Khmer, Burmese are web fonts
      textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
      tooltip: {
        formatter: function (item) {
          var date = new Date(item.value[0] + "T00:00:00Z");
          return dayFormat.format(date) + "<br>" + data.labels.aqi + " " + item.value[1] +
            " · " + categoryOf(item.value[1]);
        },
      },
      visualMap: {
        type: "piecewise",
        orient: "horizontal",
        left: "center",
        bottom: 0,
        pieces: pieces,
        itemWidth: 14,
        itemHeight: 14,
        textStyle: { fontSize: 12 },
      },
      calendar: {
        top: 28,
        left: 36,
        right: 12,
        bottom: 48,
        range: String(data.year),
        cellSize: ["auto", "auto"],
        yearLabel: { show: false },
        monthLabel: { nameMap: months },
        dayLabel: { nameMap: weekdays, firstDay: 1 },
        itemStyle: { color: "#f3f4f6", borderColor: "#ffffff", borderWidth: 1 },
        splitLine: { lineStyle: { color: "#9aa5ab", width: 1 } },
      },
      series: [{ type: "heatmap", coordinateSystem: "calendar", data: data.days }],
    });
    node.setAttribute("data-rendered", "true");
    return chart;
  }

  function start() {
    if (!window.echarts) return;
    var charts = [];
    document.querySelectorAll(".aqi-calendar[data-calendar]").forEach(function (node) {
      var chart = render(node);
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
