// The progression chart: hover a point, or focus the chart (one tab stop)
// and step through the points with the arrow keys (left/right: rounds,
// up/down: lines), to read its round and points.
(function () {
  "use strict";
  document.querySelectorAll("figure").forEach(function (figure) {
    var svg = figure.querySelector("svg.chart");
    var readout = figure.querySelector(".readout");
    if (!svg || !readout) return;
    var series = Array.prototype.slice.call(svg.querySelectorAll("g.series"));
    var line = 0, point = -1;
    function show(circle) {
      readout.textContent = circle.dataset.name + ": " + circle.dataset.points +
        " pts after round " + circle.dataset.round;
      svg.querySelectorAll(".series").forEach(function (g) {
        g.classList.toggle("dim", g !== circle.parentNode);
        g.querySelectorAll("circle").forEach(function (c) {
          c.classList.toggle("current", c === circle);
        });
      });
    }
    function clear() {
      readout.textContent = "";
      svg.querySelectorAll(".series").forEach(function (g) { g.classList.remove("dim"); });
      svg.querySelectorAll("circle.current").forEach(function (c) { c.classList.remove("current"); });
    }
    function circles(index) { return series[index].querySelectorAll("circle"); }
    svg.querySelectorAll("circle").forEach(function (circle) {
      circle.addEventListener("mouseenter", function () { show(circle); });
      circle.addEventListener("mouseleave", clear);
    });
    svg.addEventListener("keydown", function (event) {
      if (!series.length) return;
      var count = circles(line).length;
      if (event.key === "ArrowRight") point = Math.min(point + 1, count - 1);
      else if (event.key === "ArrowLeft") point = Math.max(point - 1, 0);
      else if (event.key === "Home") point = 0;
      else if (event.key === "End") point = count - 1;
      else if (event.key === "ArrowDown") line = Math.min(line + 1, series.length - 1);
      else if (event.key === "ArrowUp") line = Math.max(line - 1, 0);
      else return;
      event.preventDefault();
      if (point < 0) point = count - 1;
      var here = circles(line);
      show(here[Math.min(point, here.length - 1)]);
    });
    svg.addEventListener("blur", clear);
  });
})();
