import type { ComplaintStatus } from '@complaints/domain';

/**
 * The colour of a complaint's status tag on the case page and the public stage page: an extra,
 * never the only signal (the tag's text names the status).
 */
export const STATUS_TAG_CLASS: Record<ComplaintStatus, string> = {
  REGISTERED: 'tag--grey',
  IN_REVIEW: '',
  DECIDED: 'tag--green',
  ESCALATED: 'tag--orange',
  COURT_REFERRED: 'tag--yellow',
  WITHDRAWN: 'tag--grey',
};
