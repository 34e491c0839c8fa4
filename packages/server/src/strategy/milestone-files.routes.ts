import { idParamSchema, milestoneFileSchema } from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { type CapabilityRoutes, created, routeOptions } from '../plugins/route.ts';
import { SIGNED_IN } from '../policy.ts';
import {
  DEFAULT_UPLOAD_LIMIT_BYTES,
  readUploadedFile,
  registerMultipart,
  uploadBodySchema,
} from '../uploads/multipart.ts';
import { deleteMilestoneFile, readMilestoneFile, storeMilestoneFile } from './milestone-files.service.ts';

const route = routeOptions('strategy');

/**
 * Evidence files of milestones: upload (project writers and the milestone's owner), download (staff and the owner),
 * delete. Signed in by policy; the service answers 404 to whoever may not see the milestone and 403 to staff who may
 * see but not change it. The upload is in its own scope, with multipart parsing and the uploads module's size limit.
 */
export const milestoneFileRoutes = defineRoutes('strategy', async (api, app, deps) => {
  api.download('/api/milestone-files/:id', SIGNED_IN, readMilestoneFile, {
    summary: 'Download an evidence file of a milestone (header x-content-sha256)',
    produces: ['application/pdf', 'image/png', 'image/jpeg'],
  });
  api.delete('/api/milestone-files/:id', SIGNED_IN, deleteMilestoneFile, {
    summary: 'Delete an evidence file of a milestone (project writers and its owner)',
  });
  await app.register(uploadRoute, deps);
});

const uploadRoute: CapabilityRoutes = async (app) => {
  const limit = DEFAULT_UPLOAD_LIMIT_BYTES;
  await registerMultipart(app, limit);
  app.post(
    '/api/milestones/:id/files',
    route(
      SIGNED_IN,
      'Upload evidence of a milestone (multipart field "file": PDF, PNG or JPEG, at most 10 MiB)',
      {
        consumes: ['multipart/form-data'],
        body: uploadBodySchema('A PDF, PNG or JPEG file, at most 10 MiB'),
        params: idParamSchema,
        response: { 201: milestoneFileSchema },
      },
    ),
    async (request, reply) => {
      const file = await readUploadedFile(request, limit);
      return created(reply, await storeMilestoneFile(request.ctx, request.params.id, file));
    },
  );
};
