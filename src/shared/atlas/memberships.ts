import { z } from 'zod';
import { HOME_COUNTRY_ID } from '../home';
import { parseDataFile } from './parse';

const organisationSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  names: z.strictObject({ en: z.string().min(1), ko: z.string().min(1) }),
  aliases: z.array(z.string().min(1)),
  members: z.array(z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code')).min(1),
  nonStateMembers: z.array(z.string().min(1)),
  asOf: z.iso.date(),
  note: z.string().min(1),
});

/** The shape of `data/atlas/organisations.json`. */
export const organisationsFileSchema = z
  .strictObject({ description: z.string(), organisations: z.array(organisationSchema) })
  .superRefine((file, context) => {
    const ids = file.organisations.map((organisation) => organisation.id);
    if (new Set(ids).size !== ids.length) context.addIssue({ code: 'custom', message: 'organisation ids must be unique' });
    for (const organisation of file.organisations) {
      if (new Set(organisation.members).size !== organisation.members.length) {
        context.addIssue({ code: 'custom', message: `${organisation.id} lists a member twice` });
      }
    }
  });

/** An international body with its member states as of a date. */
export type Organisation = z.infer<typeof organisationSchema>;

/** Parses `data/atlas/organisations.json`; throws naming the file and every problem. */
export function parseOrganisations(file: unknown): Organisation[] {
  return parseDataFile('organisations.json', organisationsFileSchema, file).organisations;
}

/** The bodies that list `countryId` as a member, in file order. */
export function membershipsOf(countryId: string, organisations: readonly Organisation[]): Organisation[] {
  return organisations.filter((organisation) => organisation.members.includes(countryId));
}

/** The bodies both South Korea and `countryId` belong to, in file order; for South Korea itself, all of its own. */
export function sharedMemberships(countryId: string, organisations: readonly Organisation[]): Organisation[] {
  return membershipsOf(countryId, organisations).filter((organisation) => organisation.members.includes(HOME_COUNTRY_ID));
}
