// Runtime features newer than Chrome 78 that the application or its libraries call, each added
// by its own core-js module (syntax is lowered by the build; these are library functions).
// test/e2e/bundle.test.ts scans the built chunks and fails when a call below Chrome 79's level
// appears without its module here.

import 'core-js/modules/es.array.at.js';
import 'core-js/modules/es.array.find-last.js';
import 'core-js/modules/es.array.find-last-index.js';
import 'core-js/modules/es.array.to-reversed.js';
import 'core-js/modules/es.array.to-sorted.js';
import 'core-js/modules/es.array.to-spliced.js';
import 'core-js/modules/es.array.with.js';
import 'core-js/modules/es.aggregate-error.js';
import 'core-js/modules/es.error.cause.js';
import 'core-js/modules/es.map.group-by.js';
import 'core-js/modules/es.object.group-by.js';
import 'core-js/modules/es.object.has-own.js';
import 'core-js/modules/es.promise.any.js';
import 'core-js/modules/es.promise.with-resolvers.js';
import 'core-js/modules/es.string.at-alternative.js';
import 'core-js/modules/es.string.match-all.js';
import 'core-js/modules/es.string.replace-all.js';
import 'core-js/modules/web.structured-clone.js';
