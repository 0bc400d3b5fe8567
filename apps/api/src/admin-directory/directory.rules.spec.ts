import { childKindRefusal, regionRefusal, roleHomeRefusal } from './directory.rules';

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

  it('keeps a child inside its parent region', () => {
    expect(regionRefusal('440000', '440300')).toBeNull();
    expect(regionRefusal('000000', '330100')).toBeNull();
    expect(regionRefusal('440000', '330100')).toMatch(/outside/);
  });
});
