/* The regional monitoring map (Leaflet, vendored).
 *
 * Reads everything from the page, so that every word is translated on the server:
 *   #monitoring-map            data-region (URL of region.geojson), data-tiles (optional tile
 *                              URL template), data-tiles-attribution, data-no-data-colour
 *   #map-stations (JSON)       [{code, name, lat, lon, aqi, category: {name, colour, ink} | null,
 *                                dominant, time, standard, url}]
 *   #map-labels (JSON)         {aqi, category, time, dominant, standard, station_page, no_data}
 * The standard chooser is an htmx form that swaps #latest (table, legend and #map-stations);
 * after a swap the markers are recoloured from the new JSON, without reloading the map.
 * Without a tile server the country outlines are the base layer (the map works offline).
 */
(function () {
  "use strict";

  var NO_DATA = "#9ca3af";

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

  function row(list, label, value) {
    if (value === null || value === undefined || value === "") return;
    list.appendChild(element("dt", null, label));
    list.appendChild(element("dd", null, value));
  }

  /* The popup of one station, built from DOM nodes (station names are user content). */
  function popup(station, labels) {
    var box = element("div", "station-popup");
    box.setAttribute("data-station", station.code);
    box.appendChild(element("strong", "popup-name", station.name));
    var value = element("p", "popup-aqi");
    if (station.aqi === null || station.aqi === undefined) {
      value.textContent = labels.no_data;
    } else {
      var badge = element("span", "swatch", labels.aqi + " " + station.aqi);
      if (station.category) {
        badge.style.background = station.category.colour;
        badge.style.color = station.category.ink;
      }
      value.appendChild(badge);
    }
    box.appendChild(value);
    var list = element("dl", "popup-facts");
    if (station.category) row(list, labels.category, station.category.name);
    row(list, labels.dominant, station.dominant);
    row(list, labels.time, station.time);
    row(list, labels.standard, station.standard);
    box.appendChild(list);
    var link = element("a", "popup-link", labels.station_page);
    link.href = station.url;
    box.appendChild(link);
    return box;
  }

  function colourOf(station, noData) {
    return station.category ? station.category.colour : noData;
  }

  function init(container) {
    var labels = readJSON("map-labels") || {};
    var noData = container.getAttribute("data-no-data-colour") || NO_DATA;
    var map = L.map(container, {
      zoomSnap: 0.5,
      minZoom: 4,
      // the outlines shipped cover 88-112° E, 5-34.5° N: keep the reader over them
      maxBounds: [[2, 84], [37.5, 116]],
    });
    var core = L.latLngBounds([[10, 97], [23, 107]]); // the lower Mekong, always in view
    map.fitBounds(core);
    map.createPane("boundaries");
    map.getPane("boundaries").style.zIndex = 350; // under the markers (overlayPane, 400)
    map.attributionControl.setPrefix(false);

    var tiles = container.getAttribute("data-tiles");
    if (tiles) {
      L.tileLayer(tiles, {
        attribution: container.getAttribute("data-tiles-attribution") || "",
        maxZoom: 18,
      }).addTo(map);
    }
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
              if (p.kind === "border") {
                return { color: p.member ? "#56646c" : "#9aa5ab", weight: p.member ? 1.2 : 0.8 };
              }
              // land: fill only (the borders are their own lines); outlines only over tiles
              return {
                stroke: false,
                fillColor: p.member ? "#f7f5ee" : "#e9ebe8",
                fillOpacity: tiles ? 0 : 1,
              };
            },
          }).addTo(map);
          container.setAttribute("data-boundaries", "loaded");
        })
        .catch(function () {
          container.setAttribute("data-boundaries", "failed");
        });
    }

    var markers = {};

    function draw() {
      var stations = readJSON("map-stations") || [];
      var seen = {};
      stations.forEach(function (station) {
        seen[station.code] = true;
        var style = {
          radius: 8,
          weight: 1.5,
          color: "#1b2a33",
          fillColor: colourOf(station, noData),
          fillOpacity: 0.95,
          className: "station-marker",
        };
        var marker = markers[station.code];
        if (marker) {
          marker.setStyle(style);
        } else {
          marker = L.circleMarker([station.lat, station.lon], style).addTo(map);
          markers[station.code] = marker;
          marker.bindTooltip(station.name);
        }
        marker.bindPopup(popup(station, labels));
        var path = marker.getElement();
        if (path) {
          path.setAttribute("data-station", station.code);
          path.setAttribute("data-aqi", station.aqi === null ? "" : String(station.aqi));
        }
      });
      Object.keys(markers).forEach(function (code) {
        if (!seen[code]) {
          map.removeLayer(markers[code]);
          delete markers[code];
        }
      });
      container.setAttribute("data-markers", String(stations.length));
    }

    draw();
    // then the stations too
    var bounds = L.latLngBounds(core.getSouthWest(), core.getNorthEast());
    Object.keys(markers).forEach(function (code) { bounds.extend(markers[code].getLatLng()); });
    map.fitBounds(bounds, { padding: [16, 16] });
    document.body.addEventListener("htmx:afterSettle", function (event) {
      if (event.target && event.target.id === "latest") {
        map.closePopup();
        draw();
      }
    });
    // htmx restores a snapshot of the page on "back": the map's DOM without its script
    // state; load the page again instead
    document.body.addEventListener("htmx:historyRestore", function () {
      window.location.reload();
    });
    container.lmecMap = map;
  }

  function start() {
    var container = document.getElementById("monitoring-map");
    if (container && window.L) init(container);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
