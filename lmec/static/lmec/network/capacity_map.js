/* The map of the monitoring-capacity network (Leaflet and the region's outlines, as the
 * monitoring map uses them).
 *
 * Reads everything from the page, so that every word is translated on the server:
 *   #capacity-map              data-region (URL of region.geojson), data-station-url (the
 *                              station page's URL with CODE in place of the station code)
 *   #capacity-stations (JSON)  [{code, name, kind, country, latitude, longitude, members: []}]
 *   #capacity-labels (JSON)    {members, station_page}
 * Air stations are drawn in blue, water sites in green; the popup names the members that run
 * the station. Without JavaScript the table below the map lists the same members.
 */
(function () {
  "use strict";

  var COLOURS = { air: "#2f6f9f", water: "#2e7d4f" };

  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function element(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function popup(station, labels, stationUrl) {
    var box = element("div");
    box.className = "station-popup";
    box.setAttribute("data-station", station.code);
    box.appendChild(element("strong", station.code + " · " + station.name));
    box.appendChild(element("p", labels.members + ": " + station.members.join(", ")));
    var link = element("a", labels.station_page);
    link.href = stationUrl.replace("CODE", encodeURIComponent(station.code));
    box.appendChild(link);
    return box;
  }

  function init(container) {
    var stations = readJSON("capacity-stations") || [];
    var labels = readJSON("capacity-labels") || {};
    var stationUrl = container.getAttribute("data-station-url") || "";
    var map = L.map(container, { zoomSnap: 0.5, minZoom: 4, maxBounds: [[2, 84], [37.5, 116]] });
    var bounds = L.latLngBounds([[10, 97], [23, 107]]);
    map.attributionControl.setPrefix(false);
    map.createPane("boundaries");
    map.getPane("boundaries").style.zIndex = 350;
    var region = container.getAttribute("data-region");
    if (region) {
      fetch(region)
        .then(function (response) { return response.json(); })
        .then(function (geojson) {
          L.geoJSON(geojson, {
            pane: "boundaries",
            interactive: false,
            attribution: "Natural Earth",
            style: function (feature) {
              var p = feature.properties;
              if (p.kind === "river") return { color: "#2f6f9f", weight: 2, opacity: 0.9 };
              if (p.kind === "border") return { color: "#56646c", weight: 1 };
              return { stroke: false, fillColor: p.member ? "#f7f5ee" : "#e9ebe8", fillOpacity: 1 };
            },
          }).addTo(map);
          container.setAttribute("data-boundaries", "loaded");
        })
        .catch(function () { container.setAttribute("data-boundaries", "failed"); });
    }
    stations.forEach(function (station) {
      var marker = L.circleMarker([station.latitude, station.longitude], {
        radius: 7,
        weight: 1.5,
        color: "#1b2a33",
        fillColor: COLOURS[station.kind] || "#9ca3af",
        fillOpacity: 0.9,
        className: "station-marker",
      }).addTo(map);
      marker.bindTooltip(station.code + " · " + station.name);
      marker.bindPopup(popup(station, labels, stationUrl));
      var path = marker.getElement();
      if (path) path.setAttribute("data-station", station.code);
      bounds.extend(marker.getLatLng());
    });
    map.fitBounds(bounds, { padding: [16, 16] });
    container.setAttribute("data-markers", String(stations.length));
  }

  function start() {
    var container = document.getElementById("capacity-map");
    if (container && window.L) init(container);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
