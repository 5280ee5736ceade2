/** The request context: the services every procedure reads. Tests build it without HTTP. */
import type { Services } from "../services";

export interface Context {
  services: Services;
}

export const createContextFactory = (services: Services) => (): Context => ({ services });
