/* Map of project sites (Leaflet, vendored), drawn over the shipped country outlines.
 *
 * Reads the page: #projects-map data-region (URL of region.geojson); #project-points (JSON)
 * [{project, title, site, country, lat, lon, url}]; #project-map-labels (JSON) {open}.
 * Works offline: no tile server, the outlines are the base layer. The table on the page
 * lists the same sites for readers without JavaScript.
 */
(function () {
  "use strict";

  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function init(container) {
    var points = readJSON("project-points") || [];
    var labels = readJSON("project-map-labels") || {};
    var map = L.map(container, { zoomSnap: 0.5, minZoom: 4, maxBounds: [[2, 84], [37.5, 116]] });
    map.attributionControl.setPrefix(false);
    var bounds = L.latLngBounds([[10, 97], [23, 107]]);
    points.forEach(function (p) { bounds.extend([p.lat, p.lon]); });
    map.fitBounds(bounds, { padding: [20, 20], maxZoom: 8 });
    var region = container.getAttribute("data-region");
    if (region) {
      fetch(region)
        .then(function (response) { return response.json(); })
        .then(function (geojson) {
          L.geoJSON(geojson, {
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
    points.forEach(function (p) {
      var box = element("div", "site-popup");
      box.appendChild(element("strong", null, p.site));
      box.appendChild(element("p", null, p.title));
      var link = element("a", null, labels.open || p.project);
      link.href = p.url;
      box.appendChild(link);
      L.circleMarker([p.lat, p.lon], {
        radius: 7, weight: 1.5, color: "#1b2a33", fillColor: "#2a7f62", fillOpacity: 0.9,
        className: "site-marker",
      }).bindPopup(box).addTo(map);
    });
    container.setAttribute("data-sites", String(points.length));
  }

  document.addEventListener("DOMContentLoaded", function () {
    var container = document.getElementById("projects-map");
    if (container && window.L) init(container);
  });
})();
