/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AssignComplaint($id: ID!, $expectedVersion: Int!, $assigneeId: ID) {\n  assignComplaint(\n    id: $id\n    expectedVersion: $expectedVersion\n    assigneeId: $assigneeId\n  ) {\n    ...ComplaintState\n    assignee {\n      id\n      displayName\n    }\n  }\n}": typeof types.AssignComplaintDocument,
    "query AssignableUsers {\n  users {\n    id\n    displayName\n    role\n    active\n  }\n}": typeof types.AssignableUsersDocument,
    "query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n  auditLog(filter: $filter, first: $first, after: $after) {\n    records {\n      id\n      at\n      actorId\n      actor\n      action\n      entityType\n      entityId\n      hash\n      changeJson\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}": typeof types.AuditLogDocument,
    "query Authorities {\n  authorities {\n    ...AuthorityName\n  }\n}": typeof types.AuthoritiesDocument,
    "query CalendarExceptions($year: Int!) {\n  calendarExceptions(year: $year) {\n    date\n    working\n    reason\n    source\n    holiday\n    transferredFrom\n  }\n}": typeof types.CalendarExceptionsDocument,
    "mutation ChangeUserRole($id: ID!, $role: Role!, $providerId: ID, $authorityId: ID) {\n  changeUserRole(\n    id: $id\n    role: $role\n    providerId: $providerId\n    authorityId: $authorityId\n  ) {\n    ...UserFields\n  }\n}": typeof types.ChangeUserRoleDocument,
    "fragment ComplaintDecision on Decision {\n  outcome\n  reasoning\n  remedialMeasures\n  decidedAt\n  decidedOn\n  decidedBy\n  onTime\n}": typeof types.ComplaintDecisionFragmentDoc,
    "query ComplaintList($filter: ComplaintFilter, $first: Int, $after: String) {\n  complaints(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        level\n        status\n        overdue\n        workingDaysLeft\n        registration {\n          incomingNumber\n          responseDeadline\n        }\n        recipient {\n          kind\n          surname\n          givenName\n          organizationName\n          accessibilityNeeds\n        }\n        provider {\n          ...ProviderName\n        }\n        assignee {\n          id\n          displayName\n        }\n      }\n    }\n  }\n}": typeof types.ComplaintListDocument,
    "query ComplaintStage($incomingNumber: String!, $trackingCode: String!) {\n  complaintStage(incomingNumber: $incomingNumber, trackingCode: $trackingCode) {\n    incomingNumber\n    level\n    status\n    responseDeadline\n    outcome\n    decidedOn\n  }\n}": typeof types.ComplaintStageDocument,
    "fragment ComplaintState on Complaint {\n  id\n  status\n  version\n  availableActions\n}": typeof types.ComplaintStateFragmentDoc,
    "query Complaint($id: ID!) {\n  complaint(id: $id) {\n    ...ComplaintState\n    level\n    channel\n    subject\n    description\n    signature\n    official\n    overdue\n    workingDaysLeft\n    recipient {\n      ...RecipientDetails\n      iin\n      bin\n      email\n      phone\n    }\n    registration {\n      ...RegistrationStamp\n    }\n    decision {\n      ...ComplaintDecision\n    }\n    courtReferral {\n      ...CourtReferralFields\n    }\n    provider {\n      ...ProviderName\n      region\n    }\n    authority {\n      ...AuthorityName\n      region\n    }\n    publicService {\n      code\n      nameKk\n      nameRu\n    }\n    parent {\n      id\n      status\n      registration {\n        ...RegistrationStamp\n      }\n    }\n    escalation {\n      id\n      status\n      registration {\n        ...RegistrationStamp\n      }\n    }\n    assignee {\n      id\n      displayName\n    }\n    history {\n      at\n      actor\n      action\n      fromStatus\n      toStatus\n      note\n    }\n    notices {\n      id\n      kind\n      channel\n      addressee\n      destination\n      accessibilityNeeds\n      createdAt\n      deliveredAt\n      status\n      deliveredHow\n      deliveredOn\n      lastError\n    }\n    consents {\n      ...ConsentFields\n    }\n  }\n}": typeof types.ComplaintDocument,
    "query ComplianceMetrics($filter: MetricsFilter!, $groupBy: MetricsGroupBy!) {\n  complianceMetrics(filter: $filter, groupBy: $groupBy) {\n    key\n    label\n    total\n    decided\n    decidedOnTime\n    openOverdue\n    onTimeRate\n    escalated\n    upheld\n    courtReferred\n    medianWorkingDaysToDecision\n  }\n}": typeof types.ComplianceMetricsDocument,
    "fragment ConsentFields on Consent {\n  id\n  scope\n  signedBy\n  method\n  signedOn\n  evidence\n  recordedAt\n  revokedAt\n  active\n}": typeof types.ConsentFieldsFragmentDoc,
    "fragment CourtReferralFields on CourtReferral {\n  court\n  filedOn\n  caseNumber\n}": typeof types.CourtReferralFieldsFragmentDoc,
    "mutation CreateUser($input: NewUserInput!) {\n  createUser(input: $input) {\n    ...UserFields\n  }\n}": typeof types.CreateUserDocument,
    "mutation DeactivateUser($id: ID!) {\n  deactivateUser(id: $id) {\n    id\n    active\n  }\n}": typeof types.DeactivateUserDocument,
    "mutation DecideComplaint($id: ID!, $expectedVersion: Int!, $input: DecisionInput!) {\n  decideComplaint(id: $id, expectedVersion: $expectedVersion, input: $input) {\n    ...ComplaintState\n    decision {\n      ...ComplaintDecision\n    }\n  }\n}": typeof types.DecideComplaintDocument,
    "mutation EscalateComplaint($id: ID!, $input: EscalationInput!) {\n  escalateComplaint(id: $id, input: $input) {\n    trackingCode\n    complaint {\n      ...ComplaintState\n      registration {\n        ...RegistrationStamp\n      }\n    }\n  }\n}": typeof types.EscalateComplaintDocument,
    "mutation FileComplaint($input: FileComplaintInput!) {\n  fileComplaint(input: $input) {\n    trackingCode\n    complaint {\n      ...ComplaintState\n      registration {\n        ...RegistrationStamp\n      }\n    }\n  }\n}": typeof types.FileComplaintDocument,
    "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    role\n    displayName\n  }\n}": typeof types.LoginDocument,
    "query Me {\n  me {\n    id\n    provider {\n      ...ProviderName\n      postalAddress\n    }\n  }\n}": typeof types.MeDocument,
    "fragment ProviderName on Provider {\n  id\n  nameKk\n  nameRu\n}\n\nfragment AuthorityName on Authority {\n  id\n  nameKk\n  nameRu\n}": typeof types.ProviderNameFragmentDoc,
    "query PreviewCalendarDay($date: LocalDate!, $working: Boolean!, $reason: String!) {\n  previewCalendarDay(date: $date, working: $working, reason: $reason) {\n    complaintId\n    incomingNumber\n    previousDeadline\n    newDeadline\n  }\n}": typeof types.PreviewCalendarDayDocument,
    "query Providers {\n  providers {\n    ...ProviderName\n  }\n}": typeof types.ProvidersDocument,
    "query PublicServices($search: String) {\n  publicServices(search: $search) {\n    code\n    nameKk\n    nameRu\n  }\n}": typeof types.PublicServicesDocument,
    "query Receipt($id: ID!) {\n  complaint(id: $id) {\n    id\n    level\n    status\n    channel\n    subject\n    signature\n    registration {\n      ...RegistrationStamp\n    }\n    provider {\n      ...ProviderName\n      postalAddress\n    }\n    authority {\n      ...AuthorityName\n      postalAddress\n    }\n    publicService {\n      code\n      nameKk\n      nameRu\n    }\n    recipient {\n      ...RecipientDetails\n    }\n  }\n}": typeof types.ReceiptDocument,
    "fragment RecipientDetails on Recipient {\n  kind\n  surname\n  givenName\n  patronymic\n  organizationName\n  outgoingNumber\n  outgoingDate\n  postalAddress\n  accessibilityNeeds\n}": typeof types.RecipientDetailsFragmentDoc,
    "mutation RecordConsent($complaintId: ID!, $input: ConsentInput!) {\n  recordConsent(complaintId: $complaintId, input: $input) {\n    ...ConsentFields\n  }\n}": typeof types.RecordConsentDocument,
    "mutation ReferToCourt($id: ID!, $input: CourtReferralInput!) {\n  referToCourt(id: $id, input: $input) {\n    ...ComplaintState\n    courtReferral {\n      ...CourtReferralFields\n    }\n  }\n}": typeof types.ReferToCourtDocument,
    "fragment RegistrationStamp on Registration {\n  incomingNumber\n  registeredAt\n  registeredOn\n  acceptedBy\n  responseDeadline\n  responsePlace\n}": typeof types.RegistrationStampFragmentDoc,
    "mutation RevokeConsent($id: ID!) {\n  revokeConsent(id: $id) {\n    ...ConsentFields\n  }\n}": typeof types.RevokeConsentDocument,
    "mutation SetCalendarDay($date: LocalDate!, $working: Boolean!, $reason: String!) {\n  setCalendarDay(date: $date, working: $working, reason: $reason) {\n    date\n    working\n    reason\n    source\n  }\n}": typeof types.SetCalendarDayDocument,
    "mutation StartReview($id: ID!, $expectedVersion: Int!) {\n  startReview(id: $id, expectedVersion: $expectedVersion) {\n    ...ComplaintState\n  }\n}": typeof types.StartReviewDocument,
    "fragment UserFields on User {\n  id\n  email\n  displayName\n  role\n  active\n  provider {\n    ...ProviderName\n  }\n  authority {\n    ...AuthorityName\n  }\n}": typeof types.UserFieldsFragmentDoc,
    "query Users {\n  users {\n    ...UserFields\n  }\n  providers {\n    ...ProviderName\n    region\n  }\n  authorities {\n    ...AuthorityName\n    region\n  }\n}": typeof types.UsersDocument,
    "query VerifyAuditLog {\n  verifyAuditLog {\n    valid\n    checked\n    firstInvalidId\n  }\n}": typeof types.VerifyAuditLogDocument,
    "mutation WithdrawComplaint($id: ID!, $expectedVersion: Int!, $reason: String!) {\n  withdrawComplaint(id: $id, expectedVersion: $expectedVersion, reason: $reason) {\n    ...ComplaintState\n  }\n}": typeof types.WithdrawComplaintDocument,
};
const documents: Documents = {
    "mutation AssignComplaint($id: ID!, $expectedVersion: Int!, $assigneeId: ID) {\n  assignComplaint(\n    id: $id\n    expectedVersion: $expectedVersion\n    assigneeId: $assigneeId\n  ) {\n    ...ComplaintState\n    assignee {\n      id\n      displayName\n    }\n  }\n}": types.AssignComplaintDocument,
    "query AssignableUsers {\n  users {\n    id\n    displayName\n    role\n    active\n  }\n}": types.AssignableUsersDocument,
    "query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n  auditLog(filter: $filter, first: $first, after: $after) {\n    records {\n      id\n      at\n      actorId\n      actor\n      action\n      entityType\n      entityId\n      hash\n      changeJson\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}": types.AuditLogDocument,
    "query Authorities {\n  authorities {\n    ...AuthorityName\n  }\n}": types.AuthoritiesDocument,
    "query CalendarExceptions($year: Int!) {\n  calendarExceptions(year: $year) {\n    date\n    working\n    reason\n    source\n    holiday\n    transferredFrom\n  }\n}": types.CalendarExceptionsDocument,
    "mutation ChangeUserRole($id: ID!, $role: Role!, $providerId: ID, $authorityId: ID) {\n  changeUserRole(\n    id: $id\n    role: $role\n    providerId: $providerId\n    authorityId: $authorityId\n  ) {\n    ...UserFields\n  }\n}": types.ChangeUserRoleDocument,
    "fragment ComplaintDecision on Decision {\n  outcome\n  reasoning\n  remedialMeasures\n  decidedAt\n  decidedOn\n  decidedBy\n  onTime\n}": types.ComplaintDecisionFragmentDoc,
    "query ComplaintList($filter: ComplaintFilter, $first: Int, $after: String) {\n  complaints(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        level\n        status\n        overdue\n        workingDaysLeft\n        registration {\n          incomingNumber\n          responseDeadline\n        }\n        recipient {\n          kind\n          surname\n          givenName\n          organizationName\n          accessibilityNeeds\n        }\n        provider {\n          ...ProviderName\n        }\n        assignee {\n          id\n          displayName\n        }\n      }\n    }\n  }\n}": types.ComplaintListDocument,
    "query ComplaintStage($incomingNumber: String!, $trackingCode: String!) {\n  complaintStage(incomingNumber: $incomingNumber, trackingCode: $trackingCode) {\n    incomingNumber\n    level\n    status\n    responseDeadline\n    outcome\n    decidedOn\n  }\n}": types.ComplaintStageDocument,
    "fragment ComplaintState on Complaint {\n  id\n  status\n  version\n  availableActions\n}": types.ComplaintStateFragmentDoc,
    "query Complaint($id: ID!) {\n  complaint(id: $id) {\n    ...ComplaintState\n    level\n    channel\n    subject\n    description\n    signature\n    official\n    overdue\n    workingDaysLeft\n    recipient {\n      ...RecipientDetails\n      iin\n      bin\n      email\n      phone\n    }\n    registration {\n      ...RegistrationStamp\n    }\n    decision {\n      ...ComplaintDecision\n    }\n    courtReferral {\n      ...CourtReferralFields\n    }\n    provider {\n      ...ProviderName\n      region\n    }\n    authority {\n      ...AuthorityName\n      region\n    }\n    publicService {\n      code\n      nameKk\n      nameRu\n    }\n    parent {\n      id\n      status\n      registration {\n        ...RegistrationStamp\n      }\n    }\n    escalation {\n      id\n      status\n      registration {\n        ...RegistrationStamp\n      }\n    }\n    assignee {\n      id\n      displayName\n    }\n    history {\n      at\n      actor\n      action\n      fromStatus\n      toStatus\n      note\n    }\n    notices {\n      id\n      kind\n      channel\n      addressee\n      destination\n      accessibilityNeeds\n      createdAt\n      deliveredAt\n      status\n      deliveredHow\n      deliveredOn\n      lastError\n    }\n    consents {\n      ...ConsentFields\n    }\n  }\n}": types.ComplaintDocument,
    "query ComplianceMetrics($filter: MetricsFilter!, $groupBy: MetricsGroupBy!) {\n  complianceMetrics(filter: $filter, groupBy: $groupBy) {\n    key\n    label\n    total\n    decided\n    decidedOnTime\n    openOverdue\n    onTimeRate\n    escalated\n    upheld\n    courtReferred\n    medianWorkingDaysToDecision\n  }\n}": types.ComplianceMetricsDocument,
    "fragment ConsentFields on Consent {\n  id\n  scope\n  signedBy\n  method\n  signedOn\n  evidence\n  recordedAt\n  revokedAt\n  active\n}": types.ConsentFieldsFragmentDoc,
    "fragment CourtReferralFields on CourtReferral {\n  court\n  filedOn\n  caseNumber\n}": types.CourtReferralFieldsFragmentDoc,
    "mutation CreateUser($input: NewUserInput!) {\n  createUser(input: $input) {\n    ...UserFields\n  }\n}": types.CreateUserDocument,
    "mutation DeactivateUser($id: ID!) {\n  deactivateUser(id: $id) {\n    id\n    active\n  }\n}": types.DeactivateUserDocument,
    "mutation DecideComplaint($id: ID!, $expectedVersion: Int!, $input: DecisionInput!) {\n  decideComplaint(id: $id, expectedVersion: $expectedVersion, input: $input) {\n    ...ComplaintState\n    decision {\n      ...ComplaintDecision\n    }\n  }\n}": types.DecideComplaintDocument,
    "mutation EscalateComplaint($id: ID!, $input: EscalationInput!) {\n  escalateComplaint(id: $id, input: $input) {\n    trackingCode\n    complaint {\n      ...ComplaintState\n      registration {\n        ...RegistrationStamp\n      }\n    }\n  }\n}": types.EscalateComplaintDocument,
    "mutation FileComplaint($input: FileComplaintInput!) {\n  fileComplaint(input: $input) {\n    trackingCode\n    complaint {\n      ...ComplaintState\n      registration {\n        ...RegistrationStamp\n      }\n    }\n  }\n}": types.FileComplaintDocument,
    "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    role\n    displayName\n  }\n}": types.LoginDocument,
    "query Me {\n  me {\n    id\n    provider {\n      ...ProviderName\n      postalAddress\n    }\n  }\n}": types.MeDocument,
    "fragment ProviderName on Provider {\n  id\n  nameKk\n  nameRu\n}\n\nfragment AuthorityName on Authority {\n  id\n  nameKk\n  nameRu\n}": types.ProviderNameFragmentDoc,
    "query PreviewCalendarDay($date: LocalDate!, $working: Boolean!, $reason: String!) {\n  previewCalendarDay(date: $date, working: $working, reason: $reason) {\n    complaintId\n    incomingNumber\n    previousDeadline\n    newDeadline\n  }\n}": types.PreviewCalendarDayDocument,
    "query Providers {\n  providers {\n    ...ProviderName\n  }\n}": types.ProvidersDocument,
    "query PublicServices($search: String) {\n  publicServices(search: $search) {\n    code\n    nameKk\n    nameRu\n  }\n}": types.PublicServicesDocument,
    "query Receipt($id: ID!) {\n  complaint(id: $id) {\n    id\n    level\n    status\n    channel\n    subject\n    signature\n    registration {\n      ...RegistrationStamp\n    }\n    provider {\n      ...ProviderName\n      postalAddress\n    }\n    authority {\n      ...AuthorityName\n      postalAddress\n    }\n    publicService {\n      code\n      nameKk\n      nameRu\n    }\n    recipient {\n      ...RecipientDetails\n    }\n  }\n}": types.ReceiptDocument,
    "fragment RecipientDetails on Recipient {\n  kind\n  surname\n  givenName\n  patronymic\n  organizationName\n  outgoingNumber\n  outgoingDate\n  postalAddress\n  accessibilityNeeds\n}": types.RecipientDetailsFragmentDoc,
    "mutation RecordConsent($complaintId: ID!, $input: ConsentInput!) {\n  recordConsent(complaintId: $complaintId, input: $input) {\n    ...ConsentFields\n  }\n}": types.RecordConsentDocument,
    "mutation ReferToCourt($id: ID!, $input: CourtReferralInput!) {\n  referToCourt(id: $id, input: $input) {\n    ...ComplaintState\n    courtReferral {\n      ...CourtReferralFields\n    }\n  }\n}": types.ReferToCourtDocument,
    "fragment RegistrationStamp on Registration {\n  incomingNumber\n  registeredAt\n  registeredOn\n  acceptedBy\n  responseDeadline\n  responsePlace\n}": types.RegistrationStampFragmentDoc,
    "mutation RevokeConsent($id: ID!) {\n  revokeConsent(id: $id) {\n    ...ConsentFields\n  }\n}": types.RevokeConsentDocument,
    "mutation SetCalendarDay($date: LocalDate!, $working: Boolean!, $reason: String!) {\n  setCalendarDay(date: $date, working: $working, reason: $reason) {\n    date\n    working\n    reason\n    source\n  }\n}": types.SetCalendarDayDocument,
    "mutation StartReview($id: ID!, $expectedVersion: Int!) {\n  startReview(id: $id, expectedVersion: $expectedVersion) {\n    ...ComplaintState\n  }\n}": types.StartReviewDocument,
    "fragment UserFields on User {\n  id\n  email\n  displayName\n  role\n  active\n  provider {\n    ...ProviderName\n  }\n  authority {\n    ...AuthorityName\n  }\n}": types.UserFieldsFragmentDoc,
    "query Users {\n  users {\n    ...UserFields\n  }\n  providers {\n    ...ProviderName\n    region\n  }\n  authorities {\n    ...AuthorityName\n    region\n  }\n}": types.UsersDocument,
    "query VerifyAuditLog {\n  verifyAuditLog {\n    valid\n    checked\n    firstInvalidId\n  }\n}": types.VerifyAuditLogDocument,
    "mutation WithdrawComplaint($id: ID!, $expectedVersion: Int!, $reason: String!) {\n  withdrawComplaint(id: $id, expectedVersion: $expectedVersion, reason: $reason) {\n    ...ComplaintState\n  }\n}": types.WithdrawComplaintDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AssignComplaint($id: ID!, $expectedVersion: Int!, $assigneeId: ID) {\n  assignComplaint(\n    id: $id\n    expectedVersion: $expectedVersion\n    assigneeId: $assigneeId\n  ) {\n    ...ComplaintState\n    assignee {\n      id\n      displayName\n    }\n  }\n}"): (typeof documents)["mutation AssignComplaint($id: ID!, $expectedVersion: Int!, $assigneeId: ID) {\n  assignComplaint(\n    id: $id\n    expectedVersion: $expectedVersion\n    assigneeId: $assigneeId\n  ) {\n    ...ComplaintState\n    assignee {\n      id\n      displayName\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AssignableUsers {\n  users {\n    id\n    displayName\n    role\n    active\n  }\n}"): (typeof documents)["query AssignableUsers {\n  users {\n    id\n    displayName\n    role\n    active\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n  auditLog(filter: $filter, first: $first, after: $after) {\n    records {\n      id\n      at\n      actorId\n      actor\n      action\n      entityType\n      entityId\n      hash\n      changeJson\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}"): (typeof documents)["query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n  auditLog(filter: $filter, first: $first, after: $after) {\n    records {\n      id\n      at\n      actorId\n      actor\n      action\n      entityType\n      entityId\n      hash\n      changeJson\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Authorities {\n  authorities {\n    ...AuthorityName\n  }\n}"): (typeof documents)["query Authorities {\n  authorities {\n    ...AuthorityName\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CalendarExceptions($year: Int!) {\n  calendarExceptions(year: $year) {\n    date\n    working\n    reason\n    source\n    holiday\n    transferredFrom\n  }\n}"): (typeof documents)["query CalendarExceptions($year: Int!) {\n  calendarExceptions(year: $year) {\n    date\n    working\n    reason\n    source\n    holiday\n    transferredFrom\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChangeUserRole($id: ID!, $role: Role!, $providerId: ID, $authorityId: ID) {\n  changeUserRole(\n    id: $id\n    role: $role\n    providerId: $providerId\n    authorityId: $authorityId\n  ) {\n    ...UserFields\n  }\n}"): (typeof documents)["mutation ChangeUserRole($id: ID!, $role: Role!, $providerId: ID, $authorityId: ID) {\n  changeUserRole(\n    id: $id\n    role: $role\n    providerId: $providerId\n    authorityId: $authorityId\n  ) {\n    ...UserFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ComplaintDecision on Decision {\n  outcome\n  reasoning\n  remedialMeasures\n  decidedAt\n  decidedOn\n  decidedBy\n  onTime\n}"): (typeof documents)["fragment ComplaintDecision on Decision {\n  outcome\n  reasoning\n  remedialMeasures\n  decidedAt\n  decidedOn\n  decidedBy\n  onTime\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ComplaintList($filter: ComplaintFilter, $first: Int, $after: String) {\n  complaints(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        level\n        status\n        overdue\n        workingDaysLeft\n        registration {\n          incomingNumber\n          responseDeadline\n        }\n        recipient {\n          kind\n          surname\n          givenName\n          organizationName\n          accessibilityNeeds\n        }\n        provider {\n          ...ProviderName\n        }\n        assignee {\n          id\n          displayName\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query ComplaintList($filter: ComplaintFilter, $first: Int, $after: String) {\n  complaints(filter: $filter, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        level\n        status\n        overdue\n        workingDaysLeft\n        registration {\n          incomingNumber\n          responseDeadline\n        }\n        recipient {\n          kind\n          surname\n          givenName\n          organizationName\n          accessibilityNeeds\n        }\n        provider {\n          ...ProviderName\n        }\n        assignee {\n          id\n          displayName\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ComplaintStage($incomingNumber: String!, $trackingCode: String!) {\n  complaintStage(incomingNumber: $incomingNumber, trackingCode: $trackingCode) {\n    incomingNumber\n    level\n    status\n    responseDeadline\n    outcome\n    decidedOn\n  }\n}"): (typeof documents)["query ComplaintStage($incomingNumber: String!, $trackingCode: String!) {\n  complaintStage(incomingNumber: $incomingNumber, trackingCode: $trackingCode) {\n    incomingNumber\n    level\n    status\n    responseDeadline\n    outcome\n    decidedOn\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ComplaintState on Complaint {\n  id\n  status\n  version\n  availableActions\n}"): (typeof documents)["fragment ComplaintState on Complaint {\n  id\n  status\n  version\n  availableActions\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Complaint($id: ID!) {\n  complaint(id: $id) {\n    ...ComplaintState\n    level\n    channel\n    subject\n    description\n    signature\n    official\n    overdue\n    workingDaysLeft\n    recipient {\n      ...RecipientDetails\n      iin\n      bin\n      email\n      phone\n    }\n    registration {\n      ...RegistrationStamp\n    }\n    decision {\n      ...ComplaintDecision\n    }\n    courtReferral {\n      ...CourtReferralFields\n    }\n    provider {\n      ...ProviderName\n      region\n    }\n    authority {\n      ...AuthorityName\n      region\n    }\n    publicService {\n      code\n      nameKk\n      nameRu\n    }\n    parent {\n      id\n      status\n      registration {\n        ...RegistrationStamp\n      }\n    }\n    escalation {\n      id\n      status\n      registration {\n        ...RegistrationStamp\n      }\n    }\n    assignee {\n      id\n      displayName\n    }\n    history {\n      at\n      actor\n      action\n      fromStatus\n      toStatus\n      note\n    }\n    notices {\n      id\n      kind\n      channel\n      addressee\n      destination\n      accessibilityNeeds\n      createdAt\n      deliveredAt\n      status\n      deliveredHow\n      deliveredOn\n      lastError\n    }\n    consents {\n      ...ConsentFields\n    }\n  }\n}"): (typeof documents)["query Complaint($id: ID!) {\n  complaint(id: $id) {\n    ...ComplaintState\n    level\n    channel\n    subject\n    description\n    signature\n    official\n    overdue\n    workingDaysLeft\n    recipient {\n      ...RecipientDetails\n      iin\n      bin\n      email\n      phone\n    }\n    registration {\n      ...RegistrationStamp\n    }\n    decision {\n      ...ComplaintDecision\n    }\n    courtReferral {\n      ...CourtReferralFields\n    }\n    provider {\n      ...ProviderName\n      region\n    }\n    authority {\n      ...AuthorityName\n      region\n    }\n    publicService {\n      code\n      nameKk\n      nameRu\n    }\n    parent {\n      id\n      status\n      registration {\n        ...RegistrationStamp\n      }\n    }\n    escalation {\n      id\n      status\n      registration {\n        ...RegistrationStamp\n      }\n    }\n    assignee {\n      id\n      displayName\n    }\n    history {\n      at\n      actor\n      action\n      fromStatus\n      toStatus\n      note\n    }\n    notices {\n      id\n      kind\n      channel\n      addressee\n      destination\n      accessibilityNeeds\n      createdAt\n      deliveredAt\n      status\n      deliveredHow\n      deliveredOn\n      lastError\n    }\n    consents {\n      ...ConsentFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ComplianceMetrics($filter: MetricsFilter!, $groupBy: MetricsGroupBy!) {\n  complianceMetrics(filter: $filter, groupBy: $groupBy) {\n    key\n    label\n    total\n    decided\n    decidedOnTime\n    openOverdue\n    onTimeRate\n    escalated\n    upheld\n    courtReferred\n    medianWorkingDaysToDecision\n  }\n}"): (typeof documents)["query ComplianceMetrics($filter: MetricsFilter!, $groupBy: MetricsGroupBy!) {\n  complianceMetrics(filter: $filter, groupBy: $groupBy) {\n    key\n    label\n    total\n    decided\n    decidedOnTime\n    openOverdue\n    onTimeRate\n    escalated\n    upheld\n    courtReferred\n    medianWorkingDaysToDecision\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ConsentFields on Consent {\n  id\n  scope\n  signedBy\n  method\n  signedOn\n  evidence\n  recordedAt\n  revokedAt\n  active\n}"): (typeof documents)["fragment ConsentFields on Consent {\n  id\n  scope\n  signedBy\n  method\n  signedOn\n  evidence\n  recordedAt\n  revokedAt\n  active\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CourtReferralFields on CourtReferral {\n  court\n  filedOn\n  caseNumber\n}"): (typeof documents)["fragment CourtReferralFields on CourtReferral {\n  court\n  filedOn\n  caseNumber\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateUser($input: NewUserInput!) {\n  createUser(input: $input) {\n    ...UserFields\n  }\n}"): (typeof documents)["mutation CreateUser($input: NewUserInput!) {\n  createUser(input: $input) {\n    ...UserFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeactivateUser($id: ID!) {\n  deactivateUser(id: $id) {\n    id\n    active\n  }\n}"): (typeof documents)["mutation DeactivateUser($id: ID!) {\n  deactivateUser(id: $id) {\n    id\n    active\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DecideComplaint($id: ID!, $expectedVersion: Int!, $input: DecisionInput!) {\n  decideComplaint(id: $id, expectedVersion: $expectedVersion, input: $input) {\n    ...ComplaintState\n    decision {\n      ...ComplaintDecision\n    }\n  }\n}"): (typeof documents)["mutation DecideComplaint($id: ID!, $expectedVersion: Int!, $input: DecisionInput!) {\n  decideComplaint(id: $id, expectedVersion: $expectedVersion, input: $input) {\n    ...ComplaintState\n    decision {\n      ...ComplaintDecision\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EscalateComplaint($id: ID!, $input: EscalationInput!) {\n  escalateComplaint(id: $id, input: $input) {\n    trackingCode\n    complaint {\n      ...ComplaintState\n      registration {\n        ...RegistrationStamp\n      }\n    }\n  }\n}"): (typeof documents)["mutation EscalateComplaint($id: ID!, $input: EscalationInput!) {\n  escalateComplaint(id: $id, input: $input) {\n    trackingCode\n    complaint {\n      ...ComplaintState\n      registration {\n        ...RegistrationStamp\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FileComplaint($input: FileComplaintInput!) {\n  fileComplaint(input: $input) {\n    trackingCode\n    complaint {\n      ...ComplaintState\n      registration {\n        ...RegistrationStamp\n      }\n    }\n  }\n}"): (typeof documents)["mutation FileComplaint($input: FileComplaintInput!) {\n  fileComplaint(input: $input) {\n    trackingCode\n    complaint {\n      ...ComplaintState\n      registration {\n        ...RegistrationStamp\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    role\n    displayName\n  }\n}"): (typeof documents)["mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    role\n    displayName\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    id\n    provider {\n      ...ProviderName\n      postalAddress\n    }\n  }\n}"): (typeof documents)["query Me {\n  me {\n    id\n    provider {\n      ...ProviderName\n      postalAddress\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ProviderName on Provider {\n  id\n  nameKk\n  nameRu\n}\n\nfragment AuthorityName on Authority {\n  id\n  nameKk\n  nameRu\n}"): (typeof documents)["fragment ProviderName on Provider {\n  id\n  nameKk\n  nameRu\n}\n\nfragment AuthorityName on Authority {\n  id\n  nameKk\n  nameRu\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PreviewCalendarDay($date: LocalDate!, $working: Boolean!, $reason: String!) {\n  previewCalendarDay(date: $date, working: $working, reason: $reason) {\n    complaintId\n    incomingNumber\n    previousDeadline\n    newDeadline\n  }\n}"): (typeof documents)["query PreviewCalendarDay($date: LocalDate!, $working: Boolean!, $reason: String!) {\n  previewCalendarDay(date: $date, working: $working, reason: $reason) {\n    complaintId\n    incomingNumber\n    previousDeadline\n    newDeadline\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Providers {\n  providers {\n    ...ProviderName\n  }\n}"): (typeof documents)["query Providers {\n  providers {\n    ...ProviderName\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PublicServices($search: String) {\n  publicServices(search: $search) {\n    code\n    nameKk\n    nameRu\n  }\n}"): (typeof documents)["query PublicServices($search: String) {\n  publicServices(search: $search) {\n    code\n    nameKk\n    nameRu\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Receipt($id: ID!) {\n  complaint(id: $id) {\n    id\n    level\n    status\n    channel\n    subject\n    signature\n    registration {\n      ...RegistrationStamp\n    }\n    provider {\n      ...ProviderName\n      postalAddress\n    }\n    authority {\n      ...AuthorityName\n      postalAddress\n    }\n    publicService {\n      code\n      nameKk\n      nameRu\n    }\n    recipient {\n      ...RecipientDetails\n    }\n  }\n}"): (typeof documents)["query Receipt($id: ID!) {\n  complaint(id: $id) {\n    id\n    level\n    status\n    channel\n    subject\n    signature\n    registration {\n      ...RegistrationStamp\n    }\n    provider {\n      ...ProviderName\n      postalAddress\n    }\n    authority {\n      ...AuthorityName\n      postalAddress\n    }\n    publicService {\n      code\n      nameKk\n      nameRu\n    }\n    recipient {\n      ...RecipientDetails\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RecipientDetails on Recipient {\n  kind\n  surname\n  givenName\n  patronymic\n  organizationName\n  outgoingNumber\n  outgoingDate\n  postalAddress\n  accessibilityNeeds\n}"): (typeof documents)["fragment RecipientDetails on Recipient {\n  kind\n  surname\n  givenName\n  patronymic\n  organizationName\n  outgoingNumber\n  outgoingDate\n  postalAddress\n  accessibilityNeeds\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordConsent($complaintId: ID!, $input: ConsentInput!) {\n  recordConsent(complaintId: $complaintId, input: $input) {\n    ...ConsentFields\n  }\n}"): (typeof documents)["mutation RecordConsent($complaintId: ID!, $input: ConsentInput!) {\n  recordConsent(complaintId: $complaintId, input: $input) {\n    ...ConsentFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReferToCourt($id: ID!, $input: CourtReferralInput!) {\n  referToCourt(id: $id, input: $input) {\n    ...ComplaintState\n    courtReferral {\n      ...CourtReferralFields\n    }\n  }\n}"): (typeof documents)["mutation ReferToCourt($id: ID!, $input: CourtReferralInput!) {\n  referToCourt(id: $id, input: $input) {\n    ...ComplaintState\n    courtReferral {\n      ...CourtReferralFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RegistrationStamp on Registration {\n  incomingNumber\n  registeredAt\n  registeredOn\n  acceptedBy\n  responseDeadline\n  responsePlace\n}"): (typeof documents)["fragment RegistrationStamp on Registration {\n  incomingNumber\n  registeredAt\n  registeredOn\n  acceptedBy\n  responseDeadline\n  responsePlace\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeConsent($id: ID!) {\n  revokeConsent(id: $id) {\n    ...ConsentFields\n  }\n}"): (typeof documents)["mutation RevokeConsent($id: ID!) {\n  revokeConsent(id: $id) {\n    ...ConsentFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetCalendarDay($date: LocalDate!, $working: Boolean!, $reason: String!) {\n  setCalendarDay(date: $date, working: $working, reason: $reason) {\n    date\n    working\n    reason\n    source\n  }\n}"): (typeof documents)["mutation SetCalendarDay($date: LocalDate!, $working: Boolean!, $reason: String!) {\n  setCalendarDay(date: $date, working: $working, reason: $reason) {\n    date\n    working\n    reason\n    source\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartReview($id: ID!, $expectedVersion: Int!) {\n  startReview(id: $id, expectedVersion: $expectedVersion) {\n    ...ComplaintState\n  }\n}"): (typeof documents)["mutation StartReview($id: ID!, $expectedVersion: Int!) {\n  startReview(id: $id, expectedVersion: $expectedVersion) {\n    ...ComplaintState\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment UserFields on User {\n  id\n  email\n  displayName\n  role\n  active\n  provider {\n    ...ProviderName\n  }\n  authority {\n    ...AuthorityName\n  }\n}"): (typeof documents)["fragment UserFields on User {\n  id\n  email\n  displayName\n  role\n  active\n  provider {\n    ...ProviderName\n  }\n  authority {\n    ...AuthorityName\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Users {\n  users {\n    ...UserFields\n  }\n  providers {\n    ...ProviderName\n    region\n  }\n  authorities {\n    ...AuthorityName\n    region\n  }\n}"): (typeof documents)["query Users {\n  users {\n    ...UserFields\n  }\n  providers {\n    ...ProviderName\n    region\n  }\n  authorities {\n    ...AuthorityName\n    region\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query VerifyAuditLog {\n  verifyAuditLog {\n    valid\n    checked\n    firstInvalidId\n  }\n}"): (typeof documents)["query VerifyAuditLog {\n  verifyAuditLog {\n    valid\n    checked\n    firstInvalidId\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation WithdrawComplaint($id: ID!, $expectedVersion: Int!, $reason: String!) {\n  withdrawComplaint(id: $id, expectedVersion: $expectedVersion, reason: $reason) {\n    ...ComplaintState\n  }\n}"): (typeof documents)["mutation WithdrawComplaint($id: ID!, $expectedVersion: Int!, $reason: String!) {\n  withdrawComplaint(id: $id, expectedVersion: $expectedVersion, reason: $reason) {\n    ...ComplaintState\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;