/**
 * Regenerates the illustrated sample photos in assets/ (run: npx tsx tests/support/make-sample-photos.ts).
 * They are drawn here, so the repository holds no third-party image and no camera metadata.
 */
import sharp from "sharp";
import { mkdir } from "node:fs/promises";
import path from "node:path";

interface Scene {
  file: string;
  sky: [string, string];
  ground: string;
  extra: string;
}

const W = 1200;
const H = 800;
const hills = (color: string, y: number, amp: number, phase: number) => {
  let d = `M0 ${H} L0 ${y}`;
  for (let x = 0; x <= W; x += 40) d += ` L${x} ${(y + Math.sin(x / 180 + phase) * amp).toFixed(1)}`;
  return `<path d="${d} L${W} ${H} Z" fill="${color}"/>`;
};
const house = (x: number, y: number, s: number, wall: string, roof: string) =>
  `<rect x="${x}" y="${y}" width="${120 * s}" height="${80 * s}" fill="${wall}"/>` +
  `<polygon points="${x - 15 * s},${y} ${x + 60 * s},${y - 55 * s} ${x + 135 * s},${y}" fill="${roof}"/>` +
  `<rect x="${x + 45 * s}" y="${y + 35 * s}" width="${30 * s}" height="${45 * s}" fill="#5b4636"/>`;
const tree = (x: number, y: number, s: number) =>
  `<rect x="${x - 6 * s}" y="${y}" width="${12 * s}" height="${50 * s}" fill="#6b4f2a"/>` +
  `<circle cx="${x}" cy="${y - 10 * s}" r="${38 * s}" fill="#3f7d3a"/><circle cx="${x - 25 * s}" cy="${y + 5 * s}" r="${25 * s}" fill="#4c8c45"/>`;
const stalls = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const x = 80 + i * 220;
    const c = ["#d9534f", "#f0ad4e", "#5bc0de", "#5cb85c", "#9b59b6"][i % 5];
    return (
      `<rect x="${x}" y="520" width="170" height="110" fill="#f5ecd7"/><polygon points="${x - 10},520 ${x + 85},460 ${x + 180},520" fill="${c}"/>` +
      Array.from({ length: 5 }, (_, j) => `<circle cx="${x + 25 + j * 30}" cy="600" r="12" fill="${["#e74c3c", "#f39c12", "#27ae60"][j % 3]}"/>`).join("")
    );
  }).join("");
const people = (n: number, y: number) =>
  Array.from({ length: n }, (_, i) => {
    const x = 120 + i * (900 / n) + (i % 2) * 30;
    return `<circle cx="${x}" cy="${y}" r="18" fill="#f1c27d"/><rect x="${x - 20}" y="${y + 20}" width="40" height="70" rx="12" fill="${["#2e86de", "#e84393", "#10ac84", "#ff9f43"][i % 4]}"/>`;
  }).join("");

const scenes: Scene[] = [
  { file: "2026/09/asaichi.jpg", sky: ["#9fd3f5", "#f8f4e3"], ground: "#8fbf6a", extra: hills("#7aa95a", 470, 25, 1) + stalls(5) + people(7, 650) },
  {
    file: "2026/09/kosodate-hiroba.jpg",
    sky: ["#fde2c8", "#fff8ef"],
    ground: "#d9c7a7",
    extra: `<rect x="0" y="560" width="${W}" height="240" fill="#e8d5b5"/>${people(6, 560)}<rect x="850" y="300" width="220" height="160" fill="#fff" stroke="#c9a86a" stroke-width="8"/>`,
  },
  {
    file: "2026/10/coworking.jpg",
    sky: ["#b8e0f2", "#eef7f2"],
    ground: "#94b86b",
    extra: hills("#6f9b4e", 430, 40, 2) + house(380, 430, 3, "#caa472", "#5a3d2b") + tree(180, 480, 1.6) + tree(1050, 470, 1.4),
  },
  {
    file: "2026/10/library-ehon.jpg",
    sky: ["#f4efe6", "#fbf8f2"],
    ground: "#c8b08a",
    extra:
      Array.from(
        { length: 6 },
        (_, i) =>
          `<rect x="${60 + i * 190}" y="120" width="160" height="380" fill="#8b5e3c"/>${Array.from({ length: 8 }, (_, j) => `<rect x="${70 + i * 190 + j * 18}" y="140" width="14" height="90" fill="${["#c0392b", "#2980b9", "#27ae60", "#f1c40f"][(i + j) % 4]}"/>`).join("")}`,
      ).join("") + people(5, 600),
  },
  {
    file: "2026/10/bakery.jpg",
    sky: ["#f7d9b0", "#fff3e0"],
    ground: "#b08850",
    extra: `<rect x="150" y="300" width="900" height="330" fill="#f6e7cf"/><rect x="150" y="250" width="900" height="60" fill="#a0522d"/>${Array.from({ length: 12 }, (_, i) => `<ellipse cx="${220 + i * 70}" cy="${520 + (i % 2) * 40}" rx="30" ry="20" fill="#c68642"/>`).join("")}`,
  },
  {
    file: "2026/11/bousai.jpg",
    sky: ["#cfe3f3", "#f2f6f9"],
    ground: "#a3a3a3",
    extra: `<rect x="0" y="520" width="${W}" height="280" fill="#b5b5b5"/><rect x="700" y="360" width="380" height="170" rx="20" fill="#c0392b"/><circle cx="780" cy="540" r="35" fill="#333"/><circle cx="1000" cy="540" r="35" fill="#333"/>${people(6, 600)}`,
  },
  {
    file: "2026/11/satoyama.jpg",
    sky: ["#f9c784", "#fbe9d0"],
    ground: "#6e8b3d",
    extra: hills("#86a85a", 420, 50, 0.5) + hills("#5f7f34", 520, 30, 2.5) + tree(200, 560, 1.3) + tree(320, 600, 1.1) + tree(950, 580, 1.5) + people(3, 640),
  },
  {
    file: "2026/11/remote-work.jpg",
    sky: ["#e3eef8", "#f8fbfd"],
    ground: "#d8d2c4",
    extra: `<rect x="100" y="480" width="1000" height="30" fill="#8b6b4a"/>${Array.from({ length: 4 }, (_, i) => `<rect x="${170 + i * 240}" y="380" width="150" height="100" rx="6" fill="#2d3436"/><rect x="${178 + i * 240}" y="388" width="134" height="84" fill="#74b9ff"/>`).join("")}${people(4, 560)}`,
  },
];

for (const scene of scenes) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
  <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${scene.sky[0]}"/><stop offset="1" stop-color="${scene.sky[1]}"/></linearGradient></defs>
  <rect width="${W}" height="${H}" fill="url(#s)"/><circle cx="1030" cy="120" r="60" fill="#fff6c8" opacity="0.8"/>
  <rect y="${H * 0.62}" width="${W}" height="${H * 0.38}" fill="${scene.ground}"/>${scene.extra}</svg>`;
  // A little grain so the JPEG behaves like a photo rather than flat vector art.
  const noise = await sharp({ create: { width: W, height: H, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 10 } } })
    .png()
    .toBuffer();
  const out = path.join("assets", scene.file);
  await mkdir(path.dirname(out), { recursive: true });
  await sharp(Buffer.from(svg))
    .composite([{ input: noise, blend: "soft-light" }])
    .jpeg({ quality: 80, mozjpeg: true })
    .toFile(out);
}
console.log(`${scenes.length} photos written`);
