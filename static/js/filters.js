// The filter forms of the lists (templates/_filter_form.html) stand open
// beside the results on wide screens; on a phone they stay folded behind
// their "Filter" button until it is pressed.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 992px)");
  function openOnWideScreens() {
    if (!wide.matches) {
      return;
    }
    document.querySelectorAll("[data-filter-panel]").forEach(function (panel) {
      panel.open = true;
    });
  }
  openOnWideScreens();
  wide.addEventListener("change", openOnWideScreens);
})();
