/** A report's original files (附件), served as they were published, byte for byte. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getReports } from '../../../utils/content';
import type { AttachmentFile } from '../../../domain/attachments';

export const getStaticPaths = (async () =>
  (await getReports()).flatMap((report) =>
    report.attachments.map((file) => ({ params: { year: String(report.year), name: file.name }, props: { file } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { file } = props as { file: AttachmentFile };
  return new Response(Buffer.from(file.data), { headers: { 'Content-Type': file.mediaType } });
};
