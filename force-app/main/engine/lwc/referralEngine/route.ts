/** docs/rules.md section 4, `route`: who owns a referral lead. */
import type { RouteInput, RouteResult, RoutingPolicy } from './types';
import { invalid, optStr, reqArr, reqBool, reqEnum, reqObj, root } from './validate';

const POLICIES: readonly RoutingPolicy[] = ['ADVOCATE_OWNER', 'QUEUE', 'ASSIGNMENT_RULES'];

/** The owner of a referral lead: a protected account owner, the advocate's owner, the queue, or the assignment rules. */
export function route(input: RouteInput): RouteResult {
  const o = root(input as unknown, 'input');
  const policy = reqEnum(o, 'policy', '', POLICIES);
  const protect = reqBool(o, 'protectExistingAccounts', '');
  const queueId = optStr(o, 'queueId', '');
  const advocate = reqObj(o, 'advocate', '');
  const relationshipOwnerId = optStr(advocate, 'relationshipOwnerId', 'advocate');
  const accountOwnerId = optStr(advocate, 'accountOwnerId', 'advocate');
  const matched = optStr(o, 'matchedAccountOwnerId', '');
  const active = reqArr(o, 'activeUserIds', '');
  for (let i = 0; i < active.length; i++) {
    if (typeof active[i] !== 'string') {
      // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
      invalid(`activeUserIds[${i}]`, 'must be a string');
    }
  }
  // activeUserIds holds strings only, so null is never found.
  const isActive = (id: string | null): id is string => active.indexOf(id) >= 0;
  if (protect && isActive(matched)) {
    return { ownerId: matched, route: 'EXISTING_ACCOUNT_OWNER' };
  }
  if (policy === 'ADVOCATE_OWNER') {
    if (isActive(relationshipOwnerId)) {
      return { ownerId: relationshipOwnerId, route: 'ADVOCATE_OWNER' };
    }
    if (isActive(accountOwnerId)) {
      return { ownerId: accountOwnerId, route: 'ADVOCATE_OWNER' };
    }
  }
  if (policy !== 'ASSIGNMENT_RULES' && queueId !== null && queueId !== '') {
    return { ownerId: queueId, route: 'QUEUE' };
  }
  return { ownerId: null, route: 'ASSIGNMENT_RULES' };
}
