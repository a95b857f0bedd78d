// The yardstick for the server's start: a bare Fastify hello-world, started the same way (node, a port).
import Fastify from 'fastify';

const app = Fastify();
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
