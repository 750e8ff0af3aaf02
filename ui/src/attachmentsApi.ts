// Typed calls for PDFs attached to orders. A file travels as raw bytes (not a JSON array), its order and name in headers.
import { call } from "./api";
import type { Attachment } from "./bindings/Attachment";

export const listAttachments = (order: string) => call<Attachment[]>("attachments_list", { order });

export async function addAttachment(order: string, file: File): Promise<Attachment> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const headers = { "x-kontor-order": encodeURIComponent(order), "x-kontor-file-name": encodeURIComponent(file.name) };
  return call<Attachment>("attachments_add", bytes, { headers });
}

/** The attachment's bytes, checked against its SHA-256 by the core. */
export const readAttachment = (id: number) => call<ArrayBuffer>("attachments_read", { id }).then((buffer) => new Uint8Array(buffer));
export const removeAttachment = (id: number) => call<Attachment>("attachments_remove", { id });
/** Opens the system save dialog; the path written, or null when cancelled. */
export const saveAttachment = (id: number) => call<string | null>("attachments_save", { id });
