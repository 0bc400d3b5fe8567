import { childKindRefusal, disciplineAccountRefusal, regionRefusal, roleHomeRefusal } from './directory-rules';

describe('directory rules', () => {
  it('places offices, host units and discipline bodies where the tree allows', () => {
    expect(childKindRefusal('PROVINCIAL_OFFICE', 'CITY_OFFICE')).toBeNull();
    expect(childKindRefusal('CITY_OFFICE', 'HOST_UNIT')).toBeNull();
    expect(childKindRefusal('CITY_OFFICE', 'PROVINCIAL_OFFICE')).toMatch(/cannot be placed/);
    expect(childKindRefusal('HOST_UNIT', 'HOST_UNIT')).toMatch(/cannot be placed/);
  });

  it('keeps each role in its kind of organization', () => {
    expect(roleHomeRefusal('HOST_UNIT_OPERATOR', 'HOST_UNIT')).toBeNull();
    expect(roleHomeRefusal('HOST_UNIT_OPERATOR', 'CITY_OFFICE')).toMatch(/belongs to a HOST_UNIT/);
    expect(roleHomeRefusal('DISCIPLINE_OFFICER', 'DISCIPLINE_BODY')).toBeNull();
    expect(roleHomeRefusal('HANDLER', 'DISCIPLINE_BODY')).not.toBeNull();
  });

  it('leaves a discipline body\'s accounts to the level above the office it supervises, or the central office', () => {
    const body = { kind: 'DISCIPLINE_BODY' as const, parentId: 5 };
    expect(disciplineAccountRefusal({ organizationId: 5, organizationKind: 'CITY_OFFICE' }, body)).toMatch(/level above/);
    expect(disciplineAccountRefusal({ organizationId: 3, organizationKind: 'PROVINCIAL_OFFICE' }, body)).toBeNull();
    expect(disciplineAccountRefusal({ organizationId: 1, organizationKind: 'CENTRAL_OFFICE' }, { kind: 'DISCIPLINE_BODY', parentId: 1 })).toBeNull();
    expect(disciplineAccountRefusal({ organizationId: 3, organizationKind: 'PROVINCIAL_OFFICE' }, { kind: 'DISCIPLINE_BODY', parentId: 3 })).toMatch(/level above/);
    expect(disciplineAccountRefusal({ organizationId: 5, organizationKind: 'CITY_OFFICE' }, { kind: 'HOST_UNIT', parentId: 5 })).toBeNull();
  });

  it('keeps a child inside its parent region', () => {
    expect(regionRefusal('440000', '440300')).toBeNull();
    expect(regionRefusal('000000', '330100')).toBeNull();
    expect(regionRefusal('440000', '330100')).toMatch(/outside/);
  });
});
