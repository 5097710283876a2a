import { createElement } from 'lwc';
import ErrorPanel from 'c/errorPanel';

describe('c-error-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows the title and each sentence as an alert', async () => {
    const element = createElement('c-error-panel', { is: ErrorPanel });
    element.friendlyMessage = 'Rewards could not load.';
    element.errors = { body: { message: 'You do not have access to rewards; ask your admin.' } };
    document.body.appendChild(element);
    await Promise.resolve();

    const alert = element.shadowRoot!.querySelector('[role="alert"]');
    expect(alert).not.toBeNull();
    expect(alert!.textContent).toContain('Rewards could not load.');
    const items = [...element.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['You do not have access to rewards; ask your admin.']);
  });

  it('is accessible: the alert icon has alternative text', async () => {
    const element = createElement('c-error-panel', { is: ErrorPanel });
    element.errors = 'Failed';
    document.body.appendChild(element);
    await Promise.resolve();
    const icon = element.shadowRoot!.querySelector('lightning-icon') as HTMLElement & {
      alternativeText?: string;
    };
    expect(icon.alternativeText).toBe('Error');
  });
});
