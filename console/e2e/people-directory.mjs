// Checks that reporting-service's people directory reads the REAL Keycloak: the notices the demo in
// progress caused reached the demo users' own addresses (the realm's `email`), each unit's notices
// only the officers of that unit (the realm's `unit` attribute), the claims to verify the
// supervisor. Reads the stack's GreenMail over IMAP (any password; the address is the user).
//
//   RECT_IMAP_PORT=8186 node e2e/people-directory.mjs
//
// Called by `deploy/local/stack test` after the browser test, on the end-to-end stack.
import net from 'node:net'

const port = Number(process.env.RECT_IMAP_PORT ?? 8186)
const deadline = Date.now() + Number(process.env.RECT_PEOPLE_WAIT_SECONDS ?? 180) * 1000

/** Every message in the address's INBOX, as { subject, body } with MIME decoded. */
async function mailbox(address) {
  const socket = net.connect(port, '127.0.0.1')
  socket.setEncoding('latin1') // bytes as they are; decoded per part below
  let buffer = ''
  let waiting = null
  socket.on('data', (chunk) => { buffer += chunk; waiting?.() })
  const until = (pattern) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`IMAP: no ${pattern} from 127.0.0.1:${port}`)), 30000)
    waiting = () => {
      const match = buffer.match(pattern)
      if (match) { clearTimeout(timer); waiting = null; const text = buffer; buffer = ''; resolve(text) }
    }
    waiting()
  })
  await new Promise((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject) })
  await until(/^\* OK.*\r\n/m)
  let tag = 0
  const command = async (line) => {
    tag += 1
    socket.write(`a${tag} ${line}\r\n`)
    const answer = await until(new RegExp(`^a${tag} (OK|NO|BAD).*\\r\\n`, 'm'))
    if (!new RegExp(`^a${tag} OK`, 'm').test(answer)) throw new Error(`IMAP ${line.split(' ')[0]}: ${answer.trim()}`)
    return answer
  }
  await command(`LOGIN "${address}" "${address}"`)
  const selected = await command('SELECT INBOX')
  const count = Number(selected.match(/\* (\d+) EXISTS/)?.[1] ?? 0)
  const messages = []
  for (let i = 1; i <= count; i += 1) {
    const answer = await command(`FETCH ${i} BODY.PEEK[]`)
    const raw = answer.slice(answer.indexOf('\r\n') + 2, answer.lastIndexOf(')'))
    messages.push(decode(raw))
  }
  await command('LOGOUT').catch(() => {})
  socket.destroy()
  return messages
}

function decode(raw) {
  const split = raw.indexOf('\r\n\r\n')
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const header = (name) => headers.match(new RegExp(`^${name}:\\s*(.*)$`, 'mi'))?.[1] ?? ''
  const bytes = (latin1) => Buffer.from(latin1, 'latin1')
  const subject = header('Subject').replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=\s*/gi, (_, _charset, kind, text) =>
    (kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64')
      : bytes(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16))))).toString('utf8'))
  let body = raw.slice(split + 4)
  const encoding = header('Content-Transfer-Encoding').toLowerCase()
  if (encoding === 'base64') body = Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8')
  else if (encoding === 'quoted-printable') {
    body = bytes(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16)))).toString('utf8')
  } else body = bytes(body).toString('utf8')
  return { subject, body }
}

const unitOf = (message) => message.body.match(/责任单位[:：](.+)/)?.[1]?.trim()
const ofUnits = (messages) => messages.filter((m) => /【(任务逾期|销号申请被退回)】/.test(m.subject))

/** Waits until what the demo caused has been mailed (reporting-service sends every few seconds). */
async function eventually(check) {
  for (;;) {
    try { return await check() } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 3000))
    }
  }
}

const failures = []
await eventually(async () => {
  const ducha = await mailbox('ducha@rectification.local')
  if (!ducha.some((m) => m.subject.startsWith('【销号待核验】'))) {
    throw new Error(`ducha@rectification.local (督查室, supervisor): no 【销号待核验】 among ${ducha.length} mails`)
  }
  console.log(`people: ducha@rectification.local has ${ducha.length} mails, claims to verify among them`)
})
// Which units the demo's overdue tasks and rejections fall on depends on the day it runs: at least one
// unit officer must have had a notice of the unit's own tasks, and no officer any other unit's.
const officers = [['dzb@rectification.local', '党政办公室'], ['zsj@rectification.local', '招商局']]
await eventually(async () => {
  const received = await Promise.all(officers.map(async ([address]) => ofUnits(await mailbox(address))))
  if (received.every((units) => units.length === 0)) {
    throw new Error(`no unit officer (${officers.map(([a]) => a).join(', ')}) had a notice of a task of the unit`)
  }
  officers.forEach(([address, unit], i) => {
    const elsewhere = received[i].filter((m) => unitOf(m) !== unit)
    if (elsewhere.length > 0) {
      failures.push(`${address} (${unit}) got another unit's notice: ${elsewhere[0].subject} (${unitOf(elsewhere[0])})`)
    }
    console.log(`people: ${address} has ${received[i].length} notices of ${unit}'s tasks`)
  })
}).catch((error) => failures.push(error.message))
if (failures.length > 0) {
  console.error('people directory: FAILED\n  ' + failures.join('\n  '))
  process.exit(1)
}
console.log('people directory: the real Keycloak\'s users, units and addresses reached the right mailboxes')
