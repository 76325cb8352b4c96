// Small maps on detail pages (templates/includes/locator_map.html): the places the page
// names in words, as markers. Without JavaScript or tiles the page loses nothing but the map.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.L) { return; }
  document.querySelectorAll(".locator-map[data-points]").forEach(function (element) {
    var points = JSON.parse(element.dataset.points || "[]");
    if (!points.length) { return; }
    var map = L.map(element, { scrollWheelZoom: false, maxZoom: 18 });
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, {
        maxZoom: 18, attribution: element.dataset.attribution || ""
      }).addTo(map);
    }
    var bounds = [];
    points.forEach(function (point) {
      // The name as text (a title and alt), never as HTML.
      L.marker([point.lat, point.lon], { title: point.name, alt: point.name, keyboard: false }).addTo(map);
      bounds.push([point.lat, point.lon]);
    });
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: points.length > 1 ? 9 : 12 });
  });
});
