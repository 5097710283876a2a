import { LightningElement, api } from 'lwc';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import isGuest from '@salesforce/user/isGuest';
import HEADING from '@salesforce/label/c.Portal_Nav_Heading';
import HOME from '@salesforce/label/c.Portal_Nav_Home';
import REFER from '@salesforce/label/c.Portal_Nav_Refer';
import MY_REFERRALS from '@salesforce/label/c.Portal_Nav_My_Referrals';
import MY_REWARDS from '@salesforce/label/c.Portal_Nav_My_Rewards';
import CATALOG from '@salesforce/label/c.Portal_Nav_Catalog';
import MY_PROFILE from '@salesforce/label/c.Portal_Nav_My_Profile';
import SIGN_IN from '@salesforce/label/c.Portal_Nav_Sign_In';

/** The advocate pages, by the API name of their route in the Referral Portal site. */
export const MEMBER_PAGES = [
  { name: 'Home', label: HOME },
  { name: 'Submit_Referral__c', label: REFER },
  { name: 'My_Referrals__c', label: MY_REFERRALS },
  { name: 'My_Rewards__c', label: MY_REWARDS },
  { name: 'Reward_Catalog__c', label: CATALOG },
  { name: 'My_Profile__c', label: MY_PROFILE }
];

interface NavItem {
  name: string;
  label: string;
  url: string;
  pageReference: PageReference;
}

type Navigator = {
  [NavigationMixin.Navigate](pageReference: PageReference): void;
  [NavigationMixin.GenerateUrl](pageReference: PageReference): Promise<string>;
};

/** Portal header navigation between the advocate pages; guests get a sign-in link only. */
export default class PortalNavigation extends NavigationMixin(LightningElement) {
  /** Shown before the links. */
  @api heading?: string;

  items: NavItem[] = [];

  /** The heading set in Experience Builder (translatable there), else the translated default. */
  get headingText(): string {
    return this.heading || HEADING;
  }
  isGuest = isGuest;

  override connectedCallback(): void {
    this.buildItems();
  }

  async buildItems(): Promise<void> {
    const pages = this.isGuest
      ? [
          {
            name: 'Login',
            label: SIGN_IN,
            type: 'comm__loginPage',
            attributes: { actionName: 'login' }
          }
        ]
      : MEMBER_PAGES.map((page) => ({
          ...page,
          type: 'comm__namedPage',
          attributes: { name: page.name }
        }));
    const navigator = this as unknown as Navigator;
    this.items = await Promise.all(
      pages.map(async (page) => {
        const pageReference = { type: page.type, attributes: page.attributes };
        return {
          name: page.name,
          label: page.label,
          pageReference,
          url: await navigator[NavigationMixin.GenerateUrl](pageReference)
        };
      })
    );
  }

  handleClick(event: Event): void {
    event.preventDefault();
    const name = (event.currentTarget as HTMLElement).dataset.name;
    const item = this.items.find((candidate) => candidate.name === name);
    if (item) (this as unknown as Navigator)[NavigationMixin.Navigate](item.pageReference);
  }
}
