import { createElement } from 'lwc';
import PortalNavigation from 'c/portalNavigation';

jest.mock('@salesforce/user/isGuest', () => ({ default: true }), { virtual: true });

describe('c-portal-navigation for a guest', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('offers only the sign-in link, never the member pages', async () => {
    const element = createElement('c-portal-navigation', { is: PortalNavigation });
    document.body.appendChild(element);
    let settled = Promise.resolve();
    for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
    await settled;
    const links = [...element.shadowRoot!.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).toEqual(['Sign in']);
    expect(element.shadowRoot!.querySelector('nav')!.getAttribute('aria-label')).toBe(
      'Referral Portal'
    );
  });
});
