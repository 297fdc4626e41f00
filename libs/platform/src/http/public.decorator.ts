import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'techbridge:public';

/** No key needed; a valid key, if sent, still identifies the caller (e.g. the owner sees more). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
