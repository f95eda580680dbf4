export * from './attachments.service';
export type { AttachmentRow } from './attachments.repository';
export * from './comment';
export * from './comments.service';
export * from './content-type';
export * from './conversation.module';
export * from './storage';
export * from './thread';
export * from './virus-scanner';
