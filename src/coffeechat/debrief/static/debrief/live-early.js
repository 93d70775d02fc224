// Loaded without defer in <head>: marks the page as scripted before the first paint, so the
// one-question view shows at once instead of after a flash of the no-script layout.
document.documentElement.classList.add("js");
