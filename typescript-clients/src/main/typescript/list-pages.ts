// Lists every convention and every establishment of a running suite page by page, as a frontend would, with the
// clients generated from the committed OpenAPI documents (docs/openapi). It follows `next` until it is null (the last
// page) and the changes feeds until they are caught up, and exits non-zero on any failed request, on an item listed
// twice, on a cursor that comes back or when no last page comes within MAX_PAGES. It prints a JSON summary.
//
//   ACCESS_TOKEN=... node target/typescript/src/main/typescript/list-pages.js http://localhost:8081 http://localhost:8082
// ACCESS_TOKEN: a bearer token of the suite's identity provider (README, "Tokens"), sent with every request.
import * as conventionService from '../../../target/generated-sources/typescript/convention-service/index.js';
import * as registryService from '../../../target/generated-sources/typescript/enterprise-registry-service/index.js';

/** What the list operations of both documents return: a page of items and the cursor of the next page. */
interface Page<T> {
  items: T[];
  next: string | null;
}

/** Compiles only when T is true: a check made by the compiler. */
type Check<T extends true> = T;
// The documents must say that `next` is null on the last page: a client typed `next: string` breaks there.
export type ConventionsEndWithNull = Check<null extends conventionService.ConventionPage['next'] ? true : false>;
export type EstablishmentsEndWithNull = Check<null extends registryService.EstablishmentPage['next'] ? true : false>;

type FetchPage<T> = (cursor: string | undefined) => Promise<Page<T>>;

interface ListWalk<T> {
  /** Every item, in the order they came. */
  items: T[];
  ids: string[];
  pages: number;
}

interface FeedWalk {
  ids: Set<string>;
  pages: number;
}

// Small pages, so that even the demo data's three conventions take several.
const CONVENTIONS_PAGE_SIZE = 2;
const ESTABLISHMENTS_PAGE_SIZE = 100;
// A bound on the loop only: a cursor that comes back, or an item seen twice, fails well before.
const MAX_PAGES = 100_000;

/** Follows `next` from the first page to the one where it is null; every item shows once. */
async function walkList<T>(what: string, fetchPage: FetchPage<T>, idOf: (item: T) => string | undefined): Promise<ListWalk<T>> {
  const items: T[] = [];
  const ids: string[] = [];
  const seen = new Set<string>();
  const cursors = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 1; pages <= MAX_PAGES; pages++) {
    const page = await fetchPage(cursor);
    for (const item of page.items) {
      const id = requireId(what, pages, idOf(item));
      if (seen.has(id)) {
        throw new Error(`${what}: ${id} is listed again on page ${pages}`);
      }
      seen.add(id);
      items.push(item);
      ids.push(id);
    }
    if (page.next === null) {
      return { items, ids, pages };
    }
    if (cursors.has(page.next)) {
      throw new Error(`${what}: page ${pages} gives a cursor already followed (${page.next}): no last page`);
    }
    cursors.add(page.next);
    cursor = page.next;
  }
  throw new Error(`${what}: no last page (next: null) within ${MAX_PAGES} pages`);
}

/**
 * Follows a changes feed from its start until a page brings nothing new. An item changed again shows again, so
 * only the set of ids is compared with the list's.
 */
async function walkFeed<T>(what: string, fetchPage: FetchPage<T>, idOf: (item: T) => string | undefined): Promise<FeedWalk> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 1; pages <= MAX_PAGES; pages++) {
    const page = await fetchPage(cursor);
    if (page.next === null) {
      throw new Error(`${what}: page ${pages} has no next cursor; a changes feed always gives one`);
    }
    if (page.items.length === 0) {
      return { ids, pages };
    }
    page.items.forEach(item => ids.add(requireId(what, pages, idOf(item))));
    cursor = page.next;
  }
  throw new Error(`${what}: not caught up within ${MAX_PAGES} pages`);
}

function requireId(what: string, page: number, id: string | undefined): string {
  if (id === undefined) {
    throw new Error(`${what}: page ${page} holds an item without its id`);
  }
  return id;
}

/** The feed holds every item of the list and nothing else (none is created or removed while the script runs). */
function requireSameItems<T>(list: string, listed: ListWalk<T>, feed: string, fed: FeedWalk): void {
  const inList = new Set(listed.ids);
  const missing = listed.ids.filter(id => !fed.ids.has(id));
  const extra = [...fed.ids].filter(id => !inList.has(id));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`${list} and ${feed} differ: ${missing.length} listed only (${missing.slice(0, 5)}),`
      + ` ${extra.length} in the feed only (${extra.slice(0, 5)})`);
  }
}

async function main(conventionServiceUrl: string, registryUrl: string, accessToken: string): Promise<void> {
  const headers = { Authorization: `Bearer ${accessToken}` };
  const conventionsConfig = new conventionService.Configuration({ basePath: conventionServiceUrl, headers });
  const conventionsApi = new conventionService.ConventionsApi(conventionsConfig);
  const conventionChangesApi = new conventionService.DataSharingApi(conventionsConfig);
  const registryConfig = new registryService.Configuration({ basePath: registryUrl, headers });
  const establishmentsApi = new registryService.EstablishmentsApi(registryConfig);
  const establishmentChangesApi = new registryService.DataSharingApi(registryConfig);

  const conventions = await walkList('GET /v1/conventions',
    cursor => conventionsApi.listConventions({ limit: CONVENTIONS_PAGE_SIZE, cursor }),
    convention => convention.id);
  const conventionChanges = await walkFeed('GET /v1/convention-changes',
    cursor => conventionChangesApi.listConventionChanges({ limit: CONVENTIONS_PAGE_SIZE, cursor }),
    convention => convention.id);
  requireSameItems('GET /v1/conventions', conventions, 'GET /v1/convention-changes', conventionChanges);

  const establishments = await walkList('GET /v1/establishments',
    cursor => establishmentsApi.searchEstablishments({ limit: ESTABLISHMENTS_PAGE_SIZE, cursor }),
    establishment => establishment.siret);
  const establishmentChanges = await walkFeed('GET /v1/establishment-changes',
    cursor => establishmentChangesApi.listEstablishmentChanges({ limit: ESTABLISHMENTS_PAGE_SIZE, cursor }),
    establishment => establishment.siret);
  requireSameItems('GET /v1/establishments', establishments, 'GET /v1/establishment-changes', establishmentChanges);

  console.log(JSON.stringify({
    conventions: {
      items: conventions.items.length, pages: conventions.pages,
      references: conventions.items.map(convention => convention.reference),
    },
    conventionChanges: { items: conventionChanges.ids.size, pages: conventionChanges.pages },
    establishments: { items: establishments.items.length, pages: establishments.pages },
    establishmentChanges: { items: establishmentChanges.ids.size, pages: establishmentChanges.pages },
  }));
}

/** What went wrong: the server's problem+json when it answered with an error, else the chain of causes. */
async function describe(error: unknown): Promise<string> {
  if (error instanceof conventionService.ResponseError || error instanceof registryService.ResponseError) {
    const response = error.response;
    return `${response.status} from ${response.url}: ${await response.text()}`;
  }
  const messages: string[] = [];
  for (let cause: unknown = error; cause !== undefined; cause = cause instanceof Error ? cause.cause : undefined) {
    messages.push(cause instanceof Error ? cause.message : String(cause));
  }
  return messages.join(': ');
}

const [conventionServiceUrl, registryUrl] = process.argv.slice(2);
const accessToken = process.env.ACCESS_TOKEN;
if (conventionServiceUrl === undefined || registryUrl === undefined || accessToken === undefined) {
  console.error('usage: ACCESS_TOKEN=<bearer token> node list-pages.js <convention-service URL> <enterprise-registry-service URL>');
  process.exitCode = 2;
} else {
  main(conventionServiceUrl, registryUrl, accessToken).catch(async (error: unknown) => {
    console.error(`list-pages failed: ${await describe(error)}`);
    process.exitCode = 1;
  });
}
