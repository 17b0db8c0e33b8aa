package dev.rollouts.notifications.template;

/**
 * Compiles templates written in Go's {@code text/template} language with the Sprig functions, the
 * language of Argo Rollouts' notification templates.
 *
 * <p>Data is plain Java: {@code null} (Go's nil), {@link Boolean}, {@link Long} (or Integer),
 * {@link Double}, {@link String}, {@code byte[]} (Go's {@code []byte}, as in {@code .secrets}),
 * {@link java.util.List}, {@link java.util.Map} with String keys, and {@link GoFunction}. Numbers
 * read from JSON should be Doubles, as in Go: {@code {{.spec.replicas}}} of 5.0 prints {@code 5},
 * of 1e6 prints {@code 1e+06}. A missing map key prints {@code <no value>}.
 *
 * <p>Example: {@code compile("t", "{{range $i, $c := .items}}{{if $i}},{{end}}{{$c}}{{end}}")
 * .render(Map.of("items", List.of("a", "b")))} is {@code "a,b"}.
 */
public interface TemplateEngine {

  /**
   * Parses {@code text}.
   *
   * @throws TemplateException when it does not parse (an unclosed action, an undefined function or
   *     variable …), with Go's message {@code template: NAME:LINE: …}
   */
  CompiledTemplate compile(String name, String text);

  /** The clean-room engine of this package: Go's built-in functions and Sprig's. */
  static TemplateEngine go() {
    return GoTemplateEngine.INSTANCE;
  }
}
