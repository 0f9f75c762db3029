// Prerendered as build/404.html, the page static hosts (GitHub Pages, Netlify, nginx with
// `error_page 404`) serve for any address that has no file.
export const trailingSlash = 'never';
