import { imageSize } from "image-size";
import { sniffFormat, type ImageFormat } from "./sniff.ts";
import { readContainer, type Container } from "./container.ts";

/**
 * What an image declares about itself, read in JavaScript from its bytes without decoding any
 * pixel (the privileged report job reads photos from a pull request this way: no native codec
 * ever sees them there). Dimensions come from `image-size`; the metadata blocks and anything
 * that is not image data come from walking the container (container.ts).
 */
export interface ImageHeader extends Container {
  format: ImageFormat;
  width?: number;
  height?: number;
}

export function readImageHeader(bytes: Buffer): ImageHeader {
  const format = sniffFormat(bytes);
  const header: ImageHeader = { format, ...readContainer(bytes, format) };
  try {
    const size = imageSize(bytes);
    header.width = size.width;
    header.height = size.height;
  } catch {
    // No readable dimensions: the caller reports the file as unreadable.
  }
  return header;
}
