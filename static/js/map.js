// Places the partner organisations and regions listed beside the map on the map.
// The list is the source: without JavaScript (or without tiles) it still says everything.
document.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("network-map");
  if (!element || !window.L) { return; }
  var map = L.map(element, { scrollWheelZoom: false }).setView([50.5, 8.0], 4);
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, {
      maxZoom: 18, attribution: element.dataset.attribution || ""
    }).addTo(map);
  }
  var bounds = [];
  document.querySelectorAll(".map-list li[data-lat]").forEach(function (item) {
    var lat = parseFloat(item.dataset.lat), lon = parseFloat(item.dataset.lon);
    if (isNaN(lat) || isNaN(lon)) { return; }
    var link = item.querySelector("a");
    var marker = item.dataset.kind === "region"
      ? L.circleMarker([lat, lon], { radius: 8, color: "#0b4f9c", fillOpacity: 0.2 })
      : L.marker([lat, lon], { title: link.textContent, alt: link.textContent });
    // A node, not an HTML string: names are text, whatever characters they contain.
    var popupLink = document.createElement("a");
    popupLink.href = link.getAttribute("href");
    popupLink.textContent = link.textContent;
    marker.bindPopup(popupLink);
    marker.addTo(map);
    bounds.push([lat, lon]);
  });
  if (bounds.length) { map.fitBounds(bounds, { padding: [20, 20] }); }
});
