/** What an image file really is, read from its first bytes (never from its name). */
export type ImageFormat = "jpeg" | "png" | "gif" | "webp" | "avif" | "heic" | "svg" | "unknown";

export const SUPPORTED: readonly ImageFormat[] = ["jpeg", "png", "gif", "webp", "avif"];

export const EXTENSIONS: Record<string, ImageFormat> = {
  ".jpg": "jpeg",
  ".jpeg": "jpeg",
  ".png": "png",
  ".gif": "gif",
  ".webp": "webp",
  ".avif": "avif",
  ".heic": "heic",
  ".heif": "heic",
  ".svg": "svg",
};

export const FORMAT_NAMES: Record<ImageFormat, string> = {
  jpeg: "JPEG",
  png: "PNG",
  gif: "GIF",
  webp: "WebP",
  avif: "AVIF",
  heic: "HEIC",
  svg: "SVG",
  unknown: "画像ではないファイル",
};

export function sniffFormat(bytes: Uint8Array): ImageFormat {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (ascii(0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a") return "gif";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (ascii(4, 8) === "ftyp") {
    const size = Math.min(((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0, bytes.length, 64);
    const brands = [ascii(8, 12), ...Array.from({ length: Math.max(0, (size - 16) / 4) }, (_, i) => ascii(16 + i * 4, 20 + i * 4))];
    if (brands.some((b) => b === "avif" || b === "avis")) return "avif";
    if (brands.some((b) => ["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"].includes(b))) return "heic";
  }
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 512))
    .replace(/^\ufeff/, "")
    .trimStart()
    .toLowerCase();
  if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg")) || head.startsWith("<!doctype svg")) return "svg";
  return "unknown";
}
