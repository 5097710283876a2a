import { createElement } from 'lwc';
import PortalLeaderboard from 'c/portalLeaderboard';
import getLeaderboard from '@salesforce/apex/AdvocateProgressController.getLeaderboard';
import board from './data/board.json';

jest.mock(
  '@salesforce/apex/AdvocateProgressController.getLeaderboard',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock('@salesforce/user/isGuest', () => ({ default: false }), { virtual: true });
jest.mock('@salesforce/i18n/locale', () => ({ default: 'en-US' }), { virtual: true });

const getMock = getLeaderboard as unknown as jest.Mock;

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-portal-leaderboard', { is: PortalLeaderboard });
  document.body.appendChild(element);
  await flush();
  return element;
}

describe('c-portal-leaderboard', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('shows where an advocate who has not opted in would stand and how to opt in', async () => {
    getMock.mockResolvedValue(board);
    const element = await mount();
    const root = element.shadowRoot!;
    expect(root.querySelector('.standing')!.textContent).toBe(
      'You are not on the leaderboard. With your score you would be number 3 of 4.'
    );
    expect(root.querySelector('.how-to-join')!.textContent).toContain(
      'switch on "Show me on the leaderboard" on your profile page'
    );
    const names = [...root.querySelectorAll('.board .name')].map((c) => c.textContent);
    expect(names).toEqual(['Grace H.', 'Alan T.', 'Ken T.']);
    const ranks = [...root.querySelectorAll('.board .rank')].map((c) => c.textContent);
    expect(ranks).toEqual(['1', '1', '3']);
  });

  it("marks the advocate's own row once opted in and hides the how-to", async () => {
    getMock.mockResolvedValue({
      ...board,
      optedIn: true,
      entries: [
        ...board.entries.slice(0, 2),
        { rank: 3, displayName: 'Ada L.', score: 50, isMe: true }
      ]
    });
    const element = await mount();
    const root = element.shadowRoot!;
    expect(root.querySelector('.standing')!.textContent).toBe(
      'You are number 3 of 4 on the leaderboard.'
    );
    expect(root.querySelector('.how-to-join')).toBeNull();
    const me = root.querySelector('tr.me .name')!;
    expect(me.textContent).toBe('Ada L. (you)');
  });

  it('says when the advocate has no score and nobody joined yet', async () => {
    getMock.mockResolvedValue({
      optedIn: false,
      myScore: null,
      myRank: null,
      participants: 0,
      entries: []
    });
    const element = await mount();
    const root = element.shadowRoot!;
    expect(root.querySelector('.standing')!.textContent).toBe(
      'You have no score yet: your first referral gives you one.'
    );
    expect(root.querySelector('.empty')!.textContent).toBe(
      'No advocate has joined the leaderboard yet.'
    );
  });

  it('shows an error panel when loading fails', async () => {
    getMock.mockRejectedValue({ body: { message: 'No advocate.' } });
    const element = await mount();
    expect(element.shadowRoot!.querySelector('c-error-panel')).not.toBeNull();
  });
});
