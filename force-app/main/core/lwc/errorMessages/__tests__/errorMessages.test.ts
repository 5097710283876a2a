import { reduceErrors } from 'c/errorMessages';

describe('reduceErrors', () => {
  it('reads the sentence of an AuraHandledException', () => {
    expect(
      reduceErrors({ body: { message: 'The referral code ABC is unknown; check the link.' } })
    ).toEqual(['The referral code ABC is unknown; check the link.']);
  });

  it('reads page and field errors of a failed DML', () => {
    const error = {
      body: {
        output: {
          pageErrors: [{ message: 'Enter a valid email address for the referred person.' }],
          fieldErrors: { Email__c: [{ message: 'Email is required.' }] }
        }
      }
    };
    expect(reduceErrors(error)).toEqual([
      'Enter a valid email address for the referred person.',
      'Email is required.'
    ]);
  });

  it('flattens lists, drops duplicates and blanks', () => {
    expect(
      reduceErrors([
        new Error('Network down'),
        'Network down',
        { body: [{ message: 'Row 2 failed.' }] },
        null
      ])
    ).toEqual(['Network down', 'Row 2 failed.']);
  });

  it('never returns an empty list for a real error without text', () => {
    expect(reduceErrors({ body: {} })).toEqual([
      'Something went wrong and Salesforce gave no details; reload the page and try again.'
    ]);
    expect(reduceErrors(undefined)).toEqual([]);
  });
});
