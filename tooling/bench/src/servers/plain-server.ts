/**
 * @module The limit for the mock-server benchmark: a bare `node:http` server that reads the body and answers
 * one fixed JST success body. Run as its own process: `tsx plain-server.ts <port>`.
 */
import { createServer } from 'node:http';

const fixedBody = JSON.stringify({
  jst_sms_message_send_response: {
    request_code: 'success',
    request_success: true,
    request_id: 'r4lu3uaf87g2',
    module: '341623067818673604^0',
    message: 'success',
  },
});

const port = Number(process.argv[2] ?? 0);
const server = createServer((request, response) => {
  // Read the body like any real server must, then answer the fixed bytes.
  request.on('data', () => {});
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
    response.end(fixedBody);
  });
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
