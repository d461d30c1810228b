import type { ContainerType } from "type-graphql";

/**
 * The resolver classes' instances, one per class, found by a Map lookup. type-graphql asks its
 * container for the instance on every field it resolves, and its default container searches an
 * array of every resolver class (with a new closure) each time.
 */
export class ResolverInstances implements ContainerType {
  private readonly made = new Map<unknown, object>();

  get(someClass: new () => object): object {
    let instance = this.made.get(someClass);
    if (!instance) {
      instance = new someClass();
      this.made.set(someClass, instance);
    }
    return instance;
  }
}
