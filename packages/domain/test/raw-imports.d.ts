// Vite's `?raw` suffix imports a file's text; this lets tsc type it.
declare module '*?raw' {
  const text: string;
  export default text;
}
