import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { inputProblems } from './body-guard';
import { ProblemException } from './problem';
import { createValidationPipe } from './validation.pipe';
import { QueryInteger } from '../validation/query-integer';

class ContactDto {
  @IsString() name!: string;
  @IsEmail() email!: string;
}
class RegisterDto {
  @IsString() legalName!: string;
  @ValidateNested() @Type(() => ContactDto) contact!: ContactDto;
  @IsOptional() @ValidateNested() @Type(() => ContactDto) deputy?: ContactDto;
}
class PageDto {
  @IsOptional() @QueryInteger() @IsInt() @Min(1) @Max(100) limit?: number;
}

async function fieldsRefused(type: new () => unknown, value: unknown, where: 'body' | 'query' = 'body'): Promise<string[]> {
  try {
    await createValidationPipe().transform(value, { type: where, metatype: type });
    return [];
  } catch (e) {
    if (!(e instanceof ProblemException)) throw e;
    return (e.errors ?? []).map((x) => x.field);
  }
}

const contact = { name: '李明', email: 'li@example.cn' };

/** Issue 13 (found by the hostile-input suite): shapes class-validator let through into the handlers. */
describe('validation pipe: nested objects and query integers', () => {
  it('refuses a missing required nested object, and an array where an object belongs', async () => {
    expect(await fieldsRefused(RegisterDto, { legalName: 'x' })).toEqual(['contact']);
    expect(await fieldsRefused(RegisterDto, { legalName: 'x', contact: [] })).toEqual(['contact']);
    expect(await fieldsRefused(RegisterDto, { legalName: 'x', contact, deputy: [contact] })).toEqual(['deputy']);
    expect(await fieldsRefused(RegisterDto, { legalName: 'x', contact })).toEqual([]);
    expect(await fieldsRefused(RegisterDto, { legalName: 'x', contact, deputy: contact })).toEqual([]);
  });

  it('reads a query integer from plain digits only', async () => {
    for (const bad of ['0x10', '1e3', ' 5', '', '1.5', 'Infinity']) expect(await fieldsRefused(PageDto, { limit: bad }, 'query')).toEqual(['limit']);
    expect(await fieldsRefused(PageDto, { limit: '100' }, 'query')).toEqual([]);
    expect(await fieldsRefused(PageDto, { limit: '101' }, 'query')).toEqual(['limit']);
  });

  it('refuses prototype keys anywhere in a body or query before validation', () => {
    expect(inputProblems({ constructor: 'x', contact: { prototype: {} } }).map((p) => p.field).sort()).toEqual(['constructor', 'contact.prototype']);
    expect(inputProblems(JSON.parse('{"a":[{"__proto__":{"admin":true}}]}')).map((p) => p.field)).toEqual(['a[0].__proto__']);
    expect(inputProblems({ title: 'constructor prototype __proto__' })).toEqual([]);
  });
});
