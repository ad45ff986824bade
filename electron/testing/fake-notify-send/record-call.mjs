// The fake notify-send's body: appends its arguments as one JSON array line to $FAKE_NOTIFY_SEND_LOG.
import fs from 'node:fs';

const log = process.env.FAKE_NOTIFY_SEND_LOG;
if (log) fs.appendFileSync(log, `${JSON.stringify(process.argv.slice(2))}\n`);
