import { createElement } from 'lwc';
import PortalLeaderboard from 'c/portalLeaderboard';
import getLeaderboard from '@salesforce/apex/AdvocateProgressController.getLeaderboard';

jest.mock(
  '@salesforce/apex/AdvocateProgressController.getLeaderboard',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock('@salesforce/user/isGuest', () => ({ default: true }), { virtual: true });

describe('c-portal-leaderboard for a guest', () => {
  it('renders nothing and never asks the server', async () => {
    const element = createElement('c-portal-leaderboard', { is: PortalLeaderboard });
    document.body.appendChild(element);
    await Promise.resolve();
    expect(getLeaderboard as unknown as jest.Mock).not.toHaveBeenCalled();
    expect(element.shadowRoot!.querySelector('lightning-card')).toBeNull();
    expect(element.shadowRoot!.textContent).toBe('');
  });
});
