import { picklistLabel } from 'c/picklistLabels';

describe('picklistLabel', () => {
  it('turns API values into their labels', () => {
    expect(picklistLabel('MILESTONE', 'WON')).toBe('Won');
    expect(picklistLabel('REWARD_TYPE', 'CASH')).toBe('Cash');
    expect(picklistLabel('REFERRAL_STATUS', 'In Review')).toBe('In Review');
    expect(picklistLabel('REWARD_STATUS', 'Reversed')).toBe('Reversed');
    expect(picklistLabel('ENTRY_TYPE', 'Redemption')).toBe('Redemption');
    expect(picklistLabel('ADVOCATE_STATUS', 'Active')).toBe('Active');
    expect(picklistLabel('REDEMPTION_STATUS', 'Fulfilled')).toBe('Fulfilled');
  });

  it('shows an unknown value as it is and a blank one as nothing', () => {
    expect(picklistLabel('MILESTONE', 'RENEWED')).toBe('RENEWED');
    expect(picklistLabel('REWARD_STATUS', null)).toBe('');
    expect(picklistLabel('REWARD_STATUS', undefined)).toBe('');
  });

  it('reads the labels, not the API names (a translation would change them)', () => {
    jest.isolateModules(() => {
      jest.doMock('@salesforce/label/c.Core_Milestone_Won', () => ({ default: 'Gewonnen' }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { picklistLabel: translated } = require('c/picklistLabels');
      expect(translated('MILESTONE', 'WON')).toBe('Gewonnen');
    });
  });
});
