// npm run print-schema: rewrites schema/schema.graphql from the resolvers.
import { buildApiSchema } from '../api/schema.js';
import { sdlPath, writeSdlIfChanged } from '../api/sdl-file.js';

const changed = writeSdlIfChanged(await buildApiSchema());
console.log(changed ? `wrote ${sdlPath}` : `${sdlPath} is up to date`);
