import { createElement } from 'lwc';
import PortalNavigation from 'c/portalNavigation';
import labels from './data/pages.json';

jest.mock('@salesforce/user/isGuest', () => ({ default: false }), { virtual: true });

function flush(): Promise<void> {
  let settled = Promise.resolve();
  for (let i = 0; i < 10; i++) settled = settled.then(() => undefined);
  return settled;
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-portal-navigation', { is: PortalNavigation });
  document.body.appendChild(element);
  await flush();
  return element;
}

describe('c-portal-navigation', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('links every advocate page with a generated URL', async () => {
    const element = await mount();
    const links = [...element.shadowRoot!.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).toEqual(labels);
    expect(links[0].getAttribute('href')).toBe('https://www.example.com');
  });

  it('navigates in place when a link is clicked', async () => {
    const element = await mount();
    const link = element.shadowRoot!.querySelectorAll('a')[2];
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('is a labelled navigation landmark (accessibility)', async () => {
    const element = await mount();
    const nav = element.shadowRoot!.querySelector('nav')!;
    expect(nav.getAttribute('aria-label')).toBe('Referral Portal');
  });
});
