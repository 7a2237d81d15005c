/* Small maps of good-practice cases (Leaflet, vendored): one case on its page, a theme's
 * cases on the theme page.
 *
 * Reads everything from the page, so that every word is translated on the server:
 *   #knowledge-map       data-region: URL of the country outlines shipped for the monitoring map
 *   #map-points (JSON)   [{identifier, title, lat, lon, place, url?}]
 * Without a tile server the outlines are the base layer, as on the monitoring map (offline).
 */
(function () {
  "use strict";

  function init(container) {
    var node = document.getElementById("map-points");
    var points = node ? JSON.parse(node.textContent) : [];
    var map = L.map(container, { zoomSnap: 0.5, minZoom: 4, maxBounds: [[2, 84], [37.5, 116]] });
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
              if (p.kind === "border") return { color: p.member ? "#56646c" : "#9aa5ab", weight: 1 };
              return { stroke: false, fillColor: p.member ? "#f7f5ee" : "#e9ebe8", fillOpacity: 1 };
            },
          }).addTo(map);
          container.setAttribute("data-boundaries", "loaded");
        })
        .catch(function () { container.setAttribute("data-boundaries", "failed"); });
    }
    var bounds = L.latLngBounds([]);
    points.forEach(function (point) {
      var marker = L.circleMarker([point.lat, point.lon], {
        radius: 8, weight: 1.5, color: "#1b2a33", fillColor: "#2e6b2f", fillOpacity: 0.95,
        className: "case-marker",
      }).addTo(map);
      // titles are user content: text nodes, never HTML
      var box = document.createElement("div");
      var title = document.createElement(point.url ? "a" : "strong");
      title.textContent = point.title;
      if (point.url) title.href = point.url;
      box.appendChild(title);
      if (point.place) {
        var place = document.createElement("p");
        place.textContent = point.place;
        box.appendChild(place);
      }
      marker.bindPopup(box);
      marker.bindTooltip(point.title);
      bounds.extend([point.lat, point.lon]);
    });
    if (points.length === 1) {
      map.setView(bounds.getCenter(), 6);
    } else if (points.length > 1) {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 7 });
    } else {
      map.fitBounds([[10, 97], [23, 107]]);
    }
    container.setAttribute("data-markers", String(points.length));
  }

  function start() {
    var container = document.getElementById("knowledge-map");
    if (container && window.L) init(container);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
