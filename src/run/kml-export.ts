// The GeoJSON export of a run as KML 2.2 for Google Earth and QGIS: one folder per layer, paths as
// gx:Track (a time for every vertex, so Google Earth's time slider replays the night), events
// with a TimeStamp, every property as ExtendedData. Pure: text out.

import type { GeoFeature, GeoFeatureCollection, GeoGeometry, GeoPosition } from '../model/geodata.js';
import { GEO_LAYERS } from './geojson-export.js';

const FOLDER_TITLES: Record<(typeof GEO_LAYERS)[number], string> = {
  asset: 'Assets',
  unit: 'Defender units',
  patrol: 'Patrols and CAP stations',
  sensor: 'Sensors',
  coverage: 'Coverage (sensor and weapon ranges)',
  'ew-zone': 'Electronic-warfare zones',
  'threat-path': 'Threat paths',
  'flight-path': 'Interceptor flights',
  track: 'Tracks (the picture C2 acted on)',
  intercept: 'Intercepts',
  impact: 'Impacts',
  'lost-ew': 'Lost to EW',
};

/** Colours as KML writes them: aabbggrr. Hostile red, friendly blue, unknown yellow. */
const STYLES: Record<string, { line?: string; poly?: string; icon?: string; width?: number }> = {
  asset: { icon: 'ff00d7ff' },
  unit: { icon: 'ffff9933' },
  patrol: { line: 'ffff9933', icon: 'ffff9933', width: 1 },
  sensor: { icon: 'ffffcc66' },
  coverage: { line: 'a0ffcc66', poly: '20ffcc66', width: 1 },
  'ew-zone': { line: 'a0ff44cc', poly: '20ff44cc', width: 1 },
  'threat-path': { line: 'c03c3cff', width: 2 },
  'flight-path': { line: 'c0ff9933', width: 1.5 },
  track: { line: 'c000ffff', width: 1 },
  intercept: { icon: 'ff3cff3c' },
  impact: { icon: 'ff0000ff' },
  'lost-ew': { icon: 'ffff44cc' },
};

export function geoJsonToKml(collection: GeoFeatureCollection, title: string): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">',
    '<Document>',
    `<name>${xml(title)}</name>`,
  ];
  for (const [id, style] of Object.entries(STYLES)) {
    out.push(`<Style id="${id}">`);
    if (style.icon) out.push(`<IconStyle><color>${style.icon}</color><scale>0.8</scale></IconStyle>`);
    if (style.line)
      out.push(`<LineStyle><color>${style.line}</color><width>${style.width ?? 1}</width></LineStyle>`);
    if (style.poly) out.push(`<PolyStyle><color>${style.poly}</color></PolyStyle>`);
    out.push('</Style>');
  }
  for (const layer of GEO_LAYERS) {
    const features = collection.features.filter((f) => f.properties.layer === layer);
    if (features.length === 0) continue;
    out.push('<Folder>', `<name>${FOLDER_TITLES[layer]}</name>`);
    for (const feature of features) placemark(feature, out);
    out.push('</Folder>');
  }
  out.push('</Document>', '</kml>', '');
  return out.join('\n');
}

function placemark(feature: GeoFeature, out: string[]): void {
  const { properties, geometry } = feature;
  out.push('<Placemark>', `<name>${xml(properties.name)}</name>`);
  const times = properties.coordinateProperties?.times;
  if (typeof properties.time === 'string') out.push(`<TimeStamp><when>${properties.time}</when></TimeStamp>`);
  out.push(`<styleUrl>#${properties.layer}</styleUrl>`);
  out.push('<ExtendedData>');
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'name' || key === 'coordinateProperties' || value === undefined || value === null) continue;
    out.push(`<Data name="${xml(key)}"><value>${xml(String(value))}</value></Data>`);
  }
  out.push('</ExtendedData>');
  geometryKml(geometry, times, out);
  out.push('</Placemark>');
}

function geometryKml(geometry: GeoGeometry, times: readonly string[] | undefined, out: string[]): void {
  switch (geometry.type) {
    case 'Point':
      out.push(
        `<Point>${altitudeMode(geometry.coordinates)}<coordinates>${coordinate(geometry.coordinates)}</coordinates></Point>`,
      );
      return;
    case 'MultiPoint':
      out.push('<MultiGeometry>');
      for (const p of geometry.coordinates)
        out.push(`<Point><coordinates>${coordinate(p)}</coordinates></Point>`);
      out.push('</MultiGeometry>');
      return;
    case 'LineString':
      if (times && times.length === geometry.coordinates.length) {
        out.push('<gx:Track>', '<altitudeMode>relativeToGround</altitudeMode>');
        for (const t of times) out.push(`<when>${t}</when>`);
        for (const p of geometry.coordinates) out.push(`<gx:coord>${p.join(' ')}</gx:coord>`);
        out.push('</gx:Track>');
      } else {
        out.push(
          `<LineString>${altitudeMode(geometry.coordinates[0])}<coordinates>${geometry.coordinates.map(coordinate).join(' ')}</coordinates></LineString>`,
        );
      }
      return;
    case 'Polygon':
      out.push('<Polygon>');
      geometry.coordinates.forEach((ring, k) => {
        const boundary = k === 0 ? 'outerBoundaryIs' : 'innerBoundaryIs';
        out.push(
          `<${boundary}><LinearRing><coordinates>${ring.map(coordinate).join(' ')}</coordinates></LinearRing></${boundary}>`,
        );
      });
      out.push('</Polygon>');
      return;
  }
}

/** Heights are above the ground; a 2-D position is clamped to it (KML's default). */
function altitudeMode(p: GeoPosition): string {
  return p.length === 3 ? '<altitudeMode>relativeToGround</altitudeMode>' : '';
}

function coordinate(p: GeoPosition): string {
  return p.join(',');
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
