package dev.rollouts.core.traffic;

/**
 * Why a router cannot route as asked, naming the object at fault. While a plan has problems the
 * engine shifts no traffic and reports each one in a condition and an event.
 *
 * @param kind the kind of the object at fault ({@code Ingress})
 * @param name its name
 * @param message what is wrong, as a sentence
 */
public record RoutingProblem(String kind, String name, String message) {

  @Override
  public String toString() {
    return kind + " " + name + ": " + message;
  }
}
