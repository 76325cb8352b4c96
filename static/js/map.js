// Places the organisations and regions listed beside the map on the map: organisations as
// markers coloured by their role (the legend above the map), clustered where they lie
// close together (leaflet.markercluster), regions as circles.
// The list is the source: without JavaScript (or without tiles) it still says everything.
document.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("network-map");
  if (!element || !window.L) { return; }
  // maxZoom on the map itself: the clusters need it even when no tile layer gives one.
  var map = L.map(element, { scrollWheelZoom: false, maxZoom: 18 }).setView([50.5, 8.0], 4);
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, {
      maxZoom: 18, attribution: element.dataset.attribution || ""
    }).addTo(map);
  }
  var clusters = L.markerClusterGroup
    ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 })
    : L.layerGroup();
  var bounds = [];
  document.querySelectorAll(".map-list li[data-lat]").forEach(function (item) {
    var lat = parseFloat(item.dataset.lat), lon = parseFloat(item.dataset.lon);
    if (isNaN(lat) || isNaN(lon)) { return; }
    var link = item.querySelector("a");
    var kind = item.dataset.kind;
    var marker = kind === "region"
      ? L.circleMarker([lat, lon], { radius: 8, color: "#0b4f9c", fillOpacity: 0.15 })
      : L.marker([lat, lon], {
          title: link.textContent,
          alt: link.textContent,
          icon: L.divIcon({ className: "map-marker map-dot--" + kind, iconSize: [18, 18] })
        });
    // A node, not an HTML string: names are text, whatever characters they contain.
    var popupLink = document.createElement("a");
    popupLink.href = link.getAttribute("href");
    popupLink.textContent = link.textContent;
    marker.bindPopup(popupLink);
    (kind === "region" ? map : clusters).addLayer(marker);
    bounds.push([lat, lon]);
  });
  map.addLayer(clusters);
  if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20] }); }
});
