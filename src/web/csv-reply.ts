// How the pages' CSV downloads answer: the file as an attachment, or 400 with each problem on its own line (plain
// text: a CSV link has no page to show an error summary on).
import type { FastifyReply } from 'fastify';

export const csvDownload = (reply: FastifyReply, filename: string, body: unknown) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(body);

export const csvProblems = (reply: FastifyReply, problems: readonly { message: string }[]) =>
  reply
    .code(400)
    .type('text/plain; charset=utf-8')
    .send(problems.map((p) => p.message).join('\n'));
