// The link farm in its own process, so that the checker being measured does not share an
// event loop (or a CPU share) with the servers it checks. Driven over IPC by farm-process.ts.
import { startLinkFarm, type FarmHostOptions, type LinkFarm } from '../../tests/support/link-farm.js';

type Msg = { type: 'start'; hosts: FarmHostOptions[] } | { type: 'reset' } | { type: 'snapshot' } | { type: 'close' };

let farm: LinkFarm | undefined;
// A bench that dies must not leave servers behind.
process.on('disconnect', () => process.exit(0));
const reply = (m: unknown) => process.send!(m);

process.on('message', async (m: Msg) => {
  switch (m.type) {
    case 'start':
      farm = await startLinkFarm(m.hosts);
      reply({ type: 'ready', ports: Object.fromEntries(farm.hosts.map((h) => [h.ip, h.port])) });
      break;
    case 'reset':
      farm!.reset();
      reply({ type: 'done' });
      break;
    case 'snapshot':
      reply({
        type: 'snapshot',
        hosts: farm!.hosts.map((h) => ({
          ip: h.ip,
          tooMany: h.tooMany,
          peakInFlight: h.peakInFlight,
          connections: h.connections,
          requests: h.requests.map((r) => [r.path, r.status]),
        })),
      });
      break;
    case 'close':
      await farm?.close();
      reply({ type: 'done' });
      process.disconnect();
      break;
  }
});
