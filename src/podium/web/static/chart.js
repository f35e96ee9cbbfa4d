// Hover (or focus) a point of the progression chart: show its round and points.
(function () {
  "use strict";
  document.querySelectorAll("figure").forEach(function (figure) {
    var svg = figure.querySelector("svg.chart");
    var readout = figure.querySelector(".readout");
    if (!svg || !readout) return;
    function show(circle) {
      readout.textContent = circle.dataset.name + ": " + circle.dataset.points +
        " pts after round " + circle.dataset.round;
      svg.querySelectorAll(".series").forEach(function (g) {
        g.classList.toggle("dim", g !== circle.parentNode);
      });
    }
    function clear() {
      readout.textContent = "";
      svg.querySelectorAll(".series").forEach(function (g) { g.classList.remove("dim"); });
    }
    svg.querySelectorAll("circle").forEach(function (circle) {
      circle.addEventListener("mouseenter", function () { show(circle); });
      circle.addEventListener("focus", function () { show(circle); });
      circle.addEventListener("mouseleave", clear);
      circle.addEventListener("blur", clear);
    });
  });
})();
