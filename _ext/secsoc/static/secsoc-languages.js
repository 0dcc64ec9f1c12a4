/* The FR | NL switch (secsoc extension) leads to the same place in the other edition:
   the page's query (a search) and fragment (a section) are kept. Without JavaScript the
   links still lead to the same page. */
"use strict";
(function () {
  function follow() {
    document.querySelectorAll(".secsoc-languages a[hreflang]").forEach((link) => {
      const target = new URL(link.href);
      target.search = window.location.search;
      target.hash = window.location.hash;
      link.href = target.href;
    });
  }
  document.addEventListener("DOMContentLoaded", follow);
  window.addEventListener("hashchange", follow);
})();
