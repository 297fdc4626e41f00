import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const PUBLIC_ROUTE = 'techbridge:public';

/**
 * No key needed; a valid key, if sent, still identifies the caller (e.g. the owner sees more). The
 * OpenAPI document says so: the operation's key is optional there (see createOpenApiDocument).
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension('x-public', true));
