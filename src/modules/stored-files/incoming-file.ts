import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** What the service needs of an uploaded file: the name the client gave it and its bytes. */
export class IncomingFile {
  constructor(
    readonly name: string,
    readonly bytes: Buffer,
  ) {}
}

interface MulterFile {
  originalname: string;
  buffer: Buffer;
}

/** The file multer (FileInterceptor, memory storage) took from the request, if any. */
export const UploadedAttachment = createParamDecorator(
  (_data: unknown, context: ExecutionContext): IncomingFile | undefined => {
    const file = context.switchToHttp().getRequest<{ file?: MulterFile }>().file;
    return file ? new IncomingFile(file.originalname, file.buffer) : undefined;
  },
);
