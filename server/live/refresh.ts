/**
 * After a write, the read model (graph, search, match index, metrics) is brought up to the store's data version in the
 * same request, so the next query sees the change without a restart. It rebuilds from the store: simple and always
 * consistent; at the seed's size it takes milliseconds (see the README's Performance section for large graphs).
 */
import { serverLayouts } from "../layout/server-layouts";
import { loadServices, type Services } from "../services";

export function refreshServices(services: Services): void {
  const previousLayout = serverLayouts(services);
  Object.assign(services, loadServices(services.store));
  // The new version's layout, computed when first asked for, starts from the old picture instead of from scratch.
  serverLayouts(services).continueFrom(previousLayout);
}
