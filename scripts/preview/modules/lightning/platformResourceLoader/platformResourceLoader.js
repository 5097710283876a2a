// lightning/platformResourceLoader for the preview: loads a script or style sheet once per URL.
const loaded = new Map();
function load(url, make) {
  if (!loaded.has(url))
    loaded.set(
      url,
      new Promise((resolve, reject) => {
        const el = make(url);
        el.onload = () => resolve();
        el.onerror = () => reject(new Error(`Could not load ${url}`));
        document.head.appendChild(el);
      })
    );
  return loaded.get(url);
}
export function loadScript(_component, url) {
  return load(url, (u) => Object.assign(document.createElement('script'), { src: u }));
}
export function loadStyle(_component, url) {
  return load(url, (u) =>
    Object.assign(document.createElement('link'), { rel: 'stylesheet', href: u })
  );
}
