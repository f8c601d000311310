import type { RecordWithdrawal } from '@/api/governance'

/** What a record that stands (not withdrawn) says of its withdrawal: the tests' records spread it in. */
export const STANDING: RecordWithdrawal = { state: 'RECORDED', withdrawnAt: null, withdrawnBy: null, withdrawalReason: null }
