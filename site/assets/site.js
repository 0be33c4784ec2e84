// The site's one script besides the apps, on every page: registers the service worker (visited
// pages then open without a connection), says when a page is a saved copy or newer data has
// been published, and shares a figure's link. Everything here is an extra: without it the
// pages read, print and download as before.
const notice = document.getElementById("ban-luu");

function say(text, reload) {
  if (!notice) return;
  notice.textContent = text;
  if (reload) {
    const link = document.createElement("a");
    link.href = location.href;
    link.textContent = "Tải lại trang";
    notice.append(" ", link);
  }
  notice.hidden = false;
}

// The service worker marks a page it served from its cache (the network failed or was too slow).
if (document.documentElement.hasAttribute("data-ban-luu")) {
  say("Đang xem bản lưu, số liệu " + (notice ? notice.dataset.soLieu : "") + ". Khi có kết nối, hãy tải lại trang để xem số liệu mới nhất.", false);
}

if ("serviceWorker" in navigator) {
  // Each build's worker names its build (a hash, also in every page of it): a page of another
  // build was published before the worker's, so a newer one is out.
  const mine = notice ? notice.dataset.phienBan : "";
  navigator.serviceWorker.addEventListener("message", (event) => {
    const theirs = event.data && event.data.build;
    if (theirs && mine && theirs !== mine) say("Đã có bản cập nhật mới hơn bản đang xem.", true);
  });
  navigator.serviceWorker
    .register("/sw.js")
    .then((registration) => {
      if (navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage("build?");
      // Back online after reading a saved copy: ask whether a newer build is out.
      addEventListener("online", () => registration.update().catch(() => {}));
    })
    .catch(() => {});
}

// "Chia sẻ" under each figure: the system's share sheet where there is one (phones), else the
// link is copied, else shown to copy by hand.
if (navigator.share || navigator.clipboard) {
  document.documentElement.classList.add("can-share");
}
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-share]") : null;
  if (!button) return;
  const id = button.dataset.share;
  const caption = document.querySelector("#" + CSS.escape(id) + " figcaption");
  const url = new URL(location.href);
  url.hash = id;
  const title = caption ? caption.textContent : document.title;
  const done = (text) => {
    button.textContent = text;
    setTimeout(() => (button.textContent = "Chia sẻ"), 3000);
  };
  const copied = () => done("Đã chép liên kết");
  const show = () => say("Liên kết đến biểu đồ: " + url.href, false);
  if (navigator.share) {
    navigator.share({ title, url: url.href }).catch((error) => {
      if (error && error.name !== "AbortError") show();
    });
  } else if (navigator.clipboard) {
    navigator.clipboard.writeText(url.href).then(copied, show);
  } else {
    show();
  }
});
