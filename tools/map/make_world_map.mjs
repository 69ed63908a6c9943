// SPDX-License-Identifier: GPL-3.0-or-later
// Makes assets/map/world_110m.bin, the world map Plaza draws under its partnership arcs, from
// Natural Earth's public-domain 1:110m country shapes as the npm package world-atlas 2.0.2
// redistributes them (Natural Earth 4.1.0, TopoJSON, degrees).
//
// Run by hand when the map should change, never at build time:
//   cd tools/map && npm ci && node make_world_map.mjs ../../assets/map/world_110m.bin
// package.json pins the exact versions of world-atlas, topojson-client and earcut.
//
// What it does: merges the countries into land (topojson-client's merge, so coast and borders
// share one topology), leaves out Antarctica (no partner city is there, and it would take a
// fifth of the frame), keeps rings cut at the 180th meridian whole, splits edges longer than a
// degree so they follow the projection's curves,
// projects everything with the Equal Earth projection (Šavrič, Patterson & Jenny 2018) onto the
// unit sphere, triangulates each land polygon with earcut in the projected plane (where the
// kiosk draws them, so no triangle flips), and writes the triangles and the borders between
// countries (topojson-client's mesh of shared arcs) as 16-bit coordinates.
//
// It writes two levels of detail: the world at a glance, simplified (Douglas-Peucker) to about a
// pixel of a full-screen map and without the smallest islands, which the kiosk draws until the
// visitor zooms in; and every point of the 1:110m shapes.
//
// The file (little-endian), read by src/ui/widgets/world_map_model.cpp:
//   char[8] "PLZWMAP1"; u32 version = 2; u32 projection = 1 (Equal Earth);
//   f32 x_min, y_min, x_max, y_max: the projected extent the coordinates are quantized over
//       (y grows north);
//   u32 levels; then for each level, coarsest first:
//     f32 tolerance (how far its lines may stray from the full shapes, in map units);
//     u32 land_vertices, land_triangles, border_points, border_lines;
//     land_vertices × (u16 x, u16 y); land_triangles × 3 × u16 vertex index;
//     border_lines × u16 point count; border_points × (u16 x, u16 y);
//   u32 FNV-1a hash of every byte before it.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature, merge, mesh } from "topojson-client";
import earcut from "earcut";

const require = createRequire(import.meta.url);
const topology = require("world-atlas/countries-110m.json");
const out = process.argv[2];
if (!out) {
    console.error("usage: node make_world_map.mjs OUT.bin");
    process.exit(2);
}

// Equal Earth on the unit sphere; the kiosk's C++ (world_map_model.cpp) is the same formula.
const A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796, M = Math.sqrt(3) / 2;
function project([lon, lat]) {
    const l = (lon * Math.PI) / 180, p = (lat * Math.PI) / 180;
    const t = Math.asin(M * Math.sin(p)), t2 = t * t, t6 = t2 * t2 * t2;
    const x = (l * Math.cos(t)) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
    const y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    return [x, y];
}

// The same line with no jump of more than 180° in longitude between neighbours: Natural Earth
// cuts Russia and Fiji at the 180th meridian, and a ring that jumps from +180 to -180 would be
// drawn across the whole map. Their far ends then stand a few degrees past the map's edge.
function unwrap(points) {
    const result = [points[0]];
    for (let i = 1; i < points.length; i++) {
        let [lon, lat] = points[i];
        const previous = result[i - 1][0];
        while (lon - previous > 180) lon -= 360;
        while (lon - previous < -180) lon += 360;
        result.push([lon, lat]);
    }
    return result;
}

// Points along a line of lon/lat points, no two more than `step` degrees apart.
function densify(points, step = 1) {
    const result = [points[0]];
    for (let i = 1; i < points.length; i++) {
        const [x0, y0] = points[i - 1], [x1, y1] = points[i];
        const n = Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) / step);
        for (let k = 1; k <= n; k++) result.push([x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n]);
    }
    return result;
}

const land = merge(topology, topology.objects.countries.geometries);
const polygons = land.coordinates.filter((rings) => Math.max(...rings[0].map((p) => p[1])) > -60);
const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b).coordinates;

const rings = polygons.map((p) => p.map((ring) => densify(unwrap(ring)).map(project)));
const lines = borders.map((line) => densify(unwrap(line)).map(project));
const all = rings.flat(2).concat(lines.flat());
const extent = [
    Math.min(...all.map((p) => p[0])) - 0.001, Math.min(...all.map((p) => p[1])) - 0.001,
    Math.max(...all.map((p) => p[0])) + 0.001, Math.max(...all.map((p) => p[1])) + 0.001,
];
const quantize = ([x, y]) => [
    Math.round(((x - extent[0]) / (extent[2] - extent[0])) * 65535),
    Math.round(((y - extent[1]) / (extent[3] - extent[1])) * 65535),
];

// Douglas-Peucker in the projected plane: the fewest points within `tolerance` of the line.
function simplify(points, tolerance) {
    const keep = new Uint8Array(points.length);
    keep[0] = keep[points.length - 1] = 1;
    const stack = [[0, points.length - 1]];
    while (stack.length) {
        const [a, b] = stack.pop();
        const [ax, ay] = points[a], [bx, by] = points[b];
        const dx = bx - ax, dy = by - ay, length = Math.hypot(dx, dy);
        let far = -1, farthest = tolerance;
        for (let i = a + 1; i < b; i++) {
            const [px, py] = points[i];
            const d = length > 0 ? Math.abs(dy * (px - ax) - dx * (py - ay)) / length
                                 : Math.hypot(px - ax, py - ay);
            if (d > farthest) far = i, farthest = d;
        }
        if (far >= 0) keep[far] = 1, stack.push([a, far], [far, b]);
    }
    return points.filter((_, i) => keep[i]);
}

function area(ring) {
    let sum = 0;
    for (let i = 1; i < ring.length; i++)
        sum += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
    return Math.abs(sum) / 2;
}

// One level of detail: land triangles and border lines, simplified to `tolerance` map units,
// without islands and lakes smaller than `minArea` square units (0 keeps everything).
function level(tolerance, minArea) {
    const vertices = [], triangles = [];
    for (const polygon of rings) {
        const [outer, ...holes] = polygon.map((r) => (tolerance ? simplify(r, tolerance) : r));
        if (outer.length < 4 || area(outer) < minArea) continue;
        const kept = [outer, ...holes.filter((r) => r.length >= 4 && area(r) >= minArea)];
        const flat = [], starts = [], base = vertices.length;
        for (const ring of kept) {
            if (flat.length) starts.push(flat.length / 2);
            // GeoJSON rings repeat their first point at the end; earcut wants it once.
            for (const p of ring.slice(0, -1)) {
                const q = quantize(p);
                flat.push(q[0], q[1]);
                vertices.push(q);
            }
        }
        for (const i of earcut(flat, starts)) triangles.push(base + i);
    }
    if (vertices.length > 65535) throw new Error(`${vertices.length} land vertices do not fit u16`);
    const borderLines = lines.map((l) => (tolerance ? simplify(l, tolerance) : l).map(quantize));
    return { tolerance, vertices, triangles, borderLines };
}

// The whole world at a glance (a pixel is about 0.004 units on a 1,920-pixel screen), then every
// point of the 1:110m shapes for closer views.
const levels = [level(0.004, 0.00005), level(0, 0)];

let size = 8 + 4 * 3 + 4 * 4 + 4;
for (const l of levels) {
    const points = l.borderLines.reduce((n, b) => n + b.length, 0);
    size += 5 * 4 + l.vertices.length * 4 + l.triangles.length * 2 + l.borderLines.length * 2 +
            points * 4;
}
const buf = Buffer.alloc(size);
let at = buf.write("PLZWMAP1", 0, "latin1");
at = buf.writeUInt32LE(2, at);
at = buf.writeUInt32LE(1, at);
for (const v of extent) at = buf.writeFloatLE(v, at);
at = buf.writeUInt32LE(levels.length, at);
for (const { tolerance, vertices, triangles, borderLines } of levels) {
    const borderPoints = borderLines.reduce((n, b) => n + b.length, 0);
    at = buf.writeFloatLE(tolerance, at);
    for (const n of [vertices.length, triangles.length / 3, borderPoints, borderLines.length])
        at = buf.writeUInt32LE(n, at);
    for (const [x, y] of vertices) at = buf.writeUInt16LE(y, buf.writeUInt16LE(x, at));
    for (const i of triangles) at = buf.writeUInt16LE(i, at);
    for (const b of borderLines) at = buf.writeUInt16LE(b.length, at);
    for (const b of borderLines)
        for (const [x, y] of b) at = buf.writeUInt16LE(y, buf.writeUInt16LE(x, at));
    console.log(`level: ${vertices.length} land vertices, ${triangles.length / 3} triangles, ` +
                `${borderLines.length} borders of ${borderPoints} points`);
}
let hash = 0x811c9dc5;
for (let i = 0; i < at; i++) hash = Math.imul(hash ^ buf[i], 0x01000193) >>> 0;
at = buf.writeUInt32LE(hash, at);
if (at !== size) throw new Error(`wrote ${at} of ${size} bytes`);
writeFileSync(out, buf);
console.log(`${out}: ${size} bytes`);
